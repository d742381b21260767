"""Theano's crossentropies: categorical (integer labels or distributions), binary, sigmoid-binary, and the
fused softmax + one-hot crossentropy ops (CrossentropySoftmaxArgmax1HotWithBias and its gradient Dx).

Theano's optimizer turns crossentropy_categorical_1hot(softmax(x), y) into the fused op, whose nll is
-x[y] + max + log(sum(exp(x - max))), finite for any logits; nnet_stabilize does the same when lowering.
"""
import jax.numpy as jnp

from ..graph import dtypes as D
from ..graph.ops import Primitive, primitive_name
from ..graph.types import TensorType
from . import math as M
from .nnet import softplus_lower, sigmoid
from .nnet_softmax import check_bias, softmax_grad
from ..graph.constants import as_tensor_variable


def _rows(a):
    return jnp.arange(a.shape[0])


def _check_labels(y, n, error, message):
    from ..compile.guard import check_range
    check_range(y, 0, n, error, message)


# --- CrossentropyCategorical1Hot(coding_dist, one_of_n) = -log(coding_dist[i, one_of_n[i]]) ---

def _xent_infer(coding, y):
    if coding.ndim != 2:
        raise TypeError("matrix required for argument: coding_dist")
    if y.ndim != 1 or y.broadcastable != (False,) or y.dtype not in ("int32", "int64"):
        raise TypeError(f"integer vector required for argument: true_one_of_n(got type: {y.type} instead of: "
                        "TensorType(int64, vector))")
    return [TensorType(coding.dtype, (False,))]


def _xent_lower(coding, y):
    from ..compile.guard import check_range
    n = coding.shape[1]
    # Theano's Python implementation indexes with numpy: negative labels wrap, too large ones raise.
    check_range(y, -n, n, IndexError, "index {y} is out of bounds for axis 1 with size " + str(n), name="y")
    return -jnp.log(coding[_rows(coding), y])


def _xent_grad(inputs, outputs, gouts):
    from ..graph.null import undefined_grad
    coding, y = inputs
    return [crossentropy_categorical_1hot_grad_op(gouts[0], coding, y),
            undefined_grad(y, "CrossentropyCategorical1Hot")]


crossentropy_categorical_1hot_op = Primitive("nnet.crossentropy_categorical_1hot", _xent_infer, _xent_lower, _xent_grad,
                                      describe=lambda node: "CrossentropyCategorical1Hot")
crossentropy_categorical_1hot_op.checks = lambda node: True


def _xent_grad_lower(g, coding, y):
    rows = _rows(coding)
    return jnp.zeros_like(coding).at[rows, y].set(-g / coding[rows, y])


def _no_grad(inputs, outputs, gouts):
    raise AttributeError("'CrossentropyCategorical1HotGrad' object has no attribute 'grad'")  # Theano's


crossentropy_categorical_1hot_grad_op = Primitive(
    "nnet.crossentropy_categorical_1hot_grad", lambda g, coding, y: [coding.type], _xent_grad_lower, _no_grad,
    describe=lambda node: "CrossentropyCategorical1HotGrad")


def crossentropy_categorical_1hot(coding_dist, true_one_of_n):
    """theano.tensor.nnet.crossentropy_categorical_1hot: -log(coding_dist[i, true_one_of_n[i]])."""
    return crossentropy_categorical_1hot_op(coding_dist, true_one_of_n)


def crossentropy_categorical_1hot_grad(g_y, coding_dist, true_one_of_n):
    return crossentropy_categorical_1hot_grad_op(g_y, coding_dist, true_one_of_n)


def categorical_crossentropy(coding_dist, true_dist):
    """theano.tensor.nnet.categorical_crossentropy: -sum(true * log(coding), axis=-1) for distributions,
    crossentropy_categorical_1hot for integer labels (fused with a softmax when lowered, as Theano does)."""
    from .reductions import sum as tsum
    coding_dist, true_dist = as_tensor_variable(coding_dist), as_tensor_variable(true_dist)
    if true_dist.ndim == coding_dist.ndim:
        return -tsum(true_dist * M.log(coding_dist), axis=coding_dist.ndim - 1)
    if true_dist.ndim == coding_dist.ndim - 1:
        return crossentropy_categorical_1hot(coding_dist, true_dist)
    raise TypeError("rank mismatch between coding and true distributions")


# --- CrossentropySoftmaxArgmax1HotWithBias(x, b, y_idx) -> (nll, softmax(x + b), argmax(x + b)) ---

def _csa_infer(x, b, y):
    if x.ndim != 2 or x.dtype not in D.float_dtypes:
        raise ValueError("x must be 2-d tensor of floats", x.type)
    if b.ndim != 1 or x.dtype not in D.float_dtypes:
        raise ValueError("b must be 1-d tensor of floats", b.type)
    if y.ndim != 1 or y.dtype not in D.discrete_dtypes:
        raise ValueError("y_idx must be 1-d tensor of [u]ints", y.type)
    return [TensorType(x.dtype, y.broadcastable), x.type, y.type]


def fused_xent_lower(row, y):
    """(nll, softmax, argmax) of the rows, as Theano's C code: nll = -row[y] + max + log(sum(exp(row - max)))."""
    _check_labels(y, row.shape[1], ValueError, "y_i value out of bounds")
    if y.shape[0] != row.shape[0]:
        raise ValueError(f"number of rows in x ({row.shape[0]}) does not match length of y ({y.shape[0]})")
    m = jnp.max(row, axis=1, keepdims=True)
    e = jnp.exp(row - m)
    s = jnp.sum(e, axis=1, keepdims=True)
    sm = e * (1.0 / s)
    nll = (-row[_rows(row), y] + m[:, 0]) + jnp.log(s[:, 0])
    return nll, sm, jnp.argmax(row, axis=1).astype(y.dtype)


def _csa_lower(x, b, y):
    check_bias(x, b)
    return fused_xent_lower((x + b[None, :]).astype(x.dtype), y)


def is_zeros(g):
    """True for the zeros T.grad hands an output that the cost does not use (Theano: DisconnectedType)."""
    from .basic import NotScalarConstantError, get_scalar_constant_value
    if g is None:
        return True
    if g.owner is None or primitive_name(g.owner) != "second":
        return False
    try:
        return bool(get_scalar_constant_value(g.owner.inputs[1]) == 0)
    except NotScalarConstantError:
        return False


def _csa_grad(inputs, outputs, gouts):
    from .reductions import sum as tsum
    x, b, y = inputs
    g_nll, g_sm = gouts[0], gouts[1]
    dx_terms = []
    if not is_zeros(g_nll):
        dx_terms.append(crossentropy_softmax_1hot_with_bias_dx(g_nll, outputs[1], y))
    if not is_zeros(g_sm):
        dx_terms.append(softmax_grad(g_sm, outputs[1]))
    if not dx_terms:
        return [M.zeros_like(x), M.zeros_like(b), None]
    dx = dx_terms[0] if len(dx_terms) == 1 else dx_terms[0] + dx_terms[1]
    return [dx, tsum(dx, axis=0), None]


crossentropy_softmax_argmax_1hot_with_bias_op = Primitive(
    "nnet.crossentropy_softmax_argmax_1hot_with_bias", _csa_infer, _csa_lower, _csa_grad,
    describe=lambda node: "CrossentropySoftmaxArgmax1HotWithBias")
crossentropy_softmax_argmax_1hot_with_bias_op.checks = lambda node: True


def crossentropy_softmax_argmax_1hot_with_bias(x, b, y_idx):
    """(nll, softmax(x + b), argmax(x + b)) for integer labels y_idx."""
    return crossentropy_softmax_argmax_1hot_with_bias_op(x, b, y_idx)


def crossentropy_softmax_1hot_with_bias(x, b, y_idx):
    return crossentropy_softmax_argmax_1hot_with_bias(x, b, y_idx)[0:2]


def crossentropy_softmax_1hot(x, y_idx):
    """theano.tensor.nnet.crossentropy_softmax_1hot: (nll, softmax(x)) for integer labels."""
    x = as_tensor_variable(x)
    return crossentropy_softmax_1hot_with_bias(x, M.zeros_like(x[0, :]), y_idx)


def crossentropy_softmax_max_and_argmax_1hot_with_bias(x, b, y_idx):
    """(nll, softmax, max probability, argmax)."""
    from .reductions import max_and_argmax
    xent, sm = crossentropy_softmax_1hot_with_bias(x, b, y_idx)
    max_pr, argmax = max_and_argmax(sm, axis=-1)
    return xent, sm, max_pr, argmax


def crossentropy_softmax_max_and_argmax_1hot(x, y_idx):
    x = as_tensor_variable(x)
    return crossentropy_softmax_max_and_argmax_1hot_with_bias(x, M.zeros_like(x[0, :]), y_idx)


# --- CrossentropySoftmax1HotWithBiasDx(dy, sm, y_idx) = dy * sm, minus dy at each row's label ---

def _dx_infer(dy, sm, y):
    if dy.ndim > 1 or dy.dtype not in D.float_dtypes:
        raise ValueError("dy must be {0,1}-d tensor of floats", dy.type)
    if sm.ndim != 2 or sm.dtype not in D.float_dtypes:
        raise ValueError("sm must be 2-d tensor of floats", sm.type)
    if y.ndim != 1 or y.dtype not in D.discrete_dtypes:
        raise ValueError("y_idx must be 1-d tensor of [u]ints", y.type)
    return [sm.type]


def dx_lower(dy, sm, y):
    _check_labels(y, sm.shape[1], ValueError, "y_i value out of bounds")
    dy = jnp.broadcast_to(jnp.reshape(dy, (-1,)), (sm.shape[0],)).astype(sm.dtype)
    dx = dy[:, None] * sm
    return dx.at[_rows(sm), y].add(-dy)


def _dx_grad(inputs, outputs, gouts):
    # Theano's CrossentropySoftmax1HotWithBiasDx.grad
    from ..graph.null import undefined_grad
    from .reductions import sum as tsum
    from .shape import dimshuffle
    from .subtensor import inc_subtensor
    from ..tensor import arange
    dy, sm, y = inputs
    g_dx = gouts[0]
    rows = arange(y.shape[0])
    g_dy = tsum(g_dx * inc_subtensor(sm[rows, y], M.fill(dy, -1)), axis=1)
    g_sm = dimshuffle(dy, 0, "x") * g_dx
    return [g_dy, g_sm, undefined_grad(y, "CrossentropySoftmax1HotWithBiasDx")]


crossentropy_softmax_1hot_with_bias_dx_op = Primitive(
    "nnet.crossentropy_softmax_1hot_with_bias_dx", _dx_infer, dx_lower, _dx_grad,
    describe=lambda node: "CrossentropySoftmax1HotWithBiasDx")
crossentropy_softmax_1hot_with_bias_dx_op.checks = lambda node: True


def crossentropy_softmax_1hot_with_bias_dx(dy, sm, y_idx):
    return crossentropy_softmax_1hot_with_bias_dx_op(dy, sm, y_idx)


# --- binary crossentropies ---

def binary_crossentropy(output, target):
    """-(target * log(output) + (1 - target) * log(1 - output)); stable for output = sigmoid(x), whose logs
    are lowered as Theano's optimizer rewrites them (-softplus(-x), -softplus(x))."""
    return -(target * M.log(output) + (1.0 - target) * M.log(1.0 - output))


def _sbce_lower(x, t, dtype, bcast):
    work = D.upgrade_to_float(str(x.dtype))
    sp = softplus_lower(-jnp.abs(jnp.asarray(x).astype(work)))
    return (sp + x.astype(dtype) * ((x > 0).astype(dtype) - t.astype(dtype))).astype(dtype)


def _sbce_grad(inputs, outputs, gouts, dtype, bcast):
    from .reductions import sum_to_type
    x, t = inputs
    g = gouts[0]
    return [sum_to_type(g * (sigmoid(x) - t), x), sum_to_type(g * (-x), t)]


sigmoid_binary_crossentropy_op = Primitive(
    "nnet.sigmoid_binary_crossentropy", lambda x, t, dtype, bcast: [TensorType(dtype, bcast)], _sbce_lower,
    _sbce_grad, describe=lambda node: "sigmoid_binary_crossentropy{inline=True}")


def sigmoid_binary_crossentropy(output, target):
    """binary_crossentropy(sigmoid(output), target) from the logits: softplus(-|x|) + x * ((x > 0) - t),
    with Theano's gradients (sigmoid(x) - t, -x)."""
    from .logic import gt
    from .nnet import softplus
    x, t = as_tensor_variable(output), as_tensor_variable(target)
    like = softplus(-M.abs_(x)) + x * (gt(x, 0) - t)  # Theano's graph: its type is the op's type
    return sigmoid_binary_crossentropy_op(x, t, dtype=like.dtype, bcast=like.broadcastable)
