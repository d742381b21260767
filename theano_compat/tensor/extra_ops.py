"""theano.tensor.extra_ops: numpy-like helpers (cumsum, diff, bincount, repeat, unique, ...)."""
from ..ops.arrange import RepeatOp, repeat
from ..ops.extra import (Bartlett, CpuContiguous, CumOp, CumprodOp, CumsumOp, DiffOp, FillDiagonal,
                         FillDiagonalOffset, bartlett, bartlett_op, bincount, compress, cpu_contiguous, cumprod, cumsum,
                         diff, fill_diagonal, fill_diagonal_offset, fill_diagonal_offset_op, fill_diagonal_op, squeeze,
                         to_one_hot)
from ..ops.extra_index import (RavelMultiIndex, SearchsortedOp, Unique, UnravelIndex, ravel_multi_index, searchsorted,
                               unravel_index)

__all__ = ["bartlett", "bincount", "compress", "cumprod", "cumsum", "diff", "fill_diagonal", "fill_diagonal_offset",
           "repeat", "squeeze", "to_one_hot", "Unique", "ravel_multi_index", "searchsorted", "unravel_index"]

# The op instances Theano's module exports (Theano's functions check and cast their inputs; these do not)
bartlett_, fill_diagonal_, fill_diagonal_offset_ = bartlett_op, fill_diagonal_op, fill_diagonal_offset_op
xrange = range

from ..compile.gradient import DisconnectedType, disconnected_type  # noqa: E402,F401  (Theano's module imports them)
from ..graph.types import Generic  # noqa: E402,F401  (Theano's module imports it)
from ..gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)
from ..gof.type import EnumList  # noqa: E402,F401  (Theano's module imports it)

from ..scalar import int32 as int_t  # noqa: E402,F401  (Theano's module imports it)
