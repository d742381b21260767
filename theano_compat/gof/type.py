"""theano.gof.type: Theano's Type classes (the op-building API)."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..configparser import change_flags  # noqa: F401
from ..graph.ops import MethodNotDefined  # noqa: F401
from .op import CLinkerObject, Op  # noqa: F401
from .utils import object2  # noqa: F401

from ..graph.types import Generic, PureType, Type, generic  # noqa: E402,F401  (Theano's module imports it)
