"""Oracle probe for RandomStreams and raw_random (numpy's generator) through theano.function (Theano 1.0.5).

Run under the real Theano, once per floatX, and merge:
    R=../shared/theano-oracle/run.sh
    THEANO_FLAGS=floatX=float64 bash $R tests/golden/probes/probe_random_streams.py /tmp/rs64.json
    THEANO_FLAGS=floatX=float32 bash $R tests/golden/probes/probe_random_streams.py /tmp/rs32.json
    python tests/golden/probes/probe_random_streams.py --merge /tmp/rs64.json /tmp/rs32.json \
        tests/golden/random_streams.json

Each case builds graphs and calls functions, returning [(label, value)]; tests/test_random_streams.py runs
the same cases with theano_compat as `theano`, so probe and test cannot drift apart. Recorded: every
distribution with constant, symbolic and per-call sizes and parameters, several seeds, draws whose
parameters are computed inside the step, inside scan, after each way of reseeding, several functions on
one stream, no_default_updates, pickling, raw_random with explicit states, and a dropout MLP.
Floats are float.hex strings, so every value is exact; a RandomState is recorded as its state.
"""
import json
import os
import pickle
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_mrg_streams import dec, enc as enc_array, merge  # noqa: E402,F401  (the same encoding)

SEEDS = (1, 234, 9999)
PV = [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]]


def _streams(srng, T, fx):
    """One of each draw, in one stream (creation order decides each variable's seed)."""
    return [
        ('u', srng.uniform((2, 3))),
        ('u_lohi', srng.uniform((7,), low=-1.5, high=2.5)),
        ('u_f32', srng.uniform((3, 4), dtype='float32')),
        ('u_f64', srng.uniform((3,), low=np.float64(0.25), dtype='float64')),
        ('u_scalar', srng.uniform()),
        ('u_bcast', srng.uniform(low=np.zeros((2, 3)), high=[1.0, 2.0, 3.0])),
        ('n', srng.normal((3, 5), avg=1.5, std=2.0)),
        ('n_odd', srng.normal((3,))),
        ('n_f32', srng.normal((5,), dtype='float32')),
        ('b', srng.binomial((4, 5), p=0.3)),
        ('b_n5', srng.binomial((6,), n=5, p=0.3)),
        ('b_f', srng.binomial((6,), p=0.7, dtype=fx)),
        ('ri', srng.random_integers((20,), low=-5, high=5)),
        ('ri_i8', srng.random_integers((7,), low=-3, high=3, dtype='int8')),
        ('perm', srng.permutation((3,), n=6)),
        ('perm1', srng.permutation(n=5)),
        ('mn', srng.multinomial((4,), n=3, pvals=[0.1, 0.2, 0.7])),
        ('mn_rows', srng.multinomial(n=[2, 5], pvals=np.asarray(PV, dtype=fx))),
        ('ch', srng.choice((11, 8), a=10)),
        ('ch_p', srng.choice((5,), a=[10, 20, 30], p=[0.2, 0.3, 0.5])),
        ('ch_norep', srng.choice((6,), a=6, replace=False)),
        ('po', srng.poisson((11, 8), lam=5)),
        ('po_big', srng.poisson((4,), lam=30.0)),
    ]


def case_distributions(theano, RandomStreams, seed):
    """Every draw of one stream, three calls; a second function on two of its variables."""
    T = theano.tensor
    srng = RandomStreams(seed)
    outs = _streams(srng, T, theano.config.floatX)
    f = theano.function([], [v for _, v in outs])
    d = dict(outs)
    g = theano.function([], [d['n_odd'], d['u']])
    rec = []
    for call in ('f1', 'f2'):
        rec += [(call + ':' + k, v) for (k, _), v in zip(outs, f())]
    rec += [('g:' + k, v) for k, v in zip(('n_odd', 'u'), g())]
    rec += [('f3:' + k, v) for (k, _), v in zip(outs, f())]
    return rec


def case_symbolic(theano, RandomStreams):
    """Sizes and parameters given at call time: shapes of inputs, scalar inputs, vectors, matrices."""
    T = theano.tensor
    srng = RandomStreams(77)
    x, n, pv, lo, nv, pm, av = (T.matrix('x'), T.iscalar('n'), T.vector('pv'), T.lvector('lo'),
                                T.lvector('nv'), T.matrix('pm'), T.vector('av'))
    sh = srng.shuffle_row_elements(x)
    outs = [srng.uniform(x.shape), srng.normal((n, 2)), srng.uniform((x.shape[0], 3), low=-1.0),
            srng.binomial(p=pv), srng.binomial(n=3, p=pv, size=(2, pv.shape[0])),
            srng.random_integers(low=lo, high=9), srng.multinomial(n=nv, pvals=pm),
            srng.choice((n,), a=av), srng.normal(avg=pv, std=2.0), sh, sh.permutation,
            srng.permutation((x.shape[0],), n=n)]
    f = theano.function([x, n, pv, lo, nv, pm, av], outs, on_unused_input='ignore')
    fx = theano.config.floatX
    rec = []
    for k, (rows, cols, m) in enumerate(((2, 3, 4), (5, 2, 1), (2, 3, 4))):
        xv = np.arange(rows * cols, dtype=fx).reshape(rows, cols)
        pvv = np.linspace(0.1, 0.9, cols).astype(fx)
        args = (xv, m, pvv, np.arange(cols) - 2, np.arange(rows) + 1,
                np.tile(np.asarray([0.2, 0.3, 0.5], dtype=fx), (rows, 1)), (np.arange(cols) * 1.5).astype(fx))
        rec += [('call%d:%d' % (k, i), v) for i, v in enumerate(f(*args))]
    return rec


def case_in_step(theano, RandomStreams):
    """Draws whose parameters the step computes (an RBM's binomial(p=sigmoid(...)), normal(avg=...))."""
    T = theano.tensor
    fx = theano.config.floatX
    srng = RandomStreams(5)
    rs = np.random.RandomState(3)
    W = theano.shared(rs.randn(4, 3).astype(fx), name='W')
    v = T.matrix('v')
    p_h = T.nnet.sigmoid(T.dot(v, W))
    h = srng.binomial(size=p_h.shape, n=1, p=p_h, dtype=fx)
    p_v = T.nnet.sigmoid(T.dot(h, W.T))
    v1 = srng.binomial(size=p_v.shape, n=1, p=p_v, dtype=fx)
    z = srng.normal(avg=T.dot(v, W), std=T.exp(W.sum(axis=0)))
    f = theano.function([v], [h, v1, z], updates=[(W, W + 0.01 * T.dot(v.T, h))])
    vv = (rs.rand(5, 4) > 0.5).astype(fx)
    rec = []
    for k in range(3):
        rec += [('call%d:%d' % (k, i), o) for i, o in enumerate(f(vv))]
    rec.append(('W', W.get_value()))
    return rec


def case_scan(theano, RandomStreams):
    """Draws inside scan: per-step noise, and a Gibbs chain whose probabilities the loop computes."""
    T = theano.tensor
    fx = theano.config.floatX
    srng = RandomStreams(11)
    x = T.matrix('x')
    out, upd = theano.scan(lambda xt: xt + srng.normal((2,)) * srng.uniform(), sequences=x)
    f = theano.function([x], out, updates=upd)
    rs = np.random.RandomState(4)
    W = theano.shared(rs.randn(4, 3).astype(fx), name='W')

    def gibbs(v):
        h = srng.binomial(size=(v.shape[0], 3), n=1, p=T.nnet.sigmoid(T.dot(v, W)), dtype=fx)
        return srng.binomial(size=v.shape, n=1, p=T.nnet.sigmoid(T.dot(h, W.T)), dtype=fx)
    v0 = T.matrix('v0')
    chain, cupd = theano.scan(gibbs, outputs_info=v0, n_steps=4)
    g = theano.function([v0], chain, updates=cupd)
    xv = np.zeros((3, 2), dtype=fx)
    v0v = (rs.rand(2, 4) > 0.5).astype(fx)
    return [('f1', f(xv)), ('f2', f(xv)), ('g1', g(v0v)), ('g2', g(v0v)), ('f3', f(xv))]


def case_reseed(theano, RandomStreams):
    """Each way of reseeding: seed(n), set_value, a borrowed state seeded, __setitem__, copies that are not
    the live state."""
    T = theano.tensor
    srng = RandomStreams(234)
    u = srng.uniform((3,))
    nrm = srng.normal((3,))
    f = theano.function([], [u, nrm])
    rec = [('f1', f())]
    srng.seed(902340)
    rec.append(('seed', f()))
    u.rng.set_value(np.random.RandomState(23))
    rec.append(('set_value', f()))
    u.rng.get_value(borrow=True).seed(100)  # the live state: no set_value needed
    rec.append(('borrowed', f()))
    copy_ = u.rng.get_value()
    copy_.seed(5)  # a copy: changes nothing
    rec.append(('copy', f()))
    mine = np.random.RandomState(7)
    u.rng.set_value(mine, borrow=False)
    mine.seed(8)  # set_value copied it
    rec.append(('set_copy', f()))
    srng[nrm.rng] = np.random.RandomState(31)
    rec.append(('setitem', f()))
    srng.seed()  # back to the stream's own seed
    rec.append(('seed_none', f()))
    rec.append(('state', u.rng.get_value()))
    rec.append(('getitem', srng[nrm.rng]))
    return rec


def case_sharing(theano, RandomStreams):
    """Several functions on one stream, explicit updates, no_default_updates (all, or a list)."""
    T = theano.tensor
    srng = RandomStreams(42)
    a = srng.normal((3,))
    b = srng.uniform((2,))
    f = theano.function([], a)
    g = theano.function([], [a * 2, b])
    h = theano.function([], a + b.sum(), no_default_updates=True)
    k = theano.function([], [a, b], no_default_updates=[a.rng])
    e = theano.function([], b, updates=srng.updates())
    nz = theano.function([], a + a - 2 * a)
    return [('f', f()), ('g', g()), ('h', h()), ('h2', h()), ('k', k()), ('k2', k()), ('e', e()),
            ('f2', f()), ('nz', nz()), ('g2', g())]


def case_pickle(theano, RandomStreams):
    """A pickled function carries its random states: the copy continues from the state it had."""
    T = theano.tensor
    srng = RandomStreams(3)
    u = srng.uniform((2,))
    f = theano.function([], [u, srng.binomial((3,), p=0.5)])
    rec = [('f1', f())]
    f2, srng2 = pickle.loads(pickle.dumps((f, srng)))
    rec += [('f', f()), ('copy', f2()), ('f_again', f())]
    srng2.seed(8)
    rec += [('copy_seeded', f2()), ('f_last', f())]
    return rec


def case_raw(theano, RandomStreams):
    """raw_random with explicit states: a RandomState input and the new state as an output."""
    R = theano.tensor.raw_random
    r = R.random_state_type()
    post, out = R.uniform(r, (3,), low=-1.0)
    post2, out2 = R.normal(post, (2,))
    f = theano.function([r], [post2, out, out2])
    s1, a1, b1 = f(np.random.RandomState(5))
    s2, a2, b2 = f(s1)
    rs = theano.shared(np.random.RandomState(9))
    new, perm = R.permutation(rs, (2,), n=4)
    g = theano.function([], perm, updates=[(rs, new)])
    return [('a1', a1), ('b1', b1), ('a2', a2), ('b2', b2), ('s2', s2), ('g1', g()), ('g2', g()),
            ('shared_state', rs.get_value())]


def case_random_function(theano, RandomStreams):
    """Theano's RandomFunction op built directly: a RandomState method by name or itself, a helper."""
    R, T = theano.tensor.raw_random, theano.tensor
    r = R.random_state_type()
    uni = R.RandomFunction('uniform', T.dvector)
    nrm = R.RandomFunction(np.random.RandomState.normal, T.dmatrix)
    ints = R.RandomFunction(R.random_integers_helper, T.lvector)
    post, a = uni(r, (4,), -2.0, 2.0)
    post2, b = nrm(post, (2, 3), 1.0, 0.5)
    post3, c = ints(post2, (5,), 0, 9)
    post4, e = R.RandomFunction('standard_normal', T.dvector)(post3, (3,))  # odd: leaves a cached gaussian
    f = theano.function([theano.In(r, value=np.random.RandomState(12), update=post4)], [a, b, c, e])
    return [('f1', f()), ('f2', f())]


def case_dropout(theano, RandomStreams):
    """A float64 MLP trained by SGD with dropout masks on the input and the hidden layer (sizes x.shape and
    h.shape): losses, masks and final weights."""
    T = theano.tensor
    rs = np.random.RandomState(0)
    X, y = rs.randn(8, 4), (rs.rand(8) > 0.5).astype('float64')
    W1 = theano.shared(rs.randn(4, 5) * 0.5, name='W1')
    W2 = theano.shared(rs.randn(5) * 0.5, name='W2')
    srng = RandomStreams(1234)
    x, t = T.dmatrix('x'), T.dvector('t')
    m1 = srng.binomial(size=x.shape, n=1, p=0.9, dtype='float64')
    h = T.tanh(T.dot(x * m1, W1))
    m2 = srng.binomial(size=h.shape, n=1, p=0.8, dtype='float64')
    p = T.nnet.sigmoid(T.dot(h * m2, W2))
    loss = -T.mean(t * T.log(p) + (1.0 - t) * T.log(1.0 - p))
    train = theano.function([x, t], [loss, m1, m2],
                            updates=[(q, q - 0.5 * T.grad(loss, q)) for q in (W1, W2)])
    rec = []
    for k in range(4):
        rec += [('step%d:%d' % (k, i), o) for i, o in enumerate(train(X, y))]
    return rec + [('W1', W1.get_value()), ('W2', W2.get_value())]


CASES = {'distributions_seed%d' % s: (lambda th, RS, s=s: case_distributions(th, RS, s)) for s in SEEDS}
CASES.update(symbolic=case_symbolic, in_step=case_in_step, scan=case_scan, reseed=case_reseed,
             sharing=case_sharing, pickle=case_pickle, raw=case_raw, random_function=case_random_function,
             dropout=case_dropout)
FLOAT64_ONLY = ('reseed', 'sharing', 'pickle', 'raw', 'random_function', 'dropout')


def enc(a):
    if isinstance(a, np.random.RandomState):
        _, key, pos, has_gauss, gauss = a.get_state()
        return {'state': [int(k) for k in key[:4]] + [int(key[-1]), int(pos), int(has_gauss)],
                'gauss': float(gauss).hex()}
    if isinstance(a, (list, tuple)):
        return {'list': [enc(v) for v in a]}
    return enc_array(a)


def record(theano, RandomStreams, names=None):
    """{case: [[label, encoded value]] or {'error': class name}}."""
    out = {}
    for name, case in CASES.items():
        if names is not None and name not in names:
            continue
        try:
            out[name] = [[label, enc(v)] for label, v in case(theano, RandomStreams)]
        except Exception as e:  # noqa: BLE001  (the error class is the record)
            out[name] = {'error': type(e).__name__, 'message': str(e)[:200]}
    return out


def main(path):
    import theano
    from theano.tensor.shared_randomstreams import RandomStreams
    fx = theano.config.floatX
    names = None if fx == 'float64' else [n for n in CASES if n not in FLOAT64_ONLY]
    with open(path, 'w') as fh:
        json.dump({'theano': theano.__version__, 'floatX': fx, 'cases': record(theano, RandomStreams, names)},
                  fh, separators=(',', ':'))


if __name__ == '__main__':
    if sys.argv[1] == '--merge':
        merge(sys.argv[2:-1], sys.argv[-1])
    else:
        main(sys.argv[1])
