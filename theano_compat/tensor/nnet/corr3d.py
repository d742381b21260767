"""theano.tensor.nnet.corr3d: Theano's Corr3dMM ops (3D correlation by matrix multiplication, C/BLAS code); the op
classes belong to the op-building API, the convolution itself is served by nnet.conv3d."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from ...gof.graph import Apply  # noqa: F401
from ...graph.types import TensorType  # noqa: F401
from ..basic import as_tensor_variable  # noqa: F401
from .abstract_conv import get_conv_output_shape  # noqa: F401
from .corr import blas_header_version, ldflags  # noqa: F401

from ...gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)
from ...gof.type import EnumList  # noqa: E402,F401  (Theano's module imports it)
