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
        self.name = variable.name if autoname and name is None else name
        if self.name is not None and not isinstance(self.name, str):
            raise TypeError("name must be a string! (got: %s)" % (self.name,))
        self.update = update
        if update is not None and getattr(update, "type", None) != variable.type:
            raise TypeError("Variable '%s' has type %s but an update of type %s. The type of the update should be "
                            "the same as the type of the variable" % (variable, variable.type,
                                                                     getattr(update, "type", None)))
        self.mutable = mutable if mutable is not None else update is not None
        self.strict = strict
        self.allow_downcast = allow_downcast
        self.implicit = implicit

    def __str__(self):
        return "In(%s -> %s)" % (self.variable, self.update) if self.update is not None else "In(%s)" % self.variable

    __repr__ = __str__


class In(SymbolicInput):
    """theano.In: an input with a name, a default value, and Theano's casting options."""

    def __init__(self, variable, name=None, value=None, update=None, mutable=None, strict=False,
                 allow_downcast=None, autoname=True, implicit=None, borrow=None, shared=False):
        self.shared = shared  # the value comes from a shared variable's container
        self.borrow = mutable if borrow is None else borrow
        if mutable and not self.borrow:
            raise AssertionError("Symbolic input for variable %s (name=%s) has flags mutable=True, borrow=False. "
                                 "This combination is incompatible since mutable=True implies that the input "
                                 "variable may be both aliased (borrow=True) and overwritten." % (variable, name))
        if implicit is None:
            from .container import Container
            implicit = isinstance(value, (Container, SharedVariable))
        super().__init__(variable, name, update, mutable, strict, allow_downcast, autoname, implicit)
        self.value = value
        if self.implicit and value is None:
            raise TypeError("An implicit input must be given a default value")


def Param(variable, default=None, name=None, mutable=False, strict=False, allow_downcast=None,
          implicit=None, borrow=None):
    """theano.Param: the pre-1.0 name of In (default= is In's value=)."""
    return In(variable, name=name, value=default, mutable=mutable, strict=strict,
              allow_downcast=allow_downcast, implicit=implicit, borrow=borrow)


class SymbolicOutput:
    """theano.Out: an output; with borrow=True Theano may return its internal storage (here: a fresh array)."""

    def __init__(self, variable, borrow=False):
        self.variable = variable
        self.borrow = borrow

    def __str__(self):
        return "Out(%s,%s)" % (self.variable, self.borrow)

    __repr__ = __str__


Out = SymbolicOutput  # Theano: the same class under both names
