"""theano.compile.sharedvalue: SharedVariable and the shared() constructor."""
from .shared import SharedVariable, shared, shared_constructor

__all__ = ["SharedVariable", "shared", "shared_constructor"]
