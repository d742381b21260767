"""theano.function / In / updates / givens / input checking / error classes, replayed against theano_compat.

Each case is defined once in tests/golden/probes/probe_function.py as a function of the
(theano, theano.tensor) modules; Theano 1.0.5's answers are in tests/golden/function.json
(values, dtypes, python types, exception classes, shared values after each step).  Regenerate:

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_function.py

A failing test lists, per step, what theano_compat did and what Theano did; exceptions are
compared by class name, by the builtin classes they derive from (e.g. TypeError) and, for Theano's
own classes, by their module path (theano.gof.fg.MissingInputError must be importable as
theano_compat.gof.fg.MissingInputError).  Messages are not compared.
"""
import importlib

import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import FUNCTION_GOLD as GOLD, KEYS, PF, case_params, run_and_compare


@pytest.mark.parametrize('fx,name', case_params('function'))
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
