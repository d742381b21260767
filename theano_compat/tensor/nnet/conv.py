"""theano.tensor.nnet.conv: the old conv2d(input, filters, filter_shape, image_shape, border_mode, subsample)."""
from ...ops.conv import conv_legacy_conv2d as conv2d
from ...ops.conv_legacy import ConvOp  # noqa: F401

__all__ = ["conv2d"]


from ...graph.nodes import Apply  # noqa: E402,F401
from ...ops.basic import NotScalarConstantError, get_scalar_constant_value, patternbroadcast  # noqa: E402,F401
from ...stand_ins import C_CODE_WHY, noop_function  # noqa: E402
from ..basic import as_tensor_variable  # noqa: E402,F401
from .abstract_conv import get_conv_output_shape, get_conv_shape_1axis, imported_scipy_signal  # noqa: E402,F401

xrange = range
gen_conv_code_unroll_batch_kern = noop_function("gen_conv_code_unroll_batch_kern", C_CODE_WHY)
from ...graph.ops import OpenMPOp  # noqa: E402,F401  (Theano's module imports it)
