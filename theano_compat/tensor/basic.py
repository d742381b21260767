"""Variables from values and types: as_tensor_variable, constant, and the T.dmatrix-style constructors."""
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Constant, Variable
from ..graph.types import TensorType
from .var import AsTensorError, TensorConstant, TensorVariable


def constant(x, name=None, ndim=None, dtype=None):
    """theano.tensor.constant: a TensorConstant with Theano's autocast dtype and broadcastable pattern."""
    value = D.constant_value(x, dtype)
    bcast = [d == 1 for d in value.shape]
    if ndim is not None:
        if len(bcast) > ndim:
            raise ValueError(f"ndarray could not be cast to constant with {ndim} dimensions")
        bcast = [True] * (ndim - len(bcast)) + bcast
        value = value.reshape([1] * (ndim - value.ndim) + list(value.shape))
    ttype = TensorType(value.dtype, bcast)
    if not _cacheable(value):
        return TensorConstant(ttype, value, name=name)
    key = (ttype, value.item())
    if key not in _CONSTANT_CACHE:
        _CONSTANT_CACHE[key] = TensorConstant(ttype, value, name=name)
    return _CONSTANT_CACHE[key]


# Theano caches small integral constants, so `1` used twice in a graph is one variable (debugprint shows
# one id); the cache is Theano's criterion exactly.
_CONSTANT_CACHE = {}


def _cacheable(value):
    if value.size != 1 or value.dtype.kind not in "iuf" or not -10 <= value.item() <= 10:
        return False
    return value.dtype.kind in "iu" or int(value.item()) == value.item()


def as_tensor_variable(x, name=None, ndim=None):
    """theano.tensor.as_tensor_variable: variables pass through, values become constants."""
    if isinstance(x, Variable):
        if not isinstance(x.type, TensorType):
            raise AsTensorError("Variable type field must be a TensorType.", x, x.type)
        if ndim is None or x.ndim == ndim:
            return x
        if x.ndim > ndim:
            from ..ops.shape import dimshuffle
            first = [i for i in range(x.ndim) if not x.broadcastable[i]]
            first = first[0] if first else x.ndim
            x = dimshuffle(x, list(range(x.ndim))[first:])
            if x.ndim > ndim:
                raise ValueError("TensorType could not be cast to have %i dimensions" % ndim, x.type)
            return x
        from ..ops.shape import dimshuffle
        return dimshuffle(x, ["x"] * (ndim - x.ndim) + list(range(x.ndim)))
    if isinstance(x, (tuple, list)) and any(isinstance(e, Variable) for e in x):
        from ..ops.join import stack
        try:
            return stack(x)
        except (TypeError, ValueError):
            pass
    if isinstance(x, bool):
        raise AsTensorError(
            "Cannot cast True or False as a tensor variable. Please use np.array(True) or np.array(False) if "
            "you need these constants. This error might be caused by using the == operator on Variables. "
            "v == w does not do what you think it does, use theano.tensor.eq(v, w) instead.")
    try:
        return constant(x, name=name, ndim=ndim)
    except TypeError:
        try:
            str_x = str(x)
        except Exception:  # noqa: BLE001 - Theano's fallback
            str_x = repr(x)
        raise AsTensorError("Cannot convert %s to TensorType" % str_x, type(x)) from None


def as_shape_vector(shape):
    """A shape argument (ints, -1, symbolic scalars, or a symbolic vector) as one int64 vector."""
    from ..ops.basic import cast, make_vector
    if isinstance(shape, Variable):
        return cast(shape, "int64") if shape.ndim == 1 else make_vector(shape, dtype="int64")
    if isinstance(shape, (int, np.integer)):
        shape = [shape]
    if any(isinstance(s, Variable) for s in shape):
        return make_vector(*[as_tensor_variable(s) for s in shape], dtype="int64")
    return constant(np.asarray(shape, dtype="int64"))


def get_vector_length(v):
    """The static length of a symbolic vector, when the graph tells it (Theano's get_vector_length)."""
    v = as_tensor_variable(v)
    if v.ndim != 1:
        raise TypeError(f"argument must be symbolic vector, got '{v}'")
    if v.broadcastable[0]:
        return 1
    if isinstance(v, Constant):
        return len(v.data)
    if v.owner is not None and v.owner.op.name == "make_vector":
        return len(v.owner.inputs)
    if v.owner is not None and v.owner.op.name == "shape":
        return v.owner.inputs[0].ndim
    raise ValueError(f"length not known: {v}")


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
    bcast = _KINDS[kind]

    def make(name=None, dtype=None):
        dtype = dtype or (_PREFIX[prefix] if prefix else config.floatX)
        return TensorType(dtype, bcast)(name)
    make.__name__ = make.__qualname__ = prefix + kind
    make.__doc__ = f"A symbolic {kind} of dtype {_PREFIX.get(prefix, 'floatX')}."
    return make


def _plural(single):
    def make(*names):
        # Theano's _multi, quirks included: dscalars('x') gives one variable, dscalars(3) three unnamed.
        if names and isinstance(names[0], int):
            return [single() for _ in range(names[0])]
        if len(names) == 1:
            names = names[0]
        if len(names) == 1:
            return single(names)
        return [single(n) for n in names]
    make.__name__ = make.__qualname__ = single.__name__ + "s" if not single.__name__.endswith("x") \
        else single.__name__[:-2] + "ices"
    return make


CONSTRUCTORS = {}
for _p in [""] + list(_PREFIX):
    for _k in _KINDS:
        _one = _constructor(_p, _k)
        CONSTRUCTORS[_one.__name__] = _one
        _many = _plural(_one)
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
