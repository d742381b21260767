"""theano.typed_list: typed lists of variables as graph values. XLA's compiled step has no list values, so
these resolve and raise UnsupportedError naming themselves when used (scan or Python lists of tensors
cover their uses)."""
from . import basic, type  # noqa: F401
from .basic import *  # noqa: F401,F403
