"""Call-time value checks in compiled functions -> tests/golden/checks.json: the error class and message
Theano 1.0.5 raises at call time, and whether the failing call changed a shared variable (it must not).

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_checks.py > tests/golden/checks.json

Each case is ``case(theano, T) -> (shared variables, function, calls)``; tests/test_checks.py replays the
same cases against theano_compat, so this module imports without Theano.
"""
import json

import numpy as np


def classifier(theano, T):
    # Theano rewrites log(softmax(x))[arange(y.shape[0]), y] into crossentropy_softmax_argmax_1hot_with_bias,
    # whose C code rejects a label outside [0, n) with ValueError (negative ones too).
    rng = np.random.RandomState(0)
    W = theano.shared(rng.randn(4, 3), name="W")
    x, y = T.dmatrix("x"), T.ivector("y")
    p = T.nnet.softmax(T.dot(x, W))
    cost = -T.mean(T.log(p)[T.arange(y.shape[0]), y])
    f = theano.function([x, y], cost, updates=[(W, W - 0.1 * T.grad(cost, W))])
    xv = rng.randn(5, 4)
    return [W], f, [(xv, np.array(v, "int32")) for v in ([0, 1, 2, 0, 1], [0, 1, 3, 0, 1], [0, 1, -4, 0, 1],
                                                        [0, 1, -1, 0, 1], [2, 2, 2, 2, 2])]


def index_input(theano, T):
    x = theano.shared(np.arange(3.0), name="x")
    i = T.lscalar("i")
    return [x], theano.function([i], x[i], updates=[(x, x * 2)]), [(1,), (5,), (-3,), (-4,)]


def index_vector_input(theano, T):
    x = theano.shared(np.arange(4.0), name="x")
    i = T.lvector("i")
    f = theano.function([i], x[i].sum(), updates=[(x, x + 1)])
    return [x], f, [(np.array([0, 3]),), (np.array([0, 4]),), (np.array([-5]),)]


def index_shared(theano, T):
    # the index is computed from a shared variable: checked inside the step
    x = theano.shared(np.arange(3.0), name="x")
    idx = theano.shared(np.array([0, 2]), name="idx")
    k = T.lscalar("k")
    f = theano.function([k], x[idx + k], updates=[(x, x * 2), (idx, idx + 0)])
    return [x, idx], f, [(0,), (1,), (-5,)]


def int_division(theano, T):
    s = theano.shared(np.int64(7), name="s")
    a, b = T.lscalar("a"), T.lscalar("b")
    return [s], theano.function([a, b], [a // b, a % b], updates=[(s, s + 1)]), [(7, 2), (7, 0)]


def in_scan(theano, T):
    x = theano.shared(np.arange(3.0), name="x")
    idx = T.lvector("idx")
    out, _ = theano.scan(lambda i: x[i] * 2, sequences=idx)
    f = theano.function([idx], out, updates=[(x, x + 1)])
    return [x], f, [(np.array([0, 2]),), (np.array([0, 3]),)]


def assert_and_shape(theano, T):
    x = theano.shared(np.arange(3.0), name="x")
    v, n = T.dvector("v"), T.lscalar("n")
    checked = T.opt.Assert("v must be positive")(v, T.all(v > 0))
    f = theano.function([v, n], T.specify_shape(checked, (n,)).sum(), updates=[(x, x + 1)])
    return [x], f, [(np.ones(2), 2), (-np.ones(2), 2), (np.ones(2), 3)]


CASES = [classifier, index_input, index_vector_input, index_shared, int_division, in_scan, assert_and_shape]


def run(case, theano, T):
    """The steps of one case: each call's output, or its error and whether a shared variable changed."""
    shared, f, calls = case(theano, T)
    steps = []
    for args in calls:
        before = [s.get_value() for s in shared]
        try:
            out = f(*args)
            steps.append({"ok": np.asarray(out).tolist()})
        except Exception as e:
            changed = any(not np.array_equal(b, s.get_value()) for b, s in zip(before, shared))
            steps.append({"raise": type(e).__name__, "msg": str(e).splitlines()[0], "changed": changed})
    return steps


if __name__ == "__main__":
    import theano
    import theano.tensor as T
    import theano.tensor.opt  # noqa: F401  (T.opt.Assert)
    print(json.dumps({case.__name__: run(case, theano, T) for case in CASES}, indent=1))
