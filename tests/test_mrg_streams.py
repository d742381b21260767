"""MRG_RandomStreams through theano.function, against Theano 1.0.5's numbers (bit for bit).

tests/golden/mrg_streams.json is written by tests/golden/probes/probe_mrg_streams.py under the real
Theano; the test builds the very same graphs by importing that probe with theano_compat as `theano`.
"""
import json
import pathlib
import pickle
import sys
import warnings

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.compile.gradient import NullTypeGradError
from theano_compat.ops import mrg
from theano_compat.sandbox.rng_mrg import MRG_RandomStreams

GOLDEN_DIR = pathlib.Path(__file__).parent / "golden"
sys.path.insert(0, str(GOLDEN_DIR / "probes"))
import probe_mrg_streams as probe  # noqa: E402

GOLDEN = json.loads((GOLDEN_DIR / "mrg_streams.json").read_text())
# float32 run: the outputs whose float32 arithmetic differs from the float64 run (the rest is covered there)
FLOAT32_OUTPUTS = ("u", "u_lohi", "n", "n_sym", "b", "m")


@pytest.fixture
def floatX(request):
    old = theano.config.floatX
    theano.config.floatX = request.param
    yield request.param
    theano.config.floatX = old


def assert_same(got, want, what):
    got = np.asarray(got)
    assert (str(got.dtype), list(got.shape)) == (want["dtype"], want["shape"]), what
    np.testing.assert_array_equal(got, probe.dec(want), err_msg=what)


@pytest.mark.parametrize("floatX", ["float64", "float32"], indirect=True)
def test_streams_match_theano_bit_for_bit(floatX):
    """Successive calls, a second function and a no_default_updates one on the same state, a reseed."""
    golden = GOLDEN[floatX]
    only = None if floatX == "float64" else FLOAT32_OUTPUTS
    calls = probe.run_streams(theano, MRG_RandomStreams, golden["seed"], only=only)
    assert [label for label, _ in calls] == [label for label, _ in golden["calls"]]
    for (label, outs), (_, want) in zip(calls, golden["calls"]):
        want = dict(want)
        for name, value in outs:
            assert_same(value, want[name], f"{floatX} {label} {name}")


def test_dropout_mlp_matches_theano():
    """A float64 MLP trained by SGD with MRG dropout masks: masks exact, losses to the last bits of libm."""
    golden = GOLDEN["float64"]["mlp"]
    steps, final = probe.run_mlp(theano, MRG_RandomStreams, steps=len(golden["steps"]))
    for k, ((loss, m_in, m_h), (w_loss, w_in, w_h)) in enumerate(zip(steps, golden["steps"])):
        assert_same(m_in, w_in, f"input mask, step {k}")
        assert_same(m_h, w_h, f"hidden mask, step {k}")
        np.testing.assert_allclose(loss, probe.dec(w_loss), rtol=1e-13, err_msg=f"loss, step {k}")
    for got, want in zip(final, golden["final_params"]):
        np.testing.assert_allclose(got, probe.dec(want), rtol=1e-12, atol=1e-14)


def test_host_and_shared_states_follow_theano():
    srng = MRG_RandomStreams(seed=234)
    a = srng.uniform((2, 3))
    b = srng.normal((4,))
    (ra, _, size_a, ns_a), (rb, _, _, ns_b) = srng.state_updates
    assert size_a == (2, 3) and ns_a is None and ns_b is None
    assert ra.get_value().shape == (6, 6) and rb.get_value().shape == (60 * 256, 6)
    host = mrg.seed_state(234)
    np.testing.assert_array_equal(ra.get_value(), mrg.substream_states(host, 6))
    host = mrg.next_stream_state(host)
    np.testing.assert_array_equal(rb.get_value()[:3], mrg.substream_states(host, 3))
    np.testing.assert_array_equal(srng.rstate, mrg.next_stream_state(host))
    assert a.dtype == "float64" and b.dtype == "float64" and ra.default_update is srng.updates()[0][1]


def test_pickled_stream_continues():
    srng = MRG_RandomStreams(seed=7)
    u = srng.uniform((5,), nstreams=2)
    f = theano.function([], u)
    f()
    f2, srng2 = pickle.loads(pickle.dumps((f, srng)))
    np.testing.assert_array_equal(f(), f2())
    srng.seed(3)
    srng2.seed(3)
    np.testing.assert_array_equal(f(), f2())


def test_unsupported_and_errors():
    srng = MRG_RandomStreams(seed=1)
    with pytest.raises(NotImplementedError, match="binomial with n > 1"):
        srng.binomial((2,), n=2)
    with pytest.raises(NotImplementedError, match="without replacement"):
        srng.choice(size=1, p=[[0.5, 0.5]])
    with pytest.raises(NotImplementedError, match="pvals.ndim = 2"):
        srng.multinomial(pvals=[0.5, 0.5])
    with pytest.raises(ValueError, match="does not use the size"):
        srng.multinomial(size=(2,), pvals=[[0.5, 0.5]])
    with pytest.raises(TypeError, match="size must be a tuple"):
        srng.uniform([2, 3])  # Theano 1.0.5: a list is refused here (normal takes one)
    with pytest.raises(ValueError):
        srng.uniform((0, 3))
    with pytest.raises(ValueError):
        MRG_RandomStreams(seed=0)
    with pytest.raises(TypeError):
        srng.uniform((2,), foo=1)
    with pytest.raises(NullTypeGradError):
        low = T.dscalar("low")
        T.grad(srng.uniform((2,), low=low).sum(), low)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        c = srng.multinomial_wo_replacement(n=2, pvals=T.matrix())
    assert "deprecated" in str(w[0].message) and c.dtype == "int64" and c.ndim == 2


def test_grad_through_a_draw_is_undefined_like_theano():
    # Theano 1.0.5 (sandbox/tests/test_rng_mrg.py::test_undefined_grad): a draw's parameters have no
    # gradient, while a mask drawn with the input's shape leaves the input's gradient defined
    srng = MRG_RandomStreams(seed=1234)
    low = T.scalar()
    with pytest.raises(theano.gradient.NullTypeGradError):
        theano.grad(srng.uniform((), low=low), low)
    x = T.vector()
    g = theano.grad((x * srng.binomial(x.shape, p=0.5, dtype=x.dtype)).sum(), x)
    assert g.dtype == x.dtype
