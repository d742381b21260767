"""Values into the graph: constant() and as_tensor_variable(), with Theano's autocast and constant cache.

Every op's make_node converts its inputs through as_tensor_variable, so it belongs to the core. The two
conversions that need ops (changing a variable's rank, stacking a list of variables) are registered by
the op library (ops/shape.py, ops/join.py), as the variable classes are by tensor/var.py: the core never
imports the layers above it.
"""

from . import dtypes as D
from .nodes import Variable
from .types import TensorType


class AsTensorError(TypeError):
    """Raised when as_tensor_variable isn't able to create a TensorVariable."""


AsTensorError.__module__ = "theano.tensor.var"

# Registered by the op library: dimshuffle(x, pattern) and stack(list_of_variables).
dimshuffle = None
stack = None
# Registered by the layers above: type class -> the op making a tensor of its variables (Scalar: Theano's
# tensor_from_scalar).
converters = {}


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
        return TensorType.Constant(ttype, value, name=name)
    key = (ttype, value.item())
    if key not in _CONSTANT_CACHE:
        _CONSTANT_CACHE[key] = TensorType.Constant(ttype, value, name=name)
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
        return _with_ndim(x, ndim)
    if isinstance(x, (tuple, list)) and any(isinstance(e, Variable) for e in x):
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


def _with_ndim(x, ndim):
    if type(x.type) in converters:
        x = converters[type(x.type)](x)
    if not isinstance(x.type, TensorType):
        raise AsTensorError("Variable type field must be a TensorType.", x, x.type)
    if ndim is None or x.ndim == ndim:
        return x
    if x.ndim > ndim:
        # Theano: drop leading broadcastable dimensions until the rank fits
        first = next((i for i in range(x.ndim) if not x.broadcastable[i]), x.ndim)
        x = dimshuffle(x, list(range(x.ndim))[first:])
        if x.ndim > ndim:
            raise ValueError("TensorType could not be cast to have %i dimensions" % ndim, x.type)
        return x
    return dimshuffle(x, ["x"] * (ndim - x.ndim) + list(range(x.ndim)))
