"""Oracle probe: the output types (dtype, broadcastable) of RandomStreams and MRG_RandomStreams draws.

Run under the real Theano, once per floatX, and merge:
    R=../shared/theano-oracle/run.sh
    THEANO_FLAGS=floatX=float64 bash $R tests/golden/probes/probe_random_types.py /tmp/t64.json
    THEANO_FLAGS=floatX=float32 bash $R tests/golden/probes/probe_random_types.py /tmp/t32.json
    python tests/golden/probes/probe_random_types.py --merge /tmp/t64.json /tmp/t32.json \
        tests/golden/random_types.json

tests/test_random_streams.py imports CASES, so the probe and the test build the same variables.
"""
import json
import sys

import numpy as np

# name -> builder(s: RandomStreams, m: MRG_RandomStreams, T: theano.tensor)
CASES = {
    'u': lambda s, m, T: s.uniform((2,)),
    'u_int': lambda s, m, T: s.uniform((2,), low=0, high=10),
    'u_i32': lambda s, m, T: s.uniform((2,), low=np.int32(0), high=1),
    'u_f64': lambda s, m, T: s.uniform((2,), low=np.float64(0)),
    'u_f32': lambda s, m, T: s.uniform((2,), dtype='float32'),
    'n': lambda s, m, T: s.normal((2,)),
    'n_f64': lambda s, m, T: s.normal((2,), avg=np.float64(1)),
    'n_f32v': lambda s, m, T: s.normal(avg=T.fvector()),
    'b': lambda s, m, T: s.binomial((2,)),
    'b_f': lambda s, m, T: s.binomial((2,), dtype='float32'),
    'ri': lambda s, m, T: s.random_integers((2,), dtype='int32'),
    'perm': lambda s, m, T: s.permutation((2, 3), n=4),
    'perm1': lambda s, m, T: s.permutation(n=4),
    'mn_none': lambda s, m, T: s.multinomial(pvals=T.matrix()),
    'mn_size': lambda s, m, T: s.multinomial((3,), n=4, pvals=[.1, .2, .7]),
    'ch': lambda s, m, T: s.choice((2,)),
    'ch_none': lambda s, m, T: s.choice(),
    'po': lambda s, m, T: s.poisson((2,), lam=1.0),
    'u1': lambda s, m, T: s.uniform((1, 3)),
    'u_m1': lambda s, m, T: s.uniform((-1, 3), low=T.row()),
    'u_sym': lambda s, m, T: s.uniform(T.matrix().shape),
    'u_scalar': lambda s, m, T: s.uniform(),
    'shuffle': lambda s, m, T: s.shuffle_row_elements(T.matrix()),
    'mu': lambda s, m, T: m.uniform((2,)),
    'mu_int': lambda s, m, T: m.uniform((2,), low=0, high=10),
    'mu1': lambda s, m, T: m.uniform((1, 3)),
    'mu_list': lambda s, m, T: m.uniform([2, 3]),
    'mn': lambda s, m, T: m.normal((2,)),
    'mn_f64': lambda s, m, T: m.normal((2,), avg=np.float64(1)),
    'mn1': lambda s, m, T: m.normal((1, 3)),
    'mn_int': lambda s, m, T: m.normal(5),
    'mb': lambda s, m, T: m.binomial((2,)),
    'mb_f': lambda s, m, T: m.binomial((2,), dtype='float32'),
    'mb_n2': lambda s, m, T: m.binomial((2,), n=2),
    'mm': lambda s, m, T: m.multinomial(pvals=T.matrix()),
    'mm_auto': lambda s, m, T: m.multinomial(pvals=T.fmatrix(), dtype='auto'),
    'mm_size': lambda s, m, T: m.multinomial(size=(2,), pvals=T.matrix()),
    'mc': lambda s, m, T: m.choice(size=2, p=T.matrix(), replace=False),
    'mc_replace': lambda s, m, T: m.choice(size=2, p=T.matrix()),
}


def record(theano, RandomStreams, MRG_RandomStreams):
    """name -> [dtype, broadcastable] or [error class name]."""
    s, m = RandomStreams(1), MRG_RandomStreams(1)
    out = {}
    for name, build in CASES.items():
        try:
            v = build(s, m, theano.tensor)
            out[name] = [v.dtype, [bool(b) for b in v.broadcastable]]
        except Exception as e:  # noqa: BLE001  (the error class is the record)
            out[name] = [type(e).__name__]
    return out


def main(path):
    import theano
    from theano.tensor.shared_randomstreams import RandomStreams
    from theano.sandbox.rng_mrg import MRG_RandomStreams
    with open(path, 'w') as fh:
        json.dump({'floatX': theano.config.floatX, 'types': record(theano, RandomStreams, MRG_RandomStreams)}, fh)


if __name__ == '__main__':
    if sys.argv[1] == '--merge':
        runs = [json.load(open(p)) for p in sys.argv[2:-1]]
        with open(sys.argv[-1], 'w') as fh:
            json.dump({r['floatX']: r['types'] for r in runs}, fh, indent=1, sort_keys=True)
            fh.write('\n')
    else:
        main(sys.argv[1])
