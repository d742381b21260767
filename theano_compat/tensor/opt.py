"""theano.tensor.opt: the ops legacy code takes from Theano's optimizer module (Assert, MakeVector), and
its optimizer registry: the register_* decorators, Canonizer, ShapeFeature and Theano's hundred-odd
registered rewrites are accepted and never applied (XLA optimizes the compiled step)."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..config import config  # noqa: F401
from ..gof.fg import InconsistencyError  # noqa: F401
from ..gof.opt import (Optimizer, TopoOptimizer, copy_stack_trace, in2out, pre_constant_merge,  # noqa: F401
                       pre_greedy_local_optimizer)
from ..graph import dtypes as D
from ..graph.ops import MethodNotDefined  # noqa: F401
from ..graph.nodes import Constant, Variable  # noqa: F401
from ..ops.basic import NotScalarConstantError, get_scalar_constant_value  # noqa: F401
from ..printers import DefaultPrinter
from ..stand_ins import (OPTIMIZER_WHY, NoOpDB, NoOpOptimizer, declare_noop, declare_unsupported, noop,
                         register_decorator)
from .basic import ShapeError, extract_constant  # noqa: F401
from .checks import (values_eq_approx_remove_inf, values_eq_approx_remove_inf_nan,  # noqa: F401
                     values_eq_approx_remove_nan)
from .subtensor import (advanced_inc_subtensor1, advanced_subtensor, advanced_subtensor1,  # noqa: F401
                        get_canonical_form_slice, get_idx_list, make_constant)
# Theano's op classes that its optimizer module re-exports or defines (Assert, MakeVector, Shape_i)
from ..ops.basic import Alloc, MakeVector  # noqa: E402,F401
from ..ops.checks import Assert  # noqa: E402,F401
from ..ops.elementwise import Elemwise  # noqa: E402,F401
from ..ops.reductions import All, Any, CAReduce, Prod, ProdWithoutZeros, Sum  # noqa: E402,F401
from ..ops.shape import DimShuffle, Reshape, Shape, Shape_i  # noqa: E402,F401
from ..ops.subtensor import (AdvancedIncSubtensor, AdvancedIncSubtensor1, AdvancedSubtensor1,  # noqa: E402,F401
                             IncSubtensor, Subtensor)

# Theano's list of the reduction classes its optimizer treats alike
ALL_REDUCE = [CAReduce, All, Any, Sum, Prod, ProdWithoutZeros]
assert_op = Assert()
assert_ = assert_op
make_vector = MakeVector()
izip, xrange = zip, range

for _name in ("register_canonicalize register_specialize register_specialize_device register_stabilize "
              "register_uncanonicalize register_useless").split():
    globals()[_name] = register_decorator(_name)

declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="""
    Canonizer FusionOptimizer InplaceElemwiseOptimizer ShapeFeature ShapeOptimizer UnShapeOptimizer""")
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="""
    inplace_elemwise_optimizer local_add_canonizer local_mul_canonizer
    add_canonizer constant_folding local_0_dot_x local_IncSubtensor_serialize local_abs_lift
    local_abs_merge local_add_specialize local_adv_sub1_adv_inc_sub1 local_alloc_empty_to_zeros local_alloc_unary
    local_canonicalize_alloc local_cast_cast local_dimshuffle_lift local_div_switch_sink local_div_to_inv
    local_elemwise_alloc local_elemwise_sub_zeros local_erf_minus_one local_erf_neg_minus_one
    local_erf_neg_minus_one2 local_expm1 local_fill_sink local_fill_to_alloc local_flatten_lift local_func_inv
    local_grad_log_erfc_neg local_greedy_distributor local_incsubtensor_of_zeros
    local_incsubtensor_of_zeros_to_setsubtensor local_inplace_incsubtensor1 local_inplace_setsubtensor
    local_intdiv_by_one local_inv_canon local_join_1 local_join_empty local_join_make_vector
    local_lift_transpose_through_dot local_log1p local_log_add local_log_erfc local_log_sum_exp local_merge_alloc
    local_merge_switch_same_cond local_mul_specialize local_mul_switch_sink local_mul_to_sqr local_mul_zero
    local_neg_div_neg local_neg_neg local_neg_to_mul local_one_add_neg_erfc local_one_minus_erf
    local_one_minus_erf2 local_one_minus_erfc local_one_minus_erfc2 local_one_minus_erfc3 local_one_plus_erf
    local_one_plus_neg_erf local_op_of_op local_opt_alloc local_pow_canonicalize local_pow_specialize
    local_pow_specialize_device local_rebroadcast_lift local_reduce_broadcastable local_reduce_join
    local_remove_all_assert local_remove_useless_assert local_reshape_lift local_reshape_to_dimshuffle
    local_scalar_tensor_scalar local_set_to_inc_subtensor local_setsubtensor_of_constants local_shape_to_shape_i
    local_subtensor_inc_subtensor local_subtensor_lift local_subtensor_make_vector local_subtensor_merge
    local_subtensor_of_alloc local_subtensor_of_dot local_subtensor_remove_broadcastable_index
    local_sum_prod_all_to_none local_sum_prod_div_dimshuffle local_sum_prod_mul_by_scalar local_sumsqr2dot
    local_tensor_scalar_tensor local_track_shape_i local_upcast_elemwise_constant_inputs local_useless_alloc
    local_useless_composite local_useless_dimshuffle_in_reshape local_useless_elemwise
    local_useless_elemwise_comparison local_useless_fill local_useless_inc_subtensor
    local_useless_inc_subtensor_alloc local_useless_rebroadcast local_useless_reduce local_useless_reshape
    local_useless_slice local_useless_split local_useless_subtensor local_useless_switch local_useless_tile
    local_useless_topk local_view_op local_zero_div mul_canonizer topo_constant_folding""")
fuse_seqopt = NoOpDB(name="fuse_seqopt")
declare_unsupported(globals(), "a helper of Theano's graph rewrites, which work on a FunctionGraph in place; "
                    "XLA optimizes the compiled step", functions="""
    apply_local_dimshuffle_lift apply_rebroadcast_opt attempt_distribution check_for_x_over_absX
    distribute_greedy get_clients get_clients2 is_dimshuffle_useless is_inverse_pair local_add_mul_fusion
    local_elemwise_alloc_op local_elemwise_fusion local_elemwise_fusion_op local_reshape_chain
    merge_two_slices""")


class MakeVectorPrinter(DefaultPrinter):
    """Theano's printer of MakeVector nodes: [a, b, c]."""

    def process(self, r, pstate):
        if r.owner is None:
            raise TypeError("Can only print make_vector.")
        return "[%s]" % ", ".join(pstate.pprinter.process(v, pstate) for v in r.owner.inputs)


@noop(OPTIMIZER_WHY)
def elemwise_max_input_fct(node):
    """The most inputs Theano's elemwise fusion gives one C kernel (1024; XLA fuses here)."""
    return 1024


def encompasses_broadcastable(b1, b2):
    """Whether broadcastable pattern b1 is at least as broadcastable as b2 (right-aligned)."""
    if len(b1) < len(b2):
        return False
    return not any(v1 and not v2 for v1, v2 in zip(b1[-len(b2):] if b2 else (), b2))


def merge_broadcastables(broadcastables):
    """The pattern of a result broadcasting all of them: True where all are True."""
    return [all(bcast) for bcast in zip(*broadcastables)]


def is_an_upcast(type1, type2):
    """Whether casting type1 to type2 loses nothing (type2 is their upcast)."""
    return D.upcast(type1, type2) == type2


def scalarconsts_rest(inputs, elemwise=True, only_process_constants=False):
    """(constant scalar values, the variables holding them, the other inputs)."""
    consts, origconsts, nonconsts = [], [], []
    for i in inputs:
        try:
            consts.append(get_scalar_constant_value(i, elemwise=elemwise,
                                                    only_process_constants=only_process_constants))
            origconsts.append(i)
        except NotScalarConstantError:
            nonconsts.append(i)
    return consts, origconsts, nonconsts


def mul_calculate(num, denum, aslist=False, out_type=None):
    """The product of num over the product of denum (Theano's canonizer arithmetic)."""
    import functools
    import numpy as np
    from ..misc.safe_asarray import _asarray
    if not num and not denum:
        return [] if aslist else np.int8(1)  # Theano: the smallest 1 possible
    out_dtype = out_type.dtype if out_type is not None else D.upcast(*[str(v.dtype) for v in num + denum])
    one = _asarray(1, dtype=out_dtype)
    v = functools.reduce(np.multiply, num, one) / functools.reduce(np.multiply, denum, one)
    if aslist:
        return [] if np.all(v == 1) else [v]
    return v


def add_calculate(num, denum, aslist=False, out_type=None):
    """The sum of num minus the sum of denum (Theano's canonizer arithmetic)."""
    import functools
    import numpy as np
    from ..misc.safe_asarray import _asarray
    zero = 0.0 if out_type is None else _asarray(0, dtype=out_type.dtype)
    if out_type and out_type.dtype == "bool":
        if denum:
            raise Exception("bool subtraction not supported. This should not happen as an earlier error should "
                            "have been raised")
        v = functools.reduce(np.add, num, zero)
    else:
        v = functools.reduce(np.add, num, zero) - functools.reduce(np.add, denum, zero)
    if aslist:
        return [] if np.all(v == 0) else [v]
    return v


def broadcast_like(value, template, fgraph, dtype=None):
    """value broadcast to template's shape and broadcastable pattern (and cast to dtype)."""
    from . import alloc, as_tensor_variable, patternbroadcast
    value = as_tensor_variable(value)
    if value.type == template.type:
        return value
    dtype = dtype or template.dtype
    rval = alloc(value.astype(dtype) if value.dtype != dtype else value, *[template.shape[i]
                                                                            for i in range(template.ndim)])
    if rval.broadcastable != template.broadcastable:
        rval = patternbroadcast(rval, [a and b for a, b in zip(rval.broadcastable, template.broadcastable)])
    return rval


__all__ = ["Assert", "MakeVector", "assert_op", "make_vector", "register_canonicalize", "register_specialize",
           "register_stabilize", "register_specialize_device", "register_uncanonicalize", "register_useless"]

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)

from .sort import TopKOp  # noqa: E402,F401  (Theano's module imports it)
