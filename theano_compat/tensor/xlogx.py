"""theano.tensor.xlogx: x * log(x) and x * log(y) with 0 * log(0) = 0."""
from ..ops.special import xlogx, xlogy0

__all__ = ["xlogx", "xlogy0"]
