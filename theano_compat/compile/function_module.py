"""theano.compile.function_module: where Theano defines Function and UnusedInputError."""
from .errors import UnusedInputError
from .function import Function

__all__ = ["Function", "UnusedInputError"]
