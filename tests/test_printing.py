"""str()/repr() of types, variables, constants and shared variables, theano.printing.pp and
theano.printing.debugprint, replayed against theano_compat.

Cases: tests/golden/probes/probe_function.py (group 'printing'); Theano 1.0.5's answers:
tests/golden/function.json.  Regenerate:

    bash /work/shared/theano-oracle/run.sh tests/golden/probes/probe_function.py
"""
import contextlib
import importlib.util
import json
import os
import sys

import pytest

import theano_compat as theano
import theano_compat.tensor as T

HERE = os.path.dirname(os.path.abspath(__file__))
GROUP = 'printing'


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
def test_printing_case(fx, name):
    run_and_compare(fx, name)


def test_str_of_types_and_variables():
    assert str(T.dmatrix().type) == 'TensorType(float64, matrix)'
    assert str(T.frow().type) == 'TensorType(float32, row)'
    assert str(T.dscalar('x')) == 'x'
    assert str(T.dvector()) == '<TensorType(float64, vector)>'
    assert str(theano.shared(0.0)) == '<TensorType(float64, scalar)>'


def test_pp():
    x = T.dscalar('x')
    y = T.dscalar('y')
    assert theano.printing.pp(x * y ** 2) == '(x * (y ** TensorConstant{2}))'
