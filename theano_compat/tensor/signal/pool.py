"""theano.tensor.signal.pool: pool_2d, pool_3d and Theano's pooling op classes."""
from ...ops.pool_ops import (AveragePoolGrad, DownsampleFactorMaxGradGrad, MaxPoolGrad, MaxPoolRop, OpenMPOp,
                             Pool, PoolGrad, max_pool_2d_same_size, pool_2d, pool_3d)
from ...stand_ins import C_CODE_WHY, declare_unsupported

__all__ = ["pool_2d", "pool_3d", "max_pool_2d_same_size", "Pool", "PoolGrad", "MaxPoolGrad", "AveragePoolGrad",
           "DownsampleFactorMaxGradGrad", "MaxPoolRop"]

from ...graph.nodes import Apply, Variable  # noqa: E402,F401
from ...compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)

xrange = range

# The C interface of Theano's pooling ops: their params' types, and the pooling-mode enum.
from ...gof.params_type import ParamsType  # noqa: E402,F401
from ...gof.type import EnumList  # noqa: E402

PoolingMode_t = EnumList(("POOLING_MAX", "max"), ("POOLING_SUM", "sum"),
                         ("POOLING_AVERAGE_COUNT_INCLUDE_PADDING", "average_inc_pad"),
                         ("POOLING_AVERAGE_COUNT_EXCLUDE_PADDING", "average_exc_pad"))
try:  # theano.scalar.bool, the type of Pool's C param (theano.scalar's types are being built)
    from ...scalar import bool as bool_t  # noqa: F401
except ImportError:
    declare_unsupported(globals(), C_CODE_WHY, objects="bool_t")
