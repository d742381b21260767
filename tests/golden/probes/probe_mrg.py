"""Oracle probe for theano.sandbox.rng_mrg.MRG_RandomStreams (Theano 1.0.5).

Run under the real Theano (float64 floatX, C backend):
    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_mrg.py \
        tests/golden/mrg.json

Each case builds one MRG_RandomStreams, creates its variables in order
(recording every variable's initial shared rstate and the host rstate after
creation), compiles one function returning all of them, calls it twice
(recording outputs and shared states after each call), and optionally
reseeds with rng.seed(s) and calls once more.

Floats are stored as float.hex strings (float32 values exactly, since
float32 -> float is exact); states as full lists when small, else
head/tail rows plus a sha256 of the whole int32 array.
"""
import hashlib
import json
import sys

import numpy as np
import theano
from theano.sandbox.rng_mrg import MRG_RandomStreams

FULL_STATE_ROWS = 64


def enc_state(a):
    a = np.ascontiguousarray(np.asarray(a), dtype='<i4')
    d = {'shape': list(a.shape),
         'sha256': hashlib.sha256(a.tobytes()).hexdigest()}
    if a.ndim == 1 or a.shape[0] <= FULL_STATE_ROWS:
        d['data'] = a.tolist()
    else:
        d['head'] = a[:4].tolist()
        d['tail'] = a[-2:].tolist()
    return d


def enc_array(a):
    a = np.asarray(a)
    d = {'dtype': str(a.dtype), 'shape': list(a.shape)}
    if a.dtype.kind == 'f':
        d['hex'] = [float(v).hex() for v in a.ravel()]
    else:
        d['data'] = a.ravel().tolist()
    return d


P23 = [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]
P25 = [[0.1, 0.2, 0.3, 0.15, 0.25], [0.05, 0.5, 0.05, 0.3, 0.1]]


def per_dtype_vars(dt):
    return [
        ('uniform', dict(size=[7], dtype=dt)),
        ('uniform', dict(size=[3, 5], dtype=dt)),
        ('uniform', dict(size=[1], dtype=dt)),
        ('uniform', dict(size=[2, 3, 4], dtype=dt)),
        ('uniform', dict(size=[100], dtype=dt)),
        ('uniform', dict(size=[3, 5], low=-2.5, high=3.7, dtype=dt)),
        ('normal', dict(size=[7], dtype=dt)),
        ('normal', dict(size=[2, 3, 4], avg=1.5, std=2.5, dtype=dt)),
        ('normal', dict(size=[1], dtype=dt)),
        ('binomial', dict(size=[3, 5], p=0.3)),
        ('uniform', dict(size=[10], nstreams=4, dtype=dt)),
        ('normal', dict(size=[5], nstreams=3, dtype=dt)),
    ]


def cases():
    out = []
    for seed in (12345, 1, 42, 2 ** 30 + 7):
        for dt in ('float32', 'float64'):
            out.append(dict(name='seed%d_%s' % (seed, dt), seed=seed,
                            vars=per_dtype_vars(dt)))
    out.append(dict(name='misc', seed=12345, reseed=7, vars=[
        ('uniform', dict(size=[3], nstreams=10, dtype='float64')),
        ('uniform', dict(size=[1000], dtype='float32')),
        ('uniform', dict(size=[4], dtype='float16')),
        ('uniform', dict(size=[3, 5], dtype='float16')),
        ('uniform', dict(size=[2, 3], low=0.1, high=0.9)),   # default dtype
        ('normal', dict(size=[2000], dtype='float32')),
        ('normal', dict(size=[3, 3], avg=-1.0, std=0.5, dtype='float64')),
        ('normal', dict(size=[4])),                          # default dtype
        ('binomial', dict(size=[2, 7], p=0.5, dtype='float32')),
        ('multinomial', dict(pvals=P23, pdtype='float64', n=1)),
        ('multinomial', dict(pvals=P23, pdtype='float32', n=3)),
        ('choice', dict(p=P25, pdtype='float64', size=3)),
        ('choice', dict(p=P25, pdtype='float32', size=4)),
    ]))
    out.append(dict(name='truncated', seed=2 ** 30 + 7, vars=[
        ('normal', dict(size=[7], truncate=True, dtype='float32')),
        ('normal', dict(size=[201], truncate=True, dtype='float32')),
        ('normal', dict(size=[10, 20], truncate=True, avg=1.0, std=2.0,
                        dtype='float64')),
        # same size/dtype as above: the test reuses the compiled kernel
        ('truncated_normal', dict(size=[10, 20], dtype='float64')),
        ('truncated_normal', dict(size=[201], std=0.5, dtype='float32')),
        ('normal', dict(size=[64], truncate=True, nstreams=5,
                        dtype='float64')),
    ]))
    for seed in (-7, [1, 2, 3, 4, 5, 6], [2147483646, 5, 9, 2147462578, 1, 0]):
        out.append(dict(name='seed%s' % seed, seed=seed, vars=[
            ('uniform', dict(size=[7], dtype='float64')),
            ('normal', dict(size=[3], dtype='float32')),
            ('uniform', dict(size=[20], dtype='float32')),
        ]))
    return out


def make_var(rng, method, kw):
    kw = dict(kw)
    if method in ('uniform', 'normal', 'binomial', 'truncated_normal'):
        kw['size'] = tuple(kw['size'])
        return getattr(rng, method)(**kw)
    if method == 'multinomial':
        pv = np.asarray(kw.pop('pvals'), dtype=kw.pop('pdtype'))
        return rng.multinomial(pvals=pv, **kw)
    if method == 'choice':
        p = np.asarray(kw.pop('p'), dtype=kw.pop('pdtype'))
        return rng.choice(p=p, replace=False, **kw)
    raise ValueError(method)


def run_case(case):
    rng = MRG_RandomStreams(case['seed'])
    rec = dict(name=case['name'], seed=case['seed'],
               host_rstate0=enc_state(rng.rstate), vars=[])
    outs = []
    for method, kw in case['vars']:
        n_before = len(rng.state_updates)
        v = make_var(rng, method, kw)
        # truncated normals own two shared rstates (sample, redraws)
        new = [u[0] for u in rng.state_updates[n_before:]]
        rec['vars'].append(dict(
            method=method, kwargs=kw, out_dtype=str(v.dtype),
            states0=[enc_state(r.get_value()) for r in new],
            host_rstate_after=enc_state(rng.rstate)))
        outs.append(v)
    shared = [u[0] for u in rng.state_updates]
    f = theano.function([], outs)
    rec['calls'] = []
    for _ in range(2):
        vals = f()
        rec['calls'].append(dict(
            outputs=[enc_array(a) for a in vals],
            states=[enc_state(s.get_value()) for s in shared]))
    if case.get('reseed') is not None:
        rng.seed(case['reseed'])
        rec['reseed'] = dict(
            seed=case['reseed'],
            states=[enc_state(s.get_value()) for s in shared],
            host_rstate=enc_state(rng.rstate))
        vals = f()
        rec['reseed']['outputs'] = [enc_array(a) for a in vals]
    return rec


def main():
    assert theano.config.floatX == 'float64'
    data = dict(theano=theano.__version__, numpy=np.__version__,
                floatX=theano.config.floatX,
                cases=[run_case(c) for c in cases()])
    text = json.dumps(data, indent=None, separators=(',', ':'))
    if len(sys.argv) > 1:
        with open(sys.argv[1], 'w') as fh:
            fh.write(text + '\n')
    else:
        print(text)


if __name__ == '__main__':
    main()
