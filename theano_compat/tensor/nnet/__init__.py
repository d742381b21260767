"""theano.tensor.nnet: activations, softmax, crossentropies, batch normalization, convolution."""
from ...ops.conv import conv2d, conv2d_grad_wrt_inputs, conv3d
from ...ops.nnet import hard_sigmoid, ultra_fast_sigmoid
from .nnet import *  # noqa: F401,F403
from .nnet import __all__ as _nnet_all
from .bn import batch_normalization
from . import abstract_conv, bn, conv, conv3d2d, nnet

__all__ = ["conv2d", "conv3d", "conv2d_grad_wrt_inputs", "abstract_conv", "conv", "conv3d2d", "nnet", "bn",
           "hard_sigmoid", "ultra_fast_sigmoid", "batch_normalization"] + list(_nnet_all)
