"""theano.scalar: Theano's scalar dtype rules and the scalar-level exception classes."""
from .basic import (ComplexError, upcast, upcast_out, upcast_out_nobool, upgrade_to_float, upgrade_to_float64,
                    same_out, float_out, int_out, bool_out, complex_types, continuous_types, discrete_types,
                    float_types, int_types, integer_types, uint_types)

__all__ = ["ComplexError", "upcast", "upcast_out", "upcast_out_nobool", "upgrade_to_float", "upgrade_to_float64",
           "same_out", "float_out", "int_out", "bool_out", "complex_types", "continuous_types", "discrete_types",
           "float_types", "int_types", "integer_types", "uint_types"]
