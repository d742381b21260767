"""theano.shared semantics (dtype inference, get_value/set_value copying, filtering of set_value by
dtype / ndim / broadcastable, strict, allow_downcast, failed set_value leaves the value), replayed
against theano_compat.

Cases: tests/golden/probes/probe_function.py (group 'shared'); Theano 1.0.5's answers:
tests/golden/function.json.  Regenerate:

    bash /work/shared/theano-oracle/run.sh tests/golden/probes/probe_function.py

Steps labelled "info:" (memory aliasing with borrow=True) are recorded but not enforced.
"""
import contextlib
import importlib.util
import json
import os
import sys

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T

HERE = os.path.dirname(os.path.abspath(__file__))
GROUP = 'shared'


def _load_probe(name):
    modname = '_golden_' + name
    if modname not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            modname, os.path.join(HERE, 'golden', 'probes', name + '.py'))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[modname] = mod
        spec.loader.exec_module(mod)
    return sys.modules[modname]


PF = _load_probe('probe_function')

with open(os.path.join(HERE, 'golden', 'function.json')) as _f:
    GOLD = json.load(_f)

KEYS = {'float64': 'cases', 'float32': 'cases_floatX_float32'}


@contextlib.contextmanager
def floatX(value):
    old = theano.config.floatX
    theano.config.floatX = value
    try:
        yield
    finally:
        theano.config.floatX = old


def _params(group):
    return [pytest.param(fx, name, id='%s-floatX=%s' % (name, fx))
            for fx, key in KEYS.items() for name, c in GOLD[key].items() if c['group'] == group]


def run_and_compare(fx, name):
    with floatX(fx):
        got = PF.run_case(name, theano, T)
    problems = PF.compare_steps(GOLD[KEYS[fx]][name]['steps'], got)
    assert not problems, 'case %s (floatX=%s): %d mismatches\n' % (name, fx, len(problems)) + '\n'.join(problems)


@pytest.mark.parametrize('fx,name', _params(GROUP))
def test_shared_case(fx, name):
    run_and_compare(fx, name)


def test_get_value_is_a_copy():
    w = theano.shared(np.array([1., 2.]))
    v = w.get_value()
    v[0] = 99.
    assert w.get_value()[0] == 1.
    assert type(w.get_value()) is np.ndarray


def test_set_value_float64_into_float32_shared_raises_and_keeps_value():
    w = theano.shared(np.array([1., 2.], 'float32'))
    with pytest.raises(TypeError):
        w.set_value(np.array([5., 6.]))
    assert w.get_value().dtype == np.float32
    assert w.get_value().tolist() == [1., 2.]
