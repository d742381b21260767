"""ops/exactfloat.py against the C library: fma rounds once like C's fma/fmaf, and logf/sinf/cosf are glibc's
(MRG_RandomStreams' float32 normal numbers depend on them). Exhaustive checks were run when they were written
(see the module doc); here a sample keeps them honest."""
import ctypes
import ctypes.util

import jax
import numpy as np
import pytest

from theano_compat.ops import exactfloat

LIBM = ctypes.CDLL(ctypes.util.find_library("m"))


def _libm(name, ctype, n_args):
    fn = getattr(LIBM, name)
    fn.argtypes, fn.restype = [ctype] * n_args, ctype
    return np.vectorize(fn, otypes=[np.float32 if ctype is ctypes.c_float else np.float64])


def _same(got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got.view(f"u{got.itemsize}"), want.view(f"u{want.itemsize}"))  # bits


@pytest.mark.parametrize("dtype, ctype, name", [(np.float32, ctypes.c_float, "fmaf"),
                                                (np.float64, ctypes.c_double, "fma")])
def test_fma_rounds_once(dtype, ctype, name):
    rng = np.random.RandomState(1)
    n = 3000
    scale = lambda: np.exp2(rng.randint(-40, 40, n)) * rng.randn(n)  # noqa: E731
    a, b = scale().astype(dtype), scale().astype(dtype)
    cs = [scale(), -(a * b), -(a * b) * (1 + np.finfo(dtype).eps), np.zeros(n), rng.rand(n) * np.finfo(dtype).tiny]
    a, b, c = (np.concatenate(v).astype(dtype) for v in ([a] * len(cs), [b] * len(cs), cs))
    _same(jax.jit(exactfloat.fma)(a, b, c), _libm(name, ctype, 3)(a, b, c))


@pytest.mark.parametrize("name", ["logf", "sinf", "cosf"])
def test_float32_functions_are_glibcs(name):
    rng = np.random.RandomState(2)
    if name == "logf":  # what MRG feeds it: uniforms in (0, 1)
        x = np.concatenate([rng.rand(20000), np.exp2(-rng.rand(2000) * 31)]).astype(np.float32)
    else:  # angles 2 * pi * u, some tiny
        x = np.concatenate([rng.rand(20000) * 2 * np.pi, rng.rand(2000) * 1e-3]).astype(np.float32)
    _same(jax.jit(getattr(exactfloat, name))(x), _libm(name, ctypes.c_float, 1)(x))


def test_sqrt32_is_correctly_rounded():
    x = np.random.RandomState(3).rand(20000).astype(np.float32) * 100
    _same(jax.jit(exactfloat.sqrt32)(x), np.sqrt(x))  # numpy's float32 sqrt is IEEE's
