"""theano.tensor.nnet.conv: the old conv2d(input, filters, filter_shape, image_shape, border_mode, subsample)."""
from ...ops.conv import conv_legacy_conv2d as conv2d

__all__ = ["conv2d"]
