"""theano.tensor.fft against Theano 1.0.5's answers (tests/golden/fft.json, made by
tests/golden/probes/probe_fft.py): rfft/irfft values, dtypes and gradients for each norm, and the errors."""
import json
import pathlib

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.tensor import fft

GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "fft.json").read_text())
TOL = {"float64": 1e-11, "float32": 2e-5}


def same(got, record):
    assert str(got.dtype) == record["dtype"] and list(got.shape) == record["shape"]
    np.testing.assert_allclose(got.ravel(), record["value"], rtol=TOL[record["dtype"]], atol=TOL[record["dtype"]])


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: f"{c['shape']}-{c['dtype']}-{c['norm']}")
def test_rfft_irfft_values_and_gradients(case):
    shape, dtype = tuple(case["shape"]), case["dtype"]
    x = T.TensorType(dtype, (False,) * len(shape))("x")
    y = T.TensorType(dtype, (False,) * (len(shape) + 1))("y")
    xv = np.cos(np.arange(np.prod(shape)) * 0.7).reshape(shape).astype(dtype)
    f = fft.rfft(x, norm=case["norm"])
    b = fft.irfft(y, norm=case["norm"], is_odd=case["is_odd"])
    fv = np.asarray(case["rfft"]["value"], dtype).reshape(case["rfft"]["shape"])
    w = np.sin(np.arange(fv.size)).reshape(fv.shape).astype(dtype)
    bshape = case["irfft"]["shape"]
    v = np.sin(np.arange(np.prod(bshape)) + 1.0).reshape(bshape).astype(dtype)
    run = theano.function([x, y], [f, T.grad((f * w).sum(), x), b, T.grad((b * v).sum(), y)])
    for got, key in zip(run(xv, fv), ("rfft", "rfft_grad", "irfft", "irfft_grad")):
        same(got, case[key])


@pytest.mark.parametrize("name,build", [
    ("rfft_1d", lambda: fft.rfft(T.vector())), ("irfft_2d", lambda: fft.irfft(T.matrix())),
    ("bad_norm", lambda: fft.rfft(T.matrix(), norm="x")), ("bad_odd", lambda: fft.irfft(T.tensor3(), is_odd=2))])
def test_errors(name, build):
    expected = GOLDEN["errors"][name]
    with pytest.raises({"TypeError": TypeError, "ValueError": ValueError}[expected["error"]]) as info:
        build()
    assert str(info.value).split("\n")[0] == expected["message"]
