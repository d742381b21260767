"""The nnet helpers Theano builds from other ops: h_softmax, confusion_matrix, the prepend_*_to_each_row
ops, conv2d_transpose."""
from ... import tensor as T
from ...ops.nnet_prepend import prepend_0_to_each_row, prepend_1_to_each_row, prepend_scalar_to_each_row  # noqa: F401
from ...ops.nnet_softmax import softmax
from .abstract_conv import conv2d_grad_wrt_inputs
from .blocksparse import sparse_block_dot


def h_softmax(x, batch_size, n_outputs, n_classes, n_outputs_per_class, W1, b1, W2, b2, target=None):
    """Two-level hierarchical softmax: P(class) * P(output | class); all outputs, or each row's target's."""
    class_probs = softmax(T.dot(x, W1) + b1)
    if target is None:
        activations = T.tensordot(x, W2, (1, 1)) + b2
        output_probs = softmax(activations.reshape((-1, n_outputs_per_class)))
        output_probs = output_probs.reshape((batch_size, n_classes, -1))
        output_probs = class_probs.dimshuffle(0, 1, "x") * output_probs
        return output_probs.reshape((batch_size, -1))[:, :n_outputs]
    target = target.flatten()
    target_classes = target // n_outputs_per_class
    target_outputs_in_class = target % n_outputs_per_class
    activations = sparse_block_dot(W2.dimshuffle("x", 0, 1, 2), x.dimshuffle(0, "x", 1),
                                   T.zeros((batch_size, 1), dtype="int32"), b2, target_classes.dimshuffle(0, "x"))
    output_probs = softmax(activations.dimshuffle(0, 2))
    target_class_probs = class_probs[T.arange(batch_size), target_classes]
    output_probs = output_probs[T.arange(batch_size), target_outputs_in_class]
    return target_class_probs * output_probs


def confusion_matrix(actual, pred):
    """[confusion matrix (actual x predicted counts), the sorted labels it is indexed by]."""
    from ..extra_ops import Unique
    if actual.ndim != 1:
        raise ValueError("actual must be 1-d tensor variable")
    if pred.ndim != 1:
        raise ValueError("pred must be 1-d tensor variable")
    order = Unique(False, False, False)(T.concatenate([actual, pred]))
    one_hot_a = T.eq(actual.dimshuffle(0, "x"), order).astype("int64")
    one_hot_p = T.eq(pred.dimshuffle(0, "x"), order).astype("int64")
    return [T.dot(one_hot_a.T, one_hot_p), order]


def conv2d_transpose(input, filters, output_shape, filter_shape=None, border_mode="valid", input_dilation=(1, 1),
                     filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
    """The transposed convolution (conv2d_grad_wrt_inputs) giving an output_shape image."""
    return conv2d_grad_wrt_inputs(output_grad=input, filters=filters, input_shape=output_shape,
                                  filter_shape=filter_shape, border_mode=border_mode, subsample=input_dilation,
                                  filter_flip=filter_flip, filter_dilation=filter_dilation, num_groups=num_groups,
                                  unshared=unshared)
