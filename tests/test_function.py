"""theano.function / In / updates / givens / input checking / error classes, replayed against theano_compat.

Each case is defined once in tests/golden/probes/probe_function.py as a function of the
(theano, theano.tensor) modules; Theano 1.0.5's answers are in tests/golden/function.json
(values, dtypes, python types, exception classes, shared values after each step).  Regenerate:

    bash /work/shared/theano-oracle/run.sh tests/golden/probes/probe_function.py

A failing test lists, per step, what theano_compat did and what Theano did; exceptions are
compared by class name, by the builtin classes they derive from (e.g. TypeError) and, for Theano's
own classes, by their module path (theano.gof.fg.MissingInputError must be importable as
theano_compat.gof.fg.MissingInputError).  Messages are not compared.
"""
import contextlib
import importlib
import importlib.util
import json
import os
import sys

import pytest

import theano_compat as theano
import theano_compat.tensor as T

HERE = os.path.dirname(os.path.abspath(__file__))
GROUP = 'function'


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


def test_golden_covers_every_case():
    assert set(GOLD['cases']) == set(PF.CASES)
    assert set(GOLD['cases_floatX_float32']) == set(PF.FLOAT32_CASES)
    assert GOLD['theano_version'] == '1.0.5'


@pytest.mark.parametrize('fx,name', _params(GROUP))
def test_function_case(fx, name):
    run_and_compare(fx, name)


# ---------------------------------------------------------------- error classes and where they live

def _recorded_exception(cls_name):
    for key in KEYS.values():
        for c in GOLD[key].values():
            for _, step in c['steps']:
                if 'raise' in step and step['raise']['error'] == cls_name:
                    return step['raise']
    raise AssertionError('no recorded %s' % cls_name)


@pytest.mark.parametrize('path', [
    'theano.compile.function_module.UnusedInputError',
    'theano.gof.fg.MissingInputError',
])
def test_error_class_importable_from_theano_path(path):
    mod, _, cls_name = path.rpartition('.')
    cls = getattr(importlib.import_module('theano_compat' + mod[len('theano'):]), cls_name)
    assert cls.__name__ == cls_name
    rec = _recorded_exception(cls_name)
    assert rec['module'] == mod
    # same builtin bases as Theano's class (both derive from Exception directly, not TypeError/ValueError)
    want = {p.rpartition('.')[2] for p in rec['mro'] if p.startswith('builtins.')} | {'Exception', 'BaseException',
                                                                                        'object'}
    got = {c.__name__ for c in cls.__mro__ if c.__module__ == 'builtins'}
    assert got == want


def test_unused_input_error_raised():
    x = T.dscalar('x')
    y = T.dscalar('y')
    from theano_compat.compile.function_module import UnusedInputError
    with pytest.raises(UnusedInputError):
        theano.function([x, y], x * 2)
    assert not issubclass(UnusedInputError, (TypeError, ValueError))


def test_missing_input_error_raised():
    x = T.dscalar('x')
    y = T.dscalar('y')
    from theano_compat.gof.fg import MissingInputError
    with pytest.raises(MissingInputError):
        theano.function([x], x + y)
    assert not issubclass(MissingInputError, (TypeError, ValueError))
