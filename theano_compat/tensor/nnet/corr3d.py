"""theano.tensor.nnet.corr3d: Theano's Corr3dMM ops (3D correlation by matrix multiplication, C/BLAS code): here
ops of their own, lowered as the abstract convolution without the filter flip (ops/corr.py)."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from ...gof.graph import Apply  # noqa: F401
from ...graph.types import TensorType  # noqa: F401
from ..basic import as_tensor_variable  # noqa: F401
from .abstract_conv import get_conv_output_shape  # noqa: F401
from ...ops.corr import BaseCorr3dMM, Corr3dMM, Corr3dMM_gradInputs, Corr3dMM_gradWeights  # noqa: F401
from .corr import blas_header_version, ldflags  # noqa: F401

from ...gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)
from ...gof.type import EnumList  # noqa: E402,F401  (Theano's module imports it)

from ...scalar import int64  # noqa: E402,F401  (Theano's module imports it)
