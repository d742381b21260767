"""theano.compile.sharedvalue: SharedVariable and the shared() constructor."""
from ..graph.nodes import Variable  # noqa: F401
from .shared import Container, SharedVariable, shared, shared_constructor, _generic_constructor

generic_constructor = _generic_constructor

__all__ = ["SharedVariable", "shared", "shared_constructor", "Container", "generic_constructor"]

from ..graph.types import generic  # noqa: E402,F401  (Theano's module imports it)
