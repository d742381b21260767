"""theano.tensor.signal.pool: pool_2d and pool_3d."""
from ...ops.pool import pool_2d, pool_3d

__all__ = ["pool_2d", "pool_3d"]
