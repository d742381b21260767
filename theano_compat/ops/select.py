"""Selecting by value: nonzero, flatnonzero, nonzero_values, take and choose (theano.tensor.basic /
subtensor). Nonzero's output length is the number of non-zero entries, a value-dependent shape."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import TheanoOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


def _nonzero_infer(a):
    if a.ndim == 0:
        raise ValueError("Nonzero only supports non-scalar arrays.")
    return [TensorType("int64", (False, False))]


def _nonzero_lower(a, static):
    idx = jnp.nonzero(a, size=static)
    return jnp.stack(idx).astype("int64") if static else jnp.zeros((a.ndim, 0), "int64")


def _nonzero_grad(inputs, outputs, gouts):
    from ..graph.null import undefined_grad
    return [undefined_grad(inputs[0], "Nonzero")]


class Nonzero(TheanoOp):
    """Theano's Nonzero: T.nonzero makes its nodes (the (ndim, n) index matrix); Nonzero()(a) is that matrix."""

    @classmethod
    def from_props(cls):
        return nonzero_op.constructed(lambda op, a: nonzero(a, return_matrix=True))


nonzero_op = Nonzero.record("nonzero", _nonzero_infer, _nonzero_lower, _nonzero_grad,
                static=lambda a: int(np.count_nonzero(np.asarray(a))), describe=lambda node: "Nonzero")


def nonzero(a, return_matrix=False):
    """The indices of a's non-zero entries: a tuple of vectors (numpy's form), or the (ndim, n) matrix."""
    a = _tensor(a)
    matrix = nonzero_op(a)
    if return_matrix:
        return matrix
    return tuple(matrix[i] for i in range(max(a.ndim, 1)))


def flatnonzero(a):
    """nonzero(a.flatten(), return_matrix=True)[0]"""
    a = _tensor(a)
    if a.ndim == 0:
        raise ValueError("Nonzero only supports non-scalar arrays.")
    return nonzero(a.flatten(), return_matrix=True)[0]


def nonzero_values(a):
    """a.flatten()[flatnonzero(a)]"""
    a = _tensor(a)
    return a.flatten()[flatnonzero(a)]


def take(a, indices, axis=None, mode="raise"):
    """numpy.take, built from advanced indexing as Theano builds it."""
    from .join import concatenate
    from .math import clip, mod
    a, indices = _tensor(a), _tensor(indices)
    if indices.ndim == 1:
        if mode == "clip":
            indices = clip(indices, 0, a.shape[axis] - 1)
        elif mode == "wrap":
            indices = mod(indices, a.shape[axis])
        if axis is None:
            return a.flatten()[indices]
        if axis == 0:
            return a[indices]
        if axis < 0:
            axis += a.ndim
        shuffle = list(range(a.ndim))
        shuffle[0], shuffle[axis] = axis, 0
        return a.dimshuffle(shuffle)[indices].dimshuffle(shuffle)
    if axis is None:
        shape, ndim = indices.shape, indices.ndim
    else:
        if axis < 0:
            axis += a.ndim
        shape = concatenate([a.shape[:axis], indices.shape, a.shape[axis + 1:]])
        ndim = a.ndim + indices.ndim - 1
    return take(a, indices.flatten(), axis, mode).reshape(shape, ndim)


# --- choose ---

def _choose_infer(a, choice, mode):
    if a.dtype not in D.discrete_dtypes:
        raise TypeError("choose first argument must have an [u]int* dtype. Got %s." % a.dtype)
    choice_bcast = choice.broadcastable[1:]
    bcast = [b1 and b2 for b1, b2 in zip(a.broadcastable, choice_bcast)]
    return [TensorType(choice.dtype, tuple(bcast))]


def _choose_lower(a, choice, mode):
    from ..compile.guard import check_range
    if mode == "raise":
        check_range(a, 0, choice.shape[0], ValueError, "invalid entry in choice array")
    return jnp.choose(a, list(choice), mode="clip" if mode == "raise" else mode)


def _choose_grad(inputs, outputs, gouts, mode):
    raise AttributeError("'Choose' object has no attribute 'grad' (Theano 1.0.5 defines no gradient for choose)")


class Choose(TheanoOp):
    """Theano's Choose(mode): T.choose makes its nodes; Choose(mode)(a, choices) is T.choose."""

    @classmethod
    def from_props(cls, mode):
        return choose_op.constructed(lambda op, a, choices: choose(a, choices, mode=op.mode), mode=mode)

    def node_props(self, node):
        return {"mode": node.params["mode"]}


choose_op = Choose.record("choose", _choose_infer, _choose_lower, _choose_grad,
                          describe=lambda node: "Choose{mode=%r}" % node.params["mode"])
choose_op.checks = lambda node: node.params["mode"] == "raise"


def choose(a, choices, out=None, mode="raise"):
    """numpy.choose: choices[a[I]][I] for every index I (a list of choices is stacked first)."""
    from .arrange import shape_padleft
    from .join import stack
    if mode not in ("raise", "wrap", "clip"):
        raise AssertionError(mode)
    a = _tensor(a)
    if isinstance(choices, (tuple, list)):
        choices = [_tensor(c) for c in choices]
        choice = stack(choices)
    else:
        choice = _tensor(choices)
    out_ndim = max(a.ndim, choice.ndim - 1)
    a = shape_padleft(a, out_ndim - a.ndim)
    if choice.ndim - 1 != out_ndim:
        choice = choice.dimshuffle(0, *(("x",) * (out_ndim - choice.ndim + 1) + tuple(range(1, choice.ndim))))
    return choose_op(a, choice, mode=mode)
