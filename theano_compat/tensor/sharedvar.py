"""theano.tensor.sharedvar: the shared tensor classes and their constructors."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
import numpy as np

from ..compile.shared import (ScalarSharedVariable, SharedVariable, TensorSharedVariable,  # noqa: F401
                              _tensor_constructor, shared_constructor)



def tensor_constructor(value, name=None, strict=False, allow_downcast=None, borrow=False, broadcastable=None,
                       target="cpu"):
    """A TensorSharedVariable for an ndarray (TypeError for anything else, so shared() tries the next)."""
    if not isinstance(value, np.ndarray):
        raise TypeError()
    if target != "cpu":
        raise TypeError("not for cpu")
    return _tensor_constructor(value, name, strict, allow_downcast, borrow, broadcastable)


def scalar_constructor(value, name=None, strict=False, allow_downcast=None, borrow=False, target="cpu"):
    """A ScalarSharedVariable for a Python or numpy number (TypeError for anything else)."""
    if target != "cpu":
        raise TypeError("not for cpu")
    if not isinstance(value, (np.number, float, int, complex)):
        raise TypeError()
    return _tensor_constructor(value, name, strict, allow_downcast, borrow, None)


def load_shared_variable(val):
    """Theano's deprecated helper for unpickling old shared variables."""
    return tensor_constructor(val)

from ..graph.types import TensorType  # noqa: E402,F401  (Theano's module imports it)
