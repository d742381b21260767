"""theano.tensor.signal.pool: pool_2d, pool_3d and Theano's pooling op classes."""
from ...ops.pool_ops import (AveragePoolGrad, DownsampleFactorMaxGradGrad, MaxPoolGrad, MaxPoolRop, OpenMPOp,
                             Pool, PoolGrad, max_pool_2d_same_size, pool_2d, pool_3d)
from ...stand_ins import C_CODE_WHY, declare_unsupported

__all__ = ["pool_2d", "pool_3d", "max_pool_2d_same_size", "Pool", "PoolGrad", "MaxPoolGrad", "AveragePoolGrad",
           "DownsampleFactorMaxGradGrad", "MaxPoolRop"]

from ...graph.nodes import Apply, Variable  # noqa: E402,F401
from ...compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)

xrange = range

# The C interface of Theano's pooling ops (their params in C structs, the cuDNN pooling-mode enum).
declare_unsupported(globals(), C_CODE_WHY, classes="EnumList ParamsType", objects="PoolingMode_t")
try:  # theano.scalar.bool, the type of Pool's C param (theano.scalar's types are being built)
    from ...scalar import bool as bool_t  # noqa: F401
except ImportError:
    declare_unsupported(globals(), C_CODE_WHY, objects="bool_t")
