"""Smaller pieces of Theano's surface against Theano 1.0.5 (tests/golden/surface_values.json): the probe that
recorded Theano's answers (tests/golden/probes/probe_surface_values.py) runs here with `theano` being
theano_compat, and each answer must match (values, dtypes, orders, error classes and messages)."""
import json
import pathlib
import sys

import numpy as np
import pytest

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "golden"))
from shim_probe import run_probe  # noqa: E402

GOLDEN = json.loads((HERE / "golden" / "surface_values.json").read_text())
CASES = [(s, n) for s in GOLDEN if s != "theano_version" for n in GOLDEN[s]]


@pytest.fixture(scope="module")
def ours():
    return run_probe("probe_surface_values")


@pytest.mark.parametrize("section,name", CASES)
def test_matches_theano(ours, section, name):
    got, expected = json.loads(json.dumps(ours[section][name])), GOLDEN[section][name]
    if "dtype" in expected:
        assert (got.get("dtype"), got.get("shape")) == (expected["dtype"], expected["shape"]), got
        np.testing.assert_allclose(got["value"], expected["value"], rtol=1e-10, atol=1e-12)
    else:
        assert close(got, expected), (got, expected)


def close(a, b):
    """Equal, floats to 1e-12 relative (the inputs come from numpy.sin, whose last bit varies by version)."""
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return a == b
