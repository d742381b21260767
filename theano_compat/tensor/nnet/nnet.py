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


# The rest of Theano's theano.tensor.nnet.nnet namespace: helpers built from other ops, and Theano's softmax
# and crossentropy rewrites (accepted, never applied: XLA optimizes the step).
from ...compile.mode import optdb  # noqa: E402,F401
from ...gof.opt import copy_stack_trace  # noqa: E402,F401
from ...gradient import grad_not_implemented  # noqa: E402,F401
from ...graph.nodes import Apply  # noqa: E402,F401
from ...stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop, declare_unsupported  # noqa: E402
from ..basic import as_tensor_variable  # noqa: E402,F401
from ..checks import values_eq_approx_remove_inf, values_eq_approx_remove_nan  # noqa: E402,F401
from .blocksparse import sparse_block_dot  # noqa: E402,F401
from .nnet_helpers import (confusion_matrix, h_softmax, prepend_0_to_each_row,  # noqa: E402,F401
                           prepend_1_to_each_row, prepend_scalar_to_each_row)

xrange = range
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="""
    crossentropy_to_crossentropy_with_softmax crossentropy_to_crossentropy_with_softmax_with_bias
    graph_merge_softmax_with_crossentropy_softmax local_advanced_indexing_crossentropy_onehot
    local_advanced_indexing_crossentropy_onehot_grad local_argmax_pushdown local_logsoftmax
    local_logsoftmax_grad local_softmax_grad_to_crossentropy_with_softmax_grad local_softmax_with_bias
    local_useless_crossentropy_softmax_1hot_with_bias_dx_alloc""")
declare_unsupported(globals(), "a helper of Theano's softmax rewrites; XLA optimizes the step",
                    functions="softmax_simplifier")

from ...compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ...scalar.ops import UnaryScalarOp, linked_op  # noqa: E402
from ...scalar.rules import upgrade_to_float  # noqa: E402

ScalarSoftsign, scalar_softsign = linked_op("ScalarSoftsign", "nnet.softsign", UnaryScalarOp, "theano.tensor.nnet.nnet",
                                            upgrade_to_float, "scalar_softsign")
