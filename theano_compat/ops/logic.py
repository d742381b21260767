"""Comparisons, bit operations, nan/inf tests and switch (theano.scalar's LogicalComparison, BitOps, Switch).

Comparisons compute in numpy's upcast of their inputs (JAX would compare int32 with float32 in float32)
and give bool; their gradients are Theano's zeros.
"""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from .elementwise import elementwise
from ..graph.constants import as_tensor_variable


def _zero_grad(inputs, out, gz):
    from .math import zeros_like
    return [zeros_like(i).astype(config.floatX) for i in inputs]


def _compare(name, fn, symbol=None):
    return elementwise(name, fn, D.bool_out, _zero_grad, symbol=symbol, compute=D.upcast)


lt = _compare("lt", jnp.less, "<")
gt = _compare("gt", jnp.greater, ">")
le = _compare("le", jnp.less_equal, "<=")
ge = _compare("ge", jnp.greater_equal, ">=")
eq = _compare("eq", jnp.equal)
neq = _compare("neq", jnp.not_equal)
_isnan = elementwise("isnan", jnp.isnan, D.bool_out, _zero_grad, cast_inputs=False)
_isinf = elementwise("isinf", jnp.isinf, D.bool_out, _zero_grad, cast_inputs=False)


def _discrete_false(a):
    """Theano: isnan/isinf of a discrete tensor is an alloc of False (glibc has no isnan on ints)."""
    from .basic import alloc
    return alloc(np.asarray(False, dtype="bool"), *[a.shape[i] for i in range(a.ndim)])


def isnan(a):
    """isnan(a)"""
    a = as_tensor_variable(a)
    return _discrete_false(a) if a.dtype in D.discrete_dtypes else _isnan(a)


def isinf(a):
    """isinf(a)"""
    a = as_tensor_variable(a)
    return _discrete_false(a) if a.dtype in D.discrete_dtypes else _isinf(a)


def _bit_rule(*dtypes):
    if all(d == "bool" for d in dtypes):
        return "bool"
    for d in dtypes:
        if d not in D.integer_dtypes:
            raise TypeError("input to a BitOp must have type (u)int8, (u)int16, (u)int32 or (u)int64 or be all "
                            f"bools not {d}")
    return D.upcast(*dtypes)


def _unary_bit_rule(dtype):
    if dtype not in D.discrete_dtypes:
        raise TypeError(f"input to a BitOp must have type (u)int8, (u)int16, (u)int32 or (u)int64 or bool "
                        f"not {dtype}")
    return dtype


and_ = elementwise("and_", jnp.bitwise_and, _bit_rule, _zero_grad, symbol="&")
or_ = elementwise("or_", jnp.bitwise_or, _bit_rule, _zero_grad, symbol="|")
xor = elementwise("xor", jnp.bitwise_xor, _bit_rule, _zero_grad, symbol="^")
invert = elementwise("invert", jnp.invert, _unary_bit_rule, _zero_grad, symbol="~")
bitwise_and, bitwise_or, bitwise_xor, bitwise_not = and_, or_, xor, invert


def _switch_grad(inputs, out, gz):
    cond = inputs[0]
    from .math import zeros_like
    return [zeros_like(cond).astype(config.floatX), switch(cond, gz, 0.), switch(cond, 0., gz)]


def _switch_lower(c, a, b):
    return jnp.where(c != 0, a, b)


switch = elementwise("switch", _switch_lower, lambda c, a, b: D.upcast(a, b), _switch_grad, cast_inputs=False)
where = switch


def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """numpy's isclose, built from elementwise ops exactly as Theano builds it."""
    from .math import abs_, sgn, sub
    diff = abs_(sub(a, b))
    tolerance = atol + rtol * abs_(b)
    close_prelim = le(diff, tolerance)
    a_nan, b_nan = isnan(a), isnan(b)
    nans = bitwise_or(a_nan, b_nan)
    a_inf, b_inf = isinf(a), isinf(b)
    infs = bitwise_or(a_inf, b_inf)
    close = bitwise_and(close_prelim, bitwise_not(bitwise_or(nans, infs)))
    both_infs = bitwise_and(a_inf, b_inf)
    inf_eq = bitwise_and(both_infs, eq(a_inf * sgn(a), b_inf * sgn(b)))
    close_with_infs = bitwise_or(close, inf_eq)
    if equal_nan:
        return bitwise_or(close_with_infs, bitwise_and(a_nan, b_nan))
    return close_with_infs


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """all(isclose(a, b, ...))"""
    from .reductions import all as all_
    return all_(isclose(a, b, rtol, atol, equal_nan))
