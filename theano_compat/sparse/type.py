"""theano.sparse.type: SparseType (unsupported: see theano.sparse)."""

from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..stand_ins import declare_unsupported

SPARSE_WHY = "theano.sparse's scipy.sparse matrices have no XLA counterpart; use dense tensors"
imported_scipy = True
declare_unsupported(globals(), SPARSE_WHY, classes="SparseType")
