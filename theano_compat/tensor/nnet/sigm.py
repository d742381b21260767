"""theano.tensor.nnet.sigm: sigmoid, softplus and their fast approximations, and Theano's rewrites of
sigmoid/exp expressions (accepted and never applied: XLA optimizes the step)."""
from ...config import config  # noqa: F401
from ...gof.opt import copy_stack_trace  # noqa: F401
from ...ops.basic import NotScalarConstantError  # noqa: F401
from ...ops.nnet import hard_sigmoid, sigmoid, softplus, ultra_fast_sigmoid
from ...printing import pprint  # noqa: F401
from ...stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop, declare_unsupported
from ..checks import values_eq_approx_remove_inf  # noqa: F401
from ...scalar.ops import UnaryScalarOp, linked_op
from ...scalar.rules import upgrade_to_float

_M = "theano.tensor.nnet.sigm"
ScalarSigmoid, scalar_sigmoid = linked_op("ScalarSigmoid", "nnet.sigmoid", UnaryScalarOp, _M, upgrade_to_float,
                                          "scalar_sigmoid")
UltraFastScalarSigmoid, ultra_fast_scalar_sigmoid = linked_op(
    "UltraFastScalarSigmoid", "nnet.ultra_fast_sigmoid", UnaryScalarOp, _M, upgrade_to_float,
    "ultra_fast_scalar_sigmoid")
ScalarSoftplus, scalar_softplus = linked_op("ScalarSoftplus", "nnet.softplus", UnaryScalarOp, _M, upgrade_to_float,
                                            "scalar_softplus")

imap = map
register_local_1msigmoid = False
# Theano: the in-place versions compute the same values (XLA decides which buffers to reuse).
sigmoid_inplace, ultra_fast_sigmoid_inplace = sigmoid, ultra_fast_sigmoid
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="""
    local_1msigmoid local_exp_over_1_plus_exp local_hard_sigmoid local_inv_1_plus_exp local_sigm_times_exp
    local_ultra_fast_sigmoid log1msigm_to_softplus log1p_neg_sigmoid log1pexp_to_softplus logsigm_to_softplus""")
declare_unsupported(globals(), "a pattern-matching helper of Theano's sigmoid rewrites; XLA optimizes the step",
                    functions="""compute_mul is_1pexp is_exp is_mul is_neg parse_mul_tree partition_num_or_denom
                    perform_sigm_times_exp replace_leaf simplify_mul""")

__all__ = ["sigmoid", "softplus", "hard_sigmoid", "ultra_fast_sigmoid"]
