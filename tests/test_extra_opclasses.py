"""Theano's op classes of extra_ops, nlinalg, slinalg, sort, fft, sandbox.linalg and sandbox.multinomial against
Theano 1.0.5 (tests/golden/extra_opclasses.json, recorded by tests/golden/probes/probe_extra_opclasses.py, which
runs here with `theano` being theano_compat): for each expression, the class of the op making the output, its
str, props and isinstance answers, and the values; for ops built from their constructors, the same."""
import json
import pathlib
import sys

import numpy as np
import pytest

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "golden"))
from shim_probe import run_probe  # noqa: E402

GOLDEN = json.loads((HERE / "golden" / "extra_opclasses.json").read_text())
CASES = [(s, n) for s in ("graphs", "mrg", "classes", "load") for n in GOLDEN[s]]
# Classes that resolve but are not supported here: constructing them raises, naming them (Theano builds them)
UNSUPPORTED = {("classes", "Fourier")}


@pytest.fixture(scope="module")
def ours():
    return json.loads(json.dumps(run_probe("probe_extra_opclasses"), default=str))


@pytest.mark.parametrize("section,name", CASES)
def test_matches_theano(ours, section, name):
    got, expected = ours[section][name], GOLDEN[section][name]
    if (section, name) in UNSUPPORTED:
        assert got["error"] == "UnsupportedError" and name in got["message"], got
        return
    assert {k: v for k, v in got.items() if k != "outputs"} == {k: v for k, v in expected.items() if k != "outputs"}
    for g, e in zip(got.get("outputs", []), expected.get("outputs", [])):
        assert (g["dtype"], g["shape"]) == (e["dtype"], e["shape"])
        np.testing.assert_allclose(g["value"], e["value"], rtol=1e-7, atol=1e-9)
    assert len(got.get("outputs", [])) == len(expected.get("outputs", []))
