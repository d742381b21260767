"""Reductions (Theano's CAReduce family): sum, prod, max, min, all, any, argmax; and mean/var/std built
from them exactly as theano.tensor.basic builds them, so dtypes and gradients are Theano's."""
import builtins

import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType

# Theano's CAReduceDtype: discrete inputs sum into 64-bit; float32 accumulates in float64.
_SUM_OUT = {"bool": "int64", "int8": "int64", "int16": "int64", "int32": "int64",
            "uint8": "uint64", "uint16": "uint64", "uint32": "uint64"}
_ACC = dict(_SUM_OUT, float16="float32", float32="float64", complex64="complex128")


def normalize_axis(x, axis):
    """Theano's axis argument (None, int, list, negative) as a sorted tuple of dimensions."""
    if axis is None:
        return tuple(range(x.ndim))
    axes = [axis] if isinstance(axis, (int, np.integer)) else [int(a) for a in axis]
    out = []
    for a in axes:
        if not -x.ndim <= a < builtins.max(x.ndim, 1):
            raise ValueError(f"Invalid axis: {a} (the number of dimensions of the input is: {x.ndim})")
        out.append(a % x.ndim if x.ndim else 0)
    return tuple(sorted(set(out)))


def _reduce_infer(x, axis, dtype, acc_dtype):
    return [TensorType(dtype, tuple(b for i, b in enumerate(x.broadcastable) if i not in axis))]


def _expand(g, x, axis):
    """g (reduced over `axis`) with the reduced dimensions back as broadcastable ones."""
    return _keep(x, g, axis, True)


def _sum_grad(inputs, outputs, gouts, axis, dtype, acc_dtype):
    from .math import second
    (x,), (gz,) = inputs, gouts
    if x.dtype in D.discrete_dtypes:
        from .math import zeros_like
        return [zeros_like(x, config.floatX)]
    from .basic import cast
    return [cast(second(x, _expand(gz, x, axis)), x.dtype)]


def _max_grad(inputs, outputs, gouts, axis, dtype, acc_dtype):
    # Theano: every element equal to the maximum receives the gradient (ties included).
    from .math import eq
    (x,), (out,), (gz,) = inputs, outputs, gouts
    return [_expand(gz, x, axis) * eq(x, _expand(out, x, axis))]


def _prod_grad(inputs, outputs, gouts, axis, dtype, acc_dtype):
    (x,), (out,), (gz,) = inputs, outputs, gouts
    return [_expand(gz * out, x, axis) / x]


def _reducer(name, fn, describe_name, grad=None):
    def lower(x, axis, dtype, acc_dtype):
        return fn(x.astype(acc_dtype), axis=axis).astype(dtype)
    return Op(name, _reduce_infer, lower, grad or (lambda inputs, outputs, gouts, **p: [None]),
              describe=lambda node: f"{describe_name}{{{', '.join(map(str, node.params['axis']))}}}"
              if node.params["axis"] != tuple(range(node.inputs[0].ndim)) else f"{describe_name}{{acc_dtype="
              f"{node.params['acc_dtype']}}}")


sum_op = _reducer("sum", jnp.sum, "Sum", _sum_grad)
prod_op = _reducer("prod", jnp.prod, "Prod", _prod_grad)
max_op = _reducer("max", jnp.max, "Max", _max_grad)
min_op = _reducer("min", jnp.min, "Min", _max_grad)
all_op = _reducer("all", jnp.all, "All")
any_op = _reducer("any", jnp.any, "Any")
sum_op.pp = lambda node, args: f"Sum{{{', '.join(map(str, node.params['axis']))}}}({args[0]})" \
    if len(node.params["axis"]) != node.inputs[0].ndim else f"sum({args[0]})"


def _keep(x, out, axis, keepdims):
    """Theano's makeKeepDims: put the reduced axes back as broadcastable dimensions."""
    if not keepdims:
        return out
    from .shape import dimshuffle
    order, k = [], 0
    for i in range(x.ndim):
        if i in axis:
            order.append("x")
        else:
            order.append(k)
            k += 1
    return dimshuffle(out, order)


def sum(input, axis=None, dtype=None, keepdims=False, acc_dtype=None):
    """theano.tensor.sum"""
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(input)
    axes = normalize_axis(x, axis)
    out_dtype = dtype or _SUM_OUT.get(x.dtype, x.dtype)
    acc = acc_dtype or (_ACC.get(x.dtype, x.dtype) if dtype is None else D.upcast(_ACC.get(x.dtype, x.dtype),
                                                                                    dtype))
    return _keep(x, sum_op(x, axis=axes, dtype=out_dtype, acc_dtype=acc), axes, keepdims)


def prod(input, axis=None, dtype=None, keepdims=False, acc_dtype=None, no_zeros_in_input=False):
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(input)
    axes = normalize_axis(x, axis)
    out_dtype = dtype or _SUM_OUT.get(x.dtype, x.dtype)
    acc = acc_dtype or _ACC.get(x.dtype, x.dtype)
    return _keep(x, prod_op(x, axis=axes, dtype=out_dtype, acc_dtype=acc), axes, keepdims)


def _same_dtype_reduce(op):
    def reduce(x, axis=None, keepdims=False):
        from ..tensor.basic import as_tensor_variable
        x = as_tensor_variable(x)
        axes = normalize_axis(x, axis)
        dtype = "bool" if op in (all_op, any_op) else x.dtype
        return _keep(x, op(x, axis=axes, dtype=dtype, acc_dtype=x.dtype), axes, keepdims)
    return reduce


max = _same_dtype_reduce(max_op)
min = _same_dtype_reduce(min_op)
all = _same_dtype_reduce(all_op)
any = _same_dtype_reduce(any_op)


def mean(input, axis=None, dtype=None, op=False, keepdims=False, acc_dtype=None):
    """theano.tensor.mean: sum, then a true division by each reduced dimension's length (Theano's graph)."""
    from ..tensor.basic import as_tensor_variable
    from .basic import cast
    from .math import true_div
    from .shape import shape
    x = as_tensor_variable(input)
    sum_dtype = dtype if dtype is not None else ("float32" if x.dtype == "float16" else None)
    s = sum(x, axis=axis, dtype=sum_dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    shp = cast(shape(x), "float32" if s.dtype in ("float16", "float32", "complex64") else "float64")
    for i in normalize_axis(x, axis):
        s = true_div(s, shp[i])
    if s.dtype != shp.dtype and s.dtype in D.discrete_dtypes:
        s = cast(s, shp.dtype)
    if dtype == "float16" or (dtype is None and x.dtype == "float16"):
        s = cast(s, "float16")
    return s


def var(input, axis=None, ddof=0, keepdims=False, corrected=False):
    """theano.tensor.var: mean of squared deviations (Theano's graph; `corrected` not applied in 1.0.5
    without ddof)."""
    from ..tensor.basic import as_tensor_variable
    from .math import sqr
    x = as_tensor_variable(input)
    centered = x - mean(x, axis, keepdims=True)
    v = mean(sqr(centered), axis, keepdims=keepdims)
    if ddof:
        raise ValueError("theano_compat does not support var/std with ddof != 0 yet")
    return v


def std(input, axis=None, ddof=0, keepdims=False, corrected=False):
    from .math import sqrt
    return sqrt(var(input, axis=axis, ddof=ddof, keepdims=keepdims, corrected=corrected))


def sum_to_type(g, like):
    """Sum a gradient over the dimensions `like` broadcasts, and give it like's broadcastable pattern
    (what Theano's Elemwise.grad does for broadcast inputs)."""
    from .basic import patternbroadcast
    from .shape import dimshuffle
    axes = [i for i, (b, gb) in enumerate(zip(like.broadcastable, g.broadcastable)) if b and not gb]
    if axes:
        g = sum(g, axis=axes, keepdims=True)
    if g.broadcastable != like.broadcastable and g.ndim == like.ndim:
        g = patternbroadcast(g, like.broadcastable)
    return g


# --- argmax / max_and_argmax ---

def _argmax_lower(x, axis):
    if len(axis) == 1:
        return jnp.argmax(x, axis=axis[0]).astype("int64")
    keep = [i for i in range(x.ndim) if i not in axis]
    moved = jnp.transpose(x, keep + list(axis)).reshape([x.shape[i] for i in keep] + [-1])
    return jnp.argmax(moved, axis=-1).astype("int64")


argmax_op = Op("argmax", lambda x, axis: [TensorType("int64", tuple(b for i, b in enumerate(x.broadcastable)
                                                                       if i not in axis))],
               _argmax_lower, lambda inputs, outputs, gouts, axis: [None], describe=lambda node: "Argmax")


def argmax(x, axis=None, keepdims=False):
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(x)
    axes = normalize_axis(x, axis)
    return _keep(x, argmax_op(x, axis=axes), axes, keepdims)


def argmin(x, axis=None, keepdims=False):
    from .math import neg
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(x)
    return argmax(neg(x) if x.dtype not in ("bool",) else ~x, axis=axis, keepdims=keepdims)


def max_and_argmax(a, axis=None, keepdims=False):
    return [max(a, axis, keepdims), argmax(a, axis, keepdims)]
