"""What Theano brought along: the `legacy` extra installs Theano 1.0.5's run-time requirements (recorded by
tests/golden/probes/probe_requires.py), and the README's first command for legacy code uses it."""
import json
import os
import re

import pytest

tomllib = pytest.importorskip("tomllib")  # Python >= 3.11

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        return tomllib.load(fh)["project"]


def _names(requirements):
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def test_legacy_extra_brings_what_theano_required():
    with open(os.path.join(ROOT, "tests", "golden", "theano_requires.json")) as fh:
        theano = _names(json.load(fh)["run_time"])
    project = _project()
    base, legacy = _names(project["dependencies"]), _names(project["optional-dependencies"]["legacy"])
    assert theano == {"numpy", "scipy", "six"}
    assert theano - base == legacy, "legacy extra %s, Theano's run-time requirements not in the base: %s" % (
        sorted(legacy), sorted(theano - base))


def test_readme_opens_with_install_and_run_then_tests():
    with open(os.path.join(ROOT, "README.md")) as fh:
        commands = [line.strip() for line in fh.read().splitlines()[1:5] if line.strip()]
    assert commands[0] == "pip install -e '.[legacy]' && theano-compat run examples/logistic_sgd.py"
    assert commands[1].startswith("pip install -e '.[test]'") and commands[1].endswith("python -m pytest -q")
