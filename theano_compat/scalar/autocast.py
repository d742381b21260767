"""theano.scalar's autocasting of Python numbers (NumpyAutocaster, autocast_float_as, convert).

The rules themselves are graph.dtypes' (every constant of every graph uses them); these objects are Theano's
handles on them.
"""
import numpy as np

from ..config import config
from ..graph import dtypes as D


class NumpyAutocaster:
    """The first of `dtypes` that holds a Python number exactly (Theano's autocast_int / autocast_float)."""

    def __init__(self, dtypes):
        self.dtypes = tuple(dtypes)

    def __call__(self, x):
        if isinstance(x, (np.ndarray, np.generic)) and x.dtype.name in self.dtypes:
            return np.asarray(x)
        if self.dtypes == D.float_dtypes:
            return D.autocast_float(x)
        return D._autocast(x, self.dtypes)


autocast_int = NumpyAutocaster(D.int_dtypes)
autocast_float = NumpyAutocaster(D.float_dtypes)


class autocast_float_as:  # noqa: N801  (Theano's name)
    """Within the block, Python floats autocast to the first of `dtypes` holding them exactly (else the last):
    `with autocast_float_as('float32'): (fvector() + 1.1).dtype == 'float32'`."""

    def __init__(self, *dtypes):
        self.dtypes = dtypes
        assert config.cast_policy == "custom"

    def __enter__(self):
        self.old_dtypes = D.FLOAT_AUTOCAST
        D.FLOAT_AUTOCAST = autocast_float.dtypes = self.dtypes

    def __exit__(self, *args):
        D.FLOAT_AUTOCAST = self.old_dtypes
        autocast_float.dtypes = self.old_dtypes or D.float_dtypes


def convert(x, dtype=None):
    """The numpy value x becomes as a Theano constant (Theano's casting policy)."""
    return D.constant_value(x, dtype)
