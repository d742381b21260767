import numpy as np, theano
from theano import tensor as T


def case(name):
    x = T.dvector('x')
    c = theano.shared(np.float64(1.0), name='c'); c.default_update = c * 2
    w = theano.shared(np.asarray([1., 2.]), name='w')
    rs = T.shared_randomstreams.RandomStreams(1)
    fn, wrt = {"seq_reads_c": (lambda xt: xt * c, x), "nonseq_reads_c": (lambda xt: (xt + c) * w, w),
               "seq_reads_rng": (lambda xt: xt * rs.uniform(()), x),
               "nonseq_reads_rng": (lambda xt: (xt + rs.uniform(())) * w, w)}[name]
    try:
        out, upd = theano.scan(fn, sequences=x)
        g = T.grad(out.sum(), wrt)
        print(name, "ok", theano.function([x], g, updates=upd)(np.ones(3)).tolist())
    except Exception as e:
        print(name, type(e).__name__, str(e)[:200])


for name in ["seq_reads_c", "nonseq_reads_c", "seq_reads_rng", "nonseq_reads_rng"]:
    case(name)
