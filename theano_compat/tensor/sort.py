"""theano.tensor.sort: sort and argsort."""
from ..ops.sort import argsort, sort

__all__ = ["sort", "argsort"]
