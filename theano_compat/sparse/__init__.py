"""theano.sparse: Theano's scipy.sparse-backed matrices. XLA has no counterpart for Theano's sparse types
and ops, so the module imports as in Theano (isinstance checks against SparseType work and say no), and
every type, op and function raises UnsupportedError naming itself when used."""

from ..compat import string_types  # noqa: F401  (Theano's six names)
from . import basic, sharedvar, type, utils  # noqa: F401
from .basic import *  # noqa: F401,F403
from .sharedvar import sparse_constructor as shared  # noqa: F401
from .type import imported_scipy  # noqa: F401

enable_sparse = True  # Theano: scipy is importable (it is what decides this flag)
try:
    import scipy as _scipy
    scipy_ver = [int(n) for n in _scipy.__version__.split(".")[:2]]
except ImportError:  # theano_compat does not need scipy; Theano recorded [1, 11] where it was probed
    scipy_ver = [1, 11]
