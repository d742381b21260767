"""theano.tensor.extra_ops: numpy-like helpers (cumsum, diff, bincount, repeat, unique, ...)."""
from ..ops.arrange import repeat
from ..ops.extra import (bartlett, bincount, compress, cumprod, cumsum, diff, fill_diagonal, fill_diagonal_offset,
                         squeeze, to_one_hot)
from ..ops.extra_index import Unique, ravel_multi_index, searchsorted, unravel_index

__all__ = ["bartlett", "bincount", "compress", "cumprod", "cumsum", "diff", "fill_diagonal", "fill_diagonal_offset",
           "repeat", "squeeze", "to_one_hot", "Unique", "ravel_multi_index", "searchsorted", "unravel_index"]

# The op instances Theano's module exports, as the functions building the same graphs.
from ..ops.math import tensor_copy as _copy  # noqa: E402

bartlett_, fill_diagonal_, fill_diagonal_offset_ = bartlett, fill_diagonal, fill_diagonal_offset
xrange = range


def cpu_contiguous(x):
    """x as a C-contiguous array (XLA arrays always are: a copy of x's value)."""
    return _copy(x)

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import Generic  # noqa: E402,F401  (Theano's module imports it)
