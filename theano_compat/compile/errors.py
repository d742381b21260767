"""Theano's exception classes, importable from Theano's module paths through the alias."""


class UnusedInputError(Exception):
    """An input of theano.function is not needed by any output (theano.compile.function_module)."""


class MissingInputError(Exception):
    """An output needs a variable that is neither an input nor shared nor constant (theano.gof.fg).

    As Theano's: the message parts joined by newlines; `variable=` names the missing variable (Theano adds
    its creation backtrace, which theano_compat does not record)."""

    def __init__(self, *args, **kwargs):
        if kwargs and list(kwargs) != ["variable"]:
            raise TypeError(f"MissingInputError() got unexpected keyword arguments {sorted(kwargs)}")
        Exception.__init__(self, "\n".join(args))


UnusedInputError.__module__ = "theano.compile.function_module"
MissingInputError.__module__ = "theano.gof.fg"
