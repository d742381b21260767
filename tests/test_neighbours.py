"""images2neibs / neibs2images against Theano 1.0.5's answers (tests/golden/neighbours.json, made by
tests/golden/probes/probe_neighbours.py): values, dtypes, gradients of sum(out * w), and the errors."""
import json
import pathlib

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.tensor.nnet.neighbours import images2neibs, neibs2images

GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "neighbours.json").read_text())
ERRORS = {"TypeError": TypeError, "ValueError": ValueError, "NullTypeGradError": theano.gradient.NullTypeGradError}


def value(shape, dtype):
    return (np.arange(np.prod(shape)).reshape(shape) / 7.0).astype(dtype)


def check(record, compute):
    if "error" in record:
        with pytest.raises(ERRORS[record["error"]], match=record["message"][:40].replace("(", r"\(")
                           .replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
            compute()
        return None
    got = compute()
    assert str(got.dtype) == record["dtype"] and list(got.shape) == record["shape"]
    np.testing.assert_allclose(got.ravel(), record["value"], rtol=1e-6 if record["dtype"] == "float32" else 1e-12)
    return got


@pytest.mark.parametrize("case", GOLDEN["images2neibs"], ids=lambda c: f"{c['mode']}-{c['shape']}-{c['neib_step']}")
def test_images2neibs(case):
    x = T.tensor4("x", dtype=case["dtype"])
    step = None if case["neib_step"] is None else tuple(case["neib_step"])
    out = images2neibs(x, tuple(case["neib_shape"]), step, case["mode"])
    xv = value(case["shape"], case["dtype"])
    got = check(case["out"], lambda: theano.function([x], out)(xv))
    if got is None:
        return
    w = np.sin(np.arange(got.size)).reshape(got.shape).astype(case["dtype"])
    check(case["grad"], lambda: theano.function([x], T.grad((out * w).sum(), x))(xv))


@pytest.mark.parametrize("case", GOLDEN["neibs2images"], ids=lambda c: c["mode"])
def test_neibs2images_inverts_and_differentiates(case):
    x, neib, shape = T.tensor4("x"), tuple(case["neib_shape"]), tuple(case["shape"])
    xv = value(shape, "float64")
    neibs = images2neibs(x, neib, mode=case["mode"])
    check(case["out"], lambda: theano.function([x], neibs2images(neibs, neib, x.shape, mode=case["mode"]))(xv))
    m = T.matrix("m")
    w = np.cos(np.arange(np.prod(shape))).reshape(shape)
    # Theano: the ignore_borders gradient fails on the broadcastable pattern of its zero padding; so here.
    check(case["grad"], lambda: theano.function(
        [m], T.grad((neibs2images(m, neib, shape, mode=case["mode"]) * w).sum(), m))(
            theano.function([x], neibs)(xv)))


def test_symbolic_neib_shape_is_read_before_the_step():
    x, shp = T.tensor4("x"), T.lvector("shp")
    f = theano.function([x, shp], images2neibs(x, shp))
    xv = value((1, 1, 4, 6), "float64")
    assert f(xv, np.array([2, 3])).shape == (4, 6)
    assert f(xv, np.array([2, 2])).shape == (6, 4)
