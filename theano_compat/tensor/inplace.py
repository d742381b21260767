"""theano.tensor.inplace: the in-place versions of the elementwise ops. They compute the same values as
the pure ops (XLA decides which buffers to reuse), so each is the pure op under its in-place name."""
from .. import tensor as _T
from ..printing import pprint  # noqa: F401

_PURE = """abs_ add and_ arccos arccosh arcsin arcsinh arctan2 arctan arctanh ceil chi2sf conj cos cosh deg2rad
    eq erf erfc erfcx exp2 exp expm1 fill floor gamma gammaln ge gt i0 i1 int_div inv invert iv j0 j1 jv le
    log10 log1p log2 log lt maximum minimum mod mul neg neq or_ pow psi rad2deg round_half_away_from_zero
    round_half_to_even second sgn sin sinh sqr sqrt sub tan tanh transpose tri_gamma true_div trunc xor"""
for _name in _PURE.split():
    globals()[_name + "_inplace"] = getattr(_T, _name)
del _name
