"""Undefined gradients: the NullType of a gradient term that is mathematically undefined (Theano's
theano.gof.null_type). Ops declare them in their gradient rules; T.grad (compile/gradient.py) raises
NullTypeGradError when one reaches a requested gradient."""
from .nodes import Variable
from .types import Type


class NullType(Type):
    """The type of an undefined gradient; `why_null` says why (theano.gof.null_type.NullType)."""

    def __init__(self, why_null="(no explanation given)"):
        self.why_null = why_null
        self.dtype = None

    def filter(self, data, strict=False, allow_downcast=None):
        raise ValueError("No values may be assigned to a NullType")

    def __eq__(self, other):
        return type(self) == type(other)

    def __hash__(self):
        return hash(type(self))

    def __str__(self):
        return "NullType"


NullType.__module__ = "theano.gof.null_type"


def undefined_grad(x, op_name, why=None):
    """Theano's grad_undefined: a NullType variable that raises if it reaches a requested gradient."""
    return Variable(NullType(why or f"The gradient of {op_name} with respect to {x} is undefined"))


def is_null(g):
    return g is not None and isinstance(g.type, NullType)
