"""theano.scalar.sharedvar: shared variables of theano.scalar's types (scan used them for indices)."""
import numpy as np

from ..compat import integer_types
from ..compile.shared import SharedVariable
from .type import Scalar, _scalar_py_operators


class ScalarSharedVariable(_scalar_py_operators, SharedVariable):
    """A shared variable of a Scalar type."""


def shared(value, name=None, strict=False, allow_downcast=None):
    """A ScalarSharedVariable of a Python or numpy number (dtype: the value's, int64/float64 for Python's)."""
    if not isinstance(value, (np.number, float, integer_types, complex)):
        raise TypeError()
    dtype = str(getattr(value, "dtype", None) or np.asarray(value).dtype)
    value = getattr(np, dtype)(value)
    return ScalarSharedVariable(type=Scalar(dtype=dtype), value=value, name=name, strict=strict,
                                allow_downcast=allow_downcast)
