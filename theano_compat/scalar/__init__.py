"""theano.scalar: Theano's scalar types, dtype rules and scalar ops (basic, basic_scipy)."""
from . import basic, basic_scipy, sharedvar  # noqa: F401
from .basic import *  # noqa: F401,F403
from .basic import (_scalar_py_operators, builtin_bool, builtin_complex, builtin_float,  # noqa: F401
                    builtin_int)
from .basic_scipy import *  # noqa: F401,F403
from ..compat import imap, izip  # noqa: F401  (Theano's module imports these)
from ..config import config  # noqa: F401
from ..gradient import grad_not_implemented, grad_undefined  # noqa: F401
