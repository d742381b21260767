"""theano.compile.ops: as_op, which makes an Op of a numpy function (its perform runs on the host); the
small ops every graph may hold (view_op, deep_copy_op, shape, specify_shape); the registries of their C code
(accepted; XLA generates the code)."""
import pickle
import sys

from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..graph.ops import Op, TheanoOp
from ..ops.basic import Rebroadcast  # noqa: F401
from ..ops.checks import SpecifyShape  # noqa: F401
from ..ops.shape import Shape, Shape_i  # noqa: F401
from .gradient import ViewOp, view_op_record
from ..graph.types import TensorType, Type
from ..ops.checks import specify_shape  # noqa: F401
from ..ops.shape import shape  # noqa: F401
from ..stand_ins import C_CODE_WHY, noop_function

expandable_types = (TensorType,)
xrange = range


class FromFunctionOp(Op):
    """An Op around a numpy function: its perform calls the function; it has no gradient, as in Theano."""

    def __init__(self, fn, itypes, otypes, infer_shape):
        self.__fn = fn
        self.itypes = itypes
        self.otypes = otypes
        self.__infer_shape = infer_shape
        if infer_shape is not None:
            self.infer_shape = self._infer_shape

    def __eq__(self, other):
        return type(self) == type(other) and self.__fn == other.__fn

    def __hash__(self):
        return hash(type(self)) ^ hash(self.__fn)

    def __str__(self):
        return "FromFunctionOp{%s}" % self.__fn.__name__

    def perform(self, node, inputs, outputs):
        outs = self.__fn(*inputs)
        if not isinstance(outs, (list, tuple)):
            outs = (outs,)
        assert len(outs) == len(outputs)
        for cell, value in zip(outputs, outs):
            cell[0] = value

    def _infer_shape(self, node, input_shapes):
        return self.__infer_shape(node, input_shapes)

    def __reduce__(self):
        # Theano pickles the decorated function by name: the op is found again where it was defined.
        mod, name = self.__fn.__module__, self.__fn.__name__
        try:
            obj = getattr(sys.modules[mod], name)
        except (KeyError, AttributeError):
            raise pickle.PicklingError(f"Can't pickle as_op(), not found as {mod}.{name}") from None
        if obj is not self:
            raise pickle.PicklingError(f"Can't pickle as_op(), not the object at {mod}.{name}")
        return load_back, (mod, name)


def load_back(mod, name):
    __import__(mod)
    return getattr(sys.modules[mod], name)


def as_op(itypes, otypes, infer_shape=None):
    """Decorator making a numpy function an Op with these input and output types (theano.compile.ops.as_op)."""
    itypes = list(itypes) if isinstance(itypes, (list, tuple)) else [itypes]
    if any(not isinstance(t, Type) for t in itypes):
        raise TypeError("itypes has to be a list of Theano types")
    otypes = list(otypes) if isinstance(otypes, (list, tuple)) else [otypes]
    if any(not isinstance(t, Type) for t in otypes):
        raise TypeError("otypes has to be a list of Theano types")
    if infer_shape is not None and not callable(infer_shape):
        raise TypeError("infer_shape needs to be a callable")

    def make_op(fn):
        return FromFunctionOp(fn, itypes, otypes, infer_shape)
    return make_op


class OutputGuard(ViewOp):
    """Theano's OutputGuard (a ViewOp its function-building puts on outputs); outputs need no guard here."""


class DeepCopyOp(TheanoOp):
    """Theano's DeepCopyOp: theano.compile.deep_copy_op; a function's outputs never alias its inputs here,
    and Theano's optimizer output with its DeepCopyOp nodes is not built."""

    @classmethod
    def from_props(cls):
        return deep_copy_op


view_op = view_op_record  # theano.compile.view_op: the ViewOp instance (calling it builds the node)
def _no_grad(inputs, outputs, gouts):
    raise AttributeError("'DeepCopyOp' object has no attribute 'grad'")  # Theano's DeepCopyOp defines none


deep_copy_op = DeepCopyOp.record("deep_copy_op", lambda x: [x.type], lambda x: x, _no_grad)


def shape_i(var, i, fgraph=None):
    """The i-th dimension of var's shape, as a symbolic int64 scalar."""
    return var.shape[i]


def shape_i_op(i):
    """Theano's cached Shape_i(i) instance."""
    return Shape_i(i)


register_view_op_c_code = noop_function("register_view_op_c_code", C_CODE_WHY)
register_deep_copy_op_c_code = noop_function("register_deep_copy_op_c_code", C_CODE_WHY)
register_shape_c_code = noop_function("register_shape_c_code", C_CODE_WHY)
register_shape_i_c_code = noop_function("register_shape_i_c_code", C_CODE_WHY)
register_rebroadcast_c_code = noop_function("register_rebroadcast_c_code", C_CODE_WHY)
register_specify_shape_c_code = noop_function("register_specify_shape_c_code", C_CODE_WHY)
ops_with_inner_function = {}
