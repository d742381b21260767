"""theano.scalar.basic: Theano's dtype rules (as dtype names) and ComplexError."""
from ..graph.dtypes import (bool_out, float_out, int_out, same_out, upcast, upcast_out, upcast_out_nobool,
                            upgrade_to_float, upgrade_to_float64)
from ..graph.dtypes import complex_dtypes as complex_types, continuous_dtypes as continuous_types
from ..graph.dtypes import discrete_dtypes as discrete_types, float_dtypes as float_types
from ..graph.dtypes import int_dtypes as int_types, integer_dtypes as integer_types, uint_dtypes as uint_types
from ..ops.math import ComplexError

__all__ = ["ComplexError", "upcast", "upcast_out", "upcast_out_nobool", "upgrade_to_float", "upgrade_to_float64",
           "same_out", "float_out", "int_out", "bool_out", "complex_types", "continuous_types", "discrete_types",
           "float_types", "int_types", "integer_types", "uint_types"]
