"""theano.tensor.nnet.bn: batch normalization (batch_normalization, _train with running averages, _test)."""
from ...ops.nnet_bn import batch_normalization, batch_normalization_test, batch_normalization_train

__all__ = ["batch_normalization", "batch_normalization_train", "batch_normalization_test"]


from ...gof.opt import copy_stack_trace, local_optimizer  # noqa: E402,F401
from ...graph.nodes import Apply  # noqa: E402,F401
from ...stand_ins import OPTIMIZER_WHY, NoOpDB, NoOpOptimizer, declare_noop  # noqa: E402
from ..basic import as_tensor_variable  # noqa: E402,F401
from ..opt import register_specialize_device  # noqa: E402,F401

bn_groupopt = NoOpDB(name="bn_groupopt")
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="""
    local_abstract_batch_norm_inference local_abstract_batch_norm_train local_abstract_batch_norm_train_grad""")

from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ...graph.types import TensorType  # noqa: E402,F401  (Theano's module imports it)

from ...scalar.basic import Composite, add, as_common_dtype, get_scalar_type, mul, sub, true_div  # noqa: E402,F401


class BNComposite(Composite):
    """(x - mean) / std * gamma + beta as one scalar op of `dtype` (Theano's high_mem batch_normalization)."""

    init_param = ("dtype",)

    def __init__(self, dtype):
        self.dtype = dtype
        x, mean, std, gamma, beta = (get_scalar_type(dtype).make_variable() for _ in range(5))
        o = add(mul(true_div(sub(x, mean), std), gamma), beta)
        super().__init__([x, mean, std, gamma, beta], [o])
