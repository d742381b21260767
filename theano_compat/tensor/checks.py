"""Theano's numeric comparisons of values (tensor.basic._allclose, check_equal_numpy, TensorType's
values_eq_approx) and its per-dtype tolerances; its tests and verify_grad compare results with them."""
import numpy as np

from ..graph.dtypes import continuous_dtypes

float16_atol, float16_rtol = 1e-3, 1e-3
float32_atol, float32_rtol = 1e-5, 1e-5
float64_atol, float64_rtol = 1e-8, 1e-5


def _get_atol_rtol(a, b):
    """The tolerances for comparing a and b: the narrowest of their dtypes decides."""
    dtypes = (str(a.dtype), str(b.dtype))
    if "float16" in dtypes:
        return float16_atol, float16_rtol
    if "float32" in dtypes or "complex64" in dtypes:
        return float32_atol, float32_rtol
    return float64_atol, float64_rtol


def _allclose(a, b, rtol=None, atol=None):
    """numpy.allclose with Theano's per-dtype tolerances."""
    a, b = np.asarray(a), np.asarray(b)
    atol_, rtol_ = _get_atol_rtol(a, b)
    return np.allclose(a, b, atol=atol_ if atol is None else atol, rtol=rtol_ if rtol is None else rtol)


def check_equal_numpy(x, y):
    """Whether two values are equal: arrays by shape and _allclose, random generators by state, else ==."""
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):
        return x.dtype == y.dtype and x.shape == y.shape and bool(np.all(abs(x - y) < 1e-10))
    if isinstance(x, np.random.RandomState) and isinstance(y, np.random.RandomState):
        return all(np.all(a == b) for a, b in zip(x.__getstate__(), y.__getstate__()))
    return x == y


def values_eq_approx(a, b, allow_remove_inf=False, allow_remove_nan=False, rtol=None, atol=None):
    """Theano's TensorType.values_eq_approx: same shape and dtype, close values; NaNs (and Infs, if
    allowed) must sit at the same places, unless removing them is allowed."""
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
        return False
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if str(a.dtype) not in continuous_dtypes:
        return bool(np.all(a == b))
    if _allclose(a, b, rtol=rtol, atol=atol):
        return True
    a_missing, a_inf = np.isnan(a), np.isinf(a)
    if not (a_missing.any() or (allow_remove_inf and a_inf.any())):
        return False  # no missing values in a: not why allclose said no
    # What numpy.allclose decides on, by its documentation (Theano's fixed tolerances here).
    cmp_elemwise = np.absolute(a - b) <= (1e-8 + 1.0000000000000001e-05 * np.absolute(b))
    both_missing = a_missing * np.isnan(b)
    both_inf = a_inf * np.isinf(b)
    cmp_elemwise = np.where(both_inf & cmp_elemwise, a == b, cmp_elemwise)  # inf against -inf
    both_inf = np.where(both_inf, a == b, both_inf)
    if allow_remove_inf:
        both_inf += a_inf
    if allow_remove_nan:
        both_missing += a_missing
    return bool((cmp_elemwise + both_missing + both_inf).all())


def values_eq_approx_remove_inf(a, b):
    return values_eq_approx(a, b, True)


def values_eq_approx_remove_nan(a, b):
    return values_eq_approx(a, b, False, True)


def values_eq_approx_remove_inf_nan(a, b):
    return values_eq_approx(a, b, True, True)


def values_eq_approx_always_true(a, b):
    return True
