"""theano.misc.safe_asarray: _asarray, numpy.asarray that really returns the dtype asked for."""
import numpy as np


def _asarray(a, dtype, order=None):
    """np.asarray(a, dtype) with dtype 'floatX' understood, and the exact dtype guaranteed."""
    if str(dtype) == "floatX":
        from ..config import config
        dtype = config.floatX
    dtype = np.dtype(dtype)
    rval = np.asarray(a, dtype=dtype, order=order)
    if rval.dtype.num != dtype.num:
        if dtype.str == rval.dtype.str:
            return rval.view(dtype=dtype)
        raise TypeError("numpy.array did not return the data type we asked for (%s %s #%s), instead it returned "
                        "type %s %s #%s: function theano._asarray may need to be modified to handle this data "
                        "type." % (dtype, dtype.str, dtype.num, rval.dtype, rval.str, rval.dtype.num))
    return rval
