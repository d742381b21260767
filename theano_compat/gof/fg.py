"""theano.gof.fg: where Theano defines MissingInputError."""
from ..compile.errors import MissingInputError

__all__ = ["MissingInputError"]
