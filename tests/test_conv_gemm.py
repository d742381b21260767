"""The CPU convolution lowering (ops/conv_gemm.py) computes XLA's convolution and its gradients (to float64
rounding), and only a CPU step uses it (tests/test_conv.py checks the values against Theano's)."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax import lax

from theano_compat.compile.target import lowering_for
from theano_compat.ops import conv, conv_gemm


def _xla(img, kern):
    return lax.conv_general_dilated(img, kern, (1, 1), "VALID", dimension_numbers=("NCHW", "OIHW", "NCHW"),
                                    precision=lax.Precision.HIGHEST)


@pytest.mark.parametrize("shape", [(7, 3, 9, 8, 4, 3, 2), (12, 20, 6, 7, 6, 2, 3)])  # 7: one loop step per image
def test_values_and_gradients_are_xlas(shape):
    b, c, h, w, o, kh, kw = shape
    rng = np.random.RandomState(0)
    img, kern = rng.randn(b, c, h, w), rng.randn(o, c, kh, kw)
    g = rng.randn(b, o, h - kh + 1, w - kw + 1)
    for fn in (_xla, lambda i, k: conv_gemm.correlate(i, k, lax.Precision.HIGHEST)):
        out, vjp = jax.vjp(fn, img, kern)
        got = (out,) + vjp(g)
        if fn is _xla:
            want = got
    for a, b_ in zip(got, want):
        np.testing.assert_allclose(a, b_, rtol=1e-12, atol=1e-12)


def test_only_a_cpu_step_lowers_convolutions_to_gemms():
    img, kern = jnp.ones((2, 8, 8, 8)), jnp.ones((3, 8, 3, 3))  # 72 values per patch: the GEMM forward
    for platform, gemm in (("cpu", True), ("gpu", False), ("tpu", False)):
        with lowering_for(lax.Precision.HIGHEST, platform):
            text = jax.jit(lambda i, k: conv.conv_lower(i, k)).lower(img, kern).as_text()
        assert ("convolution" not in text) == gemm, platform
