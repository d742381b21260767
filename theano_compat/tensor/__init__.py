"""theano.tensor: the `T` namespace legacy code builds its graphs with."""
from ..graph.types import TensorType
from ..graph.nodes import Variable, Constant, Apply
from .var import TensorVariable, TensorConstant, _tensor_py_operators
from .basic import (CONSTRUCTORS, as_tensor_variable, constant, get_vector_length, tensor, as_shape_vector)
from .basic import *  # noqa: F401,F403  (scalar, dmatrix, fvectors, ...)
from ..graph.dtypes import (all_dtypes, complex_dtypes, continuous_dtypes, discrete_dtypes, float_dtypes,
                            int_dtypes, integer_dtypes, uint_dtypes)
from ..ops.math import (
    add, sub, mul, true_div, int_div, mod, pow, maximum, minimum, clip, second, fill, neg, abs_, sgn, inv,
    sqr, sqrt, exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan, sinh, cosh,
    tanh, arcsinh, arccosh, arctanh, erf, erfc, erfinv, erfcinv, gamma, gammaln, psi, tri_gamma, floor, ceil,
    trunc, round_half_to_even, round_half_away_from_zero, real, imag, angle, conj, lt, gt, le, ge, eq, neq,
    isnan, isinf, and_, or_, xor, invert, switch, zeros_like, ones_like)
from ..ops.basic import (cast, make_vector, alloc, patternbroadcast, addbroadcast, unbroadcast, arange)
from ..ops.shape import dimshuffle, reshape, flatten, shape
from ..ops.reductions import (sum, prod, mean, var, std, max, min, all, any, argmax, argmin, max_and_argmax)
from ..ops.linalg import dot, tensordot, outer
from ..ops.join import join, concatenate, stack
from ..ops.subtensor import subtensor, set_subtensor, inc_subtensor
from ..compile.shared import TensorSharedVariable
from ..compile.gradient import grad
from . import nnet

square = sqr
div_proxy = true_div
floor_div = int_div
largest = maximum
smallest = minimum


def transpose(x, axes=None):
    """theano.tensor.transpose: reverse the dimensions, or permute them by axes."""
    x = as_tensor_variable(x)
    return dimshuffle(x, list(reversed(range(x.ndim))) if axes is None else list(axes))


def zeros(shape, dtype=None):
    """theano.tensor.zeros(shape, dtype=floatX)"""
    from ..config import config
    shape = [shape] if not isinstance(shape, (list, tuple)) and getattr(shape, "ndim", 0) == 0 else shape
    return alloc(constant(0, dtype=dtype or config.floatX), *_shape_list(shape))


def ones(shape, dtype=None):
    from ..config import config
    shape = [shape] if not isinstance(shape, (list, tuple)) and getattr(shape, "ndim", 0) == 0 else shape
    return alloc(constant(1, dtype=dtype or config.floatX), *_shape_list(shape))


def _shape_list(shape):
    if isinstance(shape, Variable) and shape.ndim == 1:
        return [shape[i] for i in range(get_vector_length(shape))]
    return list(shape)


def tensor_copy(x):
    return _identity(x)


def _identity(x):
    from ..ops.math import second
    x = as_tensor_variable(x)
    return second(x, x)


def round(a, mode=None):
    """theano.tensor.round: half away from zero by default (Theano 1.0)."""
    if mode in (None, "half_away_from_zero"):
        return round_half_away_from_zero(a)
    if mode == "half_to_even":
        return round_half_to_even(a)
    raise Exception(f"round mode {mode} is not implemented.")


def iround(a, mode=None):
    return cast(round(a, mode), "int64")


def shape_padleft(t, n_ones=1):
    t = as_tensor_variable(t)
    return dimshuffle(t, ["x"] * n_ones + list(range(t.ndim)))


def shape_padright(t, n_ones=1):
    t = as_tensor_variable(t)
    return dimshuffle(t, list(range(t.ndim)) + ["x"] * n_ones)


def shape_padaxis(t, axis):
    t = as_tensor_variable(t)
    ndim = t.ndim + 1
    if not -ndim <= axis < ndim:
        raise IndexError(f"axis {axis} is out of bounds [-{ndim}, {ndim})")
    axis %= ndim
    order = list(range(t.ndim))
    order.insert(axis, "x")
    return dimshuffle(t, order)
