"""theano.gof.null_type: the type of the gradients that are undefined or not implemented."""
from ..compile.gradient import NullType  # noqa: F401
