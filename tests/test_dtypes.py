"""Dtype rules of Theano 1.0.5, replayed against theano_compat (graph building only, nothing compiled).

Golden data: tests/golden/dtypes.json, made by tests/golden/probes/probe_dtypes.py (the same
expressions are evaluated here, taken from that module), recorded under floatX=float64 and
floatX=float32.  Regenerate with

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_dtypes.py
"""
import pytest

import theano_compat as theano
import theano_compat.tensor as T

from golden_cases import PF, floatX, load_golden, load_probe

P = load_probe('probe_dtypes')
GOLD = load_golden('dtypes.json')
FLOATX = ['float64', 'float32']


def _check(expected, fn, *args):
    """Mismatch messages between a golden entry and fn(*args) run on theano_compat."""
    try:
        got = fn(theano, T, *args)
    except Exception as e:
        if isinstance(expected, dict) and 'error' in expected:
            return PF.compare_exception(expected, e)
        return ['raised %s: %s, expected %r' % (type(e).__name__, str(e)[:200], expected)]
    if isinstance(expected, dict) and 'error' in expected:
        return ['returned %r, expected %s (%s)' % (got, expected['error'], expected['msg'][:120])]
    if got != expected:
        return ['%r, expected %r' % (got, expected)]
    return []


def _report(problems):
    assert not problems, '%d mismatches:\n' % len(problems) + '\n'.join(problems)


def test_golden_matches_probe_definitions():
    g = GOLD['float64']
    assert g['theano_version'] == '1.0.5'
    assert list(g['binary']) == list(P.BINARY)
    assert list(g['autocast']) == list(P.AUTOCAST_EXPRS)
    assert list(g['autocast']['constant']) == list(P.AUTOCAST_VALUES)
    assert list(g['unary']) == list(P.UNARY)
    assert list(g['shared']['default']) == list(P.SHARED_VALUES)


def test_floatx_default_is_float64():
    assert theano.config.floatX == 'float64'


# ---------------------------------------------------------------- (a) upcast of binary operators

@pytest.mark.parametrize('fx', FLOATX)
@pytest.mark.parametrize('op', list(P.BINARY))
@pytest.mark.parametrize('lhs', P.DTYPES)
def test_binary_upcast(fx, op, lhs):
    table = GOLD[fx]['binary'][op]
    problems = []
    with floatX(fx):
        for rhs in P.DTYPES:
            problems += ['%s %s %s: %s' % (lhs, op, rhs, m)
                         for m in _check(table['%s,%s' % (lhs, rhs)], P.binary_value, op, lhs, rhs)]
    _report(problems)


# ---------------------------------------------------------------- (b) constant autocast

@pytest.mark.parametrize('fx', FLOATX)
@pytest.mark.parametrize('expr', list(P.AUTOCAST_EXPRS))
def test_constant_autocast(fx, expr):
    table = GOLD[fx]['autocast'][expr]
    problems = []
    with floatX(fx):
        for label in P.AUTOCAST_VALUES:
            problems += ['%s with v=%s: %s' % (expr, label, m)
                         for m in _check(table[label], P.autocast_value, expr, label)]
    _report(problems)


# ---------------------------------------------------------------- (c) unary ops, reductions, casts

@pytest.mark.parametrize('fx', FLOATX)
@pytest.mark.parametrize('op', list(P.UNARY))
def test_unary_dtype(fx, op):
    table = GOLD[fx]['unary'][op]
    problems = []
    with floatX(fx):
        for dt in P.DTYPES:
            problems += ['%s of %s vector: %s' % (op, dt, m) for m in _check(table[dt], P.unary_value, op, dt)]
    _report(problems)


@pytest.mark.parametrize('fx', FLOATX)
@pytest.mark.parametrize('how', ['cast', 'astype'])
@pytest.mark.parametrize('src', P.DTYPES)
def test_cast_dtype(fx, how, src):
    table = GOLD[fx]['cast'][how]
    problems = []
    with floatX(fx):
        for dst in P.DTYPES:
            problems += ['%s(%s -> %s): %s' % (how, src, dst, m)
                         for m in _check(table['%s,%s' % (src, dst)], P.cast_value, how, src, dst)]
    _report(problems)


# ---------------------------------------------------------------- (d) shared variables

def _without_class(v):
    if isinstance(v, dict) and 'error' not in v:
        v = {k: x for k, x in v.items() if k != 'class'}
        if v.get('value_type') == 'bool_':  # numpy 2 renamed numpy 1's scalar class bool_ to bool
            v['value_type'] = 'bool'
    return v


@pytest.mark.parametrize('fx', FLOATX)
@pytest.mark.parametrize('kw', list(P.SHARED_KWARGS))
def test_shared_dtype_broadcastable(fx, kw):
    table = GOLD[fx]['shared'][kw or 'default']
    problems = []
    with floatX(fx):
        for label in P.SHARED_VALUES:
            problems += ['shared(%s%s): %s' % (label, ', ' + kw if kw else '', m)
                         for m in _check(_without_class(table[label]),
                                         lambda th, T_, *a: _without_class(P.shared_value(th, T_, *a)), label, kw)]
    _report(problems)


@pytest.mark.parametrize('fx', FLOATX)
def test_shared_variable_class(fx):
    """python scalars -> ScalarSharedVariable, ndarrays -> TensorSharedVariable,
    lists / numpy bool scalars -> generic SharedVariable (no dtype)."""
    table = GOLD[fx]['shared']['default']
    problems = []
    with floatX(fx):
        for label in P.SHARED_VALUES:
            exp = table[label]
            got = type(theano.shared(P.SHARED_VALUES[label]())).__name__
            if got != exp['class']:
                problems.append('shared(%s): class %s, expected %s' % (label, got, exp['class']))
    _report(problems)
