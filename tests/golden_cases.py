"""Shared by the tests that replay the cases of tests/golden/probes/*.py against theano_compat: loading a
probe module (the same code ran under Theano to record the golden JSON), and switching floatX."""
import contextlib
import importlib.util
import json
import os
import sys

import pytest

import theano_compat as theano
import theano_compat.tensor as T

HERE = os.path.dirname(os.path.abspath(__file__))


def load_probe(name):
    """tests/golden/probes/<name>.py as a module (loaded once)."""
    modname = '_golden_' + name
    if modname not in sys.modules:
        spec = importlib.util.spec_from_file_location(modname, os.path.join(HERE, 'golden', 'probes', name + '.py'))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[modname] = mod
        spec.loader.exec_module(mod)
    return sys.modules[modname]


def load_golden(name):
    with open(os.path.join(HERE, 'golden', name)) as f:
        return json.load(f)


@contextlib.contextmanager
def floatX(value):
    old = theano.config.floatX
    theano.config.floatX = value
    try:
        yield
    finally:
        theano.config.floatX = old


# --- the cases of probe_function.py (groups function, shared, printing) ---

PF = load_probe('probe_function')
FUNCTION_GOLD = load_golden('function.json')
KEYS = {'float64': 'cases', 'float32': 'cases_floatX_float32'}


def case_params(group):
    return [pytest.param(fx, name, id='%s-floatX=%s' % (name, fx))
            for fx, key in KEYS.items() for name, c in FUNCTION_GOLD[key].items() if c['group'] == group]


def run_and_compare(fx, name):
    with floatX(fx):
        got = PF.run_case(name, theano, T)
    problems = PF.compare_steps(FUNCTION_GOLD[KEYS[fx]][name]['steps'], got)
    assert not problems, 'case %s (floatX=%s): %d mismatches\n' % (name, fx, len(problems)) + '\n'.join(problems)
