"""Theano's row-wise softmax family: Softmax, LogSoftmax, SoftmaxGrad, SoftmaxWithBias.

Theano 1.0.5 pads a vector to a (1, n) row (with a DEPRECATION warning) and refuses anything but 1-d or 2-d
floats (ValueError). The lowerings follow Theano's C code: exp(x - max) scaled by 1 / sum, and
(x - max) - log(sum(exp(x - max))) for LogSoftmax.
"""
import warnings

import jax.numpy as jnp

from ..graph import dtypes as D
from ..graph.ops import TheanoOp, primitive_name
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _as_rows(x, name):
    """Softmax.make_node's checks and vector padding (Theano's messages and warning)."""
    from .shape import dimshuffle
    x = as_tensor_variable(x)
    if x.ndim not in (1, 2) or x.dtype not in D.float_dtypes:
        raise ValueError(f"x must be 1-d or 2-d tensor of floats. Got {x.type}")
    if x.ndim == 1:
        warnings.warn(f"DEPRECATION: If x is a vector, {name} will not automatically pad x anymore in next "
                      "releases. If you need it, please do it manually. The vector case is gonna be supported "
                      "soon and the output will be a vector.", stacklevel=4)
        x = dimshuffle(x, "x", 0)
    return x


def _same_type(x, **params):
    return [x.type]


def softmax_lower(x):
    e = jnp.exp(x - jnp.max(x, axis=1, keepdims=True))
    return e * (1.0 / jnp.sum(e, axis=1, keepdims=True)).astype(x.dtype)


def logsoftmax_lower(x):
    xdev = x - jnp.max(x, axis=1, keepdims=True)
    return xdev - jnp.log(jnp.sum(jnp.exp(xdev), axis=1, keepdims=True))


def _softmax_grad(inputs, outputs, gouts):
    # Theano's Softmax.L_op; nnet_stabilize lowers it as Theano's optimizer rewrites it where gz comes
    # from a log (LogSoftmax's gradient) or a one-hot crossentropy (CrossentropySoftmax1HotWithBiasDx).
    return [softmax_grad(gouts[0], outputs[0])]


def _logsoftmax_grad(inputs, outputs, gouts):
    # Theano's LogSoftmax.grad: gz - sum(gz, axis=1, keepdims=True) * softmax(x)
    from .reductions import sum as tsum
    gz = gouts[0]
    return [gz - tsum(gz, axis=1, keepdims=True) * softmax_op(inputs[0])]


class PropLessOp(TheanoOp):
    """One of Theano's op classes without props (Softmax, CrossentropyCategorical1Hot, ...): each has one
    record here, which `Cls()` returns, and whose str is the class name (Theano's Op.__str__)."""

    @classmethod
    def from_props(cls):
        return cls.instance

    @classmethod
    def record(cls, name, *args, **kwargs):
        cls.instance = super().record(name, *args, describe=lambda node: cls.__name__, **kwargs)
        return cls.instance

    def __str__(self):
        return type(self).__name__


class _RowWise(PropLessOp):
    def make_node(self, x):
        # Theano's make_node pads a vector to a row (softmax_op(vector) works as softmax(vector) does)
        return super().make_node(_as_rows(x, type(self).__name__))


class Softmax(_RowWise):
    """Theano's row-wise softmax op (softmax(x) makes its nodes)."""


class LogSoftmax(_RowWise):
    """Theano's row-wise log-softmax op."""


class SoftmaxGrad(PropLessOp):
    """The gradient of Softmax: (dy, sm) -> dx."""


class SoftmaxWithBias(PropLessOp):
    """softmax(x + b) for a bias vector b, one op."""


softmax_op = Softmax.record("nnet.softmax", _same_type, softmax_lower, _softmax_grad)
logsoftmax_op = LogSoftmax.record("nnet.logsoftmax", _same_type, logsoftmax_lower, _logsoftmax_grad)


def softmax(c):
    """theano.tensor.nnet.softmax: row-wise; a vector gives a (1, n) row, as in Theano."""
    c = as_tensor_variable(c)
    if c.broadcastable[-1]:
        warnings.warn("The softmax is applied on a dimension of shape 1, which does not have a semantic meaning.",
                      stacklevel=2)
    return softmax_op(_as_rows(c, "Softmax"))


def logsoftmax(c):
    """theano.tensor.nnet.logsoftmax: (x - max) - log(sum(exp(x - max))), row-wise and stable."""
    return logsoftmax_op(_as_rows(c, "LogSoftmax"))


def softmax_graph(c):
    """theano.tensor.nnet.softmax_graph: exp(c) / exp(c).sum(axis=-1, keepdims=True), as plain graph."""
    from .math import exp
    return exp(c) / exp(c).sum(axis=-1, keepdims=True)


# --- SoftmaxGrad(dy, sm) = dy * sm - sum(dy * sm, axis=1) * sm ---

def _softmax_grad_lower(dy, sm):
    dx = dy * sm
    return dx - jnp.sum(dx, axis=1, keepdims=True) * sm


def _softmax_grad_grad(inputs, outputs, gouts):
    # Theano's SoftmaxGrad.grad
    from .reductions import sum as tsum
    from .shape import dimshuffle
    dy, sm = inputs
    g = gouts[0]
    tmp = g + -dimshuffle(tsum(g * sm, axis=1), 0, "x")
    g_dy = tmp * sm
    tmp2 = dimshuffle(tsum(dy * sm, axis=1), 0, "x")
    g_sm = tmp * dy - g * tmp2
    return [g_dy, g_sm]


softmax_grad_op = SoftmaxGrad.record("nnet.softmax_grad", lambda dy, sm: [sm.type], _softmax_grad_lower,
                                     _softmax_grad_grad)


def softmax_grad(dy, sm):
    """theano.tensor.nnet.softmax_grad: the gradient of softmax w.r.t. its input, given dy and sm."""
    from .shape import dimshuffle
    dy, sm = as_tensor_variable(dy), as_tensor_variable(sm)
    if dy.ndim not in (1, 2) or dy.dtype not in D.float_dtypes:
        raise ValueError("dy must be 1-d or 2-d tensor of floats. Got ", dy.type)
    dy = dimshuffle(dy, "x", 0) if dy.ndim == 1 else dy
    sm = dimshuffle(sm, "x", 0) if sm.ndim == 1 else sm
    return softmax_grad_op(dy, sm)


# --- SoftmaxWithBias(x, b) = softmax(x + b) ---

def _swb_infer(x, b):
    if x.ndim != 2 or x.dtype not in D.float_dtypes:
        raise ValueError("x must be 2-d tensor of floats")
    if b.ndim != 1 or b.dtype not in D.float_dtypes:
        raise ValueError("b must be 1-d tensor of floats")
    return [x.type]


def check_bias(x, b):
    if b.shape[0] != x.shape[1]:
        raise ValueError("b must have same number of columns as x")


def _swb_lower(x, b):
    check_bias(x, b)
    return softmax_lower((x + b[None, :]).astype(x.dtype))


def _swb_grad(inputs, outputs, gouts):
    from .reductions import sum as tsum
    dx = softmax_grad(gouts[0], outputs[0])
    return [dx, tsum(dx, axis=0)]


softmax_with_bias_op = SoftmaxWithBias.record("nnet.softmax_with_bias", _swb_infer, _swb_lower, _swb_grad)


def softmax_with_bias(x, b):
    """theano.tensor.nnet.softmax_with_bias: softmax(x + b) for a matrix x and a bias vector b."""
    return softmax_with_bias_op(x, b)


def is_softmax(v):
    """The input of softmax(x) when v is one (else None)."""
    return v.owner.inputs[0] if v.owner is not None and primitive_name(v.owner) == softmax_op.name else None


__all__ = ["softmax", "logsoftmax", "softmax_graph", "softmax_grad", "softmax_with_bias", "softmax_op",
           "logsoftmax_op", "softmax_grad_op", "softmax_with_bias_op"]
