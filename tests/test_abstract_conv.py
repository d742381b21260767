"""theano.tensor.nnet.abstract_conv's helpers against Theano 1.0.5 (tests/golden/abstract_conv.json): the probe
that recorded Theano's answers (tests/golden/probes/probe_abstract_conv.py) runs here with `theano` being
theano_compat, and each answer must match: shapes, values, dtypes, error classes and messages."""
import json
import pathlib
import sys

import numpy as np
import pytest

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "golden"))
from shim_probe import run_probe  # noqa: E402

GOLDEN = json.loads((HERE / "golden" / "abstract_conv.json").read_text())


@pytest.fixture(scope="module")
def ours():
    return run_probe("probe_abstract_conv")


def same(got, expected):
    got = json.loads(json.dumps(got))  # tuples as the record has them (lists)
    assert got.keys() == expected.keys(), (got, expected)
    if "error" in expected:
        assert got == expected
    elif "dtype" in expected:
        assert got["dtype"] == expected["dtype"] and got["shape"] == expected["shape"]
        np.testing.assert_allclose(got["value"], expected["value"], rtol=1e-10, atol=1e-12)
    else:
        assert got["value"] == expected["value"]


@pytest.mark.parametrize("section,name", [(s, n) for s in ("shapes", "graphs") for n in GOLDEN[s]])
def test_matches_theano(ours, section, name):
    same(ours[section][name], GOLDEN[section][name])
