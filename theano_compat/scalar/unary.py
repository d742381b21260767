"""theano.scalar's unary math ops (Abs, Exp, Log, trigonometry, rounding, complex parts), each linked to the
elementwise op of the same computation (scalar/basic.py explains the link)."""
import numpy as np

from ..graph.ops import REGISTRY
from .ops import BinaryScalarOp, UnaryScalarOp, linked_class
from .rules import (complex_rule, real_out, same_out, same_out_float_only, same_out_min8, same_out_nobool,
                    sgn_rule, specific_out, upgrade_to_float, upgrade_to_float_no_complex)
from .type import float64

__all__ = []


def _define(name, record, base=UnaryScalarOp, **attrs):
    cls = linked_class(name, record, base, "theano.scalar.basic", **attrs)
    globals()[name] = cls
    __all__.append(name)
    return cls


def _instance(name, op):
    globals()[name] = op
    __all__.append(name)
    return op


# (class, instance name, elementwise record, Theano's output_types_preference, named?)
_TABLE = [
    ("Abs", "abs_", "abs_", same_out, False), ("Neg", "neg", "neg", same_out_nobool, True),
    ("Ceil", "ceil", "ceil", upgrade_to_float_no_complex, True),
    ("Floor", "floor", "floor", upgrade_to_float_no_complex, True),
    ("Trunc", "trunc", "trunc", upgrade_to_float_no_complex, True),
    ("Inv", "inv", "inv", upgrade_to_float, True), ("Sqr", "sqr", "sqr", same_out, True),
    ("Conj", "conj", "conj", same_out_min8, True), ("Real", "real", "real", real_out, True),
    ("Imag", "imag", "imag", real_out, True), ("Angle", "angle", "angle", specific_out(float64), True),
] + [(cls, n, n, upgrade_to_float, True) for cls, n in (
    ("Log", "log"), ("Log2", "log2"), ("Log10", "log10"), ("Log1p", "log1p"), ("Exp", "exp"), ("Exp2", "exp2"),
    ("Expm1", "expm1"), ("Sqrt", "sqrt"), ("Deg2Rad", "deg2rad"), ("Rad2Deg", "rad2deg"), ("Cos", "cos"),
    ("ArcCos", "arccos"), ("Sin", "sin"), ("ArcSin", "arcsin"), ("Tan", "tan"), ("ArcTan", "arctan"),
    ("Cosh", "cosh"), ("ArcCosh", "arccosh"), ("Sinh", "sinh"), ("ArcSinh", "arcsinh"), ("Tanh", "tanh"),
    ("ArcTanh", "arctanh"))]

for _cls, _name, _record, _otp, _named in _TABLE:
    _instance(_name, _define(_cls, _record)(_otp, name=_name if _named else None))


def _abs_output_types(self, types):
    # Theano's Abs.make_node: the modulus of a complex is real
    return list(real_out(*types)) if types[0].dtype.startswith("complex") else UnaryScalarOp.output_types(self, types)


Abs.output_types = _abs_output_types

ArcTan2 = _define("ArcTan2", "arctan2", BinaryScalarOp)
arctan2 = _instance("arctan2", ArcTan2(upgrade_to_float, name="arctan2"))
Sgn = _define("Sgn", "sgn", output_types_preference=staticmethod(sgn_rule))
sgn = _instance("sgn", Sgn(name="sgn"))
Complex = _define("Complex", "complex", BinaryScalarOp, output_types_preference=staticmethod(complex_rule))
complex = _instance("complex", Complex(name="complex"))  # noqa: A001
ComplexFromPolar = _define("ComplexFromPolar", "complex_from_polar", BinaryScalarOp,
                           output_types_preference=staticmethod(complex_rule))
complex_from_polar = _instance("complex_from_polar", ComplexFromPolar(name="complex_from_polar"))

RoundHalfToEven = _define("RoundHalfToEven", "round")
RoundHalfToEven.link = (REGISTRY["round"], {"mode": "half_to_even"})
round_half_to_even = _instance("round_half_to_even", RoundHalfToEven(same_out_float_only))
RoundHalfAwayFromZero = _define("RoundHalfAwayFromZero", "round")
RoundHalfAwayFromZero.link = (REGISTRY["round"], {"mode": "half_away_from_zero"})
round_half_away_from_zero = _instance("round_half_away_from_zero", RoundHalfAwayFromZero(same_out_float_only))


def round_half_away_from_zero_(a):
    """C's round() on one number (numpy's round is half to even)."""
    return np.floor(a + 0.5) if a > 0 else np.ceil(a - 0.5)


round_half_away_from_zero_vec64 = np.vectorize(round_half_away_from_zero_, doc="round_half_away_from_zero_vec64")
round_half_away_from_zero_vec32 = np.vectorize(round_half_away_from_zero_, doc="round_half_away_from_zero_vec32",
                                               otypes=["float32"])


def round_half_away_from_zero_vec(a):
    """round_half_away_from_zero_ over an array (float32 stays float32)."""
    if getattr(a, "dtype", None) == np.float32:
        return round_half_away_from_zero_vec32(a)
    return round_half_away_from_zero_vec64(a)


__all__ += ["round_half_away_from_zero_", "round_half_away_from_zero_vec", "round_half_away_from_zero_vec32",
            "round_half_away_from_zero_vec64"]
