"""theano.tensor.nnet: activations, softmax, crossentropies, batch normalization, convolution."""
from ...ops.conv import conv2d, conv2d_grad_wrt_inputs, conv3d
from ...ops.nnet import hard_sigmoid, ultra_fast_sigmoid
from .nnet import *  # noqa: F401,F403
from .nnet import __all__ as _nnet_all
from .bn import batch_normalization
from . import abstract_conv, blocksparse, bn, conv, conv3d2d, corr, corr3d, ctc, neighbours, nnet, sigm  # noqa
from .abstract_conv import conv2d as abstract_conv2d, separable_conv2d  # noqa: F401
from .nnet import (confusion_matrix, crossentropy_to_crossentropy_with_softmax,  # noqa: F401
                   crossentropy_to_crossentropy_with_softmax_with_bias,
                   graph_merge_softmax_with_crossentropy_softmax, h_softmax, prepend_0_to_each_row,
                   prepend_1_to_each_row, prepend_scalar_to_each_row, softmax_simplifier)
from .nnet_helpers import conv2d_transpose  # noqa: F401
from .sigm import scalar_sigmoid, sigmoid_inplace  # noqa: F401

__all__ = ["conv2d", "conv3d", "conv2d_grad_wrt_inputs", "abstract_conv", "conv", "conv3d2d", "nnet", "bn",
           "neighbours", "sigm", "blocksparse", "corr", "corr3d", "ctc", "h_softmax", "conv2d_transpose",
           "hard_sigmoid", "ultra_fast_sigmoid", "batch_normalization"] + list(_nnet_all)
