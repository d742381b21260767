"""Structural basics: cast, make_vector, alloc, broadcast-pattern changes (Theano's tensor/basic.py ops)."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Primitive, TheanoOp, primitive_name
from .elementwise import Elemwise, ScalarOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


# --- cast ---

def _cast_grad(inputs, outputs, gouts, dtype):
    # Theano's Cast.grad: the output gradient as it is (not cast back to x's dtype) for a continuous
    # output; Elemwise's zeros for a discrete one.
    (x,), (gz,) = inputs, gouts
    if dtype in D.discrete_dtypes:
        from .math import zeros_like
        z = zeros_like(x)
        return [z.astype(config.floatX) if x.dtype in D.discrete_dtypes else z]
    return [gz]


def c_cast(x, dtype):
    """x as dtype the way Theano's C code and numpy convert on x86: a float truncates toward zero into a
    32-bit integer (64-bit for int64/uint32/uint64), where NaN, +-inf and out-of-range values become the
    'integer indefinite' INT_MIN, and narrower types keep the low bits: -1.5 -> uint8 255, 300.2 -> int8 44,
    nan -> int8 0, nan -> int64 INT64_MIN. (XLA saturates instead.) Other conversions are XLA's."""
    x = jnp.asarray(x)
    if dtype not in D.integer_dtypes or x.dtype.kind not in "fc":
        return (x != 0) if dtype == "bool" and x.dtype.kind == "c" else x.astype(dtype)
    x = jnp.trunc(jnp.real(x) if x.dtype.kind == "c" else x).astype("float64")
    wide = "int64" if dtype in ("int64", "uint32", "uint64") else "int32"
    lo, hi = (-2.0 ** 63, 2.0 ** 63) if wide == "int64" else (-2.0 ** 31, 2.0 ** 31)
    if dtype == "uint64":  # values in [2**63, 2**64) convert exactly; the rest as int64 does
        hi = 2.0 ** 64
        big = x >= 2.0 ** 63
        low = jnp.where(big, 0.0, jnp.where((x >= lo) & (x < 2.0 ** 63), x, lo)).astype("int64").astype(dtype)
        return jnp.where(big & (x < hi), (jnp.where(big, x - 2.0 ** 63, 0.0)).astype("int64").astype(dtype)
                         + jnp.asarray(2 ** 63, dtype), low)
    ok = (x >= lo) & (x < hi)  # NaN compares false
    return jnp.where(ok, x, lo).astype(wide).astype(dtype)


def _cast_lower(x, dtype):
    return c_cast(x, dtype)


def _cast_describe(node):
    return f"Elemwise{{Cast{{{node.params['dtype']}}}}}"


# Theano's cast is an Elemwise of the scalar Cast op: isinstance(node.op, T.Elemwise) holds for its nodes,
# each of which prints its dtype (a per-node copy, see TheanoOp.dress)
cast_op = Elemwise.record("cast", lambda x, dtype: [TensorType(dtype, x.broadcastable)], _cast_lower, _cast_grad,
                          describe=_cast_describe)
cast_op.scalar_op = ScalarOp("cast")


def _cast_props(node):
    # theano.scalar's Cast of the node's dtype (theano.scalar imports this module: looked up when used)
    from ..scalar import basic as scalar
    return {"scalar_op": getattr(scalar, "convert_to_" + node.params["dtype"])}


cast_op.node_props = _cast_props
cast_op.pp = lambda node, args: f"Elemwise{{Cast{{{node.params['dtype']}}}}}({args[0]})"


def cast(x, dtype):
    """theano.tensor.cast: x as another dtype ('floatX' allowed); a no-op when it already is.

    As in Theano, dtype must be a dtype name (KeyError otherwise, numpy classes included).
    """
    if isinstance(dtype, str) and dtype == "floatX":
        dtype = config.floatX
    x = as_tensor_variable(x)
    if x.dtype == dtype:
        return x
    if x.dtype in D.complex_dtypes and not str(dtype).startswith("complex"):
        raise TypeError("Casting from complex to real is ambiguous: consider real(), imag(), angle() or abs()")
    if not isinstance(dtype, str) or dtype not in D.all_dtypes:
        raise KeyError(dtype)
    return cast_op(x, dtype=dtype)


# --- make_vector: a vector of symbolic scalars (shapes built from ints and variables) ---

def _make_vector_infer(*scalars, dtype):
    # Theano 1.0.5's MakeVector: never broadcastable, even with one element
    return [TensorType(dtype, (False,))]


def _make_vector_grad(inputs, outputs, gouts, dtype):
    if dtype in D.discrete_dtypes:
        from .math import zeros_like
        return [zeros_like(i).astype(config.floatX) for i in inputs]
    return [gouts[0][i] for i in range(len(inputs))]


class MakeVector(TheanoOp):
    """Theano's MakeVector(dtype) (tensor.opt): T.stack of scalars and as_tensor_variable of a list make it."""

    @classmethod
    def from_props(cls, dtype="int64"):
        def build(op, *inputs):
            inputs = [as_tensor_variable(i) for i in inputs]
            if inputs and D.upcast(op.dtype, *[i.dtype for i in inputs]) != op.dtype:
                raise AssertionError("The upcast of the inputs to MakeVector should match the dtype given in "
                                     "__init__.")
            return make_vector(*inputs, dtype=op.dtype)
        return make_vector_op.constructed(build, dtype=dtype)

    def node_props(self, node):
        return {"dtype": node.params["dtype"]}


make_vector_op = MakeVector.record("make_vector", _make_vector_infer,
                    lambda *xs, dtype: jnp.stack([jnp.asarray(x, dtype=dtype) for x in xs]) if xs
                    else jnp.zeros((0,), dtype), _make_vector_grad,
                    describe=lambda node: "MakeVector{dtype='%s'}" % node.params["dtype"])
make_vector_op.pp = lambda node, args: f"[{', '.join(args)}]"


def make_vector(*scalars, dtype=None):
    """Theano's MakeVector(dtype)(*scalars): inputs are upcast to dtype, never downcast."""
    scalars = [as_tensor_variable(s) for s in scalars]
    if any(s.ndim != 0 for s in scalars):
        raise TypeError("make_vector needs scalars")
    dtype = dtype or (D.upcast(*[s.dtype for s in scalars]) if scalars else "int64")
    if scalars and D.upcast(dtype, *[s.dtype for s in scalars]) != dtype:
        raise TypeError("MakeVector.make_node expected inputs upcastable to %s. got %s"
                        % (dtype, [s.dtype for s in scalars]))
    return make_vector_op(*[cast(s, dtype) for s in scalars], dtype=dtype)


class NotScalarConstantError(Exception):
    """Raised by get_scalar_constant_value if called on something that is not a scalar constant."""


class EmptyConstantError(NotScalarConstantError):
    """Raised by get_scalar_const_value if called on something that is a zero dimensional constant."""


NotScalarConstantError.__module__ = EmptyConstantError.__module__ = "theano.tensor"
_PASS_THROUGH = ("dimshuffle", "alloc", "patternbroadcast")


def get_scalar_constant_value(orig_v, elemwise=True, only_process_constants=False, max_recur=10):
    """The constant scalar value underlying `orig_v` (through dimshuffles, fills, allocs, casts and
    elementwise ops of constants), or NotScalarConstantError (Theano's get_scalar_constant_value)."""
    from ..graph.nodes import Constant, Variable
    v = orig_v
    while True:
        if v is None:
            raise NotScalarConstantError()
        if isinstance(v, (np.integer, int, float)):
            return np.asarray(v)
        if isinstance(v, np.ndarray):
            return _scalar_of(v)
        if isinstance(v, Constant):
            return _scalar_of(v.data)
        if only_process_constants or not isinstance(v, Variable) or v.owner is None or max_recur <= 0:
            raise NotScalarConstantError(v)
        max_recur -= 1
        op, name = v.owner.op, primitive_name(v.owner)
        if name in _PASS_THROUGH:
            v = v.owner.inputs[0]
            continue
        if name == "second":
            v = v.owner.inputs[1]
            continue
        if name == "shape_i" or (name == "subtensor" and v.owner.inputs[0].owner is not None
                                    and primitive_name(v.owner.inputs[0].owner) == "shape"):
            value = _shape_entry(v)
            if value is not None:
                return value
            raise NotScalarConstantError(v)
        if name == "subtensor" and v.ndim == 0 and v.owner.inputs[0].owner is not None and \
                primitive_name(v.owner.inputs[0].owner) == "make_vector" and len(v.owner.params["spec"]) == 1:
            idx = v.owner.params["spec"][0]
            if idx[0] == "int" and isinstance(idx[1], int):
                v = v.owner.inputs[0].owner.inputs[idx[1]]
                continue
        if name == "subtensor" and v.ndim == 0 and isinstance(v.owner.inputs[0], Constant) and \
                all(i[0] == "int" and isinstance(i[1], int) for i in v.owner.params["spec"]):
            # Theano: an entry of a constant tensor at constant indices (a shape given as as_tensor([3, 2, ...]))
            return np.asarray(v.owner.inputs[0].data[tuple(i[1] for i in v.owner.params["spec"])]).copy()
        if name == "cast" or (elemwise and getattr(op, "elementwise", False)):
            consts = [get_scalar_constant_value(i, max_recur=max_recur) for i in v.owner.inputs]
            return np.asarray(op.lower(*consts, **v.owner.params), dtype=v.dtype)
        raise NotScalarConstantError(v)


def _scalar_of(data):
    data = np.asarray(data)
    if data.size == 0:
        raise EmptyConstantError()
    flat = data.ravel()
    if data.ndim > 0 and not np.all(flat == flat[0]):
        raise NotScalarConstantError()
    return np.asarray(flat[0], dtype=data.dtype).copy()


def _shape_entry(v):
    """x.shape[i]: 1 for a broadcastable dimension, the size for a constant x."""
    from ..graph.nodes import Constant
    if primitive_name(v.owner) == "shape_i":
        x, i = v.owner.inputs[0], v.owner.params["i"]
    else:
        spec = v.owner.params.get("spec") if primitive_name(v.owner) == "subtensor" else None
        if spec is None or len(spec) != 1 or spec[0][0] != "int" or not isinstance(spec[0][1], int):
            return None
        x = v.owner.inputs[0].owner.inputs[0]
        i = spec[0][1]
    if not -x.ndim <= i < x.ndim:
        return None
    if isinstance(x, Constant):
        return np.asarray(x.data.shape[i], dtype="int64")
    if x.broadcastable[i]:
        return np.asarray(1, dtype="int64")
    return None


# --- alloc: fill a symbolic shape with a value ---

def _alloc_infer(value, *shape):
    bcast = []
    for s in shape:
        try:
            bcast.append(bool(get_scalar_constant_value(s) == 1))
        except NotScalarConstantError:
            bcast.append(False)
    return [TensorType(value.dtype, tuple(bcast))]


def _alloc_static(value, *shape):
    return tuple(int(s) for s in shape)


def _alloc_lower(value, *shape, static):
    value = jnp.asarray(value)
    vshape = value.shape
    if len(vshape) > len(static) or any(v not in (1, s) for v, s in zip(vshape[::-1], static[::-1])):
        raise ValueError(f"could not broadcast input array from shape {vshape} into shape {static}")
    return jnp.broadcast_to(value, static)


def _alloc_grad(inputs, outputs, gouts):
    # Theano's Alloc.grad: sum over the added leading dimensions and the broadcast ones
    x, gz = inputs[0], gouts[0]
    n = gz.ndim - x.ndim
    axis, broadcasted, kept = list(range(n)), [], []
    for i, (ib, gb) in enumerate(zip(x.broadcastable, gz.broadcastable[n:])):
        if ib and not gb:
            broadcasted.append(i + n)
        else:
            kept.append(i)
    from .reductions import sum as tsum
    gx = tsum(gz, axis=axis + broadcasted) if axis + broadcasted else gz
    if broadcasted:
        order = ["x"] * x.ndim
        for idx, ax in enumerate(kept):
            order[ax] = idx
        gx = gx.dimshuffle(order)
    return [gx] + [None] * (len(inputs) - 1)


class Alloc(TheanoOp):
    """Theano's Alloc: T.alloc makes its nodes; Alloc()(value, *shape) is T.alloc."""

    @classmethod
    def from_props(cls):
        return alloc_op.constructed(lambda op, value, *shape: alloc(value, *shape))


class AllocEmpty(TheanoOp):
    """Theano's AllocEmpty(dtype): an uninitialised array; T.zeros-like allocation serves here."""


alloc_op = Alloc.record("alloc", _alloc_infer, _alloc_lower, _alloc_grad, static=_alloc_static,
              static_args=lambda node: range(1, len(node.inputs)), describe=lambda node: "Alloc")
alloc_op.expands = True  # not constant-folded: its output may be much larger than its inputs
alloc_op.pp = lambda node, args: f"alloc({', '.join(args)})"


def alloc(value, *shape):
    """theano.tensor.alloc(value, *shape): value broadcast to the shape."""
    value = as_tensor_variable(value)
    shape = [as_tensor_variable(s) for s in shape]
    for i, s in enumerate(shape):
        if s.dtype not in D.integer_dtypes:
            raise TypeError(f"Shape arguments to Alloc must be integers, but argument {i} is not for apply node: "
                            f"{s}")
        if s.ndim != 0:
            raise TypeError("Each shape dimension to Alloc must be a scalar, ",
                            f"dimension {i} have {s.ndim} dimensions for apply node: {s}")
    if value.ndim > len(shape):
        raise TypeError("The Alloc value to use has more dimensions than the specified dimensions",
                        value.ndim, len(shape))
    return alloc_op(value, *shape)


# --- patternbroadcast: assert or forget broadcastability (Theano's Rebroadcast) ---

def _rebroadcast_lower(x, bcast):
    for dim, (size, b) in enumerate(zip(x.shape, bcast)):
        if b and size != 1:
            raise ValueError(f"Dimension {dim} in Rebroadcast's input was supposed to be 1 (got {size} instead)")
    return x


class Rebroadcast(TheanoOp):
    """Theano's Rebroadcast(*(axis, bool)): patternbroadcast, addbroadcast and unbroadcast make its nodes."""

    @classmethod
    def from_props(cls, *axis):
        return rebroadcast_op.constructed(lambda op, x: _rebroadcast(x, sorted(op.axis.items())), axis=dict(axis))

    def node_props(self, node):
        x, bcast = node.inputs[0], node.params["bcast"]
        return {"axis": {i: b for i, b in enumerate(bcast) if b != x.broadcastable[i]}}


rebroadcast_op = Rebroadcast.record("rebroadcast", lambda x, bcast: [TensorType(x.dtype, bcast)], _rebroadcast_lower,
                    lambda inputs, outputs, gouts, bcast: [patternbroadcast(gouts[0], inputs[0].broadcastable)],
                    describe=lambda node: "Rebroadcast{%s}" % ",".join(
                        str(i) for i, b in enumerate(node.params["bcast"]) if b))


def _rebroadcast(x, changes):
    """Theano's Rebroadcast(*changes) followed by apply_rebroadcast_opt (a no-op change adds no node)."""
    x = as_tensor_variable(x)
    for axis, b in changes:
        if not isinstance(axis, (int, np.integer)):
            raise TypeError("Rebroadcast needs integer axes. Got {}".format(axis))
        if not isinstance(b, (bool, np.bool_)):
            raise TypeError("Rebroadcast needs bool for new broadcast pattern. Got {}".format(b))
    if changes and x.ndim <= max(a for a, _ in changes):
        raise ValueError("Trying to rebroadcast non-existent dimension")
    bcast = list(x.broadcastable)
    for axis, b in changes:
        bcast[axis] = bool(b)
    bcast = tuple(bcast)
    return x if bcast == x.broadcastable else rebroadcast_op(x, bcast=bcast)


def patternbroadcast(x, broadcastable):
    """x with the broadcastable flags of `broadcastable` (its first len(broadcastable) dimensions)."""
    return _rebroadcast(x, [(i, bool(b)) for i, b in enumerate(broadcastable)])


def addbroadcast(x, *axes):
    """x with the given dimensions made broadcastable (checked to have length 1 at call time)."""
    return _rebroadcast(x, [(a, True) for a in axes])


def unbroadcast(x, *axes):
    """x with the given dimensions made non-broadcastable."""
    return _rebroadcast(x, [(a, False) for a in axes])


# --- arange (bounds may be symbolic: the length is the static key) ---

def _arange_infer(start, stop, step, dtype):
    for v in (start, stop, step):
        if v.ndim != 0:
            raise AssertionError("arange needs scalar bounds")
    return [TensorType(dtype, (False,))]


def _arange_static(start, stop, step, dtype):
    start, stop, step = (np.asarray(v).item() for v in (start, stop, step))
    if step == 0:
        raise ZeroDivisionError("division by zero")
    return len(np.arange(start, stop, step, dtype=dtype))


def _arange_lower(start, stop, step, dtype, static):
    if np.dtype(dtype).kind != "f":  # exact: start + i * step
        return (jnp.asarray(start).astype(dtype) + jnp.arange(static, dtype=dtype) *
                jnp.asarray(step).astype(dtype)).astype(dtype)
    # Theano's ARange.perform is numpy.arange of the bounds as Python floats, which fills as numpy's
    # FLOAT_fill: first = start, second = start + step (in double, then cast), delta = second - first in the
    # output dtype, and x[i] = first + i * delta
    wide = jnp.asarray(start).astype("float64")
    first = wide.astype(dtype)
    second = (wide + jnp.asarray(step).astype("float64")).astype(dtype)
    delta = second - first
    steps = jnp.arange(static, dtype=dtype) * delta
    # numpy rounds the product, then the sum: the select (a no-op: a NaN step only at i = 0 with an infinite
    # delta, where numpy's x[0] is `first` too) keeps LLVM from contracting them into one fused multiply-add
    steps = jnp.where(jnp.isnan(steps), jnp.zeros_like(steps), steps)
    out = first + steps
    return out.at[1].set(second) if static > 1 else out


def _arange_grad(inputs, outputs, gouts, dtype):
    start, stop, step = inputs
    (gz,) = gouts
    if dtype in D.discrete_dtypes:
        from .math import zeros_like
        return [zeros_like(start, config.floatX), None, zeros_like(step, config.floatX)]
    n = outputs[0].shape[0]
    return [gz.sum(), None, (gz * arange(n, dtype=dtype)).sum()]


class ARange(TheanoOp):
    """Theano's ARange(dtype): T.arange makes its nodes; ARange(dtype)(start, stop, step) is T.arange."""

    @classmethod
    def from_props(cls, dtype):
        return arange_op.constructed(lambda op, start, stop, step: arange(start, stop, step, dtype=op.dtype),
                                     dtype=str(np.dtype(dtype)))

    def node_props(self, node):
        return {"dtype": node.params["dtype"]}


arange_op = ARange.record("arange", _arange_infer, _arange_lower, _arange_grad, static=_arange_static,
               describe=lambda node: "ARange{dtype='%s'}" % node.params["dtype"])
arange_op.expands = True


def arange(start, stop=None, step=1, dtype=None):
    """theano.tensor.arange: the upcast of the bounds' dtypes, integers made int64 (uint64)."""
    if stop is None:
        start, stop = 0, start
    start, stop, step = (as_tensor_variable(v) for v in (start, stop, step))
    if dtype is None:
        dtype = D.upcast(start.dtype, stop.dtype, step.dtype)
        if dtype in D.int_dtypes:
            dtype = "int64"
        if dtype in D.uint_dtypes:
            dtype = "uint64"
    return arange_op(start, stop, step, dtype=str(np.dtype(dtype)))


class _nd_grid:
    """mgrid / ogrid: T.mgrid[0:n, 0:m] as Theano builds it (aranges reshaped, multiplied by ones)."""

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, *args):
        from .math import ones_like
        ndim = len(args[0])
        for sl in args[0]:
            if isinstance(sl.step, complex):
                raise TypeError("theano_compat does not support mgrid/ogrid slices with a complex step (Theano "
                                "neither)")
        ranges = [arange(sl.start or 0, sl.stop, sl.step or 1) for sl in args[0]]
        shapes = [tuple([1] * j + [r.shape[0]] + [1] * (ndim - 1 - j)) for j, r in enumerate(ranges)]
        ranges = [r.reshape(shape) for r, shape in zip(ranges, shapes)]
        if self.sparse:
            return ranges
        grids = []
        ones = [ones_like(r) for r in ranges]
        for i in range(ndim):
            grid = 1
            for j in range(ndim):
                grid = grid * (ranges[j] if j == i else ones[j])
            grids.append(grid)
        return grids


mgrid = _nd_grid()
ogrid = _nd_grid(sparse=True)
