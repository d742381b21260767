"""A legacy Theano script that times itself: run it under Theano 1.0.5 or under theano_compat (the alias).

    python legacy_steps.py [--quick] [--repeats N] [--only a,b]     (prints one JSON line of seconds)

Cases: the scalar call f(x, y) = x * y ** 2; one SGD step of an MLP 784-500-10 (batch 128), of LeNet
(20/50 5x5 filters, 500 hidden; batch 500, 100 with --quick) and of a tanh RNN through scan with BPTT
(L=100 B=32 H=256; L=50 B=16 H=128 with --quick). For each: the first call (build the graph, compile, run
once), and the median wall time and least CPU time of later calls. Nothing here is theano_compat's: bench_theano.py runs it on both.
"""
import argparse
import json
import time

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.nnet import conv2d
from theano.tensor.signal import pool

LR = np.float32(0.01)


def _timed(fn, repeats, inner=1):
    """(median wall seconds, least CPU seconds) per call: on a shared machine the process's CPU time is the
    steadier measure of one single-threaded process's work."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(inner):
            fn()
        wall.append((time.perf_counter() - t0) / inner)
        cpu.append((time.process_time() - c0) / inner)
    return float(np.median(wall)), float(min(cpu))


def _sgd(params, cost):
    return [(p, p - LR * g) for p, g in zip(params, T.grad(cost, params))]


def _nll(p_y, y):
    return -T.mean(T.log(p_y)[T.arange(y.shape[0]), y])


def scalar():
    x, y = T.dscalar("x"), T.dscalar("y")
    f = theano.function([x, y], x * y ** 2)
    return lambda: f(2.0, 3.0)


def mlp(quick):
    rng = np.random.RandomState(0)
    sizes, batch = (784, 500, 10), 128
    W1, W2 = (theano.shared((rng.randn(a, b) / np.sqrt(a)).astype("float32")) for a, b in zip(sizes, sizes[1:]))
    b1, b2 = theano.shared(np.zeros(500, "float32")), theano.shared(np.zeros(10, "float32"))
    x, y = T.fmatrix("x"), T.ivector("y")
    p_y = T.nnet.softmax(T.dot(T.tanh(T.dot(x, W1) + b1), W2) + b2)
    cost = _nll(p_y, y)
    f = theano.function([x, y], cost, updates=_sgd([W1, b1, W2, b2], cost))
    xv, yv = rng.rand(batch, 784).astype("float32"), rng.randint(0, 10, batch).astype("int32")
    return lambda: f(xv, yv)


def lenet(quick):
    rng = np.random.RandomState(0)
    batch, nk = (100 if quick else 500), (20, 50)
    shapes = [(nk[0], 1, 5, 5), (nk[0],), (nk[1], nk[0], 5, 5), (nk[1],), (nk[1] * 16, 500), (500,), (500, 10),
              (10,)]
    params = [theano.shared((rng.uniform(-0.1, 0.1, s) if len(s) > 1 else np.zeros(s)).astype("float32"))
              for s in shapes]
    W0, b0, W1, b1, W2, b2, W3, b3 = params
    x, y = T.fmatrix("x"), T.ivector("y")
    h = x.reshape((batch, 1, 28, 28))
    h = T.tanh(pool.pool_2d(conv2d(h, W0, filter_shape=shapes[0], input_shape=(batch, 1, 28, 28)), (2, 2),
                            ignore_border=True) + b0.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(pool.pool_2d(conv2d(h, W1, filter_shape=shapes[2], input_shape=(batch, nk[0], 12, 12)), (2, 2),
                            ignore_border=True) + b1.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(T.dot(h.flatten(2), W2) + b2)
    cost = _nll(T.nnet.softmax(T.dot(h, W3) + b3), y)
    f = theano.function([x, y], cost, updates=_sgd(params, cost))
    xv, yv = rng.rand(batch, 784).astype("float32"), rng.randint(0, 10, batch).astype("int32")
    return lambda: f(xv, yv)


def rnn(quick):
    rng = np.random.RandomState(0)
    steps, batch, hidden = (50, 16, 128) if quick else (100, 32, 256)
    Wx, Wh = (theano.shared((rng.randn(hidden, hidden) / np.sqrt(hidden)).astype("float32")) for _ in range(2))
    b = theano.shared(np.zeros(hidden, "float32"))
    X, Y = T.tensor3("X", dtype="float32"), T.tensor3("Y", dtype="float32")
    h0 = T.zeros((X.shape[1], hidden), dtype="float32")
    h, _ = theano.scan(lambda x_t, h_prev: T.tanh(T.dot(x_t, Wx) + T.dot(h_prev, Wh) + b), sequences=X,
                       outputs_info=h0)
    cost = T.mean((h - Y) ** 2)
    f = theano.function([X, Y], cost, updates=_sgd([Wx, Wh, b], cost))
    Xv = rng.randn(steps, batch, hidden).astype("float32")
    Yv = (rng.rand(steps, batch, hidden) * 2 - 1).astype("float32")
    return lambda: f(Xv, Yv)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--only", default="scalar,mlp,lenet,rnn")
    args = ap.parse_args()
    out = {}
    for name in args.only.split(","):
        t0 = time.perf_counter()
        step = scalar() if name == "scalar" else globals()[name](args.quick)
        step()
        out[name + " first call"] = time.perf_counter() - t0
        inner = 2000 if name == "scalar" else 1
        _timed(step, 2, inner)  # warm up
        out[name], out[name + " cpu"] = _timed(step, args.repeats, inner)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
