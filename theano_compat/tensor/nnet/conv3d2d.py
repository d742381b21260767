"""theano.tensor.nnet.conv3d2d: 3D convolution as Theano's conv3d2d module computes it."""
from ...ops.conv import conv3d2d_conv3d as conv3d

__all__ = ["conv3d"]
