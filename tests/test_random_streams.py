"""RandomStreams (theano.tensor.shared_randomstreams): types, distributions, and the state semantics.

The numbers are JAX's (threefry), not numpy's MT19937, so values are checked statistically; types come
from Theano 1.0.5 (tests/golden/random_types.json, written by tests/golden/probes/probe_random_types.py).
"""
import json
import pathlib
import pickle
import sys

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.compile.gradient import NullTypeGradError
from theano_compat.sandbox.rng_mrg import MRG_RandomStreams
from theano_compat.tensor import raw_random
from theano_compat.tensor.shared_randomstreams import RandomStreams, RandomStateSharedVariable

GOLDEN = pathlib.Path(__file__).parent / "golden"
sys.path.insert(0, str(GOLDEN / "probes"))
import probe_random_types  # noqa: E402

TYPES = json.loads((GOLDEN / "random_types.json").read_text())
N = 20000


@pytest.fixture
def floatX(request):
    old = theano.config.floatX
    theano.config.floatX = request.param
    yield request.param
    theano.config.floatX = old


@pytest.mark.parametrize("floatX", ["float64", "float32"], indirect=True)
def test_types_match_theano(floatX):
    got = probe_random_types.record(theano, RandomStreams, MRG_RandomStreams)
    assert got == TYPES[floatX]


def test_seed_tutorial_random_section():
    """The seed tutorial's lines, and what Theano printed about them (seed_snippets.theano.out)."""
    srng = RandomStreams(seed=234)
    rv_u = srng.uniform((2, 2))
    rv_n = srng.normal((2, 2))
    f = theano.function([], rv_u)
    g = theano.function([], rv_n, no_default_updates=True)
    nearly_zeros = theano.function([], rv_u + rv_u - 2 * rv_u)
    f1, f2, g1, g2, nz = f(), f(), g(), g(), nearly_zeros()
    for v in (f1, f2, g1, g2, nz):
        assert v.dtype == np.float64 and v.shape == (2, 2)
    assert not np.array_equal(f1, f2)
    assert np.array_equal(g1, g2)
    assert np.array_equal(nz, np.zeros((2, 2)))  # one variable used three times is one draw
    assert ((0 <= f1) & (f1 < 1)).all()
    rng_val = rv_u.rng.get_value(borrow=True)
    rng_val.seed(100)
    rv_u.rng.set_value(rng_val, borrow=True)
    after = f()
    rng_val.seed(100)  # borrowed: seeding it reseeds the stream, even without set_value
    assert np.array_equal(f(), after)
    # the same steps on a new stream give the same numbers
    srng2 = RandomStreams(seed=234)
    u2 = srng2.uniform((2, 2))
    f_2 = theano.function([], u2)
    assert np.array_equal(f_2(), f1) and np.array_equal(f_2(), f2)


def test_distributions():
    s = RandomStreams(seed=1)
    draws = dict(
        u=s.uniform((N,), low=-1.0, high=3.0), u32=s.uniform((N,), dtype="float32"),
        n=s.normal((N,), avg=2.0, std=3.0), b=s.binomial((N,), p=0.3), b5=s.binomial((N,), n=5, p=0.3),
        bf=s.binomial((N,), p=0.5, dtype="float32"), ri=s.random_integers((N,), low=-2, high=2),
        ch=s.choice((N,), a=5), chp=s.choice((N,), a=[10, 20, 30], p=[0.2, 0.3, 0.5]),
        chnr=s.choice((6,), a=6, replace=False), perm=s.permutation((50,), n=5),
        mn=s.multinomial((N // 10,), n=4, pvals=[0.1, 0.2, 0.7]), po=s.poisson((N,), lam=3.0),
        ub=s.uniform(low=np.zeros((2, 3)), high=[1.0, 2.0, 3.0]))
    f = theano.function([], list(draws.values()))
    d = dict(zip(draws, f()))
    for k, v in d.items():
        assert v.dtype == draws[k].dtype, k
        assert v.ndim == draws[k].ndim, k
    u = d["u"]
    assert u.shape == (N,) and -1 <= u.min() and u.max() < 3
    assert abs(u.mean() - 1) < 0.05 and abs(u.var() - 16 / 12) < 0.05
    assert d["u32"].dtype == np.float32 and 0 <= d["u32"].min() and d["u32"].max() < 1
    assert abs(d["n"].mean() - 2) < 0.1 and abs(d["n"].std() - 3) < 0.1
    assert set(np.unique(d["b"])) == {0, 1} and abs(d["b"].mean() - 0.3) < 0.02
    assert d["b5"].min() >= 0 and d["b5"].max() <= 5 and abs(d["b5"].mean() - 1.5) < 0.05
    assert abs(d["b5"].var() - 1.05) < 0.06
    assert set(np.unique(d["bf"])) == {0.0, 1.0}
    assert set(np.unique(d["ri"])) == {-2, -1, 0, 1, 2} and abs(d["ri"].mean()) < 0.05
    assert set(np.unique(d["ch"])) == set(range(5))
    freq = [np.mean(d["chp"] == v) for v in (10, 20, 30)]
    np.testing.assert_allclose(freq, [0.2, 0.3, 0.5], atol=0.02)
    assert sorted(d["chnr"]) == list(range(6))
    assert d["perm"].shape == (50, 5) and (np.sort(d["perm"], axis=1) == np.arange(5)).all()
    assert d["mn"].shape == (N // 10, 3) and (d["mn"].sum(axis=1) == 4).all()
    np.testing.assert_allclose(d["mn"].mean(axis=0), [0.4, 0.8, 2.8], atol=0.08)
    assert abs(d["po"].mean() - 3) < 0.08 and abs(d["po"].var() - 3) < 0.15
    ub = d["ub"]
    assert ub.shape == (2, 3) and (ub >= 0).all() and (ub < [1, 2, 3]).all()


def test_symbolic_sizes_resolve_per_call():
    s = RandomStreams(seed=3)
    x = T.matrix("x")
    n = T.iscalar("n")
    sh = s.shuffle_row_elements(x)
    f = theano.function([x, n], [s.uniform(x.shape), s.normal((n, 2)), sh, sh.permutation])
    for rows, cols, k in ((2, 3, 4), (5, 2, 1)):
        xv = np.arange(rows * cols, dtype="float64").reshape(rows, cols)
        u, z, shuffled, perm = f(xv, k)
        assert u.shape == (rows, cols) and z.shape == (k, 2)
        assert (np.sort(shuffled, axis=1) == xv).all()
        np.testing.assert_array_equal(np.take_along_axis(xv, perm, axis=1), shuffled)


def test_state_is_shared_between_functions_and_reseedable():
    s = RandomStreams(seed=5)
    u = s.uniform((4,))
    f1, f2 = theano.function([], u), theano.function([], u)
    a, b = f1(), f2()
    assert not np.array_equal(a, b)  # f2 continues the stream f1 advanced
    s.seed(5)  # reseeding after compiling takes effect
    assert np.array_equal(f2(), a)
    s.seed(5)
    frozen = theano.function([], u, no_default_updates=[u.rng])
    assert np.array_equal(frozen(), a) and np.array_equal(frozen(), a)
    assert np.array_equal(f1(), a) and np.array_equal(f1(), b)
    s.seed(7)
    c = f1()
    s.seed(7)
    assert np.array_equal(f1(), c) and not np.array_equal(c, a)
    # the stream's own updates: (state, next state) pairs, as in Theano
    assert s.updates() == [(u.rng, u.update[1])] and u.rng.default_update is u.update[1]


def test_state_survives_pickling():
    s = RandomStreams(seed=11)
    u = s.uniform((3,))
    f = theano.function([], u)
    f()
    f2, s2 = pickle.loads(pickle.dumps((f, s)))
    assert np.array_equal(f(), f2())  # the copy starts from the pickled state
    s2.seed(11)
    s.seed(11)
    assert np.array_equal(f(), f2())


def test_random_state_values():
    s = RandomStreams(seed=2)
    u = s.uniform(())
    assert isinstance(u.rng, RandomStateSharedVariable) and str(u.rng.type) == "RandomStateType"
    state = u.rng.get_value()  # a copy: seeding it changes nothing until set_value
    f = theano.function([], u)
    first = f()
    state.seed(123)
    u.rng.set_value(state)
    x = f()
    u.rng.set_value(np.random.RandomState(123))  # numpy states are accepted too
    u.rng.set_value(raw_random.RandomState(123))
    assert f() == x and first != x
    with pytest.raises(TypeError):
        u.rng.set_value(np.zeros(3))
    r = theano.shared(np.random.RandomState(3))
    assert isinstance(r, RandomStateSharedVariable)
    new_r, out = raw_random.normal(r, (3,), avg=1.0)
    g = theano.function([], out, updates=[(r, new_r)])
    assert not np.array_equal(g(), g())


def test_gradients():
    s = RandomStreams(seed=1)
    W = theano.shared(np.ones(3), name="W")
    mask = s.binomial((3,), p=0.5, dtype="float64")
    f = theano.function([], [mask, T.grad(((W * mask) ** 2).sum(), W)])
    m, g = f()
    np.testing.assert_array_equal(g, 2 * m)
    with pytest.raises(NullTypeGradError):
        T.grad(s.normal((3,), avg=W).sum(), W)


def test_errors():
    s = RandomStreams(seed=1)
    with pytest.raises(TypeError):
        s.choice()  # Theano: cannot infer the shape without size or args
    with pytest.raises(ValueError):
        s.uniform((2, 3), ndim=1)
    with pytest.raises(TypeError):
        s.uniform((2.5,))
    with pytest.raises(ValueError):
        s.choice((3,), a=np.zeros((2, 2)))
