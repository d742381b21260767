"""theano.compile.ops: as_op, which makes an Op of a numpy function (its perform runs on the host)."""
import pickle
import sys

from ..graph.ops import Op
from ..graph.types import Type


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
