"""Theano's dtype vocabulary and rules (theano/scalar/basic.py), so every graph declares Theano's dtypes."""
import numpy as np

from ..config import config

int_dtypes = ("int8", "int16", "int32", "int64")
uint_dtypes = ("uint8", "uint16", "uint32", "uint64")
integer_dtypes = int_dtypes + uint_dtypes
discrete_dtypes = ("bool",) + integer_dtypes
float_dtypes = ("float16", "float32", "float64")
complex_dtypes = ("complex64", "complex128")
continuous_dtypes = float_dtypes + complex_dtypes
all_dtypes = discrete_dtypes + continuous_dtypes


def upcast(*dtypes):
    """Theano's scalar upcast: what numpy gives when adding zero-dim arrays of these dtypes."""
    return str(np.result_type(*[np.dtype(d) for d in dtypes]))


# --- output-type rules, named as in theano.scalar.basic; each maps input dtypes to the output dtype ---

def upcast_out(*dtypes):
    return upcast(*dtypes)


def upcast_out_nobool(*dtypes):
    out = upcast(*dtypes)
    if out == "bool":
        raise TypeError("bool output not supported")
    return out


def upcast_out_min8(*dtypes):
    out = upcast(*dtypes)
    return "int8" if out == "bool" else out


def upcast_out_no_complex(*dtypes):
    if any(d in complex_dtypes for d in dtypes):
        raise TypeError("complex type are not supported")
    return upcast(*dtypes)


# Theano: small ints go to float32 (exact there), 32/64-bit ints to float64.
_TO_FLOAT = {"bool": "float32", "int8": "float32", "int16": "float32", "int32": "float64", "int64": "float64",
             "uint8": "float32", "uint16": "float32", "uint32": "float64", "uint64": "float64"}


def upgrade_to_float(*dtypes):
    return upcast(*[_TO_FLOAT.get(d, d) for d in dtypes])


def upgrade_to_float_no_complex(*dtypes):
    if any(d in complex_dtypes for d in dtypes):
        raise TypeError("complex argument not supported")
    return upgrade_to_float(*dtypes)


def upgrade_to_float64(*dtypes):
    return "float64"


def same_out(dtype):
    return dtype


def same_out_nobool(dtype):
    if dtype == "bool":
        raise TypeError("bool input not supported")
    return dtype


def same_out_min8(dtype):
    return "int8" if dtype == "bool" else dtype


def same_out_nocomplex(dtype):
    if dtype in complex_dtypes:
        raise TypeError("complex argument not supported")
    return dtype


def same_out_float_only(dtype):
    if dtype not in float_dtypes:
        raise TypeError("only float type are supported")
    return dtype


def bool_out(*dtypes):
    return "bool"


def int_out(*dtypes):
    return "int64"


def float_out(*dtypes):
    return "float64"


def real_out(dtype):
    return {"complex64": "float32", "complex128": "float64"}.get(dtype, dtype)


def true_div_out(*dtypes):
    """Theano's TrueDiv: integers divided give floatX, not numpy's float64."""
    if all(d in discrete_dtypes for d in dtypes):
        return config.floatX
    return upcast(*dtypes)


# --- Python-constant autocast (theano.scalar.basic.NumpyAutocaster, cast_policy='custom') ---

def _autocast(x, candidates):
    """The first candidate dtype that holds x exactly (else the last), as Theano's NumpyAutocaster.

    Compared in Python numbers: numpy 2 would compare a float32 with a Python float *as float32* (NEP 50),
    while Theano ran on numpy 1, where 0.1 does not equal float32(0.1).
    """
    for dtype in candidates:
        try:
            value = np.asarray(x, dtype=dtype)
        except OverflowError:
            continue
        if value.item() == x:
            return value
    if isinstance(x, int):
        raise OverflowError(f"{x} does not fit in {candidates[-1]}")
    return value


def autocast_int(x):
    try:
        return _autocast(x, int_dtypes)
    except OverflowError:
        return np.asarray(x, dtype="uint64")


# Set by theano.scalar.autocast_float_as: the candidate dtypes of Python floats within its block.
FLOAT_AUTOCAST = None


def autocast_float(x):
    if FLOAT_AUTOCAST is not None and isinstance(x, float):
        return _autocast(x, FLOAT_AUTOCAST)
    if isinstance(x, np.floating):  # numpy scalars are typed on purpose: Theano passes them through
        return np.asarray(x)
    # Theano: with floatX float32 (or float16) every Python float becomes floatX, even an inexact one.
    if config.floatX != "float64":
        return np.asarray(x, dtype=config.floatX)
    return _autocast(x, ("float32", "float64"))


def constant_value(x, dtype=None):
    """The numpy value a Python object becomes as a Theano constant (theano.scalar.basic.convert)."""
    if dtype is not None:
        return np.asarray(x, dtype=dtype)
    if isinstance(x, int):  # Theano: True and False are ints here, so they become int8
        return autocast_int(x)
    if isinstance(x, float):
        return autocast_float(x)
    if isinstance(x, np.ndarray):
        return x
    value = np.asarray(x)
    if value.size == 0 and not hasattr(x, "dtype"):
        value = np.asarray(x, dtype=config.floatX)
    return value
