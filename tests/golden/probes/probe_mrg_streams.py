"""Oracle probe for MRG_RandomStreams at the level of theano.function (Theano 1.0.5).

Run under the real Theano (C backend), once per floatX, and merge:
    R=../shared/theano-oracle/run.sh
    THEANO_FLAGS=floatX=float64 bash $R tests/golden/probes/probe_mrg_streams.py /tmp/mrg64.json
    THEANO_FLAGS=floatX=float32 bash $R tests/golden/probes/probe_mrg_streams.py /tmp/mrg32.json
    python tests/golden/probes/probe_mrg_streams.py --merge /tmp/mrg64.json /tmp/mrg32.json \
        tests/golden/mrg_streams.json

The same file builds the graphs for the test (tests/test_mrg_streams.py imports `build_streams` and
`build_mlp` with theano_compat as `theano`), so probe and test cannot drift apart.

Recorded: outputs of successive calls of one function drawing from many variables of one stream, a
second function sharing a variable, a no_default_updates function, the outputs after srng.seed(),
and a tiny float64 MLP trained by SGD with MRG binomial dropout masks (losses and masks per step).
Floats are float.hex strings, so every value is exact.
"""
import json
import sys

import numpy as np

P23 = [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]
P24 = [[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]]
X_SHAPE = (3, 4)


def build_streams(theano, MRG_RandomStreams, seed):
    """(inputs, named outputs, srng) of the streams case; every variable comes from one stream."""
    T = theano.tensor
    srng = MRG_RandomStreams(seed=seed)
    x = T.matrix('x')
    outs = [
        ('u', srng.uniform((2, 3))),
        ('u_lohi', srng.uniform((7,), low=-1.5, high=2.5)),
        ('u_f32', srng.uniform((3, 4), low=0.3, high=0.7, dtype='float32')),
        ('u_nstreams', srng.uniform((2, 5), nstreams=3)),
        ('u_sym', srng.uniform(x.shape)),
        ('n', srng.normal((3, 5), avg=1.5, std=2.0)),
        ('n_f32', srng.normal((5,), dtype='float32')),
        ('n_sym', srng.normal(x.shape)),
        ('n_trunc', srng.normal((9,), truncate=True)),
        ('b', srng.binomial((4, 5), p=0.3)),
        ('b_f', srng.binomial((6,), p=0.7, dtype=theano.config.floatX)),
        ('m', srng.multinomial(pvals=np.asarray(P23, dtype=theano.config.floatX), n=3)),
        ('c', srng.choice(size=2, p=np.asarray(P24, dtype=theano.config.floatX), replace=False)),
        ('tn', srng.truncated_normal((5,), avg=1.0, std=2.0)),
        ('u_mixed', srng.uniform((x.shape[0], 2))),
        ('n_mixed', srng.normal((x.shape[0], 2))),
    ]
    return [x], outs, srng


def run_streams(theano, MRG_RandomStreams, seed, only=None):
    """The recorded calls, in order: [(label, [(name, array)])]; `only` names the outputs f computes
    (all variables are created anyway, so each has the state it has in the full run)."""
    ins, outs, srng = build_streams(theano, MRG_RandomStreams, seed)
    outs = [(k, v) for k, v in outs if only is None or k in only]
    x_val = np.zeros(X_SHAPE, dtype=theano.config.floatX)
    f = theano.function(ins, [v for _, v in outs], on_unused_input='ignore')
    u = dict(outs)['u']
    g = theano.function([], u)                               # shares u's state with f
    h = theano.function([], u, no_default_updates=True)      # reads it, never advances it
    names = [k for k, _ in outs]
    calls = []
    calls.append(('f1', list(zip(names, f(x_val)))))
    calls.append(('f2', list(zip(names, f(x_val)))))
    calls.append(('g1', [('u', g())]))
    calls.append(('h1', [('u', h())]))
    calls.append(('h2', [('u', h())]))
    calls.append(('f3', list(zip(names, f(x_val)))))
    srng.seed(99)
    calls.append(('f_seed99', list(zip(names, f(x_val)))))
    return calls


def build_mlp(theano, MRG_RandomStreams):
    """A tiny float64 MLP with dropout (MRG binomial masks): (train function, shared params)."""
    T = theano.tensor
    rs = np.random.RandomState(0)
    X = rs.randn(8, 4)
    y = (rs.rand(8) > 0.5).astype('float64')
    W1 = theano.shared(rs.randn(4, 5) * 0.5, name='W1')
    b1 = theano.shared(np.zeros(5), name='b1')
    W2 = theano.shared(rs.randn(5) * 0.5, name='W2')
    b2 = theano.shared(np.asarray(0.0), name='b2')
    srng = MRG_RandomStreams(seed=1234)
    x = T.dmatrix('x')
    t = T.dvector('t')
    in_mask = srng.binomial((8, 4), p=0.9, dtype='float64')      # known size: few streams
    xd = x * in_mask / 0.9
    h = T.tanh(T.dot(xd, W1) + b1)
    h_mask = srng.binomial(h.shape, p=0.8, dtype='float64')      # symbolic size: 60*256 streams
    hd = h * h_mask / 0.8
    p = 1.0 / (1.0 + T.exp(-(T.dot(hd, W2) + b2)))
    loss = -T.mean(t * T.log(p) + (1.0 - t) * T.log(1.0 - p))
    params = [W1, b1, W2, b2]
    grads = T.grad(loss, params)
    updates = [(q, q - 0.5 * gq) for q, gq in zip(params, grads)]
    train = theano.function([x, t], [loss, in_mask, h_mask], updates=updates)
    return train, params, X, y


def run_mlp(theano, MRG_RandomStreams, steps=5):
    train, params, X, y = build_mlp(theano, MRG_RandomStreams)
    record = []
    for _ in range(steps):
        loss, m1, m2 = train(X, y)
        record.append((loss, m1, m2))
    return record, [q.get_value() for q in params]


def enc(a):
    a = np.asarray(a)
    d = {'dtype': str(a.dtype), 'shape': list(a.shape)}
    if a.dtype.kind == 'f':
        d['hex'] = [float(v).hex() for v in a.ravel()]
    else:
        d['data'] = a.ravel().tolist()
    return d


def dec(d):
    if 'hex' in d:
        return np.array([float.fromhex(h) for h in d['hex']]).astype(d['dtype']).reshape(d['shape'])
    return np.array(d['data'], dtype=d['dtype']).reshape(d['shape'])


def main(path):
    import theano
    from theano.sandbox.rng_mrg import MRG_RandomStreams
    fx = theano.config.floatX
    data = {'theano': theano.__version__, 'floatX': fx, 'seed': 234,
            'calls': [[label, [[k, enc(v)] for k, v in outs]]
                      for label, outs in run_streams(theano, MRG_RandomStreams, 234)]}
    if fx == 'float64':
        record, final = run_mlp(theano, MRG_RandomStreams)
        data['mlp'] = {'steps': [[enc(l), enc(a), enc(b)] for l, a, b in record],
                       'final_params': [enc(q) for q in final]}
    with open(path, 'w') as fh:
        json.dump(data, fh, separators=(',', ':'))


def merge(paths, out):
    runs = [json.load(open(p)) for p in paths]
    with open(out, 'w') as fh:
        json.dump({r['floatX']: r for r in runs}, fh, separators=(',', ':'))
        fh.write('\n')


if __name__ == '__main__':
    if sys.argv[1] == '--merge':
        merge(sys.argv[2:-1], sys.argv[-1])
    else:
        main(sys.argv[1])
