"""Run a recording probe (tests/golden/probes/*.py) with `theano` resolved to theano_compat: the same code
that recorded Theano's answers gives the shim's, for the tests to compare."""
import importlib.util
import pathlib

import theano_compat

PROBES = pathlib.Path(__file__).parent / "probes"


def run_probe(name):
    """The record() of tests/golden/probes/<name>.py, computed by theano_compat."""
    theano_compat.install()
    spec = importlib.util.spec_from_file_location(name, PROBES / f"{name}.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    return probe.record()


def load_golden(name):
    """Theano's recorded answers, tests/golden/<name>.json."""
    import json
    return json.loads((PROBES.parent / f"{name}.json").read_text())
