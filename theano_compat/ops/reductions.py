"""Reductions (Theano's CAReduce family and MaxAndArgmax): sum, prod, max, argmax, all, any, with Theano's
dtype rules (CAReduceDtype), axis checks and gradients. mean, var, std, ptp, norms: ops/stats.py."""
import builtins

import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import REGISTRY, TheanoOp, is_tracer
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable

# Theano's CAReduceDtype: discrete inputs sum into 64-bit; float32 accumulates in float64.
_SUM_OUT = {"bool": "int64", "int8": "int64", "int16": "int64", "int32": "int64",
            "uint8": "uint64", "uint16": "uint64", "uint32": "uint64"}
_ACC = dict(_SUM_OUT, float16="float32", float32="float64", complex64="complex128")


def check_and_normalize_axes(x, axis):
    """Theano's check_and_normalize_axes: a sorted list of distinct valid axes ([] for None)."""
    from ..graph.nodes import Constant
    if axis is None or (isinstance(axis, Constant) and axis.data is None):  # NoneConst: every axis
        return []
    if isinstance(axis, (int, np.integer)) or (isinstance(axis, np.ndarray) and axis.ndim == 0):
        axis = [int(axis)]
    elif isinstance(axis, (tuple, list, np.ndarray)):
        axis = [int(i) for i in axis]
    elif isinstance(axis, Constant):
        axis = [int(i) for i in np.atleast_1d(axis.data)]
    else:
        raise TypeError("Axis must be an integer, tuple, list of integers or a TensorVariable. Got %s" % axis)
    for i in range(len(axis)):
        if axis[i] < 0:
            axis[i] += x.ndim
        if axis[i] < 0 or axis[i] >= x.ndim:
            raise ValueError("Computation needs a valid axis number for %d-D tensor. Got %d" % (x.ndim, axis[i]))
    return sorted(set(axis))


def _careduce_axes(x, axis):
    """CAReduce's axis handling: None is every axis; an axis beyond ndim is a ValueError."""
    if axis is None:
        return tuple(range(x.ndim))
    axes = [int(axis)] if isinstance(axis, (int, np.integer)) else [int(a) for a in axis]
    for a in axes:
        if a >= x.ndim or (a < 0 and abs(a) > x.ndim):
            raise ValueError(f"Not enough dimensions on {x} to reduce on axis {a}")
    return tuple(sorted(set(a % x.ndim for a in axes)))


def normalize_axis(x, axis):
    """The sorted tuple of reduced dimensions (every one for None)."""
    return _careduce_axes(x, axis)


# --- Theano's op classes of the reductions ---

def _theano_axis(node):
    """Theano's CAReduce.axis of a node: None where every axis is reduced, else the tuple."""
    axis = node.params["axis"]
    return None if axis == tuple(range(node.inputs[0].ndim)) else tuple(axis)


class CAReduce(TheanoOp):
    """Theano's CAReduce (tensor.elemwise): the base class of Sum, Prod, All, Any (isinstance checks)."""

    def node_props(self, node):
        return {"axis": _theano_axis(node)}


class CAReduceDtype(CAReduce):
    """Theano's CAReduceDtype: Sum(axis, dtype, acc_dtype) and Prod build their op from these props."""

    record_name = None

    @classmethod
    def from_props(cls, axis=None, dtype=None, acc_dtype=None):
        if cls.record_name is None:
            return super().from_props(axis, dtype, acc_dtype)
        if isinstance(axis, (int, np.integer)):
            axis = (int(axis),)
        elif axis is not None:
            axis = tuple(axis)
        return REGISTRY[cls.record_name].with_props(axis=axis, dtype=dtype, acc_dtype=acc_dtype)

    def node_props(self, node):
        return {"axis": _theano_axis(node), "dtype": node.params["dtype"], "acc_dtype": node.params["acc_dtype"]}

    def make_node(self, x, **params):
        if params or not self.props:
            return super().make_node(x, **params)
        x = as_tensor_variable(x)
        out, acc = _dtypes(x.dtype, self.dtype, self.acc_dtype)
        extra = {"no_zeros_in_input": False} if self.name == "prod" else {}
        return super().make_node(x, axis=_careduce_axes(x, self.axis), dtype=out, acc_dtype=acc, **extra)


class Sum(CAReduceDtype):
    """Theano's Sum: x.sum(...) makes its nodes."""
    record_name = "sum"


class Prod(CAReduceDtype):
    """Theano's Prod: x.prod(...) makes its nodes."""
    record_name = "prod"


class ProdWithoutZeros(CAReduceDtype):
    """Theano's ProdWithoutZeros(axis, dtype, acc_dtype): the product of the non-zero entries (0 when all are
    zero); it has no gradient."""

    @classmethod
    def from_props(cls, axis=None, dtype=None, acc_dtype=None):
        def build(op, x):
            x = as_tensor_variable(x)
            out_dtype, _ = _dtypes(x.dtype, op.dtype, op.acc_dtype)
            out = prod_without_zeros_op(x, axis=_careduce_axes(x, op.axis))
            return out if out.dtype == out_dtype else out.astype(out_dtype)
        axis = (int(axis),) if isinstance(axis, (int, np.integer)) else None if axis is None else tuple(axis)
        return prod_without_zeros_op.constructed(build, axis=axis, dtype=dtype, acc_dtype=acc_dtype)

    make_node = TheanoOp.make_node  # its constructor's op applies the builder above

    def node_props(self, node):
        return {"axis": _theano_axis(node)}


class All(CAReduce):
    """Theano's All: T.all makes its nodes."""


class Any(CAReduce):
    """Theano's Any: T.any makes its nodes."""


class MaxAndArgmax(TheanoOp):
    """Theano's MaxAndArgmax(axis): T.max, T.argmax and T.max_and_argmax make its nodes here and in Theano."""

    @classmethod
    def from_props(cls, axis):
        return max_and_argmax_op.with_props(axis=tuple(axis))

    def node_props(self, node):
        return {"axis": tuple(node.params["axis"])}

    def make_node(self, x, **params):
        if params or not self.props:
            return super().make_node(x, **params)
        return super().make_node(x, axis=tuple(self.axis))


class Argmax(TheanoOp):
    """Theano's Argmax (its optimizer's op for an unused max): T.argmax makes its nodes here."""

    node_props = MaxAndArgmax.node_props


class Mean(TheanoOp):
    """Theano's Mean(axis) op; T.mean builds a sum and a division, as Theano's T.mean does."""


def _reduce_infer(x, axis, dtype, acc_dtype):
    return [TensorType(dtype, tuple(b for i, b in enumerate(x.broadcastable) if i not in axis))]


def _pad(v, x, axis):
    """v (reduced over `axis`) with the reduced dimensions back as broadcastable ones."""
    return makeKeepDims(x, v, axis)


def _sum_grad(inputs, outputs, gouts, axis, dtype, acc_dtype):
    from .math import second, zeros_like
    (x,), (gz,) = inputs, gouts
    if dtype not in D.continuous_dtypes:
        return [zeros_like(x, config.floatX)]
    if not axis:
        return [gz]
    return [second(x, _pad(gz, x, axis))]


def _prod_grad(inputs, outputs, gouts, axis, dtype, acc_dtype, no_zeros_in_input=False):
    """Theano's Prod.L_op, zeros included: one zero in a group gets the product of the others."""
    from .logic import eq, neq, switch
    from .math import zeros_like
    (x,), (gz,) = inputs, gouts
    if dtype in D.discrete_dtypes or acc_dtype in D.discrete_dtypes:
        return [zeros_like(x, config.floatX)]
    if not axis:
        return [gz]
    prod_out = _pad(prod_op(x, axis=axis, dtype=dtype, acc_dtype=acc_dtype, no_zeros_in_input=no_zeros_in_input),
                    x, axis)
    gz = _pad(gz, x, axis)
    without_zeros = gz * prod_out / x
    if no_zeros_in_input:
        return [without_zeros]
    where_zeros = eq(x, 0.0)
    sum_where_zeros = sum(where_zeros, axis=list(axis))
    single = _pad(eq(sum_where_zeros, 1), x, axis)
    where_single_zero = single * where_zeros
    taken = single * neq(gz, 0.0)
    prod_without_zeros = _pad(prod_without_zeros_op(taken * x, axis=axis), x, axis)
    no_zero_groups = _pad(eq(sum_where_zeros, 0), x, axis)
    return [switch(no_zero_groups, without_zeros, switch(where_single_zero, prod_without_zeros, 0.0) * gz)]


def _describe(name):
    def describe(node):
        p = node.params
        axis = "" if p["axis"] == tuple(range(node.inputs[0].ndim)) else \
            "axis=[%s], " % ", ".join(map(str, p["axis"]))
        return f"{name}{{{axis}acc_dtype={p['acc_dtype']}}}"
    return describe


def _reducer(name, fn, grad, describe_name):
    def lower(x, axis, dtype, acc_dtype, **kw):
        return fn(jnp.asarray(x).astype(acc_dtype), axis=axis, dtype=acc_dtype).astype(dtype)
    return Sum.record(name, _reduce_infer, lower, grad, describe=_describe(describe_name))


def _prod_without_zeros(x, axis):
    nonzero = jnp.where(x == 0, jnp.ones_like(x), x)
    return jnp.where(jnp.all(x == 0, axis=axis), jnp.zeros((), x.dtype), jnp.prod(nonzero, axis=axis))


sum_op = _reducer("sum", jnp.sum, _sum_grad, "Sum")
prod_op = Prod.record("prod", lambda x, axis, dtype, acc_dtype, no_zeros_in_input: _reduce_infer(x, axis, dtype, acc_dtype),
             lambda x, axis, dtype, acc_dtype, no_zeros_in_input: jnp.prod(
                 jnp.asarray(x).astype(acc_dtype), axis=axis, dtype=acc_dtype).astype(dtype), _prod_grad,
             describe=lambda node: "Prod{axis=%r, dtype=%r, acc_dtype=%r}" % (  # Theano's default props str
                 _theano_axis(node), node.params["dtype"], node.params["acc_dtype"]))
prod_without_zeros_op = ProdWithoutZeros.record(
    "prod_without_zeros", lambda x, axis: [TensorType(x.dtype, tuple(b for i, b in enumerate(x.broadcastable)
                                                                     if i not in axis))],
    _prod_without_zeros, lambda inputs, outputs, gouts, axis: [_no_grad("ProdWithoutZeros")],
    describe=lambda node: "ProdWithoutZeros{%s}" % ", ".join(map(str, node.params["axis"])))


def _no_grad(name):
    from ..graph.null import undefined_grad
    return undefined_grad(None, name, f"{name} has no gradient")


def makeKeepDims(x, y, axis):
    """Theano's makeKeepDims: put the reduced axes of x back into y as broadcastable dimensions."""
    from .shape import dimshuffle
    x, y = as_tensor_variable(x), as_tensor_variable(y)
    if axis is None:
        axis = list(range(x.ndim))
    elif isinstance(axis, (int, np.integer)):
        axis = [axis]
    else:
        axis = [int(a) for a in axis]
    axis = [a + x.ndim if a < 0 else a for a in axis]
    order, i = [], 0
    for j in range(x.ndim):
        if j in axis:
            order.append("x")
        else:
            order.append(i)
            i += 1
    return dimshuffle(y, order)


def sum(input, axis=None, dtype=None, keepdims=False, acc_dtype=None):
    """theano.tensor.sum"""
    x = as_tensor_variable(input)
    axes = _careduce_axes(x, axis)
    out_dtype, acc = _dtypes(x.dtype, dtype, acc_dtype)
    out = sum_op(x, axis=axes, dtype=out_dtype, acc_dtype=acc)
    return makeKeepDims(x, out, axis) if keepdims else out


def _dtypes(idtype, dtype, acc_dtype):
    """CAReduceDtype's output and accumulator dtypes."""
    out = _SUM_OUT.get(idtype, idtype) if dtype is None else str(np.dtype(dtype))
    if acc_dtype is None:
        acc = _ACC.get(idtype, idtype)
    elif acc_dtype in D.continuous_dtypes and idtype in D.discrete_dtypes:
        acc = acc_dtype
    else:
        up = D.upcast(idtype, acc_dtype)
        if acc_dtype != up:
            raise TypeError(f"Cannot build the reduction with input dtype {idtype} and acc_dtype {acc_dtype}, as "
                            f"precision would be lost. To correct this error, you can: - not specify acc_dtype, "
                            f"or - use an acc_dtype at least as precise as {up}.")
        acc = acc_dtype
    return out, acc


def prod(input, axis=None, dtype=None, keepdims=False, acc_dtype=None, no_zeros_in_input=False):
    """theano.tensor.prod"""
    x = as_tensor_variable(input)
    axes = _careduce_axes(x, axis)
    out_dtype, acc = _dtypes(x.dtype, dtype, acc_dtype)
    out = prod_op(x, axis=axes, dtype=out_dtype, acc_dtype=acc, no_zeros_in_input=no_zeros_in_input)
    return makeKeepDims(x, out, axis) if keepdims else out


# --- max / argmax (Theano's MaxAndArgmax), min and argmin built from them as Theano does ---

def _flat_reduced(x, axis):
    keep = [i for i in range(x.ndim) if i not in axis]
    moved = jnp.transpose(x, keep + list(axis))
    return moved.reshape([x.shape[i] for i in keep] + [int(np.prod([x.shape[a] for a in axis]))])


def _max_and_argmax_lower(x, axis):
    if builtins.any(x.shape[a] == 0 for a in axis):
        raise ValueError("zero-size array to reduction operation maximum which has no identity")
    flat = _flat_reduced(jnp.asarray(x), axis)
    return jnp.max(flat, axis=-1), jnp.argmax(flat, axis=-1).astype("int64")


def _max_and_argmax_grad(inputs, outputs, gouts, axis):
    from .logic import eq
    (x,), (g_max, g_idx) = inputs, gouts
    xmax = max_and_argmax_op(x, axis=axis)[0]
    return [eq(_pad(xmax, x, axis), x) * _pad(g_max, x, axis)]


def _max_and_argmax_infer(x, axis):
    bcast = tuple(b for i, b in enumerate(x.broadcastable) if i not in axis)
    return [TensorType(x.dtype, bcast), TensorType("int64", bcast)]


max_and_argmax_op = MaxAndArgmax.record("max_and_argmax", _max_and_argmax_infer, _max_and_argmax_lower, _max_and_argmax_grad,
                       describe=lambda node: "MaxAndArgmax{axis=%s}" % (node.params["axis"],))


def _argmax_lower(x, axis):
    if x.ndim == 0:
        # Theano's Argmax C code rejects a 0-d input; a constant one is folded before, by MaxAndArgmax's
        # Python code, which gives 0 (a concrete value here is such a folded constant)
        if not is_tracer(x):
            return np.asarray(0, dtype="int64")
        raise ValueError("Argmax, bad axis argument")
    if builtins.any(x.shape[a] == 0 for a in axis):
        raise ValueError("attempt to get argmax of an empty sequence")
    return jnp.argmax(_flat_reduced(jnp.asarray(x), axis), axis=-1).astype("int64")


def _argmax_grad(inputs, outputs, gouts, axis):
    from .math import zeros_like
    return [zeros_like(inputs[0])]


argmax_op = Argmax.record("argmax", lambda x, axis: [_max_and_argmax_infer(x, axis)[1]], _argmax_lower, _argmax_grad,
               describe=lambda node: "Argmax")


def max_and_argmax(a, axis=None, keepdims=False):
    """theano.tensor.max_and_argmax: [max, argmax] over axis (every axis for None)."""
    a = as_tensor_variable(a)
    axes = check_and_normalize_axes(a, axis) or list(range(a.ndim))
    out, argout = max_and_argmax_op(a, axis=tuple(axes))
    if keepdims:
        out, argout = makeKeepDims(a, out, axes), makeKeepDims(a, argout, axes)
    return [out, argout]


def max(x, axis=None, keepdims=False):
    """theano.tensor.max"""
    x = as_tensor_variable(x)
    out = max_and_argmax(x, axis)[0]
    return makeKeepDims(x, out, axis) if keepdims else out


def argmax(x, axis=None, keepdims=False):
    """theano.tensor.argmax"""
    x = as_tensor_variable(x)
    axes = check_and_normalize_axes(x, axis) or list(range(x.ndim))
    out = argmax_op(x, axis=tuple(axes))
    return makeKeepDims(x, out, axis) if keepdims else out


def min(x, axis=None, keepdims=False):
    """theano.tensor.min: -max(-x) (uint: max_val - max(max_val - x); bool: ~max(~x))."""
    from .math import neg, sub
    from .logic import invert
    x = as_tensor_variable(x)
    if x.dtype.startswith("float") or x.dtype in D.int_dtypes:
        return neg(max(neg(x), axis=axis, keepdims=keepdims))
    if x.dtype in D.uint_dtypes:
        top = np.array(np.iinfo(x.dtype).max, dtype=x.dtype)
        return sub(top, max(sub(top, x), axis=axis, keepdims=keepdims))
    if x.dtype == "bool":
        return invert(max(invert(x), axis=axis, keepdims=keepdims))
    raise NotImplementedError()  # Theano raises NotImplementedError here too


def argmin(x, axis=None, keepdims=False):
    """theano.tensor.argmin: argmax(-x) (uint: argmax(max_val - x); bool: argmax(~x))."""
    from .math import neg, sub
    from .logic import invert
    x = as_tensor_variable(x)
    if x.dtype.startswith("float") or x.dtype in D.int_dtypes:
        return argmax(neg(x), axis=axis, keepdims=keepdims)
    if x.dtype in D.uint_dtypes:
        return argmax(sub(np.iinfo(x.dtype).max, x), axis=axis, keepdims=keepdims)
    if x.dtype == "bool":
        return argmax(invert(x), axis=axis, keepdims=keepdims)
    raise NotImplementedError()  # Theano raises NotImplementedError here too


# --- all / any (Theano: of neq(x, 0) for a non-bool x) ---

def _bool_reducer(cls, name, fn, describe_name):
    def grad(inputs, outputs, gouts, axis):
        from .math import zeros_like
        return [zeros_like(inputs[0], config.floatX)]
    return cls.record(name, lambda x, axis: [TensorType("bool", tuple(b for i, b in enumerate(x.broadcastable)
                                                              if i not in axis))],
              lambda x, axis: fn(x, axis=axis), grad,
              describe=lambda node: describe_name if _theano_axis(node) is None else
              f"{describe_name}{{{', '.join(map(str, node.params['axis']))}}}")


all_op = _bool_reducer(All, "all", jnp.all, "All")
any_op = _bool_reducer(Any, "any", jnp.any, "Any")


def _logical(op):
    def reduce(x, axis=None, keepdims=False):
        from .logic import neq
        x = as_tensor_variable(x)
        axes = _careduce_axes(x, axis)
        out = op(x if x.dtype == "bool" else neq(x, 0), axis=axes)
        return makeKeepDims(x, out, axis) if keepdims else out
    return reduce


all = _logical(all_op)
any = _logical(any_op)


def sum_to_type(g, like):
    """Sum a gradient over the dimensions `like` broadcasts and `g` does not (Theano's Elemwise.L_op)."""
    from .basic import patternbroadcast
    axes = [i for i, (b, gb) in enumerate(zip(like.broadcastable, g.broadcastable)) if b and not gb]
    if axes:
        g = sum(g, axis=axes, keepdims=True)
    if g.broadcastable != like.broadcastable and g.ndim == like.ndim:
        g = patternbroadcast(g, like.broadcastable)
    return g


