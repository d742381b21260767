"""theano.gof.null_type: the type of the gradients that are undefined or not implemented."""
from ..compile.gradient import NullType  # noqa: F401

null_type = NullType()  # Theano's module-level instance

from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
