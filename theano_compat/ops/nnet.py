"""theano.tensor.nnet's activations and losses, with Theano's gradients and numerically stable forms."""
import jax
import jax.numpy as jnp

from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType
from .elementwise import elementwise
from . import math as M


def _sigmoid_grad(inputs, out, gz):
    return [gz * out * (1.0 - out)]


def _softplus_grad(inputs, out, gz):
    return [gz * sigmoid(inputs[0])]


sigmoid = elementwise("sigmoid", jax.nn.sigmoid, D.upgrade_to_float, _sigmoid_grad)
softplus = elementwise("softplus", jax.nn.softplus, D.upgrade_to_float, _softplus_grad)


# --- softmax over rows (Theano's Softmax: a vector becomes a (1, n) row) ---

def _softmax_infer(x, log):
    return [TensorType(x.dtype, x.broadcastable)]


def _softmax_lower(x, log):
    return (jax.nn.log_softmax if log else jax.nn.softmax)(x, axis=-1)


def _softmax_grad(inputs, outputs, gouts, log):
    (x,), (sm,), (gz,) = inputs, outputs, gouts
    from .reductions import sum as tsum
    if log:
        return [gz - M.exp(sm) * tsum(gz, axis=1, keepdims=True)]
    return [(gz - tsum(gz * sm, axis=1, keepdims=True)) * sm]


softmax_op = Op("softmax", _softmax_infer, _softmax_lower, _softmax_grad,
                describe=lambda node: "LogSoftmax" if node.params["log"] else "Softmax")


def _as_matrix(x):
    from ..tensor.basic import as_tensor_variable
    from .shape import dimshuffle
    x = as_tensor_variable(x)
    if x.ndim == 1:
        return dimshuffle(x, "x", 0)
    if x.ndim != 2:
        raise ValueError(f"x must be 1-d or 2-d tensor of floats. Got {x.type}")
    return x


def softmax(c):
    """theano.tensor.nnet.softmax: row-wise; a vector gives a (1, n) row, as in Theano."""
    return softmax_op(_as_matrix(c), log=False)


def logsoftmax(c):
    return softmax_op(_as_matrix(c), log=True)


def relu(x, alpha=0):
    """theano.tensor.nnet.relu: max(x, 0), or leaky with slope alpha (Theano's formula)."""
    if alpha == 0:
        return 0.5 * (x + abs(x))
    f1 = 0.5 * (1 + alpha)
    f2 = 0.5 * (1 - alpha)
    return f1 * x + f2 * abs(x)


def categorical_crossentropy(coding_dist, true_dist):
    """-sum(true * log(pred), axis=1) for one-hot targets, or -log(pred[i, y_i]) for integer labels."""
    from ..tensor.basic import as_tensor_variable
    from .reductions import sum as tsum
    from .basic import cast
    true_dist = as_tensor_variable(true_dist)
    if true_dist.ndim == coding_dist.ndim:
        return -tsum(true_dist * M.log(coding_dist), axis=coding_dist.ndim - 1)
    if true_dist.ndim == coding_dist.ndim - 1 and true_dist.dtype in D.integer_dtypes:
        from ..tensor import arange
        return -M.log(coding_dist[arange(true_dist.shape[0]), true_dist])
    raise TypeError("rank mismatch between coding and true distributions")


def binary_crossentropy(output, target):
    """-(target * log(output) + (1 - target) * log(1 - output))"""
    return -(target * M.log(output) + (1.0 - target) * M.log(1.0 - output))


def sigmoid_binary_crossentropy(output, target):
    """binary_crossentropy(sigmoid(output), target), computed stably from the logits."""
    return softplus(-output) * target + softplus(output) * (1.0 - target)
