"""Theano's elementwise arithmetic and elementary functions, one record a line: name, JAX function, Theano's
type rule, Theano's gradient.

Gradients are Theano's own formulas (theano/scalar/basic.py), so `pp(T.grad(...))` prints what Theano
prints and ties, zeros and integer inputs follow Theano's conventions rather than JAX's. Special functions
live in ops/special.py, comparisons and bit operations in ops/logic.py, complex numbers in ops/complex.py.
"""
from functools import reduce

import jax.numpy as jnp
import numpy as np
from jax import lax

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import is_tracer
from .elementwise import elementwise
from ..graph.constants import as_tensor_variable, constant


def _zeros(x):
    """Theano's gradient for a non-differentiable input: zeros, floatX when the input is discrete."""
    z = zeros_like(x)
    return z.astype(config.floatX) if x.dtype in D.discrete_dtypes else z


def _zero_grad(inputs, out, gz, **params):
    return [_zeros(i) for i in inputs]


def _typed(value, like):
    """np.cast[x.type](value): a constant of like's dtype, as Theano's scalar grads write it."""
    return constant(np.asarray(value, dtype=like.dtype))


def _unary(formula):
    def grad(inputs, out, gz):
        return [formula(inputs[0], out, gz)]
    return grad


def _round_half_away(x):
    return jnp.where(x >= 0, jnp.floor(x + 0.5), jnp.ceil(x - 0.5))


def _c_div_rem(x, y, what):
    """C's `/` and `%` (fmod for floats) of x and y, with integer division by zero refused as Theano does."""
    if jnp.issubdtype(x.dtype, jnp.integer) or x.dtype == jnp.bool_:
        from ..compile.lower import runtime_check
        runtime_check(lambda y: y != 0, ZeroDivisionError, f"integer {what} by zero", operands=(y,))
        y = jnp.where(y == 0, jnp.ones_like(y), y)
        return lax.div, lax.rem, y
    return (lambda a, b: jnp.floor(a / b)), jnp.fmod, y


def _int_div(x, y):
    # Theano's IntDiv C code, branch by branch: floor of |x| / |y| with a correction by fmod, which rounds
    # differently from numpy's divmod (-2 // 0.001 is -2001 in Theano, -2000 in numpy).
    div, rem, y_safe = _c_div_rem(x, y, "division")
    one = jnp.ones((), x.dtype)
    pm = -div(x, -y_safe) - jnp.where(rem(x, -y_safe) == 0, 0, one).astype(x.dtype)
    mp = -div(-x, y_safe) - jnp.where(rem(-x, y_safe) == 0, 0, one).astype(x.dtype)
    return jnp.where(y == 0, div(x, y), jnp.where(y < 0, jnp.where(x < 0, div(-x, -y_safe), pm),
                                                    jnp.where(x < 0, mp, div(x, y_safe))))


def _mod(x, y):
    # Theano's Mod C code: Python's sign convention (the result has the sign of y) built from C's `%` /
    # fmod of absolute values; float % 0 is fmod's nan.
    _, rem, y_safe = _c_div_rem(x, y, "modulo")
    zero = jnp.zeros((), x.dtype)
    ypm, ymp = rem(x, -y_safe), rem(-x, y_safe)
    return jnp.where(y == 0, rem(x, y_safe), jnp.where(
        y < 0, jnp.where(x < 0, -rem(-x, -y_safe), ypm + jnp.where(ypm != 0, y_safe, zero)),
        jnp.where(x < 0, -ymp + jnp.where(ymp != 0, y_safe, zero), rem(x, y_safe))))


def _pow(x, y, dtype=None):
    """Theano's C `pow(x, y)`: integers go through C's double pow and back with a C cast, so 2 ** -1 is 0
    and 0 ** -1 is INT_MIN's low bits, where numpy refuses negative integer powers."""
    if jnp.issubdtype(x.dtype, jnp.integer):
        from .basic import c_cast
        return c_cast(jnp.power(x.astype("float64"), y.astype("float64")), str(x.dtype))
    return jnp.power(x, y)


def _minmax(pick):
    # Theano's C code: ((y) > (x) ? (y) : ((x) >= (y) ? (x) : nan)): a tie keeps x (max(-0., 0) is -0.),
    # a NaN on either side gives NaN.
    def fn(x, y):
        take_y = y > x if pick == "max" else y < x
        keep_x = x >= y if pick == "max" else x <= y
        if not jnp.issubdtype(x.dtype, jnp.inexact):
            return jnp.where(take_y, y, x)
        return jnp.where(take_y, y, jnp.where(keep_x, x, jnp.full_like(x, jnp.nan)))
    return fn


def _true_div(x, y):
    return x / y


def _c_arith(*dtypes):
    """The type Theano's C code computes `x + y` in: C's promotion, where any float32 operand makes an
    integer one float32 (int32 + float32 is declared float64 but computed in float32)."""
    if any(d in D.complex_dtypes or d == "float16" for d in dtypes):
        return D.upcast(*dtypes)
    for f in ("float64", "float32"):
        if f in dtypes:
            return f
    return D.upcast(*dtypes)


def _c_div(*dtypes):
    """TrueDiv's C code: ((double)x) / y for two discrete inputs, C's promotion otherwise."""
    return "float64" if all(d in D.discrete_dtypes for d in dtypes) else _c_arith(*dtypes)


def _add_grad(inputs, out, gz):
    return [gz for _ in inputs]


def _mul_grad(inputs, out, gz):
    return [mul(gz, *[j for k, j in enumerate(inputs) if k != i]) for i in range(len(inputs))]


def _div_grad(inputs, out, gz):
    x, y = inputs
    if x.dtype in D.discrete_dtypes and y.dtype in D.discrete_dtypes:
        return [zeros_like(x), zeros_like(y)]  # Theano: integer zeros, which T.grad then refuses
    return [gz / y, -(gz * x) / (y * y)]


def _pow_grad(inputs, out, gz):
    from .logic import switch, eq
    x, y = inputs
    return [gz * y * x ** (y - 1), switch(eq(x, 0), 0, gz * log(x) * x ** y)]


def _minmax_grad(inputs, out, gz):
    # Theano: at a tie the first input receives the whole gradient, the second none.
    from .logic import eq
    x, y = inputs
    e = eq(out, x)
    return [e * gz, (constant(1, dtype=gz.dtype) - e) * gz]


def _clip_grad(inputs, out, gz):
    from .logic import and_, ge, le, lt, gt
    x, lo, hi = inputs
    return [and_(ge(x, lo), le(x, hi)) * gz, lt(x, lo) * gz, gt(x, hi) * gz]


def _second_grad(inputs, out, gz):
    return [None, gz if inputs[1].dtype in D.continuous_dtypes else zeros_like(inputs[1])]


def _abs_grad(inputs, out, gz):
    x = inputs[0]
    return [gz * sgn(x)] if x.dtype in D.float_dtypes else [gz * x / abs_(x)]


def _abs_rule(dtype):
    return D.real_out(dtype)


def _sgn_rule(dtype):
    if dtype == "bool":
        raise TypeError(dtype)
    return D.same_out_nocomplex(dtype)


def _sgn(x):
    # Theano's C code: (x > 0) ? 1. : ((x < 0) ? -1. : (isnan(x) ? NAN : 0.)): sgn(-0.) is +0.
    if not jnp.issubdtype(x.dtype, jnp.floating):
        return jnp.sign(x)
    return jnp.where(x > 0, 1.0, jnp.where(x < 0, -1.0, jnp.where(jnp.isnan(x), x, 0.0))).astype(x.dtype)


def _nary(fn):
    return lambda *xs: reduce(fn, xs)


def _mul(*xs):
    # Theano's local_mul_zero: a product with a constant zero factor is zero, even where another factor is
    # inf or nan (grads such as gz * 0 * x ** -1 at x = 0). Values that are not traced are constants.
    for x in xs:
        if not is_tracer(x) and x.size and not np.any(np.asarray(x)):
            shape = jnp.broadcast_shapes(*[a.shape for a in xs])
            return np.zeros(shape, x.dtype)
    return reduce(jnp.multiply, xs)


def _log_grad(base):
    def grad(inputs, out, gz):
        x = inputs[0]
        if base == 2:  # Theano: np.asarray(math.log(2.0)).astype(x.dtype)
            c = constant(np.asarray(np.log(2.0)).astype(x.dtype))
        else:  # Theano: np.log(10.0), a float64 scalar whatever x is
            c = constant(np.float64(np.log(10.0)))
        return [gz / (x * c)]
    return grad


def _exp2_grad(inputs, out, gz):
    x = inputs[0]
    return [gz * exp2(x) * log(_typed(2, x))]


def _cast_to(like_gz, value):
    return constant(np.asarray(value, dtype=like_gz.dtype))


N = dict(cast_inputs=False)  # ops whose output dtype is not the dtype they compute in
C = dict(compute=_c_arith)
add = elementwise("add", _nary(jnp.add), D.upcast_out, _add_grad, symbol="+", **C)
sub = elementwise("sub", jnp.subtract, D.upcast_out_nobool, lambda i, o, gz: [gz, -gz], symbol="-", **C)
mul = elementwise("mul", _mul, D.upcast_out, _mul_grad, symbol="*", **C)
true_div = elementwise("true_div", _true_div, D.true_div_out, _div_grad, symbol="/", compute=_c_div)
int_div = elementwise("int_div", _int_div, D.upcast_out, _zero_grad, symbol="//", **C)
int_div.checks = lambda node: node.params["dtype"] in D.discrete_dtypes
mod = elementwise("mod", _mod, D.upcast_out, lambda i, o, gz: [gz, -int_div(i[0], i[1]) * gz], symbol="%", **C)
mod.checks = lambda node: node.params["dtype"] in D.discrete_dtypes
pow = elementwise("pow", _pow, D.upcast_out_min8, _pow_grad, symbol="**")
maximum = elementwise("maximum", _minmax("max"), D.upcast_out, _minmax_grad)
minimum = elementwise("minimum", _minmax("min"), D.upcast_out, _minmax_grad)
clip = elementwise("clip", lambda x, lo, hi: jnp.where(x < lo, lo, jnp.where(x > hi, hi, x)),
                   D.upcast_out_no_complex, _clip_grad)
second = elementwise("second", lambda a, b: jnp.broadcast_to(b, jnp.broadcast_shapes(a.shape, b.shape)),
                     lambda a, b: b, _second_grad, pp=lambda node, a: f"fill({', '.join(a)})", **N)
tensor_copy = elementwise("tensor_copy", lambda x: x, D.same_out, lambda i, o, gz: [gz],
                          scalar_name=lambda p: "identity")
neg = elementwise("neg", jnp.negative, D.same_out_nobool, lambda i, o, gz: [-gz], symbol="-")
abs_ = elementwise("abs_", jnp.abs, _abs_rule, _abs_grad, pp=lambda n, a: f"|{a[0]}|", **N)
sgn = elementwise("sgn", _sgn, _sgn_rule, _zero_grad)
inv = elementwise("inv", jnp.reciprocal, D.upgrade_to_float, _unary(lambda x, o, gz: -gz / (x * x)))
sqr = elementwise("sqr", jnp.square, D.same_out, _unary(lambda x, o, gz: gz * x * 2))
sqrt = elementwise("sqrt", jnp.sqrt, D.upgrade_to_float, _unary(lambda x, o, gz: (gz * 0.5) / sqrt(x)))
exp = elementwise("exp", jnp.exp, D.upgrade_to_float, _unary(lambda x, o, gz: gz * exp(x)))
exp2 = elementwise("exp2", jnp.exp2, D.upgrade_to_float, _exp2_grad)
expm1 = elementwise("expm1", jnp.expm1, D.upgrade_to_float, _unary(lambda x, o, gz: gz * exp(x)))
log = elementwise("log", jnp.log, D.upgrade_to_float, _unary(lambda x, o, gz: gz / x))
log2 = elementwise("log2", jnp.log2, D.upgrade_to_float, _log_grad(2))
log10 = elementwise("log10", jnp.log10, D.upgrade_to_float, _log_grad(10))
log1p = elementwise("log1p", jnp.log1p, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (1 + x)))
sin = elementwise("sin", jnp.sin, D.upgrade_to_float, _unary(lambda x, o, gz: gz * cos(x)))
cos = elementwise("cos", jnp.cos, D.upgrade_to_float, _unary(lambda x, o, gz: -gz * sin(x)))
tan = elementwise("tan", jnp.tan, D.upgrade_to_float, _unary(lambda x, o, gz: gz / sqr(cos(x))))
arcsin = elementwise("arcsin", jnp.arcsin, D.upgrade_to_float,
                     _unary(lambda x, o, gz: gz / sqrt(_typed(1, x) - sqr(x))))
arccos = elementwise("arccos", jnp.arccos, D.upgrade_to_float,
                     _unary(lambda x, o, gz: -gz / sqrt(_typed(1, x) - sqr(x))))
arctan = elementwise("arctan", jnp.arctan, D.upgrade_to_float,
                     _unary(lambda x, o, gz: gz / (_typed(1, x) + sqr(x))))
arctan2 = elementwise("arctan2", jnp.arctan2, D.upgrade_to_float,
                      lambda i, o, gz: [gz * i[1] / (sqr(i[1]) + sqr(i[0])),
                                        gz * neg(i[0]) / (sqr(i[1]) + sqr(i[0]))])
sinh = elementwise("sinh", jnp.sinh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * cosh(x)))
cosh = elementwise("cosh", jnp.cosh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * sinh(x)))
tanh = elementwise("tanh", jnp.tanh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * (1 - sqr(tanh(x)))))
arcsinh = elementwise("arcsinh", jnp.arcsinh, D.upgrade_to_float,
                      _unary(lambda x, o, gz: gz / sqrt(sqr(x) + _typed(1, x))))
arccosh = elementwise("arccosh", jnp.arccosh, D.upgrade_to_float,
                      _unary(lambda x, o, gz: gz / sqrt(sqr(x) - _typed(1, x))))
arctanh = elementwise("arctanh", jnp.arctanh, D.upgrade_to_float,
                      _unary(lambda x, o, gz: gz / (_typed(1, x) - sqr(x))))
deg2rad = elementwise("deg2rad", jnp.deg2rad, D.upgrade_to_float,
                      _unary(lambda x, o, gz: gz * _cast_to(gz, np.pi / 180)))
rad2deg = elementwise("rad2deg", jnp.rad2deg, D.upgrade_to_float,
                      _unary(lambda x, o, gz: gz * _cast_to(gz, 180. / np.pi)))
floor = elementwise("floor", jnp.floor, D.upgrade_to_float_no_complex, _zero_grad)
ceil = elementwise("ceil", jnp.ceil, D.upgrade_to_float_no_complex, _zero_grad)
trunc = elementwise("trunc", jnp.trunc, D.upgrade_to_float_no_complex,
                    lambda i, o, gz: [zeros_like(i[0]).astype(config.floatX)])


def _round(x, mode):
    return jnp.round(x) if mode == "half_to_even" else _round_half_away(x)


round_op = elementwise("round", _round, D.same_out_float_only, _zero_grad, params=("mode",),
                       scalar_name=lambda p: "round_half_to_even" if p["mode"] == "half_to_even"
                       else "round_half_away_from_zero")


def round_half_to_even(a):
    return round_op(a, mode="half_to_even")


def round_half_away_from_zero(a):
    return round_op(a, mode="half_away_from_zero")


def round(a, mode=None):
    """theano.tensor.round: half to even by default (Theano 1.0 changed it to numpy's default)."""
    if mode is None:
        mode = "half_to_even"
    if mode not in ("half_to_even", "half_away_from_zero"):
        raise Exception(f"round mode {mode} is not implemented.")
    return round_op(a, mode=mode)


def iround(a, mode=None):
    """cast(round(a, mode), 'int64')"""
    from .basic import cast
    return cast(round(a, mode), "int64")


def zeros_like(x, dtype=None):
    """Zeros of x's shape (Theano: fill(x, 0))."""
    x = as_tensor_variable(x)
    return second(x, constant(0.0, dtype=dtype or x.dtype))


def ones_like(x, dtype=None):
    x = as_tensor_variable(x)
    return second(x, constant(1.0, dtype=dtype or x.dtype))


def largest(*args):
    """The elementwise largest of the arguments (Theano: a switch for two, a max over a stack beyond)."""
    from .logic import switch, gt
    if len(args) == 2:
        a, b = args
        return switch(gt(a, b), a, b)
    from .join import stack
    from .reductions import max as max_
    return max_(stack(args), axis=0)


def smallest(*args):
    """The elementwise smallest of the arguments."""
    from .logic import switch, lt
    if len(args) == 2:
        a, b = args
        return switch(lt(a, b), a, b)
    from .join import stack
    from .reductions import min as min_
    return min_(stack(args), axis=0)


fill = second


floor_div = int_div


def div_proxy(x, y):
    """x / y: int_div for two discrete operands, true_div otherwise (Theano's Python 2 division)."""
    if as_tensor_variable(x).dtype in D.discrete_dtypes and as_tensor_variable(y).dtype in D.discrete_dtypes:
        return int_div(x, y)
    return true_div(x, y)


def mod_check(x, y):
    """x % y, refusing complex operands as Theano does."""
    if as_tensor_variable(x).dtype in D.complex_dtypes or as_tensor_variable(y).dtype in D.complex_dtypes:
        raise ComplexError("Theano does not support the mod operator (%) on complex numbers, since numpy "
                           "deprecated it.")
    return mod(x, y)


def divmod(x, y):
    """elementvise divmod, using floor_div and mod_check"""
    return floor_div(x, y), mod_check(x, y)


class ComplexError(NotImplementedError):
    """Theano's scalar ComplexError: an operation refused on complex numbers."""


ComplexError.__module__ = "theano.scalar.basic"


class IntegerDivisionError(Exception):
    """Raised if someone tries to divide integers with '/' instead of '//' (config.int_division='raise')."""


IntegerDivisionError.__module__ = "theano.scalar.basic"
