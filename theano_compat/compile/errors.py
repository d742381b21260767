"""Theano's exception classes, importable from Theano's module paths through the alias."""


class UnusedInputError(Exception):
    """An input of theano.function is not needed by any output (theano.compile.function_module)."""


class MissingInputError(Exception):
    """An output needs a variable that is neither an input nor shared nor constant (theano.gof.fg)."""


UnusedInputError.__module__ = "theano.compile.function_module"
MissingInputError.__module__ = "theano.gof.fg"
