"""Theano's elementwise maths, one record a line: name, JAX function, Theano's type rule, Theano's gradient.

Gradients are Theano's own formulas (theano/scalar/basic.py), so `pp(T.grad(...))` prints what Theano
prints and ties, zeros and integer inputs follow Theano's conventions rather than JAX's.
"""
import jax.numpy as jnp
import jax.scipy.special as jsp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from .elementwise import elementwise


def _zeros(x):
    """Theano's gradient for a non-differentiable input: zeros, floatX when the input is discrete."""
    z = zeros_like(x)
    return z.astype(config.floatX) if x.dtype in D.discrete_dtypes else z


def _discrete_out(out, inputs):
    return [_zeros(i) for i in inputs] if out.dtype in D.discrete_dtypes else None


def _unary(formula):
    """Gradient of a unary float op: zero for discrete outputs, else formula(x, out, gz)."""
    def grad(inputs, out, gz):
        return _discrete_out(out, inputs) or [formula(inputs[0], out, gz)]
    return grad


def _zero_grad(inputs, out, gz):
    return [_zeros(i) for i in inputs]


def _second(a, b):
    return jnp.broadcast_to(b, jnp.broadcast_shapes(a.shape, b.shape))


def _round_half_away(x):
    return jnp.where(x >= 0, jnp.floor(x + 0.5), jnp.ceil(x - 0.5))


def _int_div(x, y):
    return jnp.floor_divide(x, y)


def _mod(x, y):
    # Theano's Mod follows Python's sign convention (the result has the sign of y), like numpy.
    return jnp.mod(x, y)


def _log_of(base, like):
    """Theano's log(np.cast[x.dtype](base)) constant in gradients."""
    from ..tensor.basic import constant
    return constant(np.log(np.asarray(base, dtype=like.dtype)))


def _mul_grad(inputs, out, gz):
    x, y = inputs
    return _discrete_out(out, inputs) or [gz * y, gz * x]


def _div_grad(inputs, out, gz):
    x, y = inputs
    if out.dtype in D.discrete_dtypes:
        return _discrete_out(out, inputs)
    first = _zeros(x) if x.dtype in D.discrete_dtypes else gz / y
    second = _zeros(y) if y.dtype in D.discrete_dtypes else -(gz * x) / (y * y)
    return [first, second]


def _pow_grad(inputs, out, gz):
    x, y = inputs
    if out.dtype in D.discrete_dtypes:
        return _discrete_out(out, inputs)
    first = gz * y * x ** (y - 1)
    second = _zeros(y) if y.dtype in D.discrete_dtypes else gz * log(x) * x ** y
    return [first, second]


def _minmax_grad(inputs, out, gz):
    # Theano: at a tie both inputs receive the whole gradient.
    x, y = inputs
    if out.dtype in D.discrete_dtypes:
        return _discrete_out(out, inputs)
    return [gz * eq(out, x), gz * eq(out, y)]


def _clip_grad(inputs, out, gz):
    x, lo, hi = inputs
    if out.dtype in D.discrete_dtypes:
        return _discrete_out(out, inputs)
    gx = gz * and_(ge(x, lo), le(x, hi))
    glo = gz * lt(x, lo) if lo.dtype not in D.discrete_dtypes else _zeros(lo)
    ghi = gz * gt(x, hi) if hi.dtype not in D.discrete_dtypes else _zeros(hi)
    return [gx, glo, ghi]


def _switch_grad(inputs, out, gz):
    cond, a, b = inputs
    return [_zeros(cond), switch(cond, gz, 0), switch(cond, 0, gz)]


def _second_grad(inputs, out, gz):
    return [_zeros(inputs[0]), gz]


N = dict(cast_inputs=False)  # ops whose output dtype is not the dtype they compute in
add = elementwise("add", jnp.add, D.upcast_out, lambda i, o, gz: [gz, gz], symbol="+")
sub = elementwise("sub", jnp.subtract, D.upcast_out_nobool, lambda i, o, gz: [gz, -gz], symbol="-")
mul = elementwise("mul", jnp.multiply, D.upcast_out, _mul_grad, symbol="*")
true_div = elementwise("true_div", jnp.true_divide, D.true_div_out, _div_grad, symbol="/")
int_div = elementwise("int_div", _int_div, D.upcast_out, _zero_grad, symbol="//")
mod = elementwise("mod", _mod, D.upcast_out, lambda i, o, gz: [gz, -gz * int_div(i[0], i[1])], symbol="%")
pow = elementwise("pow", jnp.power, D.upcast_out_min8, _pow_grad, symbol="**")
maximum = elementwise("maximum", jnp.maximum, D.upcast_out, _minmax_grad)
minimum = elementwise("minimum", jnp.minimum, D.upcast_out, _minmax_grad)
clip = elementwise("clip", jnp.clip, D.upcast_out_no_complex, _clip_grad)
second = elementwise("second", _second, lambda a, b: b, _second_grad, cast_inputs=False, pp=lambda node, a: f"fill({', '.join(a)})")
neg = elementwise("neg", jnp.negative, D.same_out_nobool, lambda i, o, gz: [-gz], symbol="-")
abs_ = elementwise("abs_", jnp.abs, D.same_out, _unary(lambda x, o, gz: gz * sgn(x)), pp=lambda n, a: f"|{a[0]}|")
sgn = elementwise("sgn", jnp.sign, D.same_out_nocomplex, _zero_grad)
inv = elementwise("inv", jnp.reciprocal, D.upgrade_to_float, _unary(lambda x, o, gz: -gz / (x * x)))
sqr = elementwise("sqr", jnp.square, D.same_out, _unary(lambda x, o, gz: gz * x * 2))
sqrt = elementwise("sqrt", jnp.sqrt, D.upgrade_to_float, _unary(lambda x, o, gz: (gz * 0.5) / sqrt(x)))
exp = elementwise("exp", jnp.exp, D.upgrade_to_float, _unary(lambda x, o, gz: gz * exp(x)))
exp2 = elementwise("exp2", jnp.exp2, D.upgrade_to_float, _unary(lambda x, o, gz: gz * exp2(x) * _log_of(2.0, o)))
expm1 = elementwise("expm1", jnp.expm1, D.upgrade_to_float, _unary(lambda x, o, gz: gz * exp(x)))
log = elementwise("log", jnp.log, D.upgrade_to_float, _unary(lambda x, o, gz: gz / x))
log2 = elementwise("log2", jnp.log2, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (x * _log_of(2.0, o))))
log10 = elementwise("log10", jnp.log10, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (x * _log_of(10.0, o))))
log1p = elementwise("log1p", jnp.log1p, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (1 + x)))
sin = elementwise("sin", jnp.sin, D.upgrade_to_float, _unary(lambda x, o, gz: gz * cos(x)))
cos = elementwise("cos", jnp.cos, D.upgrade_to_float, _unary(lambda x, o, gz: -gz * sin(x)))
tan = elementwise("tan", jnp.tan, D.upgrade_to_float, _unary(lambda x, o, gz: gz / sqr(cos(x))))
arcsin = elementwise("arcsin", jnp.arcsin, D.upgrade_to_float, _unary(lambda x, o, gz: gz / sqrt(1 - sqr(x))))
arccos = elementwise("arccos", jnp.arccos, D.upgrade_to_float, _unary(lambda x, o, gz: -gz / sqrt(1 - sqr(x))))
arctan = elementwise("arctan", jnp.arctan, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (1 + sqr(x))))
sinh = elementwise("sinh", jnp.sinh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * cosh(x)))
cosh = elementwise("cosh", jnp.cosh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * sinh(x)))
tanh = elementwise("tanh", jnp.tanh, D.upgrade_to_float, _unary(lambda x, o, gz: gz * (1 - sqr(tanh(x)))))
arcsinh = elementwise("arcsinh", jnp.arcsinh, D.upgrade_to_float, _unary(lambda x, o, gz: gz / sqrt(sqr(x) + 1)))
arccosh = elementwise("arccosh", jnp.arccosh, D.upgrade_to_float, _unary(lambda x, o, gz: gz / sqrt(sqr(x) - 1)))
arctanh = elementwise("arctanh", jnp.arctanh, D.upgrade_to_float, _unary(lambda x, o, gz: gz / (1 - sqr(x))))
erf = elementwise("erf", jsp.erf, D.upgrade_to_float,
                  _unary(lambda x, o, gz: gz * np.asarray(2.0 / np.sqrt(np.pi)) * exp(-sqr(x))))
erfc = elementwise("erfc", jsp.erfc, D.upgrade_to_float_no_complex,
                   _unary(lambda x, o, gz: -gz * np.asarray(2.0 / np.sqrt(np.pi)) * exp(-sqr(x))))
erfinv = elementwise("erfinv", jsp.erfinv, D.upgrade_to_float_no_complex,
                     _unary(lambda x, o, gz: gz * np.asarray(np.sqrt(np.pi) / 2.0) * exp(sqr(erfinv(x)))))
erfcinv = elementwise("erfcinv", lambda x: jsp.erfinv(1 - x), D.upgrade_to_float_no_complex,
                      _unary(lambda x, o, gz: -gz * np.asarray(np.sqrt(np.pi) / 2.0) * exp(sqr(erfcinv(x)))))
gamma = elementwise("gamma", jsp.gamma, D.upgrade_to_float,
                    _unary(lambda x, o, gz: gz * gamma(x) * psi(x)))
gammaln = elementwise("gammaln", jsp.gammaln, D.upgrade_to_float, _unary(lambda x, o, gz: gz * psi(x)))
psi = elementwise("psi", jsp.digamma, D.upgrade_to_float, _unary(lambda x, o, gz: gz * tri_gamma(x)))
tri_gamma = elementwise("tri_gamma", lambda x: jsp.polygamma(1, x), D.upgrade_to_float, _zero_grad)
floor = elementwise("floor", jnp.floor, D.upgrade_to_float_no_complex, _zero_grad)
ceil = elementwise("ceil", jnp.ceil, D.upgrade_to_float_no_complex, _zero_grad)
trunc = elementwise("trunc", jnp.trunc, D.upgrade_to_float_no_complex, _zero_grad)
round_half_to_even = elementwise("round_half_to_even", jnp.round, D.same_out_float_only, _zero_grad)
round_half_away_from_zero = elementwise("round_half_away_from_zero", _round_half_away, D.same_out_float_only,
                                        _zero_grad)
real = elementwise("real", jnp.real, D.real_out, lambda i, o, gz: [gz], **N)
imag = elementwise("imag", jnp.imag, D.real_out, lambda i, o, gz: [gz * 1j], **N)
angle = elementwise("angle", jnp.angle, D.float_out, _zero_grad, **N)
conj = elementwise("conj", jnp.conj, D.same_out_min8, lambda i, o, gz: [conj(gz)])

# Comparisons and logic: bool outputs and zero gradients (theano.scalar LogicalComparison, BitOps).
lt = elementwise("lt", jnp.less, D.bool_out, _zero_grad, symbol="<", **N)
gt = elementwise("gt", jnp.greater, D.bool_out, _zero_grad, symbol=">", **N)
le = elementwise("le", jnp.less_equal, D.bool_out, _zero_grad, symbol="<=", **N)
ge = elementwise("ge", jnp.greater_equal, D.bool_out, _zero_grad, symbol=">=", **N)
eq = elementwise("eq", jnp.equal, D.bool_out, _zero_grad, **N)
neq = elementwise("neq", jnp.not_equal, D.bool_out, _zero_grad, **N)
isnan = elementwise("isnan", jnp.isnan, D.bool_out, _zero_grad, **N)
isinf = elementwise("isinf", jnp.isinf, D.bool_out, _zero_grad, **N)


def _bit_rule(*dtypes):
    if all(d == "bool" for d in dtypes):
        return "bool"
    if any(d not in D.integer_dtypes for d in dtypes):
        raise TypeError("input to a BitOp must have type (u)int8, (u)int16, (u)int32 or (u)int64 or be all "
                        f"bools not {dtypes}")
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
switch = elementwise("switch", lambda c, a, b: jnp.where(c != 0, a, b),
                     lambda c, a, b: D.upcast(a, b), _switch_grad, **N)


def zeros_like(x, dtype=None):
    """Zeros of x's shape (Theano: fill(x, 0))."""
    from ..tensor.basic import as_tensor_variable, constant
    x = as_tensor_variable(x)
    return second(x, constant(0, dtype=dtype or x.dtype))


def ones_like(x, dtype=None):
    from ..tensor.basic import as_tensor_variable, constant
    x = as_tensor_variable(x)
    return second(x, constant(1, dtype=dtype or x.dtype))


fill = second
