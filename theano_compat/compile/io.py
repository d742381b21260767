"""theano.compile.io: In and Out, how theano.function treats each input and output."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..graph.nodes import Variable
from .shared import SharedVariable  # noqa: F401  (Theano's module exports it)



class SymbolicInput:
    """An input of a function: the variable, its name, and its update (Theano's base class of In)."""

    def __init__(self, variable, name=None, update=None, mutable=None, strict=False, allow_downcast=None,
                 autoname=True, implicit=False):
        if not isinstance(variable, Variable):
            raise TypeError(f"In() needs a symbolic Variable, got {variable!r}")
        self.variable = variable
        self.name = name if name is not None else (variable.name if autoname else None)
        self.update = update
        self.mutable = bool(mutable) if mutable is not None else update is not None
        self.strict = strict
        self.allow_downcast = allow_downcast
        self.implicit = implicit


class In(SymbolicInput):
    """theano.In: an input with a name, a default value, and Theano's casting options."""

    def __init__(self, variable, name=None, value=None, update=None, mutable=None, strict=False,
                 allow_downcast=None, autoname=True, implicit=None, borrow=None, shared=False):
        super().__init__(variable, name, update, mutable, strict, allow_downcast, autoname, implicit)
        self.value = value
        self.borrow = borrow
        self.shared = shared


def Param(variable, default=None, name=None, mutable=False, strict=False, allow_downcast=None,
          implicit=None, borrow=None):
    """theano.Param: the pre-1.0 name of In (default= is In's value=)."""
    return In(variable, name=name, value=default, mutable=mutable, strict=strict,
              allow_downcast=allow_downcast, implicit=implicit, borrow=borrow)


class SymbolicOutput:
    """theano.Out: an output; `borrow` is accepted (outputs are always fresh arrays here)."""

    def __init__(self, variable, borrow=False):
        self.variable = variable
        self.borrow = borrow


Out = SymbolicOutput  # Theano: the same class under both names
