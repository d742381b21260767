"""theano.tensor.extra_ops, continued: Unique, searchsorted, ravel_multi_index, unravel_index."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import Primitive
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x, ndim=None):
    return as_tensor_variable(x, ndim=ndim)


# --- Unique: its output length is the number of distinct values (a value-dependent shape) ---

def _unique_infer(x, return_index, return_inverse, return_counts, axis):
    if axis is None:
        bcast = (False,)
    else:
        ax = axis + x.ndim if axis < 0 else axis
        if ax < 0 or ax >= x.ndim:
            raise RuntimeError("Unique axis `{}` is outside of input ndim = {}.".format(axis, x.ndim))
        bcast = tuple(False if i == ax else b for i, b in enumerate(x.broadcastable))
    n_int = sum(bool(f) for f in (return_index, return_inverse, return_counts))
    return [TensorType(x.dtype, bcast)] + [TensorType("int64", (False,))] * n_int


def _unique_static(x, return_index, return_inverse, return_counts, axis):
    return int(np.unique(np.asarray(x), axis=axis).shape[0 if axis is None else axis])


def _unique_lower(x, return_index, return_inverse, return_counts, axis, static):
    x = jnp.asarray(x)
    if axis is not None:
        raise TypeError("theano_compat does not support Unique with an axis yet")
    res = jnp.unique(x.ravel(), return_index=return_index, return_inverse=return_inverse,
                     return_counts=return_counts, size=static)
    if not (return_index or return_inverse or return_counts):
        return res
    res = list(res)
    out = [res[0]]
    k = 1
    for flag in (return_index, return_inverse, return_counts):
        if flag:
            out.append(jnp.ravel(res[k]).astype("int64"))
            k += 1
    return tuple(out)


unique_op = Primitive("extra_ops.Unique", _unique_infer, _unique_lower, None, static=_unique_static,
               describe=lambda node: "Unique{%s, %s, %s, %s}" % tuple(node.params[k] for k in (
                   "return_index", "return_inverse", "return_counts", "axis")))
unique_op.grad_rule = lambda inputs, outputs, gouts, **p: [_no_grad("Unique", inputs[0])]


def _no_grad(name, x):
    from ..graph.null import undefined_grad
    return undefined_grad(x, name, f"theano_compat has no gradient for {name} (Theano defines none)")


class Unique:
    """theano.tensor.extra_ops.Unique(return_index, return_inverse, return_counts, axis): numpy.unique as an
    op; calling it on x gives the unique values (and the requested index arrays, in numpy's order)."""

    def __init__(self, return_index=False, return_inverse=False, return_counts=False, axis=None):
        self.return_index = return_index
        self.return_inverse = return_inverse
        self.return_counts = return_counts
        self.axis = axis

    def __call__(self, x):
        return unique_op(_tensor(x), return_index=bool(self.return_index),
                         return_inverse=bool(self.return_inverse), return_counts=bool(self.return_counts),
                         axis=self.axis)


# --- searchsorted ---

def _searchsorted_lower(x, v, *sorter, side):
    if sorter:
        x = jnp.asarray(x)[sorter[0]]
    return jnp.searchsorted(x, v, side=side).astype("int64")


def _searchsorted_grad(inputs, outputs, gouts, side):
    from .math import zeros_like
    return [zeros_like(inputs[0]), zeros_like(inputs[1])] + [None] * (len(inputs) - 2)


searchsorted_op = Primitive("extra_ops.searchsorted", lambda x, v, *s, side: [TensorType("int64", v.broadcastable)],
                     _searchsorted_lower, _searchsorted_grad,
                     describe=lambda node: "SearchsortedOp{side=%s}" % node.params["side"])


def searchsorted(x, v, side="left", sorter=None):
    """numpy.searchsorted: where the values v would be inserted into the sorted vector x."""
    if side not in ("left", "right"):
        raise ValueError("'%s' is an invalid value for keyword 'side'" % side)
    x, v = _tensor(x, ndim=1), _tensor(v)
    if sorter is None:
        return searchsorted_op(x, v, side=side)
    sorter = _tensor(sorter, ndim=1)
    if sorter.dtype not in D.int_dtypes:
        raise TypeError("sorter must be an integer vector", sorter.type)
    return searchsorted_op(x, v, sorter, side=side)


# --- ravel_multi_index / unravel_index ---

def _check_int(*vs):
    for v in vs:
        if v.dtype not in D.int_dtypes:
            raise TypeError("'%s' object cannot be interpreted as an index" % str(v.dtype))


def _unravel_lower(indices, dims, ndim, order, static):
    from ..compile.guard import check_range
    size = int(np.prod(static))
    check_range(indices, 0, size, ValueError, f"index out of bounds for array with size {size}")
    return tuple(a.astype("int64") for a in jnp.unravel_index(indices, static)) if ndim > 1 else \
        jnp.unravel_index(indices, static)[0].astype("int64")


unravel_index_op = Primitive("extra_ops.unravel_index",
                      lambda indices, dims, ndim, order: [TensorType("int64", (False,) * indices.ndim)] * ndim,
                      _unravel_lower, lambda inputs, outputs, gouts, **p: [None, None],
                      static=lambda indices, dims, ndim, order: tuple(int(d) for d in np.asarray(dims)),
                      static_args=lambda node: (1,), describe=lambda node: "UnravelIndex")
unravel_index_op.checks = lambda node: True


def unravel_index(indices, dims, order="C", ndim=None):
    """numpy.unravel_index: a tuple of coordinate arrays for flat indices into an array of shape dims."""
    from ..ops.shape import get_vector_length
    if order != "C":
        raise TypeError("theano_compat does not support unravel_index with order='F' yet")
    indices, dims = _tensor(indices), _tensor(dims)
    _check_int(indices, dims)
    if dims.ndim != 1:
        raise TypeError("dims must be a 1D array")
    if ndim is None:
        try:
            ndim = get_vector_length(dims)
        except ValueError:
            raise ValueError("The length of the provided dimension list (%s) cannot be automatically "
                             "determined, so Theano is not able to know what the number of dimensions of the "
                             "unraveled index will be. You can provide the 'ndim' keyword argument to "
                             "'unravel_index' to avoid this problem." % str(dims)) from None
    res = unravel_index_op(indices, dims, ndim=ndim, order=order)
    return tuple(res) if ndim > 1 else (res,)


def _ravel_lower(*args, mode, order, static):
    from ..compile.guard import check_range
    idx = args[:-1]
    if mode == "raise":
        for i, d in zip(idx, static):
            check_range(i, 0, d, ValueError, "invalid entry in coordinates array")
    return jnp.ravel_multi_index(tuple(idx), static, mode="clip" if mode == "raise" else mode).astype("int64")


ravel_multi_index_op = Primitive("extra_ops.ravel_multi_index", lambda *args, mode, order: [TensorType(
    "int64", args[0].broadcastable)], _ravel_lower, lambda inputs, outputs, gouts, **p: [None] * len(inputs),
    static=lambda *args, mode, order: tuple(int(d) for d in np.asarray(args[-1])),
    static_args=lambda node: (len(node.inputs) - 1,), describe=lambda node: "RavelMultiIndex")
ravel_multi_index_op.checks = lambda node: True


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """numpy.ravel_multi_index: flat indices of a tuple of coordinate arrays into an array of shape dims."""
    if not isinstance(multi_index, (tuple, list)):
        raise TypeError("multi_index must be a tuple or a list.")
    if order != "C":
        raise TypeError("theano_compat does not support ravel_multi_index with order='F' yet")
    args = [_tensor(i) for i in multi_index] + [_tensor(dims)]
    _check_int(*args)
    if args[-1].ndim != 1:
        raise TypeError("dims must be a 1D array")
    return ravel_multi_index_op(*args, mode=mode, order=order)
