"""Variables from values and types: as_tensor_variable, constant, and the T.dmatrix-style constructors."""
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.constants import AsTensorError, as_tensor_variable, constant
from ..graph.types import TensorType
from ..ops.shape import as_shape_vector, get_vector_length  # noqa: F401  (Theano's tensor.basic names)
from .var import TensorConstant, TensorVariable  # noqa: F401  (registers the variable classes)


def tensor(dtype, broadcastable, name=None):
    """theano.tensor.tensor(dtype, broadcastable, name)"""
    return TensorType(dtype, broadcastable)(name)


# Theano's typed constructors: prefix (b w i l f d c z, or none for floatX) + kind.
_PREFIX = {"b": "int8", "w": "int16", "i": "int32", "l": "int64", "f": "float32", "d": "float64",
           "c": "complex64", "z": "complex128"}
_KINDS = {"scalar": (), "vector": (False,), "row": (True, False), "col": (False, True),
          "matrix": (False, False), "tensor3": (False,) * 3, "tensor4": (False,) * 4,
          "tensor5": (False,) * 5}


def _constructor(prefix, kind):
    """Theano's T.dmatrix-style names are TensorType instances (calling one makes a variable); the floatX
    ones (T.matrix) are functions taking name and dtype."""
    bcast = _KINDS[kind]
    if prefix:
        return TensorType(_PREFIX[prefix], bcast)

    def make(name=None, dtype=None):
        return TensorType(dtype or config.floatX, bcast)(name)
    make.__name__ = make.__qualname__ = kind
    make.__doc__ = f"A symbolic {kind} of dtype floatX."
    return make


def _plural(single, name):
    def make(*names):
        # Theano's _multi, quirks included: dscalars('x') gives one variable, dscalars(3) three unnamed.
        if names and isinstance(names[0], int):
            return [single() for _ in range(names[0])]
        if len(names) == 1:
            names = names[0]
        if len(names) == 1:
            return single(names)
        return [single(n) for n in names]
    make.__name__ = make.__qualname__ = name + "s" if not name.endswith("x") else name[:-2] + "ices"
    return make


CONSTRUCTORS = {}
for _p in [""] + list(_PREFIX):
    for _k in _KINDS:
        _one = _constructor(_p, _k)
        _many = _plural(_one, _p + _k)
        CONSTRUCTORS[_p + _k] = _one
        CONSTRUCTORS[_many.__name__] = _many
globals().update(CONSTRUCTORS)


__all__ = ["constant", "as_tensor_variable", "get_vector_length", "tensor", "TensorType"] + sorted(CONSTRUCTORS)
