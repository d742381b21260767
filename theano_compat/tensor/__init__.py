"""theano.tensor: the `T` namespace legacy code builds its graphs with."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
from types import ModuleType as _ModuleType
from ..graph.types import TensorType
from ..graph.nodes import Variable, Constant, Apply
from .var import TensorVariable, TensorConstant, _tensor_py_operators
from .basic import (CONSTRUCTORS, as_tensor_variable, constant, get_vector_length, tensor, as_shape_vector)
from .basic import *  # noqa: F401,F403  (scalar, dmatrix, fvectors, ...)
from ..graph import dtypes as _D
# Theano's dtype lists (lists there; the graph core keeps tuples)
all_dtypes, complex_dtypes, continuous_dtypes, discrete_dtypes = (list(_D.all_dtypes), list(_D.complex_dtypes),
                                                                  list(_D.continuous_dtypes),
                                                                  list(_D.discrete_dtypes))
float_dtypes, int_dtypes, integer_dtypes, uint_dtypes = (list(_D.float_dtypes), list(_D.int_dtypes),
                                                         list(_D.integer_dtypes), list(_D.uint_dtypes))
from ..ops.math import (
    add, sub, mul, true_div, int_div, mod, pow, maximum, minimum, largest, smallest, clip, second, fill,
    tensor_copy, neg, abs_, sgn, inv, sqr, sqrt, exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan,
    arcsin, arccos, arctan, arctan2, sinh, cosh, tanh, arcsinh, arccosh, arctanh, deg2rad, rad2deg, floor, ceil,
    trunc, round, iround, round_half_to_even, round_half_away_from_zero, zeros_like, ones_like, floor_div,
    div_proxy, mod_check, divmod)
from ..ops.special import erf, erfc, erfcx, erfinv, erfcinv, gamma, gammaln, psi, tri_gamma
from ..ops.complex import real, imag, angle, conj, complex, complex_from_polar
from ..ops.logic import (lt, gt, le, ge, eq, neq, isnan, isinf, isclose, allclose, and_, or_, xor, invert,
                         bitwise_and, bitwise_or, bitwise_xor, bitwise_not, switch, where)
from ..ops.basic import (cast, make_vector, alloc, patternbroadcast, addbroadcast, unbroadcast, arange, mgrid,
                         ogrid, get_scalar_constant_value, NotScalarConstantError, EmptyConstantError)
from ..ops.shape import dimshuffle, reshape, flatten, shape
from ..ops.arrange import (transpose, swapaxes, shape_padleft, shape_padright, shape_padaxis, squeeze, tile, roll,
                           split, stacklists, horizontal_stack, vertical_stack, repeat)
from ..ops.reductions import (sum, prod, max, min, all, any, argmax, argmin, max_and_argmax, makeKeepDims,
                              check_and_normalize_axes)
from ..ops.stats import mean, var, std, ptp
from ..ops.linalg import dot, tensordot, outer, batched_dot, batched_tensordot
from ..ops.join import join, concatenate, stack
from ..ops.subtensor import subtensor, set_subtensor, inc_subtensor
from ..ops.select import nonzero, flatnonzero, nonzero_values, take, choose
from ..ops.sort import sort, argsort
from ..ops.diag import eye, identity_like, diag, diagonal
from ..ops.slinalg import tri, tril, triu
from ..ops.extra import bincount, squeeze, bartlett, fill_diagonal, fill_diagonal_offset, cumsum, cumprod
from ..ops.extra_index import ravel_multi_index, unravel_index
from ..ops.special import chi2sf, gammainc, gammaincc, gammau, gammal, j0, j1, jv, i0, i1, iv
from ..ops.checks import assert_, specify_shape
from ..compile.shared import TensorSharedVariable
from ..compile.gradient import grad, consider_constant
from ..gradient import grad_not_implemented, grad_undefined
from ..compile.grad_tools import Lop, Rop, jacobian, hessian, verify_grad, numeric_grad
from . import nnet, extra_ops, nlinalg, slinalg, xlogx, opt, elemwise  # noqa: F401  (T.extra_ops, ...)
# theano.tensor.sort is also a module: import it for real (a plain `from . import sort` would just return
# the function bound above), then bind T.sort back to the function below, as Theano's namespace has it.
_sort_module = __import__("importlib").import_module(".sort", __name__)
from . import basic, var, signal, raw_random, shared_randomstreams  # noqa: F401
from ..ops.random import permute_row_elements

from . import (fft, fourier, inplace, io, sharedvar, subtensor, type, type_other, utils)  # noqa: F401,E402

_SUBMODULES = {"nnet", "extra_ops", "nlinalg", "slinalg", "xlogx", "opt", "elemwise", "basic", "var", "signal",
               "raw_random", "shared_randomstreams", "fft", "fourier", "inplace", "io", "sharedvar", "subtensor",
               "type", "type_other", "utils"}
from ..ops.sort import sort, argsort  # noqa: F811  (T.sort is the function, as in Theano)
from .basic import AsTensorError

square = sqr
as_tensor = as_tensor_variable
isnan_, isinf_ = isnan, isinf
join_ = join
power = pow

# --- the rest of Theano's T namespace (tensor/basic.py, subtensor.py, type_other.py, io.py, sort.py) ---
from .basic import (ShapeError, alloc_validate_shape, constructor, extract_constant, is_flat,  # noqa: E402
                    numpy_scalar, register_transfer, transfer)
from .checks import (_allclose, check_equal_numpy, float16_atol, float16_rtol, float32_atol,  # noqa: E402,F401
                     float32_rtol, float64_atol, float64_rtol, values_eq_approx_always_true)
from .io import irecv, isend, load, mpi_cmps, mpi_enabled, mpi_keys, mpi_send_wait_cmp, mpi_send_wait_key, \
    mpi_tag_cmp, mpi_tag_key, recv, send  # noqa: E402
from .opt import MakeVectorPrinter  # noqa: E402,F401
from .sort import argtopk, topk, topk_and_argtopk  # noqa: E402
from .subtensor import (AdvancedBooleanIndexingError, AdvancedIndexingError, SubtensorPrinter,  # noqa: E402
                        adv_index_broadcastable_pattern, advanced_boolean_inc_subtensor,
                        advanced_boolean_set_subtensor, advanced_boolean_subtensor, advanced_inc_subtensor,
                        advanced_inc_subtensor1, advanced_set_subtensor, advanced_set_subtensor1, advanced_subtensor,
                        advanced_subtensor1, as_index_variable, check_advanced_indexing_dimensions,
                        check_and_reject_bool, get_canonical_form_slice, get_idx_list, inc_code, make_constant)
from .type_other import (MakeSlice, NoneConst, NoneTypeT, SliceConstant, SliceType, as_int_none_variable,  # noqa: E402,F401
                         make_slice, none_type_t, slicetype)
from ..stand_ins import declare_unsupported as _declare_unsupported  # noqa: E402

_declare_unsupported(globals(), "Theano's Default op picks a default for None-valued inputs; tensors are never "
                     "None in the XLA step", classes="Default", objects="default")
# --- Theano's op classes: isinstance(node.op, T.Alloc) holds for the nodes T.alloc makes, and so on ---
from ..ops.basic import ARange, Alloc, AllocEmpty, MakeVector, Rebroadcast  # noqa: E402,F401
from ..ops.checks import SpecifyShape  # noqa: E402,F401
from ..ops.diag import AllocDiag, ExtractDiag, Eye  # noqa: E402,F401
from ..ops.elementwise import Elemwise  # noqa: E402,F401
from ..ops.join import Join  # noqa: E402,F401
from ..ops.arrange import Split  # noqa: E402,F401
from ..ops.linalg import Dot  # noqa: E402,F401
from ..ops.random import PermuteRowElements  # noqa: E402,F401
from ..ops.reductions import Argmax, MaxAndArgmax, Mean  # noqa: E402,F401
from ..ops.select import Choose, Nonzero  # noqa: E402,F401
from ..ops.shape import DimShuffle, Reshape, Shape  # noqa: E402,F401,F811
from ..ops.slinalg import Tri  # noqa: E402,F401
from ..ops.subtensor import (AdvancedBooleanIncSubtensor, AdvancedBooleanSubtensor,  # noqa: E402,F401
                             AdvancedIncSubtensor, AdvancedIncSubtensor1, AdvancedSubtensor, AdvancedSubtensor1,
                             BaseAdvancedIncSubtensor, BaseAdvancedSubtensor, IncSubtensor, Subtensor)
from ..ops.reductions import CAReduce, Sum  # noqa: E402,F401
from ..ops.extra import DiffOp  # noqa: E402,F401
from ..ops.io import LoadFromDisk  # noqa: E402,F401
from .io import MPIRecv, MPIRecvWait, MPISend, MPISendWait  # noqa: E402,F401
from ..ops.shape import Flatten  # noqa: E402,F401
from ..ops.arrange import Tile  # noqa: E402,F401
from ..gof.params_type import ParamsType  # noqa: E402,F401
from ..graph.ops import Op  # noqa: E402,F401
from ..graph.types import Generic, Type  # noqa: E402,F401
from ..compile.gradient import DisconnectedType  # noqa: E402,F401
setdefault = default  # noqa: F821
from .sharedvar import tensor_constructor as _shared  # noqa: E402,F401  (Theano's tests build with it)
from .var import TensorConstantSignature  # noqa: E402
from ..config import config  # noqa: E402,F401
from ..gof.utils import hashtype  # noqa: E402,F401
from .io import key_to_cmp  # noqa: E402,F401
from ..graph.ops import MethodNotDefined  # noqa: E402,F401
from ..printing import min_informative_str, pprint  # noqa: E402,F401
from .. import compile, gof, printing  # noqa: E402,F401
from .. import scalar as scal  # noqa: E402,F401  (Theano's tensor module imports it so; its tests use T.scal)
from ..scalar.convert import ScalarFromTensor, TensorFromScalar, scalar_from_tensor, tensor_from_scalar  # noqa: E402
# The scalar op classes through which Theano's get_scalar_constant_value looks for a constant.
get_scalar_constant_value_elemwises = (
    scal.Cast, scal.Switch, scal.NEQ, scal.EQ, scal.LT, scal.GT, scal.LE, scal.GE, scal.Sub, scal.Add, scal.Mod,
    scal.Mul, scal.IntDiv, scal.TrueDiv, scal.Minimum, scal.Maximum)
# theano.tensor.basic serves them too; they are set here, as basic loads before theano.scalar can
basic.ScalarFromTensor, basic.TensorFromScalar = ScalarFromTensor, TensorFromScalar
basic.scalar_from_tensor, basic.tensor_from_scalar = scalar_from_tensor, tensor_from_scalar
basic.get_scalar_constant_value_elemwises = get_scalar_constant_value_elemwises
import builtins as _builtins  # noqa: E402

python_all, python_any, python_complex = _builtins.all, _builtins.any, _builtins.complex
izip, xrange = zip, range
numpy_diagonal_return_view = True
sparse_module_ref = None
constant_cache = {}
Tensor = TensorType  # Theano: the old name of the class, still exported by theano.tensor
# Theano's tuples of types (T.fscalar and its kin are TensorType instances there).
int_types = int_scalar_types = tuple(TensorType(d, ()) for d in int_dtypes)
float_types = float_scalar_types = tuple(TensorType(d, ()) for d in ("float32", "float64"))
complex_types = complex_scalar_types = tuple(TensorType(d, ()) for d in complex_dtypes)
int_vector_types = tuple(TensorType(d, (False,)) for d in int_dtypes)
float_vector_types = tuple(TensorType(d, (False,)) for d in ("float32", "float64"))
complex_vector_types = tuple(TensorType(d, (False,)) for d in complex_dtypes)
int_matrix_types = tuple(TensorType(d, (False, False)) for d in int_dtypes)
float_matrix_types = tuple(TensorType(d, (False, False)) for d in ("float32", "float64"))
complex_matrix_types = tuple(TensorType(d, (False, False)) for d in complex_dtypes)


def ceil_intdiv(a, b):
    """ceil(a / b) for integers: (a // b) + ((a % b) != 0) (Theano's ceil_intdiv)."""
    div = int_div(a, b)
    ret = cast(neq(a % b, 0), div.dtype) + div
    return ret


def inverse_permutation(perm):
    """The inverse of each permutation in perm (its last axis)."""
    perm = as_tensor_variable(perm)
    return argsort(perm, axis=-1).astype(perm.dtype)


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None):
    """numpy.cov (without weights), built as Theano builds it."""
    if fweights is not None:
        raise NotImplementedError("fweights are not implemented")  # Theano raises NotImplementedError too
    if aweights is not None:
        raise NotImplementedError("aweights are not implemented")  # Theano raises NotImplementedError too
    m = as_tensor_variable(m)
    if not rowvar and m.shape[0] != 1:
        m = m.T
    if y is not None:
        y = as_tensor_variable(y)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        m = concatenate((m, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    fact = m.shape[1] - ddof
    m -= m.mean(axis=1, keepdims=1)
    c = m.dot(m.T)
    c *= constant(1) / fact
    return c.squeeze()


def zeros(shape, dtype=None):
    """theano.tensor.zeros(shape, dtype=floatX)"""
    from ..config import config
    if not isinstance(shape, (list, tuple)) and getattr(shape, "ndim", 0) == 0:
        shape = [shape]
    return alloc(constant(0, dtype=dtype or config.floatX), *_shape_list(shape))


def ones(shape, dtype=None):
    """theano.tensor.ones(shape, dtype=floatX)"""
    from ..config import config
    if not isinstance(shape, (list, tuple)) and getattr(shape, "ndim", 0) == 0:
        shape = [shape]
    return alloc(constant(1, dtype=dtype or config.floatX), *_shape_list(shape))


def _shape_list(shape):
    if isinstance(shape, Variable) and shape.ndim == 1:
        return [shape[i] for i in range(get_vector_length(shape))]
    return list(shape)


# Everything above that legacy code can reach as T.<name> (the migration tool and the coverage table read it).
__all__ = sorted(_n for _n, _v in globals().items()
                 if not _n.startswith("_") and (not isinstance(_v, _ModuleType) or _n in _SUBMODULES))

from ..scalar import int32  # noqa: E402,F401  (Theano's module imports the scalar type)
int32_t = int32
# tensor.basic has them too in Theano; theano.scalar needs tensor.basic loaded first, so they are set here
basic.int32 = basic.int32_t = int32
