"""theano.scalar's type: Scalar(dtype), its variables and constants, and the conversions into it.

A scalar variable is lowered as a 0-d array: every scalar op computes with the JAX function of the tensor op
of the same name, so theano.function over scalar variables is the same one jitted step. What comes back to the
caller is a numpy scalar of the declared dtype, as Theano returns.
"""
import builtins

import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Apply, Constant, Variable
from ..graph.types import Type


class Scalar(Type):
    """Theano's Scalar type (a 0-d value of one dtype); its instances are float64, int32, ... ."""

    ndim = 0

    def __init__(self, dtype):
        if dtype == "floatX":
            dtype = config.floatX
        dtype = str(dtype)
        if dtype not in D.all_dtypes:
            raise TypeError(f"Unsupported dtype for Scalar: {dtype}")
        self.dtype = dtype

    __props__ = ("dtype",)

    def _props(self):
        return (self.dtype,)

    def __eq__(self, other):
        return type(other) is type(self) and other.dtype == self.dtype

    def __hash__(self):
        return hash((Scalar, self.dtype))

    def __str__(self):
        return self.dtype

    def __repr__(self):
        return f"Scalar({self.dtype})"

    def dtype_specs(self):
        """(Python/numpy type, C type, C init): the first is what Theano's filter converts to."""
        py = np.dtype(self.dtype).type
        return py, "npy_" + self.dtype, py.__name__

    @staticmethod
    def may_share_memory(a, b):
        return False  # numpy scalars are read-only

    def filter(self, data, strict=False, allow_downcast=None):
        """Theano's Scalar.filter: a numpy scalar of this dtype, or TypeError when the value would change."""
        py_type = self.dtype_specs()[0]
        if strict and not isinstance(data, py_type):
            raise TypeError(f"{self} expected a {py_type}, got {data} of type {type(data)}", data)
        try:
            converted = py_type(data)
            if (allow_downcast or (allow_downcast is None and type(data) is float and self.dtype == config.floatX)
                    or _same(data, converted)):
                return converted
            raise TypeError(f"Value cannot accurately be converted to dtype ({self.dtype}) and allow_downcast "
                            "is not True")
        except Exception as e:  # noqa: BLE001 - Theano wraps every failure so
            raise TypeError(f"Could not convert {type(data)} (value={data}) to {self.dtype}", e) from None

    def value(self, array):
        """The value a function returns for an output of this type: a numpy scalar, as Theano's."""
        return np.asarray(array, dtype=self.dtype)[()]

    def values_eq(self, a, b):
        return a == b

    def values_eq_approx(self, a, b, tolerance=1e-4):
        if self.dtype == "bool":
            return a == b
        return abs(a - b) / (abs(a) + abs(b)) < tolerance if a != b else True

    def upcast(self, *others):
        return D.upcast(*[x.dtype for x in (self,) + others])

    def make_variable(self, name=None):
        return ScalarVariable(self, name=name)

    def make_constant(self, value, name=None):
        return ScalarConstant(self, value, name=name)

    def get_shape_info(self, obj):
        return obj.itemsize

    def get_size(self, shape_info):
        return shape_info

    def c_code_cache_version(self):
        return ()


def _same(data, converted):
    """Theano's `data == converted` on numpy 1: compared in the wider of the two dtypes (a Python float against
    a float32 as float64, so 0.1 does not fit a float32), and a string never equal to a number."""
    try:
        original = np.asarray(data)
    except (TypeError, ValueError):
        return False
    if original.dtype.kind in "OUS":
        return False
    wide = np.result_type(original.dtype, np.asarray(converted).dtype)
    return builtins.bool(np.all(original.astype(wide) == np.asarray(converted).astype(wide)))


_TYPES = {}


def get_scalar_type(dtype):
    """The one Scalar instance of each dtype (theano.scalar.get_scalar_type)."""
    if dtype not in _TYPES:
        _TYPES[dtype] = Scalar(dtype=dtype)
    return _TYPES[dtype]


bool = get_scalar_type("bool")  # noqa: A001  (Theano's name)
int8, int16, int32, int64 = (get_scalar_type(d) for d in D.int_dtypes)
uint8, uint16, uint32, uint64 = (get_scalar_type(d) for d in D.uint_dtypes)
float16, float32, float64 = (get_scalar_type(d) for d in D.float_dtypes)
complex64, complex128 = (get_scalar_type(d) for d in D.complex_dtypes)
int_types = int8, int16, int32, int64
uint_types = uint8, uint16, uint32, uint64
float_types = float16, float32, float64
complex_types = complex64, complex128
integer_types = int_types + uint_types
discrete_types = (bool,) + integer_types
continuous_types = float_types + complex_types
all_types = discrete_types + continuous_types


class _scalar_py_operators:
    """Python operators on scalar variables, each building a scalar op node (set by scalar.ops)."""

    ndim = 0
    dtype = property(lambda self: self.type.dtype)
    OPS = None  # the scalar op instances, by name: filled by scalar/basic.py

    def __abs__(self): return self.OPS["abs_"](self)  # noqa: E704
    def __neg__(self): return self.OPS["neg"](self)  # noqa: E704
    def __invert__(self): return self.OPS["invert"](self)  # noqa: E704
    def __and__(self, other): return self.OPS["and_"](self, other)  # noqa: E704
    def __or__(self, other): return self.OPS["or_"](self, other)  # noqa: E704
    def __xor__(self, other): return self.OPS["xor"](self, other)  # noqa: E704
    def __rand__(self, other): return self.OPS["and_"](other, self)  # noqa: E704
    def __ror__(self, other): return self.OPS["or_"](other, self)  # noqa: E704
    def __rxor__(self, other): return self.OPS["xor"](other, self)  # noqa: E704
    def __lt__(self, other): return self.OPS["lt"](self, other)  # noqa: E704
    def __le__(self, other): return self.OPS["le"](self, other)  # noqa: E704
    def __gt__(self, other): return self.OPS["gt"](self, other)  # noqa: E704
    def __ge__(self, other): return self.OPS["ge"](self, other)  # noqa: E704
    def __add__(self, other): return self.OPS["add"](self, other)  # noqa: E704
    def __sub__(self, other): return self.OPS["sub"](self, other)  # noqa: E704
    def __mul__(self, other): return self.OPS["mul"](self, other)  # noqa: E704
    def __truediv__(self, other): return self.OPS["div_proxy"](self, other)  # noqa: E704
    def __floordiv__(self, other): return self.OPS["int_div"](self, other)  # noqa: E704
    def __mod__(self, other): return self.OPS["mod_check"](self, other)  # noqa: E704
    def __pow__(self, other): return self.OPS["pow"](self, other)  # noqa: E704
    def __radd__(self, other): return self.OPS["add"](other, self)  # noqa: E704
    def __rsub__(self, other): return self.OPS["sub"](other, self)  # noqa: E704
    def __rmul__(self, other): return self.OPS["mul"](other, self)  # noqa: E704
    def __rtruediv__(self, other): return self.OPS["div_proxy"](other, self)  # noqa: E704
    def __rmod__(self, other): return self.OPS["mod"](other, self)  # noqa: E704
    def __rpow__(self, other): return self.OPS["pow"](other, self)  # noqa: E704

    def zeros_like(self, dtype=None):
        return self.OPS["second"](self, ScalarConstant(get_scalar_type(dtype or self.type.dtype), 0))

    def ones_like(self, dtype=None):
        return self.OPS["second"](self, ScalarConstant(get_scalar_type(dtype or self.type.dtype), 1))

    def astype(self, dtype):
        return self.OPS["cast"](self, dtype)

    def eval(self, inputs_to_values=None):
        """Compile (once per set of inputs) and run a function computing this variable (Theano's Variable.eval)."""
        from ..tensor.var import _tensor_py_operators  # the one implementation, for every variable class
        return _tensor_py_operators.eval(self, inputs_to_values)


class ScalarVariable(_scalar_py_operators, Variable):
    """A variable of a Scalar type."""


class ScalarConstant(_scalar_py_operators, Constant):
    """A constant of a Scalar type (its data a numpy scalar)."""

    def __str__(self):
        # Theano: gof's Constant.__str__ (the name if any, else the value), not TensorConstant's
        if self.name is not None:
            return self.name
        text = str(self.data)
        return "Constant{%s}" % (text if len(text) <= 20 else text[:10] + ".." + text[-10:])


Scalar.Variable = ScalarVariable
Scalar.Constant = ScalarConstant


def constant(x, name=None, dtype=None):
    """theano.scalar.constant: a ScalarConstant with Theano's autocast dtype."""
    value = D.constant_value(x, dtype)
    if value.ndim != 0:
        raise AssertionError(f"theano.scalar.constant of a {value.ndim}-d value")
    return ScalarConstant(get_scalar_type(str(value.dtype)), value[()], name=name)


def as_scalar(x, name=None):
    """theano.scalar.as_scalar: scalar variables pass, 0-d tensors are converted, values become constants."""
    from .convert import scalar_from_tensor
    if isinstance(x, Apply):
        if len(x.outputs) != 1:
            raise ValueError("It is ambiguous which output of a multi-output Op has to be fetched.", x)
        x = x.outputs[0]
    if isinstance(x, Variable):
        if isinstance(x.type, Scalar):
            return x
        if getattr(x.type, "broadcastable", None) == ():
            return scalar_from_tensor(x)
        raise TypeError("Variable type field must be a Scalar.", x, x.type)
    try:
        return constant(x)
    except (TypeError, AssertionError):
        raise TypeError(f"Cannot convert {x} to Scalar", type(x)) from None


def _names_maker(scalar_type):
    """Theano's ints/floats/complexs: one variable per character of `names` (its quirk: 'a b' gives three)."""
    def f2(names):
        return scalar_type(names) if len(names) == 1 else [scalar_type(n) for n in names]
    return f2


ints = _names_maker(int64)
floats = _names_maker(float64)
complexs = _names_maker(complex128)
complexs64 = _names_maker(complex64)
complexs128 = _names_maker(complex128)
