"""theano.tensor.extra_ops: numpy-like helpers (cumsum, diff, bincount, repeat, unique, ...)."""
from ..ops.arrange import repeat
from ..ops.extra import (bartlett, bincount, compress, cumprod, cumsum, diff, fill_diagonal, fill_diagonal_offset,
                         squeeze, to_one_hot)
from ..ops.extra_index import Unique, ravel_multi_index, searchsorted, unravel_index

__all__ = ["bartlett", "bincount", "compress", "cumprod", "cumsum", "diff", "fill_diagonal", "fill_diagonal_offset",
           "repeat", "squeeze", "to_one_hot", "Unique", "ravel_multi_index", "searchsorted", "unravel_index"]
