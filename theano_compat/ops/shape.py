"""Shape ops: dimshuffle, reshape, shape, flatten (Theano's DimShuffle, Reshape, Shape, Flatten)."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Primitive, TheanoOp, primitive_name
from ..graph.types import TensorType
from ..graph import constants
from ..graph.constants import AsTensorError, as_tensor_variable, constant
from ..graph.nodes import Constant, Variable


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


class DimShuffle(TheanoOp):
    """Theano's DimShuffle(input_broadcastable, new_order): x.dimshuffle(...) makes its nodes."""

    @classmethod
    def from_props(cls, input_broadcastable, new_order, inplace=True):
        if not inplace:
            raise ValueError("DimShuffle is inplace by default and hence the inplace for DimShuffle must be true")
        input_broadcastable, new_order = tuple(input_broadcastable), tuple(new_order)
        for dim in range(len(input_broadcastable)):
            if dim not in new_order and not input_broadcastable[dim]:
                raise ValueError("You cannot drop a non-broadcastable dimension.", (input_broadcastable, new_order))
        return dimshuffle_op.with_props(input_broadcastable=input_broadcastable, new_order=new_order,
                                        inplace=inplace)

    def node_props(self, node):
        return {"input_broadcastable": node.inputs[0].broadcastable, "new_order": tuple(node.params["order"]),
                "inplace": True}

    def make_node(self, x, **params):
        if params or not self.props:
            return super().make_node(x, **params)
        x = as_tensor_variable(x)
        if x.broadcastable != self.input_broadcastable:
            raise TypeError("The number of dimensions of the input is incorrect for this op. Expected "
                            f"{self.input_broadcastable}, got {x.broadcastable}.")
        return super().make_node(x, order=self.new_order)

    def __str__(self):
        return "InplaceDimShuffle{%s}" % ",".join(map(str, self.new_order)) if self.props else "DimShuffle"


# Theano's x.dimshuffle makes in-place DimShuffle nodes, and prints them so
dimshuffle_op = DimShuffle.record("dimshuffle", _dimshuffle_infer, _dimshuffle_lower, _dimshuffle_grad,
                                  describe=lambda node: "InplaceDimShuffle{%s}" % ",".join(map(str, node.params["order"])))
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
    if len(pattern) == 1 and isinstance(pattern[0], (list, tuple)):
        pattern = pattern[0]
    x = as_tensor_variable(x)
    return dimshuffle_op(x, order=_dimshuffle_order(x, pattern))


constants.dimshuffle = dimshuffle  # as_tensor_variable(x, ndim=...) changes rank with it


def pad_left(x, n):
    """Theano's Elemwise padding: n broadcastable dimensions in front."""
    return dimshuffle_op(x, order=("x",) * n + tuple(range(x.ndim))) if n else x


# --- Shape ---

def _shape_lower(x):
    # The shape is static under jit, so it stays a concrete array: ops computed from it (reshape targets,
    # slice bounds) see concrete values and need no recompilation.
    return np.asarray(x.shape, dtype="int64")


class Shape(TheanoOp):
    """Theano's Shape: x.shape makes its nodes; Shape()(x) is x.shape."""

    @classmethod
    def from_props(cls):
        return shape_op.constructed(lambda op, x: shape(x))


class Shape_i(TheanoOp):  # noqa: N801  (Theano's class name)
    """Theano's Shape_i(i): the i-th dimension of its input, an int64 scalar. x.shape[i] stays a Subtensor of
    a Shape, as in Theano's graph before its optimizer; Shape_i(i)(x) makes a Shape_i node."""

    @classmethod
    def from_props(cls, i):
        if not isinstance(i, (int, np.integer)):
            raise TypeError("expected an integer index")
        return shape_i_op.constructed(lambda op, x: shape_i_op(x, i=op.i), i=int(i))

    def node_props(self, node):
        return {"i": node.params["i"]}

    def __str__(self):
        return "%s{%i}" % (type(self).__name__, self.i) if "i" in self.props else "Shape_i"


def _shape_i_infer(x, i):
    if x.ndim <= i:
        raise TypeError("x has too few dimensions for Shape_i", (x, i))
    return [TensorType("int64", ())]


# the dimension is static under jit: a concrete value, as x.shape's
shape_i_op = Shape_i.record("shape_i", _shape_i_infer, lambda x, i: np.asarray(x.shape[i], dtype="int64"),
                            grad=lambda inputs, outputs, gouts, i: [None])


shape_op = Shape.record("shape", lambda x: [TensorType("int64", (False,))], _shape_lower,
              grad=lambda inputs, outputs, gouts: [None], describe=lambda node: "Shape")


def shape(x):
    return shape_op(as_tensor_variable(x))


# --- Reshape ---

def _reshape_infer(x, shp, ndim):
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
    if node is not None and primitive_name(node) == "make_vector":
        entry = node.inputs[i]
    elif node is not None and primitive_name(node) == "shape":  # x.shape[i] of a broadcastable dim is 1
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


class Flatten(TheanoOp):
    """Theano's deprecated Flatten(outdim) op; T.flatten makes a Reshape, as in Theano 1.0."""


class Reshape(TheanoOp):
    """Theano's Reshape(ndim): x.reshape and T.flatten make its nodes; Reshape(ndim)(x, shp) is T.reshape."""

    @classmethod
    def from_props(cls, ndim, name=None):
        return reshape_op.constructed(lambda op, x, shp: reshape(x, shp, ndim=op.ndim), ndim=int(ndim))

    def node_props(self, node):
        return {"ndim": node.params["ndim"]}


reshape_op = Reshape.record("reshape", _reshape_infer, _reshape_lower, _reshape_grad, static=_reshape_static,
                static_args=lambda node: (1,), describe=lambda node: f"Reshape{{{node.params['ndim']}}}")


def reshape(x, newshape, ndim=None):
    """theano.tensor.reshape: newshape may hold ints, -1 and symbolic scalars."""
    x = as_tensor_variable(x)
    if isinstance(newshape, (int, np.integer)):
        # Theano: as_tensor_variable(3) is not a vector, and as_tensor_variable(3, ndim=1) fails
        if ndim is None:
            raise TypeError("New shape in reshape must be a vector or a list/tuple of scalar. Got %s after "
                            "conversion to a vector." % newshape)
        raise AsTensorError("Cannot convert %s to TensorType" % newshape, type(newshape))
    shp = as_shape_vector(newshape)
    if ndim is None:
        if shp.type.broadcastable[0] is False and shp.owner is None and not hasattr(shp, "data"):
            raise ValueError("The length of the provided shape cannot be determined: give ndim")
        ndim = _static_length(shp)
    return reshape_op(x, shp, ndim=ndim)


def _static_length(shp):
    try:
        return get_vector_length(shp)
    except ValueError:
        pass
    raise ValueError(f"The length of the provided shape ({shp}) cannot be automatically determined, so "
                     "Theano is not able to know what the number of dimensions of the reshaped variable will "
                     "be. You can provide the 'ndim' keyword argument to 'reshape' to avoid this problem.")


def flatten(x, ndim=1, outdim=None):
    """theano.tensor.flatten: keep the first ndim-1 dimensions, collapse the rest."""
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


def as_shape_vector(shape):
    """A shape argument (ints, -1, symbolic scalars, or a symbolic vector) as one int64 vector."""
    from .basic import cast, make_vector
    if isinstance(shape, Variable):
        return cast(shape, "int64") if shape.ndim == 1 else make_vector(shape, dtype="int64")
    if isinstance(shape, (int, np.integer)):
        shape = [shape]
    if any(isinstance(s, Variable) for s in shape):
        return make_vector(*[as_tensor_variable(s) for s in shape], dtype="int64")
    return constant(np.asarray(shape, dtype="int64"))


def get_vector_length(v):
    """The static length of a symbolic vector, when the graph tells it (Theano's get_vector_length)."""
    v = as_tensor_variable(v)
    if v.ndim != 1:
        raise TypeError(f"argument must be symbolic vector, got '{v}'")
    if v.broadcastable[0]:
        return 1
    if isinstance(v, Constant):
        return len(v.data)
    if v.owner is not None and primitive_name(v.owner) == "make_vector":
        return len(v.owner.inputs)
    if v.owner is not None and primitive_name(v.owner) == "shape":
        return v.owner.inputs[0].ndim
    n = _shape_slice_length(v)
    if n is not None:
        return n
    from ..printing import debugprint
    raise ValueError("length not known: %s" % debugprint(v, file="str"))


def _shape_slice_length(v):
    """x.shape[a:b:c] with constant bounds: its length (Theano's rule, positive steps only)."""
    node = v.owner
    if node is None or primitive_name(node) != "subtensor" or node.params["spec"][0][0] != "slice":
        return None
    shp = node.inputs[0].owner
    if shp is None or primitive_name(shp) != "shape":
        return None
    ndim = shp.inputs[0].ndim
    start, stop, step = (_constant_ref(node, r) for r in node.params["spec"][0][1:])
    start = 0 if start is None else max(start + ndim, 0) if start < 0 else start
    stop = ndim if stop is None else min(stop, ndim) if stop >= 0 else stop + ndim
    step = 1 if step is None else step
    if start >= 0 and stop >= 0 and step > 0 and stop >= start:
        n = (stop - start - 1) // step + 1
        # Theano reads the bounds as numpy constants: with any bound given, the length is a numpy int
        return np.int64(n) if any(r is not None for r in node.params["spec"][0][1:]) else n
    return None


def _constant_ref(node, ref):
    """A subtensor bound as a Python int (None: absent), or NaN where it is symbolic."""
    if ref is None or isinstance(ref, int):
        return ref
    from .basic import NotScalarConstantError, get_scalar_constant_value
    try:
        return int(get_scalar_constant_value(node.inputs[ref[1]]))
    except NotScalarConstantError:
        return float("nan")
