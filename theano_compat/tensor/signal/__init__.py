"""theano.tensor.signal: pooling."""
from . import pool

__all__ = ["pool"]
