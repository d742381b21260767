"""Types: Theano's Type base class (what values a variable may hold) and TensorType, a dtype and a
broadcastable pattern, the type of every tensor variable."""
import numpy as np

from ..config import config
from . import dtypes as D
from .nodes import Constant, Variable


class Type:
    """theano.Type / theano.gof.Type: makes variables (`type()`) and filters the values they may hold."""

    Variable = Variable
    Constant = Constant

    def filter(self, data, strict=False, allow_downcast=None):
        raise NotImplementedError(f"{type(self).__name__}.filter")

    def filter_variable(self, other, allow_convert=True):
        """`other` as a variable of this type (a value becomes a constant), or TypeError."""
        if not isinstance(other, Variable):
            other = self.Constant(self, other)
        if other.type != self and allow_convert:
            converted = self.convert_variable(other)
            if converted is not None:
                return converted
        if other.type != self:
            raise TypeError(f"Cannot convert Type {other.type} (of Variable {other}) into Type {self}. You can "
                            f"try to manually convert {other} into a {self}.")
        return other

    def convert_variable(self, var):
        return None

    def is_valid_value(self, a):
        try:
            self.filter(a, strict=True)
            return True
        except (TypeError, ValueError):
            return False

    def make_variable(self, name=None):
        return self.Variable(self, name=name)

    def make_constant(self, value, name=None):
        return self.Constant(self, value, name=name)

    def __call__(self, name=None):
        return self.make_variable(name)

    def values_eq(self, a, b):
        return a == b

    def values_eq_approx(self, a, b):
        return self.values_eq(a, b)

    def __ne__(self, other):
        return not self == other


PureType = Type


class Generic(Type):
    """The type of any Python object (theano.gof.type.Generic); one instance, `generic`."""

    _instance = None

    def __new__(cls):
        if cls._instance is None or type(cls._instance) is not cls:
            cls._instance = super().__new__(cls)
        return cls._instance

    def filter(self, data, strict=False, allow_downcast=None):
        return data

    def __eq__(self, other):
        return type(self) is type(other)

    def __hash__(self):
        return hash(type(self))

    def __str__(self):
        return type(self).__name__


generic = Generic()

_NAMED_PATTERNS = {(): "scalar", (False,): "vector", (False, True): "col", (True, False): "row",
                   (False, False): "matrix"}


class TensorType(Type):
    """TensorType(dtype, broadcastable): calling it with a name makes a variable of this type."""

    # Set by theano_compat.tensor.var, which defines the variable classes with their Python operators.
    Variable = None
    Constant = None

    def __init__(self, dtype, broadcastable, name=None, sparse_grad=False):
        dtype = str(np.dtype(dtype)) if dtype != "floatX" else _floatx()
        if dtype not in D.all_dtypes:
            raise TypeError(f"Unsupported dtype for TensorType: {dtype}")
        self.dtype = dtype
        self.broadcastable = tuple(bool(b) for b in broadcastable)
        self.name = name

    ndim = property(lambda self: len(self.broadcastable))
    numpy_dtype = property(lambda self: np.dtype(self.dtype))

    def __eq__(self, other):
        return (type(other) is type(self) and other.dtype == self.dtype
                and other.broadcastable == self.broadcastable)

    def __hash__(self):
        return hash((TensorType, self.dtype, self.broadcastable))

    def __str__(self):
        if self.name:
            return self.name
        return f"TensorType({self.dtype}, {_pattern(self.broadcastable)})"

    def __repr__(self):
        return str(self)

    def clone(self, dtype=None, broadcastable=None):
        return TensorType(dtype or self.dtype, self.broadcastable if broadcastable is None else broadcastable)

    def filter(self, data, strict=False, allow_downcast=None):
        """Theano's TensorType.filter: the numpy value this type accepts for `data`, or TypeError."""
        if isinstance(data, Variable):
            raise TypeError(f"Expected an array-like object, but found a Variable: maybe you are trying to "
                            f"call a function on a (possibly shared) variable instead of a numeric array? "
                            f"({data})")
        if strict:
            data = self._filter_strict(data)
        elif not (type(data) is np.ndarray and data.dtype == self.numpy_dtype):
            data = self._filter_cast(data, allow_downcast)
        self._check_shape(data)
        return data

    def _filter_strict(self, data):
        if _is_device_array(data):
            data = np.asarray(data)  # a JAX array stands for the ndarray Theano wants
        if not isinstance(data, np.ndarray):
            raise TypeError(f"{self} expected a ndarray object.", data, type(data))
        if data.dtype != self.numpy_dtype:
            raise TypeError(f"{self} expected a ndarray object with dtype = {self.dtype} (got {data.dtype}).")
        return data

    def _filter_cast(self, data, allow_downcast):
        if allow_downcast:
            return _as_numpy1(data, self.dtype)
        if isinstance(data, np.ndarray) and data.dtype == object:
            # Theano: its dtype rules know no 'object', and the lookup fails with AttributeError
            raise AttributeError(f"{self} cannot store a numpy array of dtype object: convert it with "
                                 f"numpy.asarray(value, dtype='{self.dtype}'), or set allow_input_downcast=True")
        if isinstance(data, np.ndarray) or _is_device_array(data):
            if D.upcast(self.dtype, str(data.dtype)) == self.dtype:
                return np.asarray(data, dtype=self.dtype)
            raise TypeError(
                f"{self} cannot store a value of dtype {data.dtype} without risking loss of precision. If you "
                f"do not mind this loss, you can: 1) explicitly cast your data to {self.dtype}, or 2) set "
                f"\"allow_input_downcast=True\" when calling \"function\". Value: \"{data!r}\"")
        if allow_downcast is None and type(data) is float and self.dtype == _floatx():
            return np.asarray(data, dtype=self.dtype)  # Theano: Python floats may always go to floatX
        original = np.asarray(data)
        converted = _as_numpy1(data, self.dtype)
        if original.dtype.kind in "OUS" or not _values_eq(original, converted):
            raise TypeError(
                f"{self} cannot store accurately value {data}, it would be represented as {converted}. If you "
                f"do not mind this precision loss, you can: 1) explicitly convert your data to a numpy array "
                f"of dtype {self.dtype}, or 2) set \"allow_input_downcast=True\" when calling \"function\".",
                data)
        return converted

    def _check_shape(self, data):
        if data.ndim != self.ndim:
            raise TypeError(f"Wrong number of dimensions: expected {self.ndim}, got {data.ndim} with shape "
                            f"{data.shape}.")
        for size, b in zip(data.shape, self.broadcastable):
            if b and size != 1:
                raise TypeError("Non-unit value on shape on a broadcastable dimension.", data.shape,
                                self.broadcastable)


def _as_numpy1(data, dtype):
    """np.asarray(data, dtype) with numpy 1's wrap-around for out-of-range Python ints (Theano ran on
    numpy 1; numpy 2 raises OverflowError instead)."""
    try:
        return np.asarray(data, dtype=dtype)
    except OverflowError:
        if not _fits_int64(data):
            raise  # numpy 1 could not convert these either
        return np.asarray(data, dtype="int64").astype(dtype)


def _fits_int64(data):
    values = np.asarray(data, dtype=object)
    return bool(np.all((values < 2 ** 63) & (values >= -2 ** 63)))


def _is_device_array(data):
    import jax
    return isinstance(data, jax.Array)


def _pattern(b):
    return _NAMED_PATTERNS.get(b) or (str(b) if any(b) else f"{len(b)}D")


def _values_eq(a, b):
    with np.errstate(invalid="ignore"):
        return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))
                                                  if a.dtype.kind in "fc" else a == b))


def _floatx():
    return config.floatX
