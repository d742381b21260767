"""theano.tensor.extra_ops: cumsum/cumprod (CumOp), diff, bincount, compress, bartlett, fill_diagonal(_offset),
to_one_hot, Unique, searchsorted, ravel_multi_index and unravel_index, with Theano's dtypes and gradients.
Ops whose output shape depends on input values (Unique, bartlett) get it through the `static=` hook."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import PropsOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


# --- CumOp ---

def _cum_infer(x, axis, mode):
    if axis is None:
        return [TensorType(x.dtype, (False,))]
    if axis >= x.ndim or axis < -x.ndim:
        raise ValueError("axis(={0}) out of bounds".format(axis))
    return [x.type]


def _cum_lower(x, axis, mode):
    fn = jnp.cumsum if mode == "add" else jnp.cumprod
    x = jnp.asarray(x)
    if x.dtype == jnp.bool_:  # numpy accumulates bools as logical or / and
        return (jnp.cumsum if mode == "add" else jnp.cumprod)(x.astype("int64"), axis=axis).astype(bool) \
            if mode == "add" else jnp.cumprod(x.astype("int64"), axis=axis).astype(bool)
    return fn(x if axis is not None else x.ravel(), axis=axis if axis is not None else 0, dtype=x.dtype)


def _cum_grad(inputs, outputs, gouts, axis, mode):
    (x,), (gi,) = inputs, gouts
    if axis is None:
        if mode == "add":
            return [cumsum(gi[::-1])[::-1].reshape(x.shape)]
        fx = cumprod(x, axis=axis)
        return [cumsum((fx * gi)[::-1])[::-1].reshape(x.shape) / x]
    rev = [slice(None)] * gi.ndim
    rev[axis] = slice(None, None, -1)
    rev = tuple(rev)
    if mode == "add":
        return [cumsum(gi[rev], axis)[rev]]
    fx = cumprod(x, axis=axis)
    return [cumsum((fx * gi)[rev], axis)[rev] / x]


class CumOp(PropsOp):
    """Theano's CumOp(axis=None, mode='add'): numpy.cumsum ('add') or numpy.cumprod ('mul') along axis."""

    param_names = ("axis",)

    @classmethod
    def from_props(cls, axis=None, mode="add"):
        if mode not in ("add", "mul"):
            raise ValueError('%s: Unknown mode "%s"' % (cls.__name__, mode))
        return (cumsum_op if mode == "add" else cumprod_op).with_props(axis=axis, mode=mode)

    def __str__(self):
        return "CumOp{%s, %s}" % (self.axis, self.mode) if self.props else "CumOp"


class CumsumOp:
    """Theano keeps it to unpickle old functions: constructing it gives a CumOp of mode 'add' (Theano's
    forgets the axis there; the axis is kept here)."""

    def __new__(cls, axis=None):
        return CumOp(axis=axis, mode="add")


class CumprodOp:
    """As CumsumOp, for mode 'mul'."""

    def __new__(cls, axis=None):
        return CumOp(axis=axis, mode="mul")


def _cum_op(name, mode):
    return CumOp.record(name, lambda x, axis: _cum_infer(x, axis, mode), lambda x, axis: _cum_lower(x, axis, mode),
                        lambda inputs, outputs, gouts, axis: _cum_grad(inputs, outputs, gouts, axis, mode),
                        describe=lambda node: "CumOp{%s, %s}" % (node.params["axis"], mode))


cumsum_op = _cum_op("cumsum", "add")
cumprod_op = _cum_op("cumprod", "mul")


def cumsum(x, axis=None):
    """numpy.cumsum (over the flattened x for axis=None); the output keeps x's dtype, as in Theano."""
    return CumOp(axis=axis, mode="add")(_tensor(x))


def cumprod(x, axis=None):
    """numpy.cumprod (over the flattened x for axis=None); the output keeps x's dtype, as in Theano."""
    return CumOp(axis=axis, mode="mul")(_tensor(x))


# --- DiffOp ---

def _diff_lower(x, n, axis):
    x = jnp.asarray(x)
    if x.dtype == jnp.bool_:  # numpy 1.x (Theano's) differences bools with not_equal
        for _ in range(n):
            x = jnp.not_equal(jnp.take(x, jnp.arange(1, x.shape[axis]), axis=axis),
                              jnp.take(x, jnp.arange(x.shape[axis] - 1), axis=axis))
        return x
    return jnp.diff(x, n=n, axis=axis)


def _diff_grad(inputs, outputs, gouts, n, axis):
    from .join import concatenate
    x, z = inputs[0], gouts[0]
    if x.ndim != 1:
        raise NotImplementedError("Grad is not implemented for inputs withnumber of dimension other than 1. "
                                  "(Theano 1.0.5's DiffOp raises NotImplementedError too)")
    for _ in range(n):
        z = concatenate([[0.], z]) - concatenate([z, [0.]])
    return [z]


class DiffOp(PropsOp):
    """Theano's DiffOp(n=1, axis=-1): numpy.diff."""

    param_names = ("n", "axis")

    @classmethod
    def from_props(cls, n=1, axis=-1):
        return diff_op.with_props(n=n, axis=axis)


diff_op = DiffOp.record("extra_ops.diff", lambda x, n, axis: [x.type], _diff_lower, _diff_grad,
                        describe=lambda node: "DiffOp{n=%s, axis=%s}" % (node.params["n"], node.params["axis"]))


def diff(x, n=1, axis=-1):
    """numpy.diff: the n-th discrete difference along axis."""
    return DiffOp(n=n, axis=axis)(_tensor(x))


# --- bincount, compress, to_one_hot: built from other ops as Theano builds them ---

def bincount(x, weights=None, minlength=None, assert_nonneg=False):
    """numpy.bincount: zeros of length max(x) + 1, incremented at x (advanced_inc_subtensor1)."""
    from .basic import cast
    from .math import maximum
    from .subtensor import inc_subtensor
    from ..tensor import zeros
    x = _tensor(x)
    if x.ndim != 1:
        raise TypeError("Inputs must be of dimension 1.")
    if assert_nonneg:
        from .checks import assert_
        from .reductions import all as all_
        x = assert_(x, all_(x >= 0), msg="Input to bincount has negative values!")
    max_value = cast(x.max() + 1, "int64")
    if minlength is not None:
        max_value = maximum(max_value, minlength)
    if weights is None:
        out = zeros([max_value], dtype=x.dtype)
        return inc_subtensor(out[x], 1)
    weights = _tensor(weights)
    out = zeros([max_value], dtype=weights.dtype)
    return inc_subtensor(out[x], weights)


def compress(condition, x, axis=None):
    """numpy.compress: the slices of x along axis where condition is non-zero."""
    from .select import flatnonzero
    return _tensor(x).take(flatnonzero(condition), axis=axis)


def to_one_hot(y, nb_class, dtype=None):
    """A (len(y), nb_class) matrix with a one at (i, y[i]) (dtype floatX by default)."""
    from .basic import arange
    from .subtensor import set_subtensor
    from ..tensor import zeros
    y = _tensor(y)
    ret = zeros((y.shape[0], nb_class), dtype=dtype)
    return set_subtensor(ret[arange(y.shape[0]), y], 1)


def squeeze(x):
    """Remove broadcastable dimensions from the shape of an array."""
    x = _tensor(x)
    return x.dimshuffle([i for i in range(x.ndim) if not x.broadcastable[i]])


# --- Bartlett window (length M, a value) ---

def _bartlett_infer(m):
    if m.ndim != 0:
        raise TypeError("Bartlett only works on scalar input")
    if m.dtype not in D.integer_dtypes:
        raise TypeError("Bartlett only works on integer input")
    return [TensorType("float64", (False,))]


class Bartlett(PropsOp):
    """Theano's Bartlett(): the window of M points (M a scalar integer)."""

bartlett_op = Bartlett.record("extra_ops.bartlett", _bartlett_infer, lambda m, static: jnp.asarray(np.bartlett(static)),
                 lambda inputs, outputs, gouts: [None], static=lambda m: int(m), describe=lambda node: "Bartlett")
bartlett_op.expands = True


def bartlett(M):
    """numpy.bartlett: the triangular window of M points."""
    return bartlett_op(_tensor(M))


# --- fill_diagonal / fill_diagonal_offset ---

def _fill_diag_infer(a, val):
    if a.ndim < 2:
        raise TypeError("FillDiagonal: first parameter must have at least two dimensions")
    if val.ndim != 0:
        raise TypeError("FillDiagonal: second parameter must be a scalar")
    return [a.type]


def _fill_diag_lower(a, val):
    a = jnp.asarray(a)
    if a.ndim == 2:
        n = min(a.shape)
        i = np.arange(n)
        return a.at[i, i].set(val.astype(a.dtype))
    if len(set(a.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    i = np.arange(a.shape[0])
    return a.at[(i,) * a.ndim].set(val.astype(a.dtype))


def _fill_diag_grad(inputs, outputs, gouts):
    a, val = inputs
    grad = gouts[0]
    if a.dtype.startswith("complex"):
        return [None, None]
    if a.ndim > 2:
        raise NotImplementedError("FillDiagonal: gradient is currently implemented for matrices only (Theano "
                                  "1.0.5 raises NotImplementedError too)")
    from .diag import extract_diag
    return [fill_diagonal(grad, 0), extract_diag(grad).sum()]


class FillDiagonal(PropsOp):
    """Theano's FillDiagonal(): (a, val) -> a copy of a with its main diagonal set to the scalar val."""

fill_diagonal_op = FillDiagonal.record("extra_ops.fill_diagonal", _fill_diag_infer, _fill_diag_lower, _fill_diag_grad,
                      describe=lambda node: "FillDiagonal")


def _typed_val(a, val, name):
    from .basic import cast
    val = cast(val, D.upcast(a.dtype, val.dtype))
    if val.dtype != a.dtype:
        raise TypeError(f"{name}: type of second parameter must be the same as the first's")
    return val


def fill_diagonal(a, val):
    """A copy of a with its main diagonal set to the scalar val."""
    a, val = _tensor(a), _tensor(val)
    if a.ndim < 2:
        raise TypeError("FillDiagonal: first parameter must have at least two dimensions")
    if val.ndim != 0:
        raise TypeError("FillDiagonal: second parameter must be a scalar")
    return fill_diagonal_op(a, _typed_val(a, val, "FillDiagonal"))


def _offset_diag_indices(shape, offset):
    height, width = shape
    if offset >= 0:
        start, steps = offset, min(min(width, height), width - offset)
    else:
        start, steps = -offset * width, min(min(width, height), height + offset)
    flat = start + (width + 1) * np.arange(max(steps, 0))
    return flat // width, flat % width


def _fill_offset_lower(a, val, offset, static):
    rows, cols = _offset_diag_indices(a.shape, static)
    return jnp.asarray(a).at[rows, cols].set(jnp.asarray(val).astype(a.dtype))


def _fill_offset_grad(inputs, outputs, gouts):
    from ..graph.null import undefined_grad
    a, val, offset = inputs
    grad = gouts[0]
    if a.dtype.startswith("complex"):
        return [None, None, None]
    wr_val = fill_diagonal_offset_values(grad, offset).sum()
    return [fill_diagonal_offset(grad, 0, offset), wr_val,
            undefined_grad(offset, "FillDiagonalOffset", "offset is not defined for non-integer offset so "
                           "fill_diagonal_offset(a,val,offset+eps) is undefined")]


class FillDiagonalOffset(PropsOp):
    """Theano's FillDiagonalOffset(): (a, val, offset) -> a copy of the matrix a, its offset diagonal set."""

fill_diagonal_offset_op = FillDiagonalOffset.record(
    "extra_ops.fill_diagonal_offset", lambda a, val, offset: [a.type], _fill_offset_lower, _fill_offset_grad,
    static=lambda a, val, offset: int(offset), static_args=lambda node: (2,), describe=lambda node: "FillDiagonalOffset")


def fill_diagonal_offset_values(g, offset):
    """The entries of g on the offset diagonal, as Theano's FillDiagonalOffset.grad slices them."""
    from .basic import cast
    from .logic import ge, lt
    from .math import abs_, minimum
    height, width = g.shape[0], g.shape[1]
    offset_abs = abs_(offset)
    pos, neg = ge(offset, 0), lt(offset, 0)
    start = offset * pos + offset_abs * width * neg
    num_of_step = minimum(minimum(width, height), width * pos + height * neg - offset_abs)
    step = g.shape[1] + 1
    end = start + step * num_of_step
    return g.flatten()[cast(start, "int32"):cast(end, "int32"):cast(step, "int32")]


def fill_diagonal_offset(a, val, offset):
    """A copy of the matrix a with its offset diagonal set to the scalar val (not wrapped)."""
    a, val, offset = _tensor(a), _tensor(val), _tensor(offset)
    if a.ndim != 2:
        raise TypeError("FillDiagonalOffset: first parameter must have exactly two dimensions")
    if val.ndim != 0:
        raise TypeError("FillDiagonalOffset: second parameter must be a scalar")
    if offset.ndim != 0:
        raise TypeError("FillDiagonalOffset: third parameter must be a scalar")
    val = _typed_val(a, val, "FillDiagonalOffset")
    if offset.dtype not in D.integer_dtypes:
        raise TypeError("FillDiagonalOffset: type of third parameter must be as integer use "
                        "theano.tensor.cast( input, 'int32/int64')")
    return fill_diagonal_offset_op(a, val, offset)


# --- CpuContiguous: XLA arrays are always C-contiguous, so it is the identity ---

class CpuContiguous(PropsOp):
    """Theano's CpuContiguous(): x as a C-contiguous array (a copy of x's value here)."""

cpu_contiguous = CpuContiguous.record("extra_ops.cpu_contiguous", lambda x: [x.type], lambda x: x,
                                      lambda inputs, outputs, gouts: [gouts[0]], describe=lambda node: "CpuContiguous")
