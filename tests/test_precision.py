"""The matmul_precision flag (config.py, compile/target.py): which precision reaches the lowered products
and convolutions. Faithful float32 (HIGHEST) by default; TF32 / bfloat16 passes on opt-in; JAX's own
jax_default_matmul_precision when the user set it and not the flag. (On a CPU every setting computes the
same float32 numbers; what is checked here is what XLA is asked for.)"""
import re

import jax
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.config import config
from theano_compat.tensor.nnet import conv2d


@pytest.fixture
def flag():
    """Set matmul_precision for one test, as THEANO_FLAGS would, and put it back afterwards."""
    saved, explicit = config._values["matmul_precision"], set(config._explicit)

    def set_flag(value):
        config.matmul_precision = value
    yield set_flag
    config._values["matmul_precision"] = saved
    config._explicit.clear()
    config._explicit.update(explicit)


def _precisions(f, *inputs):
    shared = [s.get_value() for s in f._shared]  # the step's arguments after the inputs
    text = f._compiled[()].host.lower(*inputs, *shared).as_text()
    lines = [line for line in text.splitlines() if "dot_general" in line or "convolution" in line]
    # dot_general prints "precision = [HIGHEST, HIGHEST]", convolution "#stablehlo<precision HIGHEST>"
    return [re.search(r"precision(?: = \[|\s)(\w+)", line).group(1) for line in lines]


def _mlp_and_conv():
    rng = np.random.RandomState(0)
    w = theano.shared(rng.rand(4, 3).astype("float32"), name="w")
    k = theano.shared(rng.rand(2, 1, 3, 3).astype("float32"), name="k")
    x, img = T.fmatrix("x"), T.ftensor4("img")
    cost = T.dot(x, w).sum() + conv2d(img, k).sum()
    lr = np.float32(0.1)
    f = theano.function([x, img], cost, updates=[(w, w - lr * T.grad(cost, w)), (k, k - lr * T.grad(cost, k))])
    args = (rng.rand(2, 4).astype("float32"), rng.rand(2, 1, 5, 5).astype("float32"))
    f(*args)
    return f, args


def test_float32_products_and_convolutions_are_exact_by_default():
    assert config.matmul_precision == "float32"
    f, args = _mlp_and_conv()
    found = _precisions(f, *args)
    assert len(found) >= 4 and set(found) == {"HIGHEST"}  # forward and gradient (jax.vjp) products


@pytest.mark.parametrize("value, lowered", [("tensorfloat32", "HIGH"), ("tf32", "HIGH"), ("bfloat16", "DEFAULT"),
                                            ("float32", "HIGHEST")])
def test_the_flag_chooses_faster_passes(flag, value, lowered):
    flag(value)
    f, args = _mlp_and_conv()
    assert set(_precisions(f, *args)) == {lowered}


def test_the_flag_is_read_when_the_function_is_built(flag):
    x = T.fmatrix("x")
    f = theano.function([x], T.dot(x, x.T))
    flag("bfloat16")  # too late for f, as Theano's flags are read when compiling
    xv = np.ones((2, 2), "float32")
    f(xv)
    assert _precisions(f, xv) == ["HIGHEST"]


def test_jax_default_matmul_precision_is_honoured_unless_the_flag_is_set(flag):
    x = T.fmatrix("x")
    xv = np.ones((2, 2), "float32")
    with jax.default_matmul_precision("bfloat16"):
        f = theano.function([x], T.dot(x, x.T))
        f(xv)
        assert _precisions(f, xv) == ["DEFAULT"]
        flag("float32")
        g = theano.function([x], T.dot(x, x.T))
        g(xv)
        assert _precisions(g, xv) == ["HIGHEST"]


def test_an_unknown_value_is_refused(flag):
    with pytest.raises(ValueError, match="matmul_precision"):
        flag("tf64")
