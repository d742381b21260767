"""Golden behaviour of theano.scan / map / reduce / foldl / foldr / until and theano.ifelse in Theano 1.0.5
-> tests/golden/scan.json

Regenerate (from the repository root; cxx= makes Theano use its Python implementations, minutes not hours):

    THEANO_FLAGS=cxx= bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_scan.py

Every case is a function ``case(r, th, T, S, ifelse)`` of a recorder ``r``, the theano module ``th``, its
tensor module ``T``, a namespace ``S`` with scan, map, reduce, foldl, foldr and until, and the ifelse
function. ``r(label, fn)`` records what fn() returns (type, dtype, shape, values) or the exception it
raises (class name and message). tests/test_scan.py and tests/test_ifelse.py replay the same cases against
theano_compat, so this module imports nothing but numpy at module level.
"""
import json
import math
import os
import sys
import warnings
from collections import OrderedDict

import numpy as np

CASES = OrderedDict()  # name -> (group, function)


def case(group):
    def deco(fn):
        CASES[fn.__name__] = (group, fn)
        return fn
    return deco


# ---------------------------------------------------------------- recording

def _num(x):
    return repr(x) if isinstance(x, float) and not math.isfinite(x) else x


def enc(v):
    if isinstance(v, np.ndarray) or isinstance(v, np.generic):
        a = np.asarray(v)
        vals = a.astype('float64').tolist() if a.dtype.kind == 'f' else a.tolist()
        fix = (lambda x: [fix(i) for i in x] if isinstance(x, list) else _num(x))
        return {'type': 'ndarray' if isinstance(v, np.ndarray) else 'npscalar', 'dtype': str(a.dtype),
                'shape': list(a.shape), 'value': fix(vals)}
    if v is None or isinstance(v, (bool, int, float, str)):
        return {'type': type(v).__name__, 'value': _num(v)}
    if isinstance(v, (list, tuple)):
        return {'type': type(v).__name__, 'items': [enc(i) for i in v]}
    return {'type': 'object', 'class': type(v).__name__}


class Rec(object):
    def __init__(self):
        self.steps = []

    def __call__(self, label, fn):
        try:
            v = fn()
        except Exception as e:
            self.steps.append([label, {'raise': {'error': type(e).__name__, 'msg': str(e)[:300]}}])
            return None
        self.steps.append([label, {'ok': enc(v)}])
        return v


def registry(recorder=None, aborted=None):
    """(CASES, case, run_case) for a probe whose cases are functions case(r, th, T) of a recorder
    (probe_scan's Rec unless given); a case that fails outside a step records the step '<case aborted>'."""
    cases = OrderedDict()

    def case(fn):
        cases[fn.__name__] = fn
        return fn

    def run(name, th, T):
        r = (recorder or Rec)()
        try:
            cases[name](r, th, T)
        except Exception as e:
            r.steps.append(aborted(e) if aborted else
                           ['<case aborted>', {'raise': {'error': type(e).__name__, 'msg': str(e)[:300]}}])
        return r.steps
    return cases, case, run


def record_cases(cases, run_case, json_name):
    """Run every case under the real Theano and write tests/golden/<json_name> (no machine paths in it)."""
    import theano
    import theano.tensor as T
    out = OrderedDict([('theano_version', theano.__version__), ('cases', OrderedDict())])
    for name in cases:
        out['cases'][name] = {'steps': [s[:2] for s in run_case(name, theano, T)]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', json_name)
    with open(path, 'w') as f:
        f.write(no_paths(json.dumps(out, indent=1)) + '\n')


def no_paths(text):
    """JSON text without the repository's absolute path (also where a recorded message was cut inside it)."""
    import re
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
    text = text.replace(root + os.sep, '')
    return re.sub(r'/[^"\\]*"', lambda m: '"' if root.startswith(m.group(0)[:-1]) else m.group(0), text)


def run_case(name, th, T, S, ifelse):
    r = Rec()
    try:
        CASES[name][1](r, th, T, S, ifelse)
    except Exception as e:
        r.steps.append(['<case aborted>', {'raise': {'error': type(e).__name__, 'msg': str(e)[:300]}}])
    return r.steps


def rng(seed=0):
    return np.random.RandomState(seed)


def ttype(v):
    return str(v.type)


# ---------------------------------------------------------------- comparison (used by the tests)

_TOL = {'float16': (1e-2, 1e-3), 'float32': (2e-4, 1e-5), 'float64': (1e-7, 1e-9)}


def compare_enc(exp, got, where):
    """Mismatch messages between two encoded values (empty when they agree)."""
    if exp.get('type') != got.get('type'):
        return ['%s: %s, expected %s' % (where, got, exp)]
    if exp['type'] in ('ndarray', 'npscalar'):
        if exp['dtype'] != got['dtype'] or exp['shape'] != got['shape']:
            return ['%s: %s%s, expected %s%s' % (where, got['dtype'], got['shape'], exp['dtype'], exp['shape'])]
        if exp['dtype'] in _TOL:
            rtol, atol = _TOL[exp['dtype']]
            a = np.asarray(exp['value'], dtype='float64')
            b = np.asarray(got['value'], dtype='float64')
            ok = np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True)
        else:
            ok = exp['value'] == got['value']
        return [] if ok else ['%s: %r, expected %r' % (where, got['value'], exp['value'])]
    if exp['type'] in ('list', 'tuple'):
        if len(exp['items']) != len(got['items']):
            return ['%s: %d items, expected %d' % (where, len(got['items']), len(exp['items']))]
        return [m for k, (e, g) in enumerate(zip(exp['items'], got['items']))
                for m in compare_enc(e, g, '%s[%d]' % (where, k))]
    return [] if exp == got else ['%s: %r, expected %r' % (where, got, exp)]


def compare_steps(gold, got, special=None):
    """Mismatches between Theano's recorded steps and the replayed ones; special: label -> compare(exp, got)."""
    if [s[0] for s in gold] != [s[0] for s in got]:
        return ['steps %s, expected %s (%s)' % ([s[0] for s in got], [s[0] for s in gold], got[-1])]
    out = []
    for (label, exp), (_, res) in zip(gold, got):
        if special and label in special:
            out += special[label](exp, res)
        elif 'raise' in exp:
            if 'raise' not in res or res['raise']['error'] != exp['raise']['error']:
                out.append('%s: %s, expected Theano\'s %s (%s)' % (label, res, exp['raise']['error'],
                                                                   exp['raise']['msg'][:200]))
        elif 'raise' in res:
            out.append('%s: raised %s; Theano returned %s' % (label, res['raise'], str(exp['ok'])[:200]))
        else:
            out += compare_enc(exp['ok'], res['ok'], label)
    return out


# ================================================================ scan cases

@case('scan')
def cumulative_sum(r, th, T, S, ifelse):
    xs, outs = [], []
    for dt in ('float64', 'float32'):
        x = T.vector('x', dtype=dt)
        out, upd = S.scan(lambda xt, acc: acc + xt, sequences=x, outputs_info=T.zeros((), dtype=dt))
        r('type ' + dt, lambda: [ttype(out), type(upd).__name__, len(upd)])
        xs.append(x)
        outs += [out, T.grad(out.sum(), x)]
    f = th.function(xs, outs)
    r('values and grads', lambda: f(np.arange(1, 6).astype('float64'), np.arange(1, 6).astype('float32')))


@case('scan')
def polynomial(r, th, T, S, ifelse):
    coefficients = T.dvector('coefficients')
    x = T.dscalar('x')
    components, upd = S.scan(lambda c, power, free_var: c * (free_var ** power), outputs_info=None,
                             sequences=[coefficients, T.arange(1000)], non_sequences=x)
    poly = components.sum()
    r('type', lambda: [ttype(components), ttype(poly)])
    f = th.function([coefficients, x], [poly, components] + T.grad(poly, [coefficients, x]))
    r('poly(3)', lambda: f(np.asarray([1., 0., 2.]), 3.))
    r('poly(-0.5)', lambda: f(np.asarray([0.5, -1., 2., 4.]), -0.5))


@case('scan')
def fibonacci_taps(r, th, T, S, ifelse):
    a = T.dvector('a')
    n = T.iscalar('n')
    fib, upd = S.scan(lambda a2, a1: a2 + a1, outputs_info=dict(initial=a, taps=[-2, -1]), n_steps=n)
    r('type', lambda: ttype(fib))
    f = th.function([a, n], [fib, T.grad((fib * fib).sum(), a)])
    r('n=8', lambda: f(np.asarray([1., 1.]), 8))
    r('n=3', lambda: f(np.asarray([0., 1.]), 3))
    r('n=1', lambda: f(np.asarray([0., 1.]), 1))
    r('n=0', lambda: f(np.asarray([0., 1.]), 0))
    r('n=-1', lambda: f(np.asarray([0., 1.]), -1))
    # taps [-3, -1] and an init longer than needed (only its first 3 rows are used)
    b = T.dvector('b')
    out, _ = S.scan(lambda x3, x1: x3 - 2 * x1, outputs_info=dict(initial=b, taps=[-3, -1]), n_steps=5)
    f2 = th.function([b], [out, T.grad(out.sum(), b)])
    r('taps [-3,-1]', lambda: f2(np.asarray([1., 2., 3., 100.])))


@case('scan')
def sequence_taps(r, th, T, S, ifelse):
    x = T.dvector('x')
    out, _ = S.scan(lambda xm1, x0, xp1: xm1 - 2 * x0 + xp1, sequences=dict(input=x, taps=[-1, 0, 1]))
    out2, _ = S.scan(lambda a, b: a * b, sequences=[dict(input=x, taps=[2]), dict(input=x, taps=[-2])])
    out3, _ = S.scan(lambda a, b: a - b, sequences=dict(input=x, taps=[-1, 1]), go_backwards=True)
    f = th.function([x], [out, T.grad((out ** 2).sum(), x), out2, T.grad(out2.sum(), x),
                          out3, T.grad((out3 * np.arange(5.)).sum(), x)])
    r('taps [-1,0,1]; [2] and [-2]; [-1,1] go_backwards', lambda: f(np.asarray([1., 4., 9., 16., 25., 36., 50.])))


@case('scan')
def matrix_power_symbolic_n(r, th, T, S, ifelse):
    A = T.dmatrix('A')
    k = T.iscalar('k')
    result, upd = S.scan(lambda prior, A: T.dot(prior, A), outputs_info=A, non_sequences=A, n_steps=k)
    final = result[-1]
    f = th.function([A, k], [final, result.shape[0], T.grad(final.sum(), A)])
    m = np.asarray([[1., 1.], [0.5, 0.]])
    r('k=1', lambda: f(m, 1))
    r('k=4', lambda: f(m, 4))
    r('k=7', lambda: f(m, 7))


def _rnn_data(dt, n=5, b=2, d=3, h=4):
    rs = rng(1)
    return (rs.randn(n, b, d).astype(dt), rs.randn(d, h).astype(dt) * 0.5, rs.randn(h, h).astype(dt) * 0.5,
            rs.randn(h).astype(dt) * 0.1, rs.randn(b, h).astype(dt) * 0.1)


@case('scan')
def rnn_bptt(r, th, T, S, ifelse):
    for dt in ('float64', 'float32'):
        xv, wv, uv, bv, h0v = _rnn_data(dt)
        W = th.shared(wv, name='W')
        U = th.shared(uv, name='U')
        b = th.shared(bv, name='b')
        X = T.tensor3('X', dtype=dt)
        h0 = T.matrix('h0', dtype=dt)
        h, upd = S.scan(lambda xt, hp: T.tanh(T.dot(xt, W) + T.dot(hp, U) + b), sequences=X, outputs_info=h0)
        r('type ' + dt, lambda: [ttype(h), len(upd)])
        outs = [h]
        for cost in [(h ** 2).sum(), h[-1].sum()]:
            outs += [cost] + T.grad(cost, [W, U, b, X, h0])
        f = th.function([X, h0], outs)
        r('forward, sum(h**2) and grads, h[-1].sum() and grads ' + dt, lambda: f(xv, h0v))


@case('scan')
def rnn_sgd_updates(r, th, T, S, ifelse):
    xv, wv, uv, bv, h0v = _rnn_data('float64', n=4)
    W = th.shared(wv, name='W')
    U = th.shared(uv, name='U')
    X = T.tensor3('X')
    h0 = T.dmatrix('h0')
    h, _ = S.scan(lambda xt, hp, W, U: T.tanh(T.dot(xt, W) + T.dot(hp, U)), sequences=X, outputs_info=h0,
                  non_sequences=[W, U])
    cost = (h[-1] ** 2).mean()
    gW, gU = T.grad(cost, [W, U])
    train = th.function([X, h0], cost, updates=[(W, W - 0.5 * gW), (U, U - 0.5 * gU)])
    r('cost step 1', lambda: train(xv, h0v))
    r('cost step 2', lambda: train(xv, h0v))
    r('cost step 3', lambda: train(xv, h0v))
    r('W after', lambda: W.get_value())


@case('scan')
def truncate_gradient(r, th, T, S, ifelse):
    x = T.dvector('x')
    h0 = T.dscalar('h0')
    w = T.dscalar('w')
    u = T.dscalar('u')
    outs = []
    for tr in (-1, 1, 2, 5, 7):
        h, _ = S.scan(lambda xt, hp, w, u: T.tanh(xt * w + hp * u), sequences=x, outputs_info=h0,
                      non_sequences=[w, u], truncate_gradient=tr)
        for cost in [h.sum(), h[-1], (h ** 2).sum()]:
            outs += T.grad(cost, [x, h0, w, u])
    f = th.function([x, h0, w, u], outs)
    r('grads of x, h0, w, u; truncate_gradient -1, 1, 2, 5, 7; costs sum, last, sum of squares',
      lambda: f(np.arange(5.) * 0.3, 0.5, 0.7, 0.9))
    # a matrix RNN with shared weights, truncated to 2 steps
    xv, wv, uv, bv, h0v = _rnn_data('float64')
    W = th.shared(wv, name='W')
    U = th.shared(uv, name='U')
    X = T.tensor3('X')
    H0 = T.dmatrix('H0')
    h, _ = S.scan(lambda xt, hp: T.tanh(T.dot(xt, W) + T.dot(hp, U)), sequences=X, outputs_info=H0,
                  truncate_gradient=2)
    g = th.function([X, H0], T.grad((h ** 2).sum(), [W, U, X, H0]))
    r('matrix rnn truncate 2', lambda: g(xv, h0v))


@case('scan')
def go_backwards(r, th, T, S, ifelse):
    x = T.dvector('x')
    out, _ = S.scan(lambda xt, acc: acc + xt, sequences=x, outputs_info=T.constant(0., dtype='float64'),
                    go_backwards=True)
    out2, _ = S.scan(lambda xt, acc: acc * 0.5 + xt, sequences=x, outputs_info=T.constant(1., dtype='float64'),
                     go_backwards=True, n_steps=3)
    f = th.function([x], [out, T.grad((out * np.arange(1., 6.)).sum(), x), out2, T.grad(out2.sum(), x)])
    r('cumsum backwards; backwards with n_steps=3', lambda: f(np.asarray([1., 2., 4., 8., 16.])))


@case('scan')
def several_outputs(r, th, T, S, ifelse):
    x = T.dvector('x')

    def step(xt, acc):
        return xt * 2, acc + xt, T.cast(xt > 2, 'int32')
    outs, upd = S.scan(step, sequences=x, outputs_info=[None, T.constant(0., dtype='float64'), None])
    r('types', lambda: [ttype(o) for o in outs])
    f = th.function([x], outs + [T.grad(outs[0].sum() + (outs[1] ** 2).sum(), x)])
    r('values and grad', lambda: f(np.asarray([1., 3., 5., 2.])))
    outs2, _ = S.scan(lambda xt: [xt + 1, xt * xt], sequences=x)
    one, _ = S.scan(lambda xt: xt + 1, sequences=x, return_list=True)
    r('return_list', lambda: [type(one).__name__, len(one)])
    xi = T.ivector('xi')
    cnt, _ = S.scan(lambda xt, c: c + xt, sequences=xi, outputs_info=T.constant(0, dtype='int32'))
    r('two outputs without state; int32 recurrence',
      lambda: th.function([x, xi], outs2 + [cnt])(np.asarray([1., 2., 3.]), np.asarray([1, 2, 3], dtype='int32')))


@case('scan')
def views(r, th, T, S, ifelse):
    x = T.dvector('x')
    y = T.dvector('y')
    m, u = S.map(lambda xt: xt ** 2, sequences=x)
    z = T.constant(0., dtype='float64')
    red, _ = S.reduce(lambda xt, acc: acc * 2 + xt, sequences=x, outputs_info=z)
    fl, _ = S.foldl(lambda xt, acc: acc * 2 + xt, sequences=x, outputs_info=z)
    fr, _ = S.foldr(lambda xt, acc: acc * 2 + xt, sequences=x, outputs_info=z)
    m2, _ = S.map(lambda a, b, c: a * b + c, sequences=[x, y], non_sequences=T.constant(1., dtype='float64'))
    r('types', lambda: [type(u).__name__, ttype(m), ttype(red), ttype(fl), ttype(fr)])
    f = th.function([x, y], [m, red, fl, fr, T.grad(red + fl + 3 * fr, x), m2])
    r('map, reduce, foldl, foldr, grad, map over two sequences (the shortest)',
      lambda: f(np.asarray([1., 2., 3., 4.]), np.asarray([2., 2.])))


@case('scan')
def updates_from_fn(r, th, T, S, ifelse):
    count = th.shared(np.int64(0), name='count')
    acc = th.shared(np.float64(0.), name='acc')
    x = T.dvector('x')

    def step(xt):
        return xt * acc, OrderedDict([(count, count + 1), (acc, acc + xt)])
    out, upd = S.scan(step, sequences=x)
    r('updates', lambda: [type(upd).__name__, sorted(k.name for k in upd), [ttype(v) for v in upd.values()]])
    f = th.function([x], out, updates=upd)
    r('call 1', lambda: f(np.asarray([1., 2., 3.])))
    r('count, acc', lambda: [count.get_value(), acc.get_value()])
    r('call 2', lambda: f(np.asarray([1., 1.])))
    r('count, acc 2', lambda: [count.get_value(), acc.get_value()])
    # updates as a list of pairs, no outputs
    tot = th.shared(np.float64(0.), name='tot')
    out2, upd2 = S.scan(lambda xt: [(tot, tot + xt * xt)], sequences=x)
    r('no outputs', lambda: [out2 is None, len(upd2)])
    f2 = th.function([x], [], updates=upd2)
    r('list updates', lambda: [f2(np.asarray([1., 2., 3.])), tot.get_value()])
    # a shared variable with a default_update used in fn: carried through the loop; a read-only one too
    c = th.shared(np.float64(10.), name='c')
    c.default_update = c * 2
    w = th.shared(np.asarray([1., 2.]), name='w')
    out3, upd3 = S.scan(lambda xt: (xt + c) * w, sequences=x)
    r('default_update in updates', lambda: [len(upd3), [k.name for k in upd3]])
    f3 = th.function([x], [out3, T.grad(out3.sum(), w)], updates=upd3)
    r('default_update call', lambda: [f3(np.asarray([0., 0., 0.])), c.get_value()])


@case('scan')
def until_loops(r, th, T, S, ifelse):
    mx = T.dscalar('mx')
    vals, upd = S.scan(lambda p, mx: (p * 2, S.until(p * 2 > mx)), outputs_info=T.constant(1., dtype='float64'),
                       non_sequences=mx, n_steps=10)
    r('type', lambda: [ttype(vals), type(upd).__name__])
    f = th.function([mx], [vals, vals.shape[0], vals.sum()])
    r('until 40', lambda: f(40.))
    r('until 1e9 (n_steps reached)', lambda: f(1e9))
    r('until 0.5 (first step)', lambda: f(0.5))
    x = T.dvector('x')

    def cs(xt, acc):
        return [acc + xt, xt * 10], S.until(acc + xt > 5)
    (v2, v3), _ = S.scan(cs, sequences=x, outputs_info=[T.constant(0., dtype='float64'), None])
    f2 = th.function([x], [v2, v3, T.grad(v2.sum(), x)])
    r('until over a sequence, info: its gradient (Theano 1.0.5 pads the wrong end)', lambda: f2(np.arange(6.)))


@case('scan')
def nested_scan(r, th, T, S, ifelse):
    M = T.dmatrix('M')
    w = T.dscalar('w')

    def row(v, w):
        inner, _ = S.scan(lambda e, acc: acc * w + e, sequences=v, outputs_info=T.constant(0., dtype='float64'))
        return inner
    out, upd = S.scan(row, sequences=M, non_sequences=w)
    r('type', lambda: ttype(out))
    f = th.function([M, w], [out] + T.grad((out ** 2).sum(), [M, w]))
    r('values and grads', lambda: f(np.arange(6.).reshape(2, 3) * 0.5, 0.7))
    # inner scan length given by an outer input
    k = T.iscalar('k')

    def powers(a, k):
        res, _ = S.scan(lambda p, a: p * a, outputs_info=T.constant(1., dtype='float64'), non_sequences=a,
                        n_steps=k)
        return res[-1]
    pw, _ = S.scan(powers, sequences=T.arange(1., 4., dtype='float64'), non_sequences=k)
    r('inner n_steps from an outer input', lambda: th.function([k], pw)(3))


@case('scan')
def higher_order_grad(r, th, T, S, ifelse):
    x = T.dvector('x')
    w = T.dscalar('w')
    h, _ = S.scan(lambda xt, hp, w: T.tanh(xt + hp * w), sequences=x,
                  outputs_info=T.constant(0.5, dtype='float64'), non_sequences=w)
    cost = (h ** 2).sum()
    gw = T.grad(cost, w)
    ggw = T.grad(gw, w)
    gx = T.grad(cost, x)
    f = th.function([x, w], [cost, gw, ggw, T.grad(gx.sum(), w)])
    r('second derivatives', lambda: f(np.asarray([0.1, -0.3, 0.5, 0.2]), 0.8))


@case('scan')
def fixed_single_step(r, th, T, S, ifelse):
    x = T.dvector('x')
    out, upd = S.scan(lambda xt, acc: acc + xt, sequences=x, outputs_info=T.constant(0., dtype='float64'),
                      n_steps=1)
    h0 = T.dvector('h0')
    out2, _ = S.scan(lambda h: h * 2, outputs_info=h0, n_steps=1)
    r('types', lambda: [ttype(out), type(upd).__name__, ttype(out2)])
    r('n_steps=1', lambda: th.function([x, h0], [out, out2])(np.asarray([3., 4.]), np.asarray([1., 2.])))


@case('scan')
def scan_errors(r, th, T, S, ifelse):
    x32 = T.fscalar('x32')
    seq = T.dvector('seq')
    r('upcast of a state', lambda: S.scan(lambda h: h * np.float64(2.0), outputs_info=x32, n_steps=3))
    r('ndim of a state', lambda: S.scan(lambda h: T.stack([h, h]), outputs_info=T.dscalar(), n_steps=3))
    r('float n_steps', lambda: S.scan(lambda h: h + 1, outputs_info=T.constant(0.), n_steps=T.dscalar()))
    r('no steps info', lambda: S.scan(lambda h: h + 1, outputs_info=T.constant(0.)))
    r('bad return', lambda: S.scan(lambda s: 3, sequences=seq))
    r('outputs_info count', lambda: S.scan(lambda s, h: [s, h, s], sequences=seq,
                                           outputs_info=[T.constant(0.)]))
    w = th.shared(np.float64(2.), name='w')
    r('strict', lambda: S.scan(lambda s: s * w, sequences=seq, strict=True))
    r('strict with the shared passed', lambda: ttype(S.scan(lambda s, w: s * w, sequences=seq, non_sequences=w,
                                                            strict=True)[0]))
    r('future taps of outputs', lambda: S.scan(lambda h: h, outputs_info=dict(initial=seq, taps=[1]),
                                               n_steps=2))
    r('taps without initial', lambda: S.scan(lambda h: h, outputs_info=dict(taps=[-1]), n_steps=2))
    r('repeated taps', lambda: S.scan(lambda a, b: a, outputs_info=dict(initial=seq, taps=[-1, -1]), n_steps=2))
    r('return_steps', lambda: S.scan(lambda h: h, outputs_info=dict(initial=seq, return_steps=2), n_steps=2))
    out, _ = S.scan(lambda s: s * 2, sequences=seq, n_steps=4)
    f = th.function([seq], out)
    r('sequence longer than n_steps', lambda: f(np.arange(6.)))
    r('sequence shorter than n_steps', lambda: f(np.arange(3.)))


# ================================================================ ifelse cases

@case('ifelse')
def ifelse_values(r, th, T, S, ifelse):
    c = T.iscalar('c')
    a = T.dscalar('a')
    b = T.dscalar('b')
    z = ifelse(c, a * 2, b * 3)
    r('type', lambda: ttype(z))
    f = th.function([c, a, b], z)
    r('c=1', lambda: f(1, 2., 5.))
    r('c=0', lambda: f(0, 2., 5.))
    r('c=-3', lambda: f(-3, 2., 5.))
    fc = th.function([a], ifelse(a, a * 2, a * 3))
    r('float condition 0.5', lambda: fc(0.5))
    r('float condition 0', lambda: fc(0.))
    fb = th.function([a, b], ifelse(T.lt(a, b), a, b))
    r('bool condition', lambda: [fb(1., 2.), fb(3., 2.)])
    m = T.fmatrix('m')
    fm = th.function([c, m], ifelse(c, m.sum(axis=0), m.max(axis=0)))
    r('float32 vectors', lambda: [fm(1, np.arange(6, dtype='float32').reshape(2, 3)),
                                   fm(0, np.arange(6, dtype='float32').reshape(2, 3))])


@case('ifelse')
def ifelse_lists(r, th, T, S, ifelse):
    c = T.iscalar('c')
    a = T.dscalar('a')
    v = T.dvector('v')
    outs = ifelse(c, [a + 1, v * 2], [a - 1, v * 3])
    r('list', lambda: [type(outs).__name__, [ttype(o) for o in outs]])
    f = th.function([c, a, v], outs)
    r('list c=1', lambda: f(1, 1., np.asarray([1., 2.])))
    r('list c=0', lambda: f(0, 1., np.asarray([1., 2.])))
    t = ifelse(c, (a, a), (a * 2, a * 3))
    r('tuple', lambda: [type(t).__name__, len(t)])
    one = ifelse(c, [a], a)
    r('one-element list against a variable', lambda: [type(one).__name__, len(one)])
    r('str of the node', lambda: [str(ifelse(c, a, a, name='foo')), str(ifelse(c, a, a))])


@case('ifelse')
def ifelse_shapes_and_types(r, th, T, S, ifelse):
    c = T.iscalar('c')
    vv = T.dvector('vv')
    f = th.function([c, vv], ifelse(c, vv, vv[:2]))
    r('different shapes c=1', lambda: f(1, np.arange(4.)))
    r('different shapes c=0', lambda: f(0, np.arange(4.)))
    row = T.drow('row')
    r('row type kept', lambda: ttype(ifelse(c, row, row * 2)))
    a = T.dscalar('a')
    r('float64 vs float32', lambda: ifelse(c, a, T.fscalar()))
    r('python float branch', lambda: ifelse(c, a, 0.))
    r('row vs matrix', lambda: ifelse(c, row, T.dmatrix()))
    r('length mismatch', lambda: ifelse(c, [a, a], [a]))
    r('vector condition', lambda: ifelse(T.dvector(), a, a))


@case('ifelse')
def ifelse_grad(r, th, T, S, ifelse):
    c = T.iscalar('c')
    a = T.dscalar('a')
    b = T.dscalar('b')
    z = ifelse(c, a ** 2 * b, a ** 3)
    v = T.dvector('v')
    outs = ifelse(c, [v.sum(), (v ** 2).sum()], [v.mean(), (v ** 3).sum()])
    g = th.function([c, a, b, v], T.grad(z, [a, b]) + [T.grad(outs[0] + 2 * outs[1], v)])
    r('c=1', lambda: g(1, 2., 3., np.asarray([1., 2., 3.])))
    r('c=0', lambda: g(0, 2., 3., np.asarray([1., 2., 3.])))
    g2 = th.function([a], T.grad(ifelse(T.gt(a, 0), a ** 2, -a), a))
    r('condition on the input', lambda: [g2(3.), g2(-3.)])


@case('ifelse')
def ifelse_lazy(r, th, T, S, ifelse):
    # the branch not taken would fail (an out-of-range index): a lazy ifelse never computes it
    c = T.iscalar('c')
    v = T.dvector('v')
    i = T.iscalar('i')
    f = th.function([c, v, i], ifelse(c, v[i], v[0]))
    r('taken branch indexes', lambda: f(1, np.asarray([1., 2., 3.]), 2))
    r('other branch not computed', lambda: f(0, np.asarray([1., 2., 3.]), 10))


@case('ifelse')
def ifelse_in_scan(r, th, T, S, ifelse):
    x = T.dvector('x')
    out, _ = S.scan(lambda xt, acc: ifelse(T.gt(xt, 0), acc + xt, acc * 0.5), sequences=x,
                    outputs_info=T.constant(1., dtype='float64'))
    f = th.function([x], [out, T.grad(out.sum(), x)])
    r('per-step condition', lambda: f(np.asarray([1., -2., 3., -1., 2.])))


# ================================================================ main

def main():
    import theano
    import theano.tensor as T
    from theano.ifelse import ifelse
    from types import SimpleNamespace
    warnings.simplefilter('ignore')
    S = SimpleNamespace(scan=theano.scan, map=theano.map, reduce=theano.reduce, foldl=theano.foldl,
                        foldr=theano.foldr, until=theano.scan_module.until)
    out = OrderedDict([('theano_version', theano.__version__), ('cases', OrderedDict())])
    for name in (sys.argv[1:] or CASES):
        print('case', name, file=sys.stderr, flush=True)
        steps = run_case(name, theano, T, S, ifelse)
        out['cases'][name] = {'group': CASES[name][0], 'steps': steps}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'scan.json')
    if sys.argv[1:] and os.path.exists(path):  # re-record some cases only
        with open(path) as f:
            old = json.load(f, object_pairs_hook=OrderedDict)
        old['cases'].update(out['cases'])
        out = old
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', os.path.normpath(path), file=sys.stderr)


if __name__ == '__main__':
    main()
