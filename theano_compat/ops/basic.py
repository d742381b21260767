"""Structural basics: cast, make_vector, alloc, broadcast-pattern changes (Theano's tensor/basic.py ops)."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType


# --- cast ---

def _cast_grad(inputs, outputs, gouts, dtype):
    (x,), (gz,) = inputs, gouts
    if x.dtype in D.discrete_dtypes or dtype in D.discrete_dtypes:
        from .math import zeros_like
        return [zeros_like(x, config.floatX if x.dtype in D.discrete_dtypes else x.dtype)]
    return [cast(gz, x.dtype)]


def _cast_lower(x, dtype):
    if dtype in D.integer_dtypes and x.dtype.kind == "f":
        x = jnp.trunc(x)  # C casts truncate toward zero, as numpy's astype does
    return x.astype(dtype)


cast_op = Op("cast", lambda x, dtype: [TensorType(dtype, x.broadcastable)], _cast_lower, _cast_grad,
             describe=lambda node: f"Elemwise{{Cast{{{node.params['dtype']}}}}}")
cast_op.pp = lambda node, args: f"Elemwise{{Cast{{{node.params['dtype']}}}}}({args[0]})"


def cast(x, dtype):
    """theano.tensor.cast: x as another dtype ('floatX' allowed); a no-op when it already is."""
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(x)
    dtype = config.floatX if dtype == "floatX" else str(np.dtype(dtype))
    if x.dtype == dtype:
        return x
    if x.dtype in D.complex_dtypes and dtype not in D.complex_dtypes:
        raise TypeError("Casting from complex to real is ambiguous: consider real(), imag(), angle() or abs()")
    return cast_op(x, dtype=dtype)


# --- make_vector: a vector of symbolic scalars (shapes built from ints and variables) ---

def _make_vector_infer(*scalars, dtype):
    return [TensorType(dtype, (len(scalars) == 1,))]


make_vector_op = Op("make_vector", _make_vector_infer,
                    lambda *xs, dtype: jnp.stack([jnp.asarray(x, dtype=dtype) for x in xs]) if xs
                    else jnp.zeros((0,), dtype),
                    lambda inputs, outputs, gouts, dtype: [gouts[0][i] if inputs[i].dtype in D.float_dtypes
                                                           else None for i in range(len(inputs))],
                    describe=lambda node: "MakeVector{dtype=%s}" % node.params["dtype"])
make_vector_op.pp = lambda node, args: f"[{', '.join(args)}]"


def make_vector(*scalars, dtype=None):
    from ..tensor.basic import as_tensor_variable
    scalars = [as_tensor_variable(s) for s in scalars]
    if any(s.ndim != 0 for s in scalars):
        raise TypeError("make_vector needs scalars")
    dtype = dtype or (D.upcast(*[s.dtype for s in scalars]) if scalars else "int64")
    return make_vector_op(*[cast(s, dtype) for s in scalars], dtype=dtype)


# --- alloc: fill a symbolic shape with a value ---

def _alloc_infer(value, *shape):
    from ..graph.nodes import Constant
    bcast = tuple(isinstance(s, Constant) and int(s.data) == 1 for s in shape)
    return [TensorType(value.dtype, bcast)]


def _alloc_static(value, *shape):
    return tuple(int(s) for s in shape)


def _alloc_lower(value, *shape, static):
    return jnp.broadcast_to(value, static)


def _alloc_grad(inputs, outputs, gouts):
    from .reductions import sum_to_type
    value, shape = inputs[0], inputs[1:]
    return [sum_to_type(gouts[0], value)] + [None] * len(shape)


alloc_op = Op("alloc", _alloc_infer, _alloc_lower, _alloc_grad, static=_alloc_static,
              static_args=lambda node: range(1, len(node.inputs)), describe=lambda node: "Alloc")
alloc_op.pp = lambda node, args: f"alloc({', '.join(args)})"


def alloc(value, *shape):
    """theano.tensor.alloc(value, *shape): value broadcast to the shape."""
    from ..tensor.basic import as_tensor_variable
    value = as_tensor_variable(value)
    shape = [as_tensor_variable(s) for s in shape]
    if len(shape) < value.ndim:
        raise ValueError("The Alloc value to use has more dimensions than the specified dimensions")
    for s in shape:
        if s.ndim != 0 or s.dtype not in D.integer_dtypes:
            raise TypeError(f"Shape arguments to Alloc must be integers, but argument is of type {s.type}")
    return alloc_op(value, *[cast(s, "int64") for s in shape])


# --- patternbroadcast: assert or forget broadcastability (Theano's Rebroadcast) ---

def _rebroadcast_lower(x, bcast):
    for dim, (size, b) in enumerate(zip(x.shape, bcast)):
        if b and size != 1:
            raise ValueError(f"Dimension {dim} in Rebroadcast's input was supposed to be 1 (got {size} instead)")
    return x


rebroadcast_op = Op("rebroadcast", lambda x, bcast: [TensorType(x.dtype, bcast)], _rebroadcast_lower,
                    lambda inputs, outputs, gouts, bcast: [patternbroadcast(gouts[0], inputs[0].broadcastable)],
                    describe=lambda node: "Rebroadcast{%s}" % ",".join(
                        str(i) for i, b in enumerate(node.params["bcast"]) if b))


def patternbroadcast(x, broadcastable):
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(x)
    bcast = tuple(bool(b) for b in broadcastable)
    if len(bcast) != x.ndim:
        raise ValueError(f"broadcastable pattern {bcast} does not match ndim {x.ndim}")
    return x if bcast == x.broadcastable else rebroadcast_op(x, bcast=bcast)


def addbroadcast(x, *axes):
    bcast = list(x.broadcastable)
    for a in axes:
        bcast[a] = True
    return patternbroadcast(x, bcast)


def unbroadcast(x, *axes):
    bcast = list(x.broadcastable)
    for a in axes:
        bcast[a] = False
    return patternbroadcast(x, bcast)


# --- arange (bounds may be symbolic: the length is the static key) ---

def _arange_infer(start, stop, step, dtype):
    return [TensorType(dtype, (False,))]


def _arange_static(start, stop, step, dtype):
    return int(max(0, np.ceil((float(stop) - float(start)) / float(step))))


def _arange_lower(start, stop, step, dtype, static):
    return (start + jnp.arange(static) * step).astype(dtype)


arange_op = Op("arange", _arange_infer, _arange_lower, lambda inputs, outputs, gouts, dtype: [None] * 3,
               static=_arange_static, describe=lambda node: "ARange{dtype='%s'}" % node.params["dtype"])


def arange(start, stop=None, step=1, dtype=None):
    """theano.tensor.arange: Theano's dtype rule (upcast of the bounds; floatX-limited for floats)."""
    from ..tensor.basic import as_tensor_variable
    if stop is None:
        start, stop = 0, start
    start, stop, step = (as_tensor_variable(v) for v in (start, stop, step))
    if any(v.ndim != 0 for v in (start, stop, step)):
        raise TypeError("arange needs scalar bounds")
    if dtype is None:
        dtype = D.upcast(start.dtype, stop.dtype, step.dtype)
        if config.cast_policy == "custom" and dtype in D.int_dtypes:
            dtype = "int64"  # Theano: integer ranges are int64 unless asked otherwise
        elif dtype in D.float_dtypes and config.floatX == "float32" and dtype == "float64":
            dtype = "float32" if all(v.dtype != "float64" for v in (start, stop, step)) else dtype
    return arange_op(start, stop, step, dtype=str(np.dtype(dtype)))
