"""theano.tensor.nnet.conv3d2d: 3D convolution as Theano's conv3d2d module computes it."""
from ...ops.conv import conv3d2d_conv3d as conv3d

__all__ = ["conv3d"]


from ...gof.opt import TopoOptimizer, copy_stack_trace  # noqa: E402,F401
from ...graph.nodes import Apply  # noqa: E402,F401
from ...stand_ins import NoOpOptimizer, declare_unsupported  # noqa: E402

local_inplace_DiagonalSubtensor = NoOpOptimizer(name="local_inplace_DiagonalSubtensor")
declare_unsupported(globals(), "the diagonal-view ops of Theano's conv3d2d implementation; conv3d here is one "
                    "XLA convolution", objects="diagonal_subtensor inc_diagonal_subtensor",
                    classes="DiagonalSubtensor IncDiagonalSubtensor")


def get_diagonal_subtensor_view(x, i0, i1):
    """A numpy view of x whose axis i1 walks x's diagonals along axes (i0, i1)."""
    i0, i1 = int(i0), int(i1)
    if x.shape[i0] < x.shape[i1]:
        raise NotImplementedError("is this allowed?")
    idx = [slice(None)] * x.ndim
    idx[i0] = slice(x.shape[i1] - 1, None, None)
    xview = x[tuple(idx)]
    if x.shape[i1] != 1:
        strides = list(xview.strides)
        strides[i1] -= strides[i0]
        xview = __import__("numpy").lib.stride_tricks.as_strided(xview, xview.shape, strides)
    return xview

from ...compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
