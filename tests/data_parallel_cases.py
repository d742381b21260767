"""The training loops of tests/test_data_parallel.py: small legacy Theano code, written as Theano users write it.

The test runs them in its own process (one device, the data_parallel flag off) and, as this script, in a
process with N simulated CPU devices (XLA_FLAGS=--xla_force_host_platform_device_count=N, data_parallel=N),
or in one of several processes joined by jax.distributed:

    python tests/data_parallel_cases.py CASE[,CASE...] DTYPE[,DTYPE...]

prints one JSON object: {"CASE-DTYPE": result} (see `run`).
"""
import json
import pickle
import sys
import warnings

import numpy as np

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.scan_module import scan
from theano_compat.tensor.nnet import conv2d
from theano_compat.tensor.signal import pool

STEPS = 20
LR = 0.1


def _shared(rng, shapes, dtype):
    return [theano.shared((rng.randn(*s) / np.sqrt(s[0] if len(s) < 4 else np.prod(s[1:]))).astype(dtype),
                          name=f"p{k}") for k, s in enumerate(shapes)]


def _sgd(params, cost):
    return [(p, p - np.asarray(LR, p.dtype) * g) for p, g in zip(params, T.grad(cost, params))]


def _nll(p_y, y):
    return -T.mean(T.log(p_y)[T.arange(y.shape[0]), y])


def mlp(dtype):
    """784-style MLP, shrunk: 12-16-4 tanh, softmax; four minibatches of 16 as numpy inputs."""
    rng = np.random.RandomState(0)
    params = _shared(rng, [(12, 16), (16,), (16, 4), (4,)], dtype)
    x, y = T.matrix("x", dtype=dtype), T.ivector("y")
    h = T.tanh(T.dot(x, params[0]) + params[1])
    cost = _nll(T.nnet.softmax(T.dot(h, params[2]) + params[3]), y)
    f = theano.function([x, y], cost, updates=_sgd(params, cost))
    xs, ys = rng.rand(4, 16, 12).astype(dtype), rng.randint(0, 4, (4, 16)).astype("int32")
    return f, params, lambda k: f(xs[k % 4], ys[k % 4]), (xs[0], ys[0])


def lenet(dtype, batch=8):
    """LeNet shrunk: conv 3x3 (2 maps), max-pool 2, tanh; conv 3x3 (3 maps), pool, tanh; 6 tanh; softmax."""
    rng = np.random.RandomState(1)
    params = _shared(rng, [(2, 1, 3, 3), (2,), (3, 2, 3, 3), (3,), (3, 6), (6,), (6, 3), (3,)], dtype)
    W0, b0, W1, b1, W2, b2, W3, b3 = params
    x, y = T.matrix("x", dtype=dtype), T.ivector("y")
    h = x.reshape((batch, 1, 10, 10))
    h = T.tanh(pool.pool_2d(conv2d(h, W0), (2, 2), ignore_border=True) + b0.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(pool.pool_2d(conv2d(h, W1), (2, 2), ignore_border=True) + b1.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(T.dot(h.flatten(2), W2) + b2)
    cost = _nll(T.nnet.softmax(T.dot(h, W3) + b3), y)
    f = theano.function([x, y], cost, updates=_sgd(params, cost))
    xs, ys = rng.rand(2, batch, 100).astype(dtype), rng.randint(0, 3, (2, batch)).astype("int32")
    return f, params, lambda k: f(xs[k % 2], ys[k % 2]), (xs[0], ys[0])


def rnn(dtype):
    """tanh RNN through scan over time (6 steps), batch 8 inside each step, squared error, BPTT."""
    rng = np.random.RandomState(2)
    params = _shared(rng, [(3, 5), (5, 5), (5,)], dtype)
    Wx, Wh, b = params
    X, Y = T.tensor3("X", dtype=dtype), T.tensor3("Y", dtype=dtype)
    h0 = T.zeros((X.shape[1], Wh.shape[0]), dtype=dtype)
    h, _ = scan(lambda x_t, h_prev: T.tanh(T.dot(x_t, Wx) + T.dot(h_prev, Wh) + b), sequences=X, outputs_info=h0)
    cost = T.mean((h - Y) ** 2)
    f = theano.function([X, Y], cost, updates=_sgd(params, cost))
    Xs, Ys = rng.randn(2, 6, 8, 3).astype(dtype), (rng.rand(2, 6, 8, 5) * 2 - 1).astype(dtype)
    return f, params, lambda k: f(Xs[k % 2], Ys[k % 2]), (Xs[0], Ys[0])


def logistic(dtype):
    """logistic_sgd.py's pattern: the dataset in shared variables, minibatches by `givens` slices of an index;
    38 rows in batches of 8: four full ones and a trailing one of 6."""
    rng = np.random.RandomState(3)
    data, labels = rng.randn(38, 5).astype(dtype), rng.randint(0, 3, 38)
    train_x = theano.shared(data, borrow=True)
    train_y = T.cast(theano.shared(labels.astype(dtype), borrow=True), "int32")
    index, x, y = T.lscalar("index"), T.matrix("x", dtype=dtype), T.ivector("y")
    params = [theano.shared(np.zeros((5, 3), dtype), name="W"), theano.shared(np.zeros(3, dtype), name="b")]
    cost = _nll(T.nnet.softmax(T.dot(x, params[0]) + params[1]), y)
    bs = 8
    f = theano.function([index], cost, updates=_sgd(params, cost),
                        givens={x: train_x[index * bs:(index + 1) * bs], y: train_y[index * bs:(index + 1) * bs]})
    return f, params, lambda k: f(k % 5), (0,)


def perform(dtype):
    """A user Op's perform (host code) inside a step whose batch could be split: runs replicated, warns."""
    from test_user_ops import _counting_op  # x + 1 in numpy
    Counting, _ = _counting_op()
    W = theano.shared(np.linspace(-1, 1, 6).reshape(3, 2).astype(dtype), name="W")
    x = T.matrix("x", dtype=dtype)
    cost = T.sum(T.dot(Counting()(x), W) ** 2)
    f = theano.function([x], cost, updates=_sgd([W], cost))
    xs = np.random.RandomState(4).rand(8, 3).astype(dtype)
    return f, [W], lambda k: f(xs), (xs,)


def draws(dtype):
    """RandomStreams' numpy draws whose probabilities the step computes (an RBM's sampling): by callback."""
    from theano_compat.tensor.shared_randomstreams import RandomStreams
    srng = RandomStreams(seed=5)
    W = theano.shared(np.linspace(-1, 1, 6).reshape(3, 2).astype(dtype), name="W")
    x = T.matrix("x", dtype=dtype)
    a = T.dot(x, W)
    sample = theano.gradient.disconnected_grad(srng.binomial(size=a.shape, p=T.nnet.sigmoid(a), dtype=dtype))
    cost = T.sum(sample * a)
    f = theano.function([x], cost, updates=_sgd([W], cost))
    xs = np.random.RandomState(6).rand(8, 3).astype(dtype)
    return f, [W], lambda k: f(xs), (xs,)


CASES = {"mlp": mlp, "lenet": lenet, "rnn": rnn, "logistic": logistic, "perform": perform, "draws": draws}


def placement_of(f, params, example):
    """How a function's step and its shared values are laid out: the shared values' (device count, fully
    replicated); for a data-parallel step, the batch axis of each input, which ways it was split, and whether
    XLA's compiled step for `example` (the first call's inputs) reduces across devices."""
    internal = [p.get_value(borrow=True, return_internal_type=True) for p in params]
    shardings = [[len(v.sharding.device_set), bool(v.sharding.is_fully_replicated)]
                 if hasattr(v, "sharding") else None for v in internal]
    step = f._fast.host if f._fast is not None else next(iter(f._compiled.values())).host
    if not hasattr(step, "_jits"):
        return {"shared": shardings}
    jitted, args = step._prepared(list(example) + [s.container.value for s in f._shared])
    reduces = "all-reduce" in jitted.lower(*args).compile().as_text()
    return {"shared": shardings, "axes": step._axes, "variants": sorted(list(k) for k in step._jits),
            "all_reduce": reduces}


def run(case, dtype):
    """STEPS calls: their losses, the final parameters, the layout, the warnings, the pickled parameters."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f, params, step, example = CASES[case](dtype)
        losses = [float(step(k)) for k in range(STEPS)]
    values = [p.get_value() for p in params]
    reloaded = pickle.loads(pickle.dumps(params[0]))
    pickled_function = pickle.dumps(f).hex() if case == "mlp" else None  # before the extra call below
    return {"losses": losses, "params": [v.ravel().tolist() for v in values],
            "dtypes": [str(v.dtype) for v in values], "placement": placement_of(f, params, example),
            "warnings": sorted({str(w.message) for w in caught if "data_parallel" in str(w.message)}),
            "pickled": pickle.dumps(params[0]).hex(),
            "reloaded_equal": bool(np.array_equal(reloaded.get_value(), values[0])),
            "pickled_function": pickled_function, "next_loss": float(f(*example))}


def differing():
    """On several processes: a shared variable whose initial value differs per process is refused."""
    import jax
    try:
        theano.shared(np.full(2, float(jax.process_index())))
    except ValueError as e:
        return str(e)
    return None


def main(argv):
    cases, dtypes = argv[0].split(","), argv[1].split(",")
    out = {f"{c}-{d}": run(c, d) for c in cases for d in dtypes}
    if "differing" in argv[2:]:
        out["differing"] = differing()
    if "host" in argv[2:]:  # several processes: host code inside a step is refused
        try:
            run("perform", "float64")
        except NotImplementedError as e:
            out["host"] = str(e)
    print("JSON " + json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
