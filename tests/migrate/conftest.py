"""Fixtures for the migration tool's tests: a stub of the shim's support table.

The tool reads what theano_compat supports from theano_compat.legacy; these
tests pin a small table of their own so they neither depend on the core's
progress nor import jax.
"""
import importlib.util
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if importlib.util.find_spec("theano_compat") is None:  # not installed: use the checkout (-j workers inherit it)
    sys.path.insert(0, ROOT)

from theano_compat.migrate import support  # noqa: E402

STUB = {
    "theano": ["function", "shared", "config", "grad", "scan", "In", "Out", "ifelse", "printing"],
    "theano.tensor": ["dmatrix", "matrix", "vector", "dot", "sum", "mean", "tanh", "exp", "log", "nnet", "signal"],
    "theano.tensor.nnet": ["conv2d", "sigmoid", "relu", "softmax", "conv"],
    "theano.tensor.nnet.conv": ["conv2d"],
    "theano.tensor.signal": ["pool", "downsample"],
    "theano.tensor.signal.pool": ["pool_2d"],
    "theano.tensor.signal.downsample": ["max_pool_2d"],
    "theano.sandbox": ["rng_mrg"],
    "theano.sandbox.rng_mrg": ["MRG_RandomStreams"],
    "theano.tensor.shared_randomstreams": ["RandomStreams"],
    "theano.ifelse": ["ifelse"],
    "theano.printing": ["pprint", "debugprint"],
}


# Names that resolve but raise when used (in the shim: objects carrying support.UNSUPPORTED_MARK)
STUB_RAISES = {"theano.tensor.nnet.ConvOp": "the legacy ConvOp class; use theano.tensor.nnet.conv2d"}


def stub_table():
    table = {module: frozenset(names) for module, names in STUB.items()}
    table["theano.tensor.nnet"] |= {"ConvOp"}
    return table, dict(support.DIFFERENCES), [], dict(STUB_RAISES)


@pytest.fixture
def stub_shim(monkeypatch):
    """Make the tool see STUB as theano_compat's support table."""
    monkeypatch.setattr(support, "shim_table", stub_table)
    return STUB


@pytest.fixture
def stub_support(stub_shim):
    loaded, warning = support.load_support()
    assert not warning
    return loaded
