"""theano.sparse.sharedvar: shared sparse matrices (unsupported: see theano.sparse)."""
from ..compile.shared import SharedVariable, shared_constructor  # noqa: F401
from ..stand_ins import declare_unsupported
from .type import SPARSE_WHY, SparseType  # noqa: F401

declare_unsupported(globals(), SPARSE_WHY, classes="SparseTensorSharedVariable", functions="sparse_constructor")
