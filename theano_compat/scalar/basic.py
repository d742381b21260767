"""theano.scalar.basic: Theano's scalar types, dtype rules, op classes and op instances.

Each Theano op class is linked to the elementwise op computing the same thing (`link`), which gives its
lowering, its gradient and `T.Elemwise(op)`; the elementwise op's `scalar_op` is the instance here, as in
Theano (`T.add.scalar_op is scalar.add`).
"""
import builtins
import warnings

import jax.numpy as jnp
import numpy as np

from .. import ops as _ops  # noqa: F401  (registers the elementwise records linked below)
from ..config import config
from ..graph.constants import as_tensor_variable  # noqa: F401
from ..graph.nodes import Apply, Constant, Variable  # noqa: F401  (Theano's names in this module)
from ..graph.ops import REGISTRY, Op  # noqa: F401
from ..graph.types import Type  # noqa: F401
from ..ops.basic import cast_op
from ..ops.elementwise import _astype
from ..ops.math import ComplexError, IntegerDivisionError
from .composite import Composite, Compositef32, composite_f32, handle_cast, handle_composite  # noqa: F401
from .convert import scalar_from_tensor, tensor_from_scalar  # noqa: F401
from .ops import (BinaryBitOp, BinaryScalarOp, FixedLogicalComparison, LogicalComparison, ScalarOp, attach,  # noqa: F401,E501
                  UnaryBitOp, UnaryScalarOp, linked_class)
from .rules import (float_out, float_out_nocomplex, int_out, int_out_nocomplex, real_out, same_out,  # noqa: F401
                    same_out_float_only, same_out_min8, same_out_nobool, same_out_nocomplex, specific_out,
                    transfer_type, unary_out_lookup, upcast, upcast_out, upcast_out_min8, upcast_out_no_complex,
                    upcast_out_nobool, upgrade_to_float, upgrade_to_float64, upgrade_to_float_no_complex)
from .type import (Scalar, ScalarConstant, ScalarVariable, _scalar_py_operators, all_types, as_scalar,  # noqa: F401
                   bool, complex64, complex128, complex_types, complexs, complexs64, complexs128, constant,
                   continuous_types, discrete_types, float16, float32, float64, float_types, floats,
                   get_scalar_type, int8, int16, int32, int64, int_types, integer_types, ints, uint8, uint16,
                   uint32, uint64, uint_types)
from ..compat import imap, izip  # noqa: F401  (Theano's module imports these)
from ..gof.fg import FunctionGraph  # noqa: F401
from ..gradient import DisconnectedType, grad_undefined  # noqa: F401
from ..printing import pprint  # noqa: F401

xrange = range

builtin_bool, builtin_int, builtin_float, builtin_complex = builtins.bool, builtins.int, builtins.float, \
    builtins.complex


def _link(cls, record, **params):
    """Link a Theano op class to the elementwise record computing it (see the module docstring)."""
    cls.link = (REGISTRY[record], params)
    return cls


def _class(name, base, record, **attrs):
    return linked_class(name, record, base, "theano.scalar.basic", **attrs)


# --- comparisons and logic ---
LT, GT, LE, GE = (_class(n, LogicalComparison, r, identity=False, commutative=False, associative=False)
                  for n, r in (("LT", "lt"), ("GT", "gt"), ("LE", "le"), ("GE", "ge")))
EQ, NEQ = (_class(n, LogicalComparison, r, identity=False, commutative=True, associative=False)
           for n, r in (("EQ", "eq"), ("NEQ", "neq")))
IsNan = _class("IsNan", FixedLogicalComparison, "isnan")
IsInf = _class("IsInf", FixedLogicalComparison, "isinf")
OR = _class("OR", BinaryBitOp, "or_", identity=0, commutative=True, associative=True)
XOR = _class("XOR", BinaryBitOp, "xor", identity=0, commutative=True, associative=True)
AND = _class("AND", BinaryBitOp, "and_", identity=-1, commutative=True, associative=True)
Invert = _class("Invert", UnaryBitOp, "invert")
Switch = _class("Switch", ScalarOp, "switch", nin=3)


class InRange(LogicalComparison):
    """openlow/openhi: whether the bounds are excluded."""

    nin = 3

    def __init__(self, openlow, openhi):
        # Theano's InRange skips LogicalComparison.__init__, so it lacks the `bool` flag: its output is int8
        self.openlow = openlow
        self.openhi = openhi

    def output_types(self, *types):
        return [int8]

    def lower_node(self, node, args, keys):
        x, low, hi = (jnp.asarray(a) for a in args)
        lo_ok = x > low if self.openlow else x >= low
        hi_ok = x < hi if self.openhi else x <= hi
        return lo_ok & hi_ok

    def L_op(self, inputs, outputs, gout):
        return [i.zeros_like().astype(config.floatX) for i in inputs]


lt, gt, le, ge, eq, neq = LT(), GT(), LE(), GE(), EQ(), NEQ()
isnan, isinf = IsNan(), IsInf()
inopenrange = InRange(True, True)
inclosedrange = InRange(False, False)
switch = Switch()
or_, xor, and_, invert = OR(), XOR(), AND(), Invert()

# --- arithmetic ---
Maximum = _class("Maximum", BinaryScalarOp, "maximum", commutative=True, associative=True)
Minimum = _class("Minimum", BinaryScalarOp, "minimum", commutative=True, associative=True)
Add = _class("Add", ScalarOp, "add", identity=0, commutative=True, associative=True)
Mul = _class("Mul", ScalarOp, "mul", identity=1, commutative=True, associative=True)
Sub = _class("Sub", BinaryScalarOp, "sub")
IntDiv = _class("IntDiv", BinaryScalarOp, "int_div")
Mod = _class("Mod", BinaryScalarOp, "mod", complex_error=ComplexError(
    "Theano does not support the mod operator (%) on complex numbers, since numpy deprecated it."))
Pow = _class("Pow", BinaryScalarOp, "pow")
Clip = _class("Clip", ScalarOp, "clip", nin=3)
Second = _class("Second", BinaryScalarOp, "second")
Identity = _class("Identity", UnaryScalarOp, "tensor_copy")


class TrueDiv(BinaryScalarOp):
    """Theano: integers divided give floatX."""

    def output_types(self, types):
        if all(t in discrete_types for t in types):
            return [get_scalar_type(config.floatX)]
        return super().output_types(types)


_link(TrueDiv, "true_div")

maximum = Maximum(upcast_out, name="maximum")
minimum = Minimum(upcast_out, name="minimum")
add = Add(upcast_out, name="add")
mul = Mul(upcast_out, name="mul")
sub = Sub(upcast_out_nobool, name="sub")
true_div = TrueDiv(upcast_out, name="true_div")
int_div = IntDiv(upcast_out, name="int_div")
floor_div = int_div
mod = Mod(upcast_out, name="mod")
pow = Pow(upcast_out_min8, name="pow")  # noqa: A001
clip = Clip(upcast_out_no_complex, name="clip")
second = Second(transfer_type(1), name="second")
identity = Identity(same_out, name="identity")


def int_or_true_div(x_discrete, y_discrete):
    """int_div or true_div for x / y, by config.int_division (Theano's rule for two integers)."""
    if x_discrete and y_discrete:
        if config.int_division == "raise":
            raise IntegerDivisionError(
                "With `config.int_division` set to 'raise', dividing two integer types with '/' is forbidden to "
                "avoid confusion between integer and floating point divisions. Please use // for integer "
                "division, or if you want a float result either cast one of the arguments to a float or directly "
                "call `x.__truediv__(y)`.")
        if config.int_division == "int":
            warnings.warn("Division of two integer types with x / y is deprecated, please use x // y for an "
                          "integer division.", DeprecationWarning, stacklevel=4)
            return int_div
        if config.int_division == "floatX":
            return true_div
        raise NotImplementedError(config.int_division)
    return true_div


def div_proxy(x, y):
    """true_div or int_div, depending on the types of x and y."""
    f = int_or_true_div(as_scalar(x).type in discrete_types, as_scalar(y).type in discrete_types)
    return f(x, y)


def mod_check(x, y):
    """mod, refusing complex operands (ComplexError), as Theano."""
    if as_scalar(x).type in complex_types or as_scalar(y).type in complex_types:
        raise Mod.complex_error
    return mod(x, y)


# --- casts ---

class Cast(UnaryScalarOp):
    """Cast(o_type, name=None): the conversion to one Scalar type."""

    def __init__(self, o_type, name=None):
        if not isinstance(o_type, Scalar):
            raise TypeError(o_type)
        super().__init__(specific_out(o_type), name=name)
        self.o_type = o_type
        self.ctor = getattr(np, o_type.dtype)

    def __str__(self):
        return "%s{%s}" % (self.__class__.__name__, self.o_type.dtype)

    def lower_node(self, node, args, keys):
        return cast_op.lower(args[0], dtype=self.o_type.dtype)

    def L_op(self, inputs, outputs, gout):
        (x,), (gz,) = inputs, gout
        if self.o_type in continuous_types:
            return [gz]
        return [x.zeros_like().astype(config.floatX)]

    def make_elemwise(self):
        raise TypeError(f"theano_compat builds elementwise casts with theano.tensor.cast, not Elemwise({self})")


_CASTS = {d: Cast(get_scalar_type(d), name="convert_to_" + d) for d in (t.dtype for t in all_types)}
(convert_to_bool, convert_to_int8, convert_to_int16, convert_to_int32, convert_to_int64, convert_to_uint8,
 convert_to_uint16, convert_to_uint32, convert_to_uint64, convert_to_float16, convert_to_float32,
 convert_to_float64, convert_to_complex64, convert_to_complex128) = _CASTS.values()


def cast(x, dtype):
    """Symbolically cast `x` to a Scalar of the given dtype (x itself when it already is)."""
    if dtype == "floatX":
        dtype = config.floatX
    _x = as_scalar(x)
    if _x.type.dtype == dtype:
        return _x
    if _x.type.dtype.startswith("complex") and not dtype.startswith("complex"):
        raise TypeError("Casting from complex to real is ambiguous: consider real(), imag(), angle() or abs()")
    return _CASTS[dtype](_x)


def as_common_dtype(*vars):
    """Every input cast to their upcast dtype (scalars and tensors alike)."""
    dtype = upcast(*[v.dtype for v in vars])
    return (v.astype(dtype) for v in vars)


from .unary import *  # noqa: E402,F401,F403  (Abs, Exp, ... and their instances)
from .unary import abs_, neg  # noqa: E402
from .autocast import NumpyAutocaster, autocast_float, autocast_float_as, autocast_int, convert  # noqa: E402,F401

_scalar_py_operators.OPS = dict(
    abs_=abs_, neg=neg, invert=invert, and_=and_, or_=or_, xor=xor, lt=lt, le=le, gt=gt, ge=ge, add=add, sub=sub,
    mul=mul, div_proxy=div_proxy, int_div=int_div, mod_check=mod_check, mod=mod, pow=pow, second=second, cast=cast)
attach(globals())
# Theano's pprint writes these as operators, with the elementwise ops' printers
for _op in (add, mul, sub, neg, true_div, int_div, pow, mod):
    _op.pp = _op.link[0].pp
