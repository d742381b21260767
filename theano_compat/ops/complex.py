"""Complex numbers: real, imag, angle, conj, complex, complex_from_polar (theano.scalar's complex ops)."""
import jax.numpy as jnp
from jax import lax

from ..config import config
from ..graph import dtypes as D
from .elementwise import elementwise


def _complex_rule(x, y):
    for d in (x, y):
        if d in D.complex_dtypes:
            raise TypeError(d)
    up = D.upcast(x, y)
    return "complex128" if up in ("float64", "int64", "uint64", "int32", "uint32") else "complex64"


def _part_dtype(x, y):
    return "float64" if _complex_rule(x, y) == "complex128" else "float32"


def _real_grad(inputs, out, gz):
    return [complex(gz, 0)]


def _imag_grad(inputs, out, gz):
    from .math import second, zeros_like
    x = inputs[0]
    if x.dtype in D.complex_dtypes:
        return [complex(0, gz)]
    if x.dtype in D.float_dtypes:
        return [second(x, 0)]
    return [zeros_like(x, config.floatX)]


def _angle_grad(inputs, out, gz):
    from .basic import cast
    from .math import abs_, sqrt, second, zeros_like
    c = inputs[0]
    if c.dtype in D.complex_dtypes:
        x, y, r = real(c), imag(c), abs_(c)
        gr = -gz * y / (r ** 2 * sqrt(1 - (y / r) ** 2))
        return [cast(complex(gr * x / r, gr * y / r), x.dtype)]
    if c.dtype in D.float_dtypes:
        return [cast(second(c, 0), c.dtype)]
    return [zeros_like(c, config.floatX)]


def _complex_grad(inputs, out, gz):
    from .basic import cast
    x, y = inputs
    return [cast(real(gz), x.dtype), cast(imag(gz), y.dtype)]


def _polar_grad(inputs, out, gz):
    from .math import neg
    r, theta = inputs
    return [gz * complex_from_polar(1, theta), gz * complex_from_polar(r, neg(theta))]


def _conj_grad(inputs, out, gz):
    raise TypeError("theano_compat does not support the gradient of conj (Theano defines none)")


def _polar(r, theta):
    return lax.complex(r * jnp.cos(theta), r * jnp.sin(theta))


N = dict(cast_inputs=False)
real = elementwise("real", jnp.real, D.real_out, _real_grad, **N)
imag = elementwise("imag", jnp.imag, D.real_out, _imag_grad, **N)
angle = elementwise("angle", jnp.angle, D.float_out, _angle_grad, **N)
conj = elementwise("conj", jnp.conj, D.same_out_min8, _conj_grad)
complex = elementwise("complex", lax.complex, _complex_rule, _complex_grad, compute=_part_dtype)
complex_from_polar = elementwise("complex_from_polar", _polar, _complex_rule, _polar_grad, compute=_part_dtype)
