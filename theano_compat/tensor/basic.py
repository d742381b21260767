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
          "tensor5": (False,) * 5, "tensor6": (False,) * 6, "tensor7": (False,) * 7}


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


class ShapeError(Exception):
    """Raised when the shape cannot be computed."""


def constructor(f):
    """Theano's decorator marking a function that builds variables (listed in its docs)."""
    return f


def numpy_scalar(data):
    """The one value of a 0-d (or all-equal) numeric array (NotScalarConstantError otherwise)."""
    from ..ops.basic import EmptyConstantError, NotScalarConstantError
    if data.ndim > 0 and (len(data.shape) == 0 or max(data.shape) == 0):
        assert np.all(np.array([]) == data)
        raise EmptyConstantError()
    try:
        complex(data)  # numeric and one value
        return data
    except Exception:
        raise NotScalarConstantError("v.data is non-numeric, non-scalar, or has more than one unique value",
                                     data) from None


def extract_constant(x, elemwise=True, only_process_constants=False):
    """x's constant value where the graph makes it constant, else x."""
    from ..ops.basic import NotScalarConstantError, get_scalar_constant_value
    try:
        return get_scalar_constant_value(x, elemwise, only_process_constants)
    except NotScalarConstantError:
        return x


def is_flat(var, ndim=None, outdim=None):
    """Whether var has ndim dimensions (1 by default)."""
    import warnings
    if outdim is None and ndim is None:
        ndim = 1
    elif outdim is not None and ndim is not None:
        raise ValueError("You should only specify ndim")
    elif outdim is not None:
        warnings.warn("flatten outdim parameter is deprecated, use ndim instead.")
        ndim = outdim
    return var.ndim == ndim


def alloc_validate_shape(shape):
    """(shape entries as integer scalars, the broadcastable pattern their constant 1s give)."""
    from ..ops.basic import NotScalarConstantError, get_scalar_constant_value
    sh, bcast = [as_tensor_variable(s) for s in shape], []
    for i, s in enumerate(sh):
        if s.type.dtype not in D.integer_dtypes:
            raise TypeError("Shape arguments to Alloc must be integers, but argument %s is not for apply node: %s"
                            % (i, s))
        if s.ndim != 0:
            raise TypeError("Each shape dimension to Alloc must be a scalar, ",
                            "but dimension %s have %d dimensions for apply node: %s" % (i, s.ndim, s))
        try:
            bcast.append(1 == get_scalar_constant_value(s))
        except NotScalarConstantError:
            bcast.append(False)
    return sh, bcast


def transfer(var, target):
    """var on `target` ('cpu', or a device registered with register_transfer); ValueError otherwise."""
    if target == "cpu":
        return as_tensor_variable(var)
    for trans in transfer._others:
        res = trans(var, target)
        if res is not None:
            return res
    raise ValueError("Can't transfer to target %s" % (target,))


transfer._others = []


def register_transfer(fn):
    """Add a transfer function (Theano's GPU back end registers one; JAX places data here)."""
    transfer._others.append(fn)


def _conversion(dtype):
    def convert(x):
        from ..ops.basic import cast
        return cast(x, dtype)
    convert.__name__ = convert.__qualname__ = "_convert_to_" + dtype
    convert.__doc__ = f"x cast to {dtype} (Theano's Elemwise{{Cast{{{dtype}}}}})."
    return convert


# Theano's private casting ops, which its tests import from tensor.basic.
for _dtype in D.all_dtypes:
    globals()["_convert_to_" + _dtype] = _conversion(_dtype)


def __getattr__(name):
    """theano.tensor.basic is where Theano defines most of T's names: they resolve to T's objects."""
    import importlib
    import types
    tensor_pkg = importlib.import_module(__package__)
    value = tensor_pkg.__dict__.get(name)
    if value is None or isinstance(value, types.ModuleType):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return value


__all__ = ["constant", "as_tensor_variable", "get_vector_length", "tensor", "TensorType"] + sorted(CONSTRUCTORS)

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import Generic  # noqa: E402,F401  (Theano's module imports it)
