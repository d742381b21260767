"""RandomStreams and raw_random (theano.tensor.shared_randomstreams): Theano's numbers, types and state semantics.

The draws are recorded from Theano 1.0.5 by tests/golden/probes/probe_random_streams.py
(tests/golden/random_streams.json) and must match bit for bit; the types come from
tests/golden/probes/probe_random_types.py (tests/golden/random_types.json). The fast option
(theano.config.randomstreams = 'threefry') draws other numbers: those are checked statistically.
"""
import copy
import pickle

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import floatX, load_golden, load_probe
from theano_compat.compile.gradient import NullTypeGradError
from theano_compat.ops.random_threefry import ThreefryState
from theano_compat.sandbox.rng_mrg import MRG_RandomStreams
from theano_compat.tensor import raw_random
from theano_compat.tensor.shared_randomstreams import RandomStreams, RandomStateSharedVariable

PROBE = load_probe("probe_random_streams")
GOLDEN = load_golden("random_streams.json")
TYPES = load_golden("random_types.json")
N = 20000
# values that go through float arithmetic after the draws (a loss, SGD weights): equal to the last bits
ARITHMETIC = {"dropout": ("step0:0", "step1:0", "step2:0", "step3:0", "W1", "W2")}


@pytest.fixture
def threefry():
    old = theano.config.randomstreams
    theano.config.randomstreams = "threefry"
    yield
    theano.config.randomstreams = old


@pytest.mark.parametrize("fx,name", [(fx, name) for fx in ("float64", "float32") for name in GOLDEN[fx]["cases"]])
def test_draws_match_theano(fx, name):
    """Every recorded call of every case: the same labels, dtypes, shapes and bits (states: the same state)."""
    want = GOLDEN[fx]["cases"][name]
    with floatX(fx):
        got = PROBE.record(theano, RandomStreams, [name])[name]
    assert not isinstance(got, dict), got
    assert [label for label, _ in got] == [label for label, _ in want]
    loose = ARITHMETIC.get(name, ())
    for (label, g), (_, w) in zip(got, want):
        if label in loose:
            assert (g["dtype"], g["shape"]) == (w["dtype"], w["shape"]), label
            np.testing.assert_allclose(PROBE.dec(g), PROBE.dec(w), rtol=1e-13, atol=0, err_msg=label)
        else:
            assert g == w, f"{fx} {name} {label}"


@pytest.mark.parametrize("fx", ["float64", "float32"])
def test_types_match_theano(fx):
    types = load_probe("probe_random_types")
    with floatX(fx):
        assert types.record(theano, RandomStreams, MRG_RandomStreams) == TYPES[fx]


def _states(*variables):
    return [v.get_value().get_state() for v in variables]


def _same_states(a, b):
    return all(np.array_equal(x[1], y[1]) and x[2:] == y[2:] for x, y in zip(a, b))


def test_a_failing_call_changes_no_state():
    """numpy refusing a parameter, or another op failing after the draws: every state stays as it was."""
    s = RandomStreams(3)
    p, i = T.dscalar("p"), T.iscalar("i")
    W = theano.shared(np.ones(3), name="W")
    b, u = s.binomial((3,), p=p), s.uniform((3,))
    f = theano.function([p, i], [b, u, (u + W)[i]], updates=[(W, W + 1)])
    f(0.5, 0)
    before = _states(b.rng, u.rng)
    live = u.rng.get_value(borrow=True)
    with pytest.raises(ValueError, match="p < 0, p > 1 or p is NaN"):
        f(1.5, 0)
    with pytest.raises(IndexError):
        f(0.5, 7)
    assert _same_states(before, _states(b.rng, u.rng)) and u.rng.get_value(borrow=True) is live
    np.testing.assert_array_equal(W.get_value(), [2.0, 2.0, 2.0])
    want = copy.deepcopy(live).uniform(size=(3,))
    np.testing.assert_array_equal(f(0.5, 1)[1], want)  # the next call draws what the failed ones would have


def test_draws_known_before_the_call_are_made_before_the_step():
    """A dropout mask (size h.shape, constant p) is drawn ahead, with no callback; a binomial whose p the
    step computes is drawn by callback. Both commit only when the call succeeds."""
    s = RandomStreams(8)
    x, i = T.dmatrix("x"), T.iscalar("i")
    W = theano.shared(np.full((3, 2), 0.5), name="W")
    h = T.tanh(T.dot(x, W))
    mask = s.binomial(size=h.shape, p=0.5, dtype="float64")
    sample = s.binomial(size=h.shape, p=T.nnet.sigmoid(h))
    bad = s.binomial(size=(2,), p=1.5)
    f = theano.function([x, i], [h * mask, sample, (h * mask).sum(axis=1)[i]])
    g = theano.function([], bad)
    assert [n.outputs[1] for n in f._ahead.draws] == [mask]  # sample's p comes from the step
    state = mask.rng.get_value()
    xv = np.ones((4, 3))
    with pytest.raises(IndexError):
        f(xv, 9)
    with pytest.raises(ValueError, match="p < 0, p > 1 or p is NaN"):
        g()
    assert _same_states([state.get_state()], _states(mask.rng))
    out = f(xv, 0)
    np.testing.assert_array_equal(out[0] / np.tanh(1.5), state.binomial(1, 0.5, (4, 2)))
    assert _same_states([state.get_state()], _states(mask.rng))


def test_numpy_refusals_raise_theanos_errors():
    """Sizes that do not fit the parameters: ValueError, as numpy raises it in Theano's perform."""
    s = RandomStreams(1)
    lo, hi, size = T.dvector(), T.dvector(), T.lvector()
    f = theano.function([lo, hi, size], s.uniform(low=lo, high=hi, size=size, ndim=1))
    with pytest.raises(ValueError):
        f([-4.0, -2], [-1, 0], [1, 2])
    g = theano.function([lo, hi], s.uniform(low=lo, high=hi))
    with pytest.raises(ValueError):
        g([-4.0, -2], [-1, 0, 1])
    h = theano.function([size], s.uniform(size=size, ndim=2))
    with pytest.raises(ValueError):
        h([4])
    c = theano.function([], s.choice((7,), a=5, replace=False))
    with pytest.raises(ValueError, match="replace=False"):
        c()


def test_the_shared_state_is_the_users_random_state():
    """Theano's object semantics: the live RandomState is handed out with borrow=True and updated in place."""
    rng = np.random.RandomState(123)
    r_copy, r_borrowed = theano.shared(rng), theano.shared(rng, borrow=True)
    assert r_copy.container.storage[0] is not rng and r_borrowed.container.storage[0] is rng
    assert type(r_copy.get_value()) is np.random.RandomState
    s = RandomStreams(2)
    u = s.normal((3,))  # odd: leaves a cached gaussian, which the next draw uses first
    f = theano.function([], u)
    live = u.rng.get_value(borrow=True)
    assert live is u.rng.get_value(borrow=True, return_internal_type=True) is s[u.rng]
    assert u.rng.get_value() is not live
    expect = copy.deepcopy(live)
    first = f()
    assert u.rng.get_value(borrow=True) is live  # updated in place
    np.testing.assert_array_equal(first, expect.normal(size=(3,)))
    assert live.get_state()[3] == 1 and _same_states([live.get_state()], [expect.get_state()])
    np.testing.assert_array_equal(live.normal(size=2), expect.normal(size=2))  # the user draws from it too
    np.testing.assert_array_equal(f(), expect.normal(size=(3,)))
    with pytest.raises(TypeError):
        u.rng.set_value(np.zeros(3))
    with pytest.raises(TypeError):
        u.rng.set_value(ThreefryState(1))


def test_random_state_inputs_and_outputs():
    """A state passed in is not changed; the new state comes back as a new RandomState."""
    r = raw_random.random_state_type()
    post, out = raw_random.uniform(r, (2,))
    f = theano.function([r], [post, out])
    given = np.random.RandomState(4)
    new, val = f(given)
    assert type(new) is np.random.RandomState and new is not given
    np.testing.assert_array_equal(val, np.random.RandomState(4).uniform(size=(2,)))
    assert _same_states([given.get_state()], [np.random.RandomState(4).get_state()])
    np.testing.assert_array_equal(f(new)[1], given.uniform(size=(4,))[2:])
    with pytest.raises(TypeError):
        f(np.zeros(3))


def test_gradients():
    s = RandomStreams(1)
    W = theano.shared(np.ones(3), name="W")
    mask = s.binomial((3,), p=0.5, dtype="float64")
    f = theano.function([], [mask, T.grad(((W * mask) ** 2).sum(), W)])
    m, g = f()
    np.testing.assert_array_equal(g, 2 * m)
    with pytest.raises(NullTypeGradError):
        T.grad(s.normal((3,), avg=W).sum(), W)


def test_draws_with_parameters_from_the_step_inside_a_scan():
    """A callback draw inside scan whose parameters come from the step: the same draws once per call; and,
    as in Theano 1.0.5 (tests/golden/probes/probe_scan_draw_grad.py), no gradient through it (Theano says
    the gradient reads a random state the loop updates; here the draw's own undefined gradient says it first)."""
    s = RandomStreams(6)
    W = theano.shared(np.full((2, 2), 0.3), name="W")
    X = T.dmatrix("X")

    def step(xt, h):
        mask = s.binomial((2,), p=T.nnet.sigmoid(h), dtype="float64")
        return T.tanh(T.dot(h, W) * mask + xt)
    h, upd = theano.scan(step, sequences=X, outputs_info=T.zeros((2,), dtype="float64"))
    with pytest.raises(NullTypeGradError):
        T.grad(h.sum(), W)
    f = theano.function([X], [h, 2 * h], updates=upd)
    g = theano.function([X], h, no_default_updates=True)
    state = s.state_updates[0][0].get_value()
    h1, h2 = f(np.ones((4, 2)))
    s.state_updates[0][0].set_value(state)
    np.testing.assert_array_equal(h1, g(np.ones((4, 2))))
    np.testing.assert_array_equal(h2, 2 * h1)


def test_errors_at_build_time():
    s = RandomStreams(1)
    with pytest.raises(TypeError):
        s.choice()  # Theano: cannot infer the shape without size or args
    with pytest.raises(ValueError):
        s.uniform((2, 3), ndim=1)
    with pytest.raises(TypeError):
        s.uniform((2.5,))
    old = theano.config.randomstreams
    theano.config.randomstreams = "mt"
    try:
        with pytest.raises(ValueError, match="randomstreams"):
            s.uniform((2,))
    finally:
        theano.config.randomstreams = old


# --- the fast option: JAX's threefry generator on the device ---

def test_threefry_distributions(threefry):
    s = RandomStreams(seed=1)
    draws = dict(
        u=s.uniform((N,), low=-1.0, high=3.0), u32=s.uniform((N,), dtype="float32"),
        n=s.normal((N,), avg=2.0, std=3.0), b=s.binomial((N,), p=0.3), b5=s.binomial((N,), n=5, p=0.3),
        bf=s.binomial((N,), p=0.5, dtype="float32"), ri=s.random_integers((N,), low=-2, high=2),
        ch=s.choice((N,), a=5), chp=s.choice((N,), a=[10, 20, 30], p=[0.2, 0.3, 0.5]),
        chnr=s.choice((6,), a=6, replace=False), perm=s.permutation((50,), n=5),
        mn=s.multinomial((N // 10,), n=4, pvals=[0.1, 0.2, 0.7]), po=s.poisson((N,), lam=3.0),
        ub=s.uniform(low=np.zeros((2, 3)), high=[1.0, 2.0, 3.0]))
    assert all(v.rng.type.kind == "threefry" for v in draws.values())
    f = theano.function([], list(draws.values()))
    d = dict(zip(draws, f()))
    for k, v in d.items():
        assert v.dtype == draws[k].dtype and v.ndim == draws[k].ndim, k
    u = d["u"]
    assert u.shape == (N,) and -1 <= u.min() and u.max() < 3
    assert abs(u.mean() - 1) < 0.05 and abs(u.var() - 16 / 12) < 0.05
    assert d["u32"].dtype == np.float32 and 0 <= d["u32"].min() and d["u32"].max() < 1
    assert abs(d["n"].mean() - 2) < 0.1 and abs(d["n"].std() - 3) < 0.1
    assert set(np.unique(d["b"])) == {0, 1} and abs(d["b"].mean() - 0.3) < 0.02
    assert d["b5"].min() >= 0 and d["b5"].max() <= 5 and abs(d["b5"].mean() - 1.5) < 0.05
    assert set(np.unique(d["bf"])) == {0.0, 1.0}
    assert set(np.unique(d["ri"])) == {-2, -1, 0, 1, 2} and abs(d["ri"].mean()) < 0.05
    assert set(np.unique(d["ch"])) == set(range(5))
    np.testing.assert_allclose([np.mean(d["chp"] == v) for v in (10, 20, 30)], [0.2, 0.3, 0.5], atol=0.02)
    assert sorted(d["chnr"]) == list(range(6))
    assert d["perm"].shape == (50, 5) and (np.sort(d["perm"], axis=1) == np.arange(5)).all()
    assert d["mn"].shape == (N // 10, 3) and (d["mn"].sum(axis=1) == 4).all()
    np.testing.assert_allclose(d["mn"].mean(axis=0), [0.4, 0.8, 2.8], atol=0.08)
    assert abs(d["po"].mean() - 3) < 0.08 and abs(d["po"].var() - 3) < 0.15
    assert d["ub"].shape == (2, 3) and (d["ub"] >= 0).all() and (d["ub"] < [1, 2, 3]).all()


def test_threefry_state_semantics(threefry):
    s = RandomStreams(seed=5)
    u = s.uniform((4,))
    f1, f2 = theano.function([], u), theano.function([], u)
    a, b = f1(), f2()
    assert not np.array_equal(a, b)  # f2 continues the stream f1 advanced
    s.seed(5)
    assert np.array_equal(f2(), a)
    s.seed(5)
    frozen = theano.function([], u, no_default_updates=[u.rng])
    assert np.array_equal(frozen(), a) and np.array_equal(frozen(), a)
    borrowed = u.rng.get_value(borrow=True)
    assert isinstance(borrowed, ThreefryState)
    borrowed.seed(7)
    c = f1()
    borrowed.seed(7)  # bound to the stream: seeding it reseeds the stream
    assert np.array_equal(f1(), c)
    f3, s3 = pickle.loads(pickle.dumps((f1, s)))
    assert np.array_equal(f1(), f3())
    x = T.matrix("x")
    sh = s.shuffle_row_elements(x)
    g = theano.function([x], [sh, sh.permutation])
    xv = np.arange(6.0).reshape(2, 3)
    shuffled, perm = g(xv)
    np.testing.assert_array_equal(np.take_along_axis(xv, perm, axis=1), shuffled)
