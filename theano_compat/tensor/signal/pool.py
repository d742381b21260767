"""theano.tensor.signal.pool: pool_2d and pool_3d."""
from ...ops.pool import pool_2d, pool_3d

__all__ = ["pool_2d", "pool_3d"]

from ...graph.nodes import Apply, Variable  # noqa: E402,F401

xrange = range


def max_pool_2d_same_size(input, patch_size):
    """input where it is the maximum of its (non-overlapping) patch, 0 elsewhere (MaxPoolGrad(out, out))."""
    from ...compile.gradient import disconnected_grad, grad
    out = pool_2d(input, patch_size, ignore_border=True)
    return grad((out * disconnected_grad(out)).sum(), input)

from ...compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
