"""Acceptance: the legacy LeNet script examples/lenet.py (conv 5x5 -> max-pool -> tanh -> conv -> pool ->
hidden -> softmax, SGD through `updates=` and `givens`, float64) run unchanged through `theano-compat run`
reproduces Theano 1.0.5's costs step by step, validation errors and final weights (rtol 1e-10).

Golden data from the same file run under real Theano: tests/golden/lenet.json (probe_lenet.py, parsed) and
tests/golden/lenet.theano.out (its stdout).
"""
import json
import pathlib
import re
import subprocess
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"-?\d+\.\d+(?:e[-+]?\d+)?")  # the probe's pattern


def parse(text):
    return [(NUMBER.sub("{}", line), [float(n) for n in NUMBER.findall(line)]) for line in text.splitlines()]


@pytest.fixture(scope="module")
def ours():
    proc = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(ROOT / "examples/lenet.py")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return parse(proc.stdout)


def compare(got, want):
    assert [t for t, _ in got] == [t for t, _ in want]
    for (text, g), (_, w) in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-10, atol=0, err_msg=text)


def test_lenet_reproduces_theanos_costs_step_by_step(ours):
    golden = json.loads((ROOT / "tests/golden/lenet.json").read_text())
    assert golden["floatX"] == "float64"
    want = [(r["text"], r["numbers"]) for r in golden["lines"]]
    assert sum("cost" in t for t, _ in want) == 24  # 4 epochs of 6 minibatches
    compare(ours, want)


def test_lenet_output_matches_theanos_stdout(ours):
    compare(ours, parse((ROOT / "tests/golden/lenet.theano.out").read_text()))
    costs = [n[0] for t, n in ours if "cost" in t]
    assert costs[-1] < costs[0] / 5  # it learns
