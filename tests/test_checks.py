"""Call-time value checks (compile/guard.py): Theano's errors (tests/golden/checks.json, recorded by
tests/golden/probes/probe_checks.py), all-or-nothing state, checks on host inputs run before dispatch, the
rest through one flag fetched with the outputs, buffers still donated, and host callbacks' own exceptions."""
import jax
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import load_golden, load_probe
from theano_compat.compile import guard
from theano_compat.graph.ops import Primitive

PROBE = load_probe("probe_checks")
GOLDEN = load_golden("checks.json")


@pytest.mark.parametrize("case", PROBE.CASES, ids=lambda c: c.__name__)
def test_errors_and_state_are_theanos(case):
    got, want = PROBE.run(case, theano, T), GOLDEN[case.__name__]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        if "ok" in w:
            assert "ok" in g, g
            np.testing.assert_allclose(g["ok"], w["ok"], rtol=1e-12)
        else:
            assert g == w


def _step(f):
    """The host variant of f's jitted step (compile/step.py), to look at what it returns."""
    return f._compiled[()].host


def test_a_check_on_host_inputs_runs_before_dispatch_and_buffers_stay_donated():
    W, f, calls = PROBE.classifier(theano, T)
    (xv, good), (_, bad) = calls[0], calls[1]
    f(xv, good)
    # the label bounds of the cost, then the index bounds of its gradient (Theano's order)
    assert [c.kind.error for c in f._fast.host_checks[((5, 4), (5,), (4, 3))]] == [ValueError, IndexError]
    assert _step(f)(xv, good, W[0].get_value())[2] is None  # no flag: the step itself checks nothing
    old = W[0].container.value
    f(xv, good)
    assert old.is_deleted()  # donated
    before = W[0].get_value()
    with pytest.raises(ValueError, match="y_i value out of bounds"):
        f(xv, bad)
    np.testing.assert_array_equal(W[0].get_value(), before)


def test_checked_inputs_given_as_device_arrays_are_checked_in_the_step():
    W, f, calls = PROBE.classifier(theano, T)
    (xv, good), (_, bad) = calls[0], calls[1]
    f(xv, jax.device_put(good))
    before = W[0].get_value()
    with pytest.raises(ValueError, match="y_i value out of bounds"):
        f(xv, jax.device_put(bad))
    np.testing.assert_array_equal(W[0].get_value(), before)
    f(xv, jax.device_put(good))
    assert not np.array_equal(W[0].get_value(), before)


def test_an_in_graph_check_rolls_updates_back_and_keeps_donation():
    (x, idx), f, _ = PROBE.index_shared(theano, T)
    f(0)
    old = x.container.value
    assert _step(f)(0, x.get_value(), idx.get_value())[2] is not None  # the flag
    f(0)
    assert old.is_deleted()
    before = x.get_value()
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        f(1)
    np.testing.assert_array_equal(x.get_value(), before)
    np.testing.assert_array_equal(idx.get_value(), [0, 2])


def test_an_update_that_changes_shape_is_restored_after_a_failed_check():
    s = theano.shared(np.arange(3.0), name="s")
    k = T.lscalar("k")
    pos = theano.shared(np.int64(0), name="pos")
    f = theano.function([k], s[pos + k], updates=[(s, T.concatenate([s, s])), (pos, pos + 1)])
    assert f(0) == 0.0 and s.get_value().shape == (6,)
    with pytest.raises(IndexError):
        f(10)
    assert s.get_value().shape == (6,) and pos.get_value() == 1


class HostFailure(Exception):
    pass


def _host_double(log):
    """A test op whose lowering calls back to the host the way compile/host.py does (guard's API)."""
    def host(x):
        if np.any(x < 0):
            return np.zeros_like(x), np.int64(guard.stash(HostFailure("negative input")))
        log.append("ran")
        guard.on_failure(lambda: log.append("undone"))
        return x * 2, np.int64(0)

    def lower(x):
        out, failed = jax.pure_callback(host, (jax.ShapeDtypeStruct(x.shape, x.dtype),
                                               jax.ShapeDtypeStruct((), np.int64)), x)
        guard.report_host_failure(failed)
        return out
    return Primitive("test.host_double", lambda x: [x.type], lower, register=False)


def test_a_host_callback_failure_raises_its_own_exception_and_changes_nothing():
    log = []
    double = _host_double(log)
    acc = theano.shared(np.zeros(2), name="acc")
    v = T.dvector("v")
    y = double(v)
    f = theano.function([v], y[T.cast(y[0], "int64")], updates=[(acc, acc + y)])
    assert f(np.array([0.5, 1.0])) == 2.0 and log == ["ran"]
    np.testing.assert_array_equal(acc.get_value(), [1.0, 2.0])
    with pytest.raises(HostFailure, match="negative input") as info:
        f(np.array([-1.0, 1.0]))
    assert isinstance(info.value, HostFailure)
    np.testing.assert_array_equal(acc.get_value(), [1.0, 2.0])
    # the callback succeeds, a later check fails: the callback's host changes are undone
    with pytest.raises(IndexError):
        f(np.array([3.0, 1.0]))
    assert log == ["ran", "ran", "undone"]
    np.testing.assert_array_equal(acc.get_value(), [1.0, 2.0])


def test_numpy_scalars_of_the_declared_dtype_take_the_fast_path():
    x, i = T.fscalar("x"), T.lscalar("i")
    f = theano.function([x, i], x * i)
    for value, convert in ((np.float32(1.5), f._converters[0]), (np.int64(3), f._converters[1])):
        assert convert(value) is value
    assert f(np.float32(1.5), np.int64(3)) == np.float32(4.5)
