"""theano.misc.may_share_memory: whether two values may share memory (ndarrays and scipy sparse)."""
import numpy as np

from ..graph.types import TensorType


def _is_sparse(a):
    try:
        import scipy.sparse
    except ImportError:
        return False
    return scipy.sparse.issparse(a)


def may_share_memory(a, b, raise_other_type=True):
    """Theano's test: True when a and b are arrays that may overlap (TypeError for other types)."""
    a_ndarray, b_ndarray = isinstance(a, np.ndarray), isinstance(b, np.ndarray)
    if a_ndarray and b_ndarray:
        return bool(np.may_share_memory(a, b))
    a_sparse, b_sparse = _is_sparse(a), _is_sparse(b)
    if not (a_ndarray or a_sparse) or not (b_ndarray or b_sparse):
        if raise_other_type:
            raise TypeError("may_share_memory support only ndarray and scipy.sparse or GpuArray type")
        return False
    parts = [[a] if isinstance(a, np.ndarray) else [a.data, a.indices, a.indptr],
             [b] if isinstance(b, np.ndarray) else [b.data, b.indices, b.indptr]]
    return any(np.may_share_memory(x, y) for x in parts[0] for y in parts[1])


from ..sparse.type import SparseType  # noqa: E402,F401  (Theano's module imports it; a stand-in here)

__all__ = ["may_share_memory", "TensorType"]
