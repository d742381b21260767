"""theano.tensor.nnet.nnet: the module older code imports the activations, softmax and crossentropies from."""
from ...ops.nnet import elu, relu, selu, sigmoid, softplus, softsign
from ...ops.nnet_softmax import (logsoftmax, logsoftmax_op, softmax, softmax_grad, softmax_graph, softmax_op,
                                 softmax_with_bias)
from ...ops.nnet_xent import (binary_crossentropy, categorical_crossentropy, crossentropy_categorical_1hot,
                              crossentropy_categorical_1hot_grad, crossentropy_softmax_1hot,
                              crossentropy_softmax_1hot_with_bias, crossentropy_softmax_1hot_with_bias_dx,
                              crossentropy_softmax_argmax_1hot_with_bias,
                              crossentropy_softmax_max_and_argmax_1hot,
                              crossentropy_softmax_max_and_argmax_1hot_with_bias, sigmoid_binary_crossentropy)

__all__ = ["sigmoid", "softplus", "softsign", "relu", "elu", "selu", "softmax", "logsoftmax", "softmax_graph",
           "softmax_grad", "softmax_with_bias", "softmax_op", "logsoftmax_op", "binary_crossentropy",
           "sigmoid_binary_crossentropy", "categorical_crossentropy", "crossentropy_categorical_1hot",
           "crossentropy_categorical_1hot_grad", "crossentropy_softmax_1hot", "crossentropy_softmax_1hot_with_bias",
           "crossentropy_softmax_1hot_with_bias_dx", "crossentropy_softmax_argmax_1hot_with_bias",
           "crossentropy_softmax_max_and_argmax_1hot", "crossentropy_softmax_max_and_argmax_1hot_with_bias"]
