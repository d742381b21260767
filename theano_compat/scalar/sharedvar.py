"""theano.scalar.sharedvar: shared variables of theano.scalar's types (scan used them for indices)."""
import numpy as np

from ..compat import integer_types
from ..compile.shared import SharedVariable
from .type import Scalar, _scalar_py_operators


class ScalarSharedVariable(_scalar_py_operators, SharedVariable):
    """A shared variable of a Scalar type."""

    def get_value(self, borrow=False, return_internal_type=False):
        """The value as a numpy scalar of the variable's dtype (also after a function updated it)."""
        return self.type.value(super().get_value(borrow=True))


def shared(value, name=None, strict=False, allow_downcast=None):
    """A ScalarSharedVariable of a Python or numpy number (dtype: the value's, int64/float64 for Python's)."""
    if not isinstance(value, (np.number, float, integer_types, complex)):
        raise TypeError()
    dtype = str(getattr(value, "dtype", None) or np.asarray(value).dtype)
    value = getattr(np, dtype)(value)
    return ScalarSharedVariable(type=Scalar(dtype=dtype), value=value, name=name, strict=strict,
                                allow_downcast=allow_downcast)
