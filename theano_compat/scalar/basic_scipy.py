"""theano.scalar.basic_scipy: the special functions (erf, gamma, psi, Bessel, incomplete gamma, ...) as scalar
ops, each linked to the elementwise op of the same name (scalar/basic.py explains the link)."""
from ..gradient import grad_not_implemented  # noqa: F401  (Theano's module imports these)
from .basic import complex_types, discrete_types, exp, float_types, upcast  # noqa: F401
from .ops import BinaryScalarOp, UnaryScalarOp, linked_op
from .rules import upgrade_to_float, upgrade_to_float64, upgrade_to_float_no_complex

imported_scipy_special = True


def _define(cls_name, name, base, otp):
    return linked_op(cls_name, name, base, "theano.scalar.basic_scipy", otp, name)


U, B = UnaryScalarOp, BinaryScalarOp
Erf, erf = _define("Erf", "erf", U, upgrade_to_float)
Erfc, erfc = _define("Erfc", "erfc", U, upgrade_to_float_no_complex)
Erfcx, erfcx = _define("Erfcx", "erfcx", U, upgrade_to_float_no_complex)
Erfinv, erfinv = _define("Erfinv", "erfinv", U, upgrade_to_float_no_complex)
Erfcinv, erfcinv = _define("Erfcinv", "erfcinv", U, upgrade_to_float_no_complex)
Gamma, gamma = _define("Gamma", "gamma", U, upgrade_to_float)
GammaLn, gammaln = _define("GammaLn", "gammaln", U, upgrade_to_float)
Psi, psi = _define("Psi", "psi", U, upgrade_to_float)
TriGamma, tri_gamma = _define("TriGamma", "tri_gamma", U, upgrade_to_float)
Chi2SF, chi2sf = _define("Chi2SF", "chi2sf", B, upgrade_to_float64)
GammaInc, gammainc = _define("GammaInc", "gammainc", B, upgrade_to_float)
GammaIncC, gammaincc = _define("GammaIncC", "gammaincc", B, upgrade_to_float)
GammaU, gammau = _define("GammaU", "gammau", B, upgrade_to_float)
GammaL, gammal = _define("GammaL", "gammal", B, upgrade_to_float)
Jv, jv = _define("Jv", "jv", B, upgrade_to_float)
J1, j1 = _define("J1", "j1", U, upgrade_to_float)
J0, j0 = _define("J0", "j0", U, upgrade_to_float)
Iv, iv = _define("Iv", "iv", B, upgrade_to_float)
I1, i1 = _define("I1", "i1", U, upgrade_to_float)
I0, i0 = _define("I0", "i0", U, upgrade_to_float)
del U, B
