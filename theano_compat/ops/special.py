"""Special functions (theano/scalar/basic_scipy.py): erf family, gamma, gammaln, psi, tri_gamma.

Where Theano's compiled C code computes a function with its own approximation (psi: Bernardo's AS 103,
tri_gamma: AS 121, both in double precision), the lowering uses the same algorithm, so values match
Theano's rather than scipy's; integer inputs have no C code in Theano and go through scipy, which is what
jax.scipy computes.
"""
import jax.numpy as jnp
import jax.scipy.special as jsp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import MethodNotDefined
from .elementwise import elementwise
from .math import exp
from ..graph.constants import constant


def _cst(value, x, gz):
    """np.asarray(value, dtype=upcast(x.dtype, gz.dtype)), the constant of Theano's erf-family grads."""
    return constant(np.asarray(value, dtype=D.upcast(x.dtype, gz.dtype)))


def _grad(formula):
    def grad(inputs, out, gz):
        return [formula(inputs[0], gz)]
    return grad


_TWO_OVER_SQRT_PI = 2. / np.sqrt(np.pi)
_SQRT_PI_OVER_TWO = np.sqrt(np.pi) / 2.


def _is_float(x):
    return jnp.issubdtype(x.dtype, jnp.floating)


def _theano_psi(x):
    """Theano's C _psi (Algorithm AS 103), in double precision."""
    x = x.astype("float64")
    y, psi = x, jnp.zeros_like(x)
    for _ in range(10):  # from y > 1e-5, at most 9 steps reach 8.5
        more = y < 8.5
        safe = jnp.where(more, y, 1.0)
        psi = jnp.where(more, psi - 1.0 / safe, psi)
        y = jnp.where(more, y + 1, y)
    r = 1.0 / y
    psi = psi + jnp.log(y) - .5 * r
    r = r * r
    psi = psi - r * (8.333333333e-2 - r * (8.333333333e-3 - r * 3.968253968e-3))
    small = -0.5772156649 - 1.0 / jnp.where(x == 0, 1.0, x)
    return jnp.where(x <= 0.0, 0.0, jnp.where(x <= 1.0e-5, small, psi))


def _theano_tri_gamma(x):
    """Theano's C _tri_gamma (Algorithm AS 121), in double precision."""
    x = x.astype("float64")
    z, value = x, jnp.zeros_like(x)
    for _ in range(6):  # from z > 1e-4, at most 5 steps reach 5
        more = z < 5.0
        safe = jnp.where(more, z, 1.0)
        value = jnp.where(more, value + 1.0 / safe / safe, value)
        z = jnp.where(more, z + 1.0, z)
    y = 1.0 / z / z
    value = value + 0.5 * y + (1.0 + y * (0.1666666667 + y * (-0.03333333333 + y * (0.02380952381 + y * -0.03333333333)))) / z
    safe_x = jnp.where(x == 0, 1.0, x)
    return jnp.where(x <= 0, 0.0, jnp.where(x <= 0.0001, 1.0 / safe_x / safe_x, value))


def _by_kind(c_impl, scipy_impl):
    """Theano's C code for float inputs, its Python (scipy) implementation for the others."""
    def fn(x):
        out = D.upgrade_to_float(str(x.dtype))
        return c_impl(x) if _is_float(x) else scipy_impl(x.astype(out))
    return fn


def _tri_gamma_grad(inputs, out, gz):
    from ..graph.null import undefined_grad
    return [undefined_grad(inputs[0], "tri_gamma", "Theano's TriGamma has no gradient")]


N = dict(cast_inputs=False)
erf = elementwise("erf", jsp.erf, D.upgrade_to_float,
                  _grad(lambda x, gz: gz * _cst(_TWO_OVER_SQRT_PI, x, gz) * exp(-x * x)))
erfc = elementwise("erfc", jsp.erfc, D.upgrade_to_float_no_complex,
                   _grad(lambda x, gz: -gz * _cst(_TWO_OVER_SQRT_PI, x, gz) * exp(-x * x)))
erfcx = elementwise("erfcx", jsp.erfcx, D.upgrade_to_float_no_complex,
                    _grad(lambda x, gz: gz * (-_cst(_TWO_OVER_SQRT_PI, x, gz) + (2. * x) * erfcx(x))))
erfinv = elementwise("erfinv", jsp.erfinv, D.upgrade_to_float_no_complex,
                     _grad(lambda x, gz: gz * _cst(_SQRT_PI_OVER_TWO, x, gz) * exp(erfinv(x) ** 2)))
erfcinv = elementwise("erfcinv", lambda x: jsp.erfinv(1 - x), D.upgrade_to_float_no_complex,
                      _grad(lambda x, gz: -gz * _cst(_SQRT_PI_OVER_TWO, x, gz) * exp(erfcinv(x) ** 2)))
gamma = elementwise("gamma", jsp.gamma, D.upgrade_to_float, _grad(lambda x, gz: gz * gamma(x) * psi(x)))
gammaln = elementwise("gammaln", jsp.gammaln, D.upgrade_to_float, _grad(lambda x, gz: gz * psi(x)))
psi = elementwise("psi", _by_kind(_theano_psi, jsp.digamma), D.upgrade_to_float,
                  _grad(lambda x, gz: gz * tri_gamma(x)), **N)
tri_gamma = elementwise("tri_gamma", _by_kind(_theano_tri_gamma, lambda x: jsp.polygamma(1, x)),
                        D.upgrade_to_float, _tri_gamma_grad, **N)


# theano.tensor.xlogx: x * log(x) and x * log(y), with 0 where x == 0
def _xlogx(x):
    return jnp.where(x == 0, jnp.zeros((), x.dtype), x * jnp.log(jnp.where(x == 0, jnp.ones((), x.dtype), x)))


def _xlogy0(x, y):
    return jnp.where(x == 0, jnp.zeros((), x.dtype), x * jnp.log(y))


def _log(x):
    from .math import log
    return log(x)


xlogx = elementwise("xlogx.xlogx", _xlogx, D.upgrade_to_float, _grad(lambda x, gz: gz * (1 + _log(x))),
                    scalar_name=lambda p: "scalar_xlogx")
xlogy0 = elementwise("xlogx.xlogy0", _xlogy0, D.upgrade_to_float,
                     lambda i, o, gz: [gz * _log(i[1]), gz * i[0] / i[1]], scalar_name=lambda p: "scalar_xlogy0")


# --- scipy's incomplete gamma and Bessel functions (theano.scalar.basic_scipy) ---

def _no_grad_method(name):
    def grad(inputs, out, gz):
        raise MethodNotDefined("grad", name, name)
    return grad


def _not_implemented(name):
    def grad(inputs, out, gz):
        from ..graph.null import undefined_grad
        return [undefined_grad(i, name, f"This variable is Null because the grad method for input 0 ({i}) of the "
                                        f"{name} op is not implemented.") for i in inputs]
    return grad


def _scipy(name):
    """Theano computes these with scipy.special (they have no C code): so do we, on the host."""
    import jax

    def fn(*xs):
        import scipy.special
        shape = jnp.broadcast_shapes(*[jnp.shape(x) for x in xs])
        dtype = jnp.result_type(*xs)
        f = getattr(scipy.special, name)
        return jax.pure_callback(lambda *a: np.asarray(f(*a), dtype=dtype), jax.ShapeDtypeStruct(shape, dtype),
                                 *xs, vmap_method="broadcast_all")
    return fn


chi2sf = elementwise("chi2sf", lambda x, k: jsp.gammaincc(k / 2., x / 2.), D.upgrade_to_float64,
                     _no_grad_method("Chi2SF"))
gammainc = elementwise("gammainc", jsp.gammainc, D.upgrade_to_float, _no_grad_method("GammaInc"))
gammaincc = elementwise("gammaincc", jsp.gammaincc, D.upgrade_to_float, _no_grad_method("GammaIncC"))
gammau = elementwise("gammau", lambda k, x: jsp.gammaincc(k, x) * jsp.gamma(k), D.upgrade_to_float,
                     _no_grad_method("GammaU"))
gammal = elementwise("gammal", lambda k, x: jsp.gammainc(k, x) * jsp.gamma(k), D.upgrade_to_float,
                     _no_grad_method("GammaL"))
j0 = elementwise("j0", _scipy("j0"), D.upgrade_to_float, _grad(lambda x, gz: gz * -1 * j1(x)))
j1 = elementwise("j1", _scipy("j1"), D.upgrade_to_float, _grad(lambda x, gz: gz * (j0(x) - jv(2, x)) / 2.))
jv = elementwise("jv", _scipy("jv"), D.upgrade_to_float,
                 lambda i, o, gz: [_not_implemented("Jv")(i[:1], o, gz)[0],
                                   gz * (jv(i[0] - 1, i[1]) - jv(i[0] + 1, i[1])) / 2.])
i0 = elementwise("i0", _scipy("i0"), D.upgrade_to_float, _grad(lambda x, gz: gz * i1(x)))
i1 = elementwise("i1", _scipy("i1"), D.upgrade_to_float, _grad(lambda x, gz: gz * (i0(x) + iv(2, x)) / 2.))
iv = elementwise("iv", _scipy("iv"), D.upgrade_to_float,
                 lambda i, o, gz: [_not_implemented("Iv")(i[:1], o, gz)[0],
                                   gz * (iv(i[0] - 1, i[1]) + iv(i[0] + 1, i[1])) / 2.])
