"""theano.tensor.nnet: activations, losses, and (from ops.conv) convolution."""
from ...ops.nnet import (sigmoid, softplus, softmax, logsoftmax, relu, categorical_crossentropy,
                         binary_crossentropy, sigmoid_binary_crossentropy)

__all__ = ["sigmoid", "softplus", "softmax", "logsoftmax", "relu", "categorical_crossentropy",
           "binary_crossentropy", "sigmoid_binary_crossentropy"]
