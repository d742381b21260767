"""theano.tensor.nnet.abstract_conv: the convolution interface with transposed convolution."""
from ...ops.conv import abstract_conv2d as conv2d, conv2d_grad_wrt_inputs, conv3d

__all__ = ["conv2d", "conv3d", "conv2d_grad_wrt_inputs"]
