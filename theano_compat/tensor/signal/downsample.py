"""theano.tensor.signal.downsample: removed in Theano 1.0 but still widely imported; max_pool_2d warns that
it is deprecated and pools with pool_2d."""
from ...ops.pool_ops import max_pool_2d

__all__ = ["max_pool_2d"]
