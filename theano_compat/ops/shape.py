"""Shape ops: dimshuffle, reshape, shape, flatten (Theano's DimShuffle, Reshape, Shape, Flatten)."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType


# --- DimShuffle ---

def _dimshuffle_infer(x, order):
    bcast = x.broadcastable
    for dim in range(x.ndim):
        if dim not in order and not bcast[dim]:
            raise ValueError("You cannot drop a non-broadcastable dimension.", (bcast, list(order)))
    return [TensorType(x.dtype, tuple(True if d == "x" else bcast[d] for d in order))]


def _dimshuffle_lower(x, order):
    kept = [d for d in order if d != "x"]
    dropped = tuple(d for d in range(x.ndim) if d not in kept)
    y = jnp.transpose(jnp.squeeze(x, dropped), [sorted(kept).index(d) for d in kept]) if dropped else \
        jnp.transpose(x, kept)
    return jnp.expand_dims(y, [i for i, d in enumerate(order) if d == "x"]) if "x" in order else y


def _dimshuffle_grad(inputs, outputs, gouts, order):
    (x,), (gz,) = inputs, gouts
    if x.dtype in D.discrete_dtypes:
        from .math import zeros_like
        return [zeros_like(x, config.floatX)]
    back = ["x"] * x.ndim
    for i, d in enumerate(order):
        if d != "x":
            back[d] = i
    return [dimshuffle_op(gz, order=tuple(back))]


def _dimshuffle_pp(node, args):
    # Theano's DimShufflePrinter: leading 'x' entries are not shown, a full reversal prints as .T
    order, ndim = list(node.params["order"]), node.inputs[0].ndim
    while order[:1] == ["x"]:
        order = order[1:]
    if order == list(range(ndim)):
        return args[0]
    if order == list(reversed(range(ndim))):
        return f"{args[0]}.T"
    return f"DimShuffle{{{', '.join(map(str, order))}}}({args[0]})"


dimshuffle_op = Op("dimshuffle", _dimshuffle_infer, _dimshuffle_lower, _dimshuffle_grad,
                   describe=lambda node: "DimShuffle{%s}" % ",".join(map(str, node.params["order"])))
dimshuffle_op.pp = _dimshuffle_pp


def _dimshuffle_order(x, pattern):
    """Theano's DimShuffle checks on a pattern: ints and 'x', each input dimension at most once."""
    order = tuple("x" if p == "x" else p for p in pattern)
    for i, j in enumerate(order):
        if j == "x":
            continue
        if not isinstance(j, (int, np.integer)):
            raise TypeError("DimShuffle indices must be python ints. Got: '%s' of type '%s'.", str(j), str(type(j)))
        if j >= x.ndim:
            raise ValueError("new_order[%d] is %d, but the input only has %d axes." % (i, j, x.ndim))
        if j in order[i + 1:]:
            raise ValueError("The same input dimension may not appear twice in the list of output dimensions",
                             order)
    return tuple(j if j == "x" else int(j) for j in order)


def dimshuffle(x, *pattern):
    """x.dimshuffle(pattern): permute dimensions, 'x' inserts a broadcastable one."""
    from ..tensor.basic import as_tensor_variable
    if len(pattern) == 1 and isinstance(pattern[0], (list, tuple)):
        pattern = pattern[0]
    x = as_tensor_variable(x)
    return dimshuffle_op(x, order=_dimshuffle_order(x, pattern))


def pad_left(x, n):
    """Theano's Elemwise padding: n broadcastable dimensions in front."""
    return dimshuffle_op(x, order=("x",) * n + tuple(range(x.ndim))) if n else x


# --- Shape ---

def _shape_lower(x):
    # The shape is static under jit, so it stays a concrete array: ops computed from it (reshape targets,
    # slice bounds) see concrete values and need no recompilation.
    return np.asarray(x.shape, dtype="int64")


shape_op = Op("shape", lambda x: [TensorType("int64", (False,))], _shape_lower,
              grad=lambda inputs, outputs, gouts: [None], describe=lambda node: "Shape")


def shape(x):
    from ..tensor.basic import as_tensor_variable
    return shape_op(as_tensor_variable(x))


# --- Reshape ---

def _reshape_infer(x, shp, ndim):
    from ..graph.nodes import Constant
    if shp.ndim != 1 or shp.dtype not in D.integer_dtypes:
        raise TypeError(f"Shape must be integers: {shp.type}")
    if isinstance(shp, Constant):
        bcast = tuple(int(s) == 1 for s in shp.data)
    else:
        bcast = tuple(_is_one(shp, i) for i in range(ndim))
    return [TensorType(x.dtype, bcast)]


def _is_one(shp, i):
    """Theano marks reshape dimensions broadcastable when the new shape entry is a constant 1."""
    from .basic import get_scalar_constant_value, NotScalarConstantError
    node = shp.owner
    if node is not None and node.op.name == "make_vector":
        entry = node.inputs[i]
    elif node is not None and node.op.name == "shape":  # x.shape[i] of a broadcastable dimension is 1
        return bool(node.inputs[0].broadcastable[i])
    else:
        return False
    try:
        return bool(get_scalar_constant_value(entry) == 1)
    except NotScalarConstantError:
        return False


def _reshape_static(x, shp, ndim):
    shp = [int(s) for s in np.asarray(shp)]
    if shp.count(-1) > 1 or any(s < -1 for s in shp):
        raise ValueError(f"cannot reshape array of size {x.size} into shape {tuple(shp)}")
    known = int(np.prod([s for s in shp if s != -1]))
    if -1 in shp:
        if known == 0 or x.size % known:
            raise ValueError(f"cannot reshape array of size {x.size} into shape {tuple(shp)}")
        shp[shp.index(-1)] = x.size // known
    if int(np.prod(shp)) != x.size:
        raise ValueError(f"total size of new array must be unchanged: cannot reshape array of size {x.size} "
                         f"into shape {tuple(shp)}")
    return tuple(shp)


def _reshape_lower(x, shp, ndim, static):
    return jnp.reshape(x, static)


def _reshape_grad(inputs, outputs, gouts, ndim):
    x, shp = inputs
    return [reshape(gouts[0], shape(x), ndim=x.ndim), None]


reshape_op = Op("reshape", _reshape_infer, _reshape_lower, _reshape_grad, static=_reshape_static,
                static_args=lambda node: (1,), describe=lambda node: f"Reshape{{{node.params['ndim']}}}")


def reshape(x, newshape, ndim=None):
    """theano.tensor.reshape: newshape may hold ints, -1 and symbolic scalars."""
    from ..tensor.basic import as_tensor_variable, as_shape_vector
    x = as_tensor_variable(x)
    if isinstance(newshape, (int, np.integer)):
        # Theano: as_tensor_variable(3) is not a vector, and as_tensor_variable(3, ndim=1) fails
        if ndim is None:
            raise TypeError("New shape in reshape must be a vector or a list/tuple of scalar. Got %s after "
                            "conversion to a vector." % newshape)
        from ..tensor.basic import AsTensorError
        raise AsTensorError("Cannot convert %s to TensorType" % newshape, type(newshape))
    shp = as_shape_vector(newshape)
    if ndim is None:
        if shp.type.broadcastable[0] is False and shp.owner is None and not hasattr(shp, "data"):
            raise ValueError("The length of the provided shape cannot be determined: give ndim")
        ndim = _static_length(shp)
    return reshape_op(x, shp, ndim=ndim)


def _static_length(shp):
    from ..graph.nodes import Constant
    if isinstance(shp, Constant):
        return len(shp.data)
    if shp.owner is not None and shp.owner.op.name == "make_vector":
        return len(shp.owner.inputs)
    if shp.owner is not None and shp.owner.op.name == "shape":
        return shp.owner.inputs[0].ndim
    raise ValueError(f"The length of the provided shape ({shp}) cannot be automatically determined, so "
                     "Theano is not able to know what the number of dimensions of the reshaped variable will "
                     "be. You can provide the 'ndim' keyword argument to 'reshape' to avoid this problem.")


def flatten(x, ndim=1, outdim=None):
    """theano.tensor.flatten: keep the first ndim-1 dimensions, collapse the rest."""
    from ..tensor.basic import as_tensor_variable
    x = as_tensor_variable(x)
    ndim = outdim if outdim is not None else ndim
    if ndim < 1 or (ndim > x.ndim and x.ndim > 0):
        raise ValueError(f"ndim {ndim} out of bound [1, {x.ndim + 1})")
    if ndim == 1:
        return reshape(x, [-1], ndim=1)
    lead = [shape(x)[i] for i in range(ndim - 1)]
    out = reshape(x, lead + [-1], ndim=ndim)
    return _with_broadcastable(out, x.broadcastable[:ndim - 1] + (all(x.broadcastable[ndim - 1:]),))


def _with_broadcastable(x, bcast):
    from .basic import patternbroadcast
    return patternbroadcast(x, bcast) if x.broadcastable != tuple(bcast) else x
