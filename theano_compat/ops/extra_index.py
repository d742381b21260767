"""theano.tensor.extra_ops, continued: Unique, searchsorted, ravel_multi_index, unravel_index."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import Primitive, PropsOp
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
    res = jnp.unique(x.ravel() if axis is None else x, return_index=return_index, return_inverse=return_inverse,
                     return_counts=return_counts, size=static, axis=axis)
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


class Unique(PropsOp):
    """Theano's Unique(return_index=False, return_inverse=False, return_counts=False, axis=None):
    numpy.unique as an op; calling it on x gives the unique values (and the requested index arrays, in
    numpy's order)."""

    param_names = ("return_index", "return_inverse", "return_counts", "axis")

    @classmethod
    def from_props(cls, return_index=False, return_inverse=False, return_counts=False, axis=None):
        return unique_op.with_props(return_index=return_index, return_inverse=return_inverse,
                                    return_counts=return_counts, axis=axis)

    def make_node(self, x, **params):
        if not params and self.props:  # the flags as given (Theano keeps them), the params as bools
            params = {"return_index": bool(self.return_index), "return_inverse": bool(self.return_inverse),
                      "return_counts": bool(self.return_counts), "axis": self.axis}
        return super().make_node(x, **params)


unique_op = Unique.record("extra_ops.Unique", _unique_infer, _unique_lower, None, static=_unique_static,
                          describe=lambda node: "Unique{return_index=%r, return_inverse=%r, return_counts=%r, "
                          "axis=%r}" % tuple(node.params[k] for k in ("return_index", "return_inverse",
                                                                      "return_counts", "axis")))
unique_op.grad_rule = lambda inputs, outputs, gouts, **p: [_no_grad("Unique", inputs[0])]


def _no_grad(name, x):
    from ..graph.null import undefined_grad
    return undefined_grad(x, name, f"theano_compat has no gradient for {name} (Theano defines none)")


# --- searchsorted ---

def _less(a, b):
    """numpy's sort order: NaN after every number."""
    return (a < b) | (jnp.isnan(b) & ~jnp.isnan(a)) if jnp.issubdtype(a.dtype, jnp.inexact) else a < b


def _searchsorted_lower(x, v, *sorter, side):
    """numpy's binary search (npy_binsearch), key by key in C order: each key's search starts from the
    bounds the previous key left (numpy's speed-up for sorted keys). On an unsorted x that decides the
    answer, and Theano (numpy) code relies on it, so the same bisection runs here."""
    import jax
    x = jnp.asarray(x)[sorter[0]] if sorter else jnp.asarray(x)
    keys = jnp.asarray(v)
    n = x.shape[0]
    if n == 0 or keys.size == 0:
        return jnp.zeros(keys.shape, "int64")
    cmp = _less if side == "left" else (lambda a, b: ~_less(b, a))

    def search(carry, key):
        lo, hi, last = carry
        up = cmp(last, key)
        lo, hi = jnp.where(up, lo, 0), jnp.where(up, n, jnp.minimum(hi + 1, n))

        def halve(_, bounds):
            lo, hi = bounds
            mid = lo + (hi - lo) // 2
            right = cmp(x[jnp.minimum(mid, n - 1)], key)
            active = lo < hi
            return jnp.where(active & right, mid + 1, lo), jnp.where(active & ~right, mid, hi)
        lo, hi = jax.lax.fori_loop(0, n.bit_length() + 1, halve, (lo, hi))
        return (lo, hi, key), lo

    flat = keys.ravel()
    start = (jnp.asarray(0, "int64"), jnp.asarray(n, "int64"), flat[0])
    return jax.lax.scan(search, start, flat)[1].reshape(keys.shape).astype("int64")


def _searchsorted_grad(inputs, outputs, gouts, side):
    from .math import zeros_like
    return [zeros_like(inputs[0]), zeros_like(inputs[1])] + [None] * (len(inputs) - 2)


class SearchsortedOp(PropsOp):
    """Theano's SearchsortedOp(side='left'): (x, v[, sorter]) -> numpy.searchsorted(x, v, side, sorter)."""

    param_names = ("side",)

    @classmethod
    def from_props(cls, side="left"):
        if side not in ("left", "right"):
            raise ValueError("'%s' is an invalid value for keyword 'side'" % side)
        return searchsorted_op.with_props(side=side)


def _searchsorted_infer(x, v, *sorter, side):
    if sorter and sorter[0].dtype not in D.int_dtypes:
        raise TypeError("sorter must be an integer vector", sorter[0].type)
    return [TensorType("int64", v.broadcastable)]


searchsorted_op = SearchsortedOp.record("extra_ops.searchsorted", _searchsorted_infer, _searchsorted_lower,
                                        _searchsorted_grad,
                                        describe=lambda node: "SearchsortedOp{side=%r}" % node.params["side"])


def searchsorted(x, v, side="left", sorter=None):
    """numpy.searchsorted: where the values v would be inserted into the sorted vector x."""
    op = SearchsortedOp(side)
    x, v = _tensor(x, ndim=1), _tensor(v)
    return op(x, v) if sorter is None else op(x, v, _tensor(sorter, ndim=1))


# --- ravel_multi_index / unravel_index ---

def _check_int(*vs):
    for v in vs:
        if v.dtype not in D.int_dtypes:
            raise TypeError("'%s' object cannot be interpreted as an index" % str(v.dtype))


def _check_dims(dims):
    if dims.ndim != 1:
        raise TypeError("dims must be a 1D array")


class UnravelIndex(PropsOp):
    """Theano's UnravelIndex(ndim, order='C'): (indices, dims) -> ndim coordinate arrays."""

    param_names = ("ndim", "order")

    @classmethod
    def from_props(cls, ndim, order="C"):
        assert order in ("C", "F")
        if not isinstance(ndim, int) or ndim < 1:
            raise ValueError("ndim must be an integer greater than 0")
        return unravel_index_op.with_props(ndim=int(ndim), order=order)


def _unravel_infer(indices, dims, ndim, order):
    _check_int(indices, dims)
    _check_dims(dims)
    return [TensorType("int64", (False,) * indices.ndim)] * ndim


def _unravel_lower(indices, dims, ndim, order, static):
    from ..compile.guard import check_range
    size = int(np.prod(static))
    check_range(indices, 0, size, ValueError, f"index out of bounds for array with size {size}")
    if order == "F":  # the first coordinate varies fastest: C order on the reversed shape, reversed
        res = jnp.unravel_index(indices, static[::-1])[::-1]
    else:
        res = jnp.unravel_index(indices, static)
    return tuple(a.astype("int64") for a in res) if ndim > 1 else res[0].astype("int64")


unravel_index_op = UnravelIndex.record(
    "extra_ops.unravel_index", _unravel_infer, _unravel_lower, lambda inputs, outputs, gouts, **p: [None, None],
    static=lambda indices, dims, ndim, order: tuple(int(d) for d in np.asarray(dims)),
    static_args=lambda node: (1,), describe=lambda node: "UnravelIndex{ndim=%(ndim)r, order=%(order)r}" % node.params)
unravel_index_op.checks = lambda node: True


def unravel_index(indices, dims, order="C", ndim=None):
    """numpy.unravel_index: a tuple of coordinate arrays for flat indices into an array of shape dims."""
    from ..ops.shape import get_vector_length
    indices, dims = _tensor(indices), _tensor(dims)
    if ndim is None:
        try:
            ndim = get_vector_length(dims)
        except ValueError:
            raise ValueError("The length of the provided dimension list (%s) cannot be automatically "
                             "determined, so Theano is not able to know what the number of dimensions of the "
                             "unraveled index will be. You can provide the 'ndim' keyword argument to "
                             "'unravel_index' to avoid this problem." % str(dims)) from None
    res = UnravelIndex(ndim=ndim, order=order)(indices, dims)
    return tuple(res) if ndim > 1 else (res,)


class RavelMultiIndex(PropsOp):
    """Theano's RavelMultiIndex(mode='raise', order='C'): (*multi_index, dims) -> flat indices."""

    param_names = ("mode", "order")

    @classmethod
    def from_props(cls, mode="raise", order="C"):
        assert mode in ("raise", "wrap", "clip")
        assert order in ("C", "F")
        return ravel_multi_index_op.with_props(mode=mode, order=order)


def _ravel_infer(*args, mode, order):
    _check_int(*args)
    _check_dims(args[-1])
    return [TensorType("int64", (False,) * args[0].ndim)]


def _ravel_lower(*args, mode, order, static):
    from ..compile.guard import check_range
    idx = args[:-1]
    if mode == "raise":
        for i, d in zip(idx, static):
            check_range(i, 0, d, ValueError, "invalid entry in coordinates array")
    if order == "F":  # the first coordinate varies fastest: C order on the reversed shape
        idx, static = idx[::-1], static[::-1]
    return jnp.ravel_multi_index(tuple(idx), static, mode="clip" if mode == "raise" else mode).astype("int64")


ravel_multi_index_op = RavelMultiIndex.record(
    "extra_ops.ravel_multi_index", _ravel_infer, _ravel_lower, lambda inputs, outputs, gouts, **p: [None] * len(inputs),
    static=lambda *args, mode, order: tuple(int(d) for d in np.asarray(args[-1])),
    static_args=lambda node: (len(node.inputs) - 1,),
    describe=lambda node: "RavelMultiIndex{mode=%(mode)r, order=%(order)r}" % node.params)
ravel_multi_index_op.checks = lambda node: True


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """numpy.ravel_multi_index: flat indices of a tuple of coordinate arrays into an array of shape dims."""
    if not isinstance(multi_index, (tuple, list)):
        raise TypeError("multi_index must be a tuple or a list.")
    args = [_tensor(i) for i in multi_index] + [_tensor(dims)]
    return RavelMultiIndex(mode=mode, order=order)(*args)
