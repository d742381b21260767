"""theano.tensor.nnet.corr: Theano's CorrMM ops (correlation by matrix multiplication, C/BLAS code): here
ops of their own, lowered as the abstract convolution without the filter flip (ops/corr.py)."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from ...gof.graph import Apply  # noqa: F401
from ...graph.types import TensorType  # noqa: F401
from ...ops.corr import BaseCorrMM, CorrMM, CorrMM_gradInputs, CorrMM_gradWeights  # noqa: F401
from ...stand_ins import C_CODE_WHY, noop_function
from ..basic import as_tensor_variable  # noqa: F401
from .abstract_conv import get_conv_output_shape  # noqa: F401

ldflags = noop_function("ldflags", C_CODE_WHY)
blas_header_version = noop_function("blas_header_version", C_CODE_WHY)
from ...gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)
from ...gof.type import EnumList  # noqa: E402,F401  (Theano's module imports it)

from ...scalar import int8, int64  # noqa: E402,F401  (Theano's module imports them)
