"""theano.tensor.nnet's activations (Theano's sigm.py and nnet.py), with Theano's values and gradients.

Theano's C code for sigmoid and softplus clips at dtype-dependent bounds (sigmoid(x) is exactly 1.0 above 15
in float32 and 19 in float64), and falls back to its Python code, with bounds of +-30, for integer inputs;
the lowerings copy those bounds, since they decide values and gradients of saturated units. The softmax
family lives in nnet_softmax.py, the crossentropies in nnet_xent.py, batch normalization in nnet_bn.py,
and Theano's stabilizing rewrites (log(softmax) -> logsoftmax, log(sigmoid) -> -softplus(-x)) in
nnet_stabilize.py.
"""
import jax.numpy as jnp

from ..graph import dtypes as D
from ..graph.ops import MethodNotDefined
from .elementwise import elementwise
from . import math as M
from ..graph.constants import as_tensor_variable, constant


# Theano's ScalarSigmoid / ScalarSoftplus C code: below lo the value is 0, above hi it is 1 (sigmoid) or x
# (softplus). Integer inputs run Theano's Python implementation, whose bounds are -30 and 30.
_SIGMOID_BOUNDS = {"float16": (-88.0, 15.0), "float32": (-88.0, 15.0), "float64": (-709.0, 19.0)}
_SOFTPLUS_BOUNDS = {"float16": (-103.0, 14.0), "float32": (-103.0, 14.0), "float64": (-745.0, 16.0)}
_PYTHON_BOUNDS = (-30.0, 30.0)


def _work(x):
    """x in the dtype the op computes in (its output dtype; float32 for float16, as Theano's C code)."""
    out = D.upgrade_to_float(str(x.dtype))
    return jnp.asarray(x).astype("float32" if out == "float16" else out)


def sigmoid_lower(x):
    """Theano's sigmoid values: 1 / (1 + exp(-x)), exactly 0 and 1 beyond its C code's bounds."""
    lo, hi = _SIGMOID_BOUNDS.get(str(x.dtype), _PYTHON_BOUNDS)
    x = _work(x)
    return jnp.where(x < lo, 0.0, jnp.where(x > hi, 1.0, 1.0 / (1.0 + jnp.exp(-x)))).astype(x.dtype)


def softplus_lower(x):
    """Theano's softplus values: log1p(exp(x)), exactly 0 and x beyond its C code's bounds."""
    lo, hi = _SOFTPLUS_BOUNDS.get(str(x.dtype), _PYTHON_BOUNDS)
    x = _work(x)
    return jnp.where(x < lo, 0.0, jnp.where(x > hi, x, jnp.log1p(jnp.exp(jnp.minimum(x, hi))))).astype(x.dtype)


def _sigmoid_grad(inputs, out, gz):
    # Theano: gz * y * (1.0 - y). Where gz holds the divisions of a log's gradient, Theano's optimizer
    # cancels them (log(sigmoid(x))' = 1 - sigmoid(x)); nnet_stabilize lowers it that way.
    return [gz * out * (1.0 - out)]


def _softplus_grad(inputs, out, gz):
    return [gz * sigmoid(inputs[0])]


def _ultra_fast_sigmoid_lower(x):
    # Theano's UltraFastScalarSigmoid: 0.5 * (t + 1) with t a three-piece approximation of tanh(x / 2).
    x = 0.5 * _work(x)
    a = jnp.abs(x)
    t = jnp.where(a < 1.7, 1.5 * a / (1 + a),
                  jnp.where(a < 3, 0.935409070603099 + 0.0458812946797165 * (a - 1.7), 0.99505475368673))
    t = jnp.where(x >= 0, t, -t).astype(x.dtype)
    return (0.5 * (t + 1.0)).astype(x.dtype)


class UltraFastScalarSigmoid:
    """Stands for Theano's scalar op class in the MethodNotDefined its missing gradient raises."""


UltraFastScalarSigmoid.__module__ = "theano.tensor.nnet.sigm"


def _no_grad_defined(inputs, out, gz):
    raise MethodNotDefined("grad", UltraFastScalarSigmoid, "UltraFastScalarSigmoid")


def _softsign_lower(x):
    x = _work(x)
    return x / (1.0 + jnp.abs(x))


def _softsign_grad(inputs, out, gz):
    x = inputs[0]
    d = 1.0 + M.abs_(x)
    return [gz / (d * d)]


def _named(build, name):
    """Theano prints these Elemwise ops by their own name: `sigmoid`, and `sigmoid(x)` in pp."""
    build._describe = lambda node: name
    build.theano_name = name
    build.pp = lambda node, args: f"{name}({', '.join(args)})"
    return build


_F = dict(cast_inputs=False)  # the lowerings read the input dtype (Theano's bounds depend on it)
sigmoid = _named(elementwise("nnet.sigmoid", sigmoid_lower, D.upgrade_to_float, _sigmoid_grad, **_F), "sigmoid")
softplus = _named(elementwise("nnet.softplus", softplus_lower, D.upgrade_to_float, _softplus_grad, **_F),
                  "softplus")
ultra_fast_sigmoid = _named(elementwise("nnet.ultra_fast_sigmoid", _ultra_fast_sigmoid_lower, D.upgrade_to_float,
                                        _no_grad_defined, **_F), "ultra_fast_sigmoid")
softsign = _named(elementwise("nnet.softsign", _softsign_lower, D.upgrade_to_float, _softsign_grad, **_F),
                  "softsign")
sigmoid.__doc__ = "theano.tensor.nnet.sigmoid: 1 / (1 + exp(-x)), with Theano's saturation bounds."
softplus.__doc__ = "theano.tensor.nnet.softplus: log(1 + exp(x)), with Theano's saturation bounds."
ultra_fast_sigmoid.__doc__ = "theano.tensor.nnet.ultra_fast_sigmoid: Theano's piecewise approximation (no grad)."
softsign.__doc__ = "theano.tensor.nnet.softsign: x / (1 + |x|)."


def hard_sigmoid(x):
    """theano.tensor.nnet.hard_sigmoid: clip(0.2 * x + 0.5, 0, 1), in x's float dtype (Theano's graph)."""
    x = as_tensor_variable(x)
    out_dtype = D.upgrade_to_float(x.dtype)
    x = (x * constant(0.2, dtype=out_dtype)) + constant(0.5, dtype=out_dtype)
    return M.clip(x, 0, 1)


def relu(x, alpha=0):
    """theano.tensor.nnet.relu: 0.5 * (x + |x|), or leaky with slope alpha (Theano's formula and dtypes)."""
    x = as_tensor_variable(x)
    if _is_zero(alpha):
        return 0.5 * (x + M.abs_(x))
    # Theano: alpha becomes a tensor first, so a Python 0.1 is a float64 constant (and upcasts float32 x).
    alpha = as_tensor_variable(alpha)
    f1 = 0.5 * (1 + alpha)
    f2 = 0.5 * (1 - alpha)
    return f1 * x + f2 * M.abs_(x)


def _is_zero(alpha):
    """Theano's `alpha == 0`: true for a number (or array) equal to 0, never for a symbolic variable."""
    from ..graph.nodes import Variable
    if isinstance(alpha, Variable):
        return False
    try:
        return bool(alpha == 0)
    except (TypeError, ValueError):
        raise ValueError("The truth value of an array with more than one element is ambiguous. "
                         "Use a.any() or a.all()")


def elu(x, alpha=1):
    """theano.tensor.nnet.elu: switch(x > 0, x, alpha * expm1(x))."""
    from .logic import switch, gt
    x = as_tensor_variable(x)
    return switch(gt(x, 0), x, alpha * M.expm1(x))


def selu(x):
    """theano.tensor.nnet.selu: scale * elu(x, alpha) with the self-normalizing constants."""
    alpha = 1.6732632423543772848170429916717
    scale = 1.0507009873554804934193349852946
    return scale * elu(x, alpha)


# The softmax family, the crossentropies and Theano's stabilizing rewrites (registered on import).
from . import nnet_softmax, nnet_xent, nnet_stabilize  # noqa: E402,F401
