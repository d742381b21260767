"""theano.tensor.utils: hashing arrays (Theano keys constants with it)."""
import numpy as np

from ..gof.utils import hash_from_code
from ..stand_ins import declare_unsupported

izip = zip
declare_unsupported(globals(), "it reads Theano's optimizer ShapeFeature; compile a function of "
                    "[v.shape for v in ...] instead", functions="shape_of_variables")


def hash_from_ndarray(data):
    """A hash of an array's bytes, shape, strides and dtype."""
    if not data.flags["C_CONTIGUOUS"]:
        data = np.ascontiguousarray(data)
    return hash_from_code(hash_from_code(data) + hash_from_code(str(data.shape)) +
                          hash_from_code(str(data.strides)) + hash_from_code(str(data.dtype)))
