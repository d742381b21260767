"""mean, var, std and ptp, built from sums, shapes and divisions exactly as theano.tensor.basic builds them,
so their dtypes, names and gradients are Theano's."""
import numpy as np

from ..graph import dtypes as D
from ..graph.constants import as_tensor_variable, constant


def _axis_list(x, axis):
    """Theano's un-normalised axis list (negative and repeated entries kept, as its loops see them)."""
    if axis is None:
        return list(range(x.ndim))
    if isinstance(axis, (int, np.integer)):
        return [axis]
    if isinstance(axis, np.ndarray) and axis.ndim == 0:
        return [int(axis)]
    return [int(a) for a in axis]


def mean(input, axis=None, dtype=None, op=False, keepdims=False, acc_dtype=None):
    """theano.tensor.mean: a sum, then a true division by each reduced dimension's length."""
    from .basic import cast
    from .math import true_div
    from .reductions import sum
    from .shape import shape
    x = as_tensor_variable(input)
    if op:
        raise TypeError("theano_compat does not support mean(op=True) yet: use op=False")
    sum_dtype = dtype if dtype is not None else ("float32" if x.dtype == "float16" else None)
    s = sum(x, axis=axis, dtype=sum_dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    shp = cast(shape(x), "float32" if s.dtype in ("float16", "float32", "complex64") else "float64")
    for i in _axis_list(x, axis):
        s = true_div(s, shp[i])
    if s.dtype != shp.dtype and s.dtype in D.discrete_dtypes:
        s = cast(s, shp.dtype)
    if dtype == "float16" or (dtype is None and x.dtype == "float16"):
        s = cast(s, "float16")
    s.name = "mean"
    return s


def var(input, axis=None, ddof=0, keepdims=False, corrected=False):
    """theano.tensor.var: the mean squared deviation (ddof and the corrected two-pass form as in Theano)."""
    from .math import sub, pow, true_div, mul
    from .reductions import sum
    from .shape import shape
    if isinstance(ddof, bool):
        raise ValueError("Parameter keepdims is now at index 3: (input, axis=None, ddof=0, keepdims=False, "
                         "corrected=False)")
    x = as_tensor_variable(input)
    axis = _axis_list(x, axis)
    centered = sub(x, mean(x, axis, keepdims=True))
    two = constant(2, dtype=centered.dtype)
    if ddof == 0:
        v = mean(pow(centered, two), axis, keepdims=keepdims)
    else:
        shp = sub(shape(x), ddof)
        v = sum(pow(centered, two), axis=axis, keepdims=keepdims)
        for i in axis:
            v = true_div(v, shp[i])
    if corrected:
        if ddof == 0:
            error = pow(mean(centered, axis, keepdims=keepdims), 2)
        else:
            shp, shp_inp = sub(shape(x), ddof), shape(x)
            error = pow(sum(centered, axis=axis, keepdims=keepdims), 2)
            for i in axis:
                error = true_div(error, mul(shp[i], shp_inp[i]))
        v = sub(v, error)
    v.name = "var"
    return v


def std(input, axis=None, ddof=0, keepdims=False, corrected=False):
    """theano.tensor.std: sqrt(var(...))."""
    from .math import sqrt
    if isinstance(ddof, bool):
        raise ValueError("Parameter keepdims is now at index 3: (input, axis=None, ddof=0, keepdims=False, "
                         "corrected=False)")
    ret = sqrt(var(input, axis=axis, ddof=ddof, keepdims=keepdims, corrected=corrected))
    ret.name = "std"
    return ret


def ptp(a, axis=None):
    """Range of values (maximum - minimum) along an axis."""
    from .math import sub
    from .reductions import max, min
    a = as_tensor_variable(a)
    return sub(max(a, axis), min(a, axis))
