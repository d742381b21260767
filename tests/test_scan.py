"""theano.scan / map / reduce / foldl / foldr / until against Theano 1.0.5's recorded answers
(tests/golden/scan.json), and the lowering properties Theano cannot be asked about.

The cases are defined once in tests/golden/probes/probe_scan.py; regenerate the golden data with

    THEANO_FLAGS=cxx= bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_scan.py

Values, dtypes, shapes, python types and exception classes are compared (messages are not).
"""
import importlib.util
import json
import os
import pickle
import sys
from types import SimpleNamespace

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat import scan_module
from theano_compat.ifelse import ifelse

HERE = os.path.dirname(os.path.abspath(__file__))


def load_probe():
    if "_golden_probe_scan" not in sys.modules:
        spec = importlib.util.spec_from_file_location("_golden_probe_scan",
                                                      os.path.join(HERE, "golden", "probes", "probe_scan.py"))
        mod = importlib.util.module_from_spec(spec)
        sys.modules["_golden_probe_scan"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["_golden_probe_scan"]


PS = load_probe()
with open(os.path.join(HERE, "golden", "scan.json")) as _f:
    GOLD = json.load(_f)["cases"]
S = SimpleNamespace(scan=scan_module.scan, map=scan_module.map, reduce=scan_module.reduce,
                    foldl=scan_module.foldl, foldr=scan_module.foldr, until=scan_module.until)


def _until_grad(exp, got):
    """Theano 1.0.5 pads the gradient of an until loop's sequence at the wrong end (its L_op reverses the
    whole n_steps buffer); theano_compat returns the true gradient. The values themselves must agree."""
    if "raise" in got:
        return ["raised %s" % got["raise"]]
    out = PS.compare_enc({"type": "list", "items": exp["ok"]["items"][:2]},
                         {"type": "list", "items": got["ok"]["items"][:2]}, "until values")
    grad = got["ok"]["items"][2]["value"]
    if grad != [4.0, 3.0, 2.0, 1.0, 0.0, 0.0]:
        out.append("until gradient %s, expected the true gradient [4, 3, 2, 1, 0, 0]" % grad)
    return out


def _second_derivatives(exp, got):
    """Theano 1.0.5's second derivatives through scan are wrong (finite differences and jax.grad agree on
    4.6995 and 6.6239, Theano gives 6.7293 and 11.5039); theano_compat returns the true values. The cost and
    the first derivative must agree with Theano."""
    if "raise" in got:
        return ["raised %s" % got["raise"]]
    out = PS.compare_enc({"type": "list", "items": exp["ok"]["items"][:2]},
                         {"type": "list", "items": got["ok"]["items"][:2]}, "cost, gradient")
    values = [i["value"] for i in got["ok"]["items"][2:]]
    if not np.allclose(values, [4.699515353371686, 6.623942012131815], rtol=1e-9):
        out.append("second derivatives %s, expected the true [4.6995153533717, 6.6239420121318]" % values)
    return out


SPECIAL = {"until over a sequence, info: its gradient (Theano 1.0.5 pads the wrong end)": _until_grad,
           "second derivatives": _second_derivatives}


def replay(name):
    steps = PS.run_case(name, theano, T, S, ifelse)
    mismatches = PS.compare_steps(GOLD[name]["steps"], steps, SPECIAL)
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("name", [n for n, (g, _) in PS.CASES.items() if g == "scan"])
def test_golden(name):
    replay(name)


# --- what Theano cannot be asked: how it is lowered ---

def test_one_loop_traced_once_whatever_the_step_count(monkeypatch):
    """The inner graph is lowered once into a lax.scan: no Python walks it per step, at trace or call time."""
    from theano_compat.ops import scan as scan_ops
    calls = []
    real = scan_ops.evaluate
    monkeypatch.setattr(scan_ops, "evaluate", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    x = T.dvector("x")
    n = T.iscalar("n")
    out, _ = S.scan(lambda acc, x: acc * 0.5 + x, outputs_info=T.zeros_like(x), non_sequences=x, n_steps=n)
    f = theano.function([x, n], out[-1])
    f(np.ones(3), 500)
    traced = len(calls)
    assert traced <= 2, traced
    f(np.ones(3), 500)
    assert len(calls) == traced  # calling again runs the compiled loop only
    assert np.allclose(f(np.ones(3), 60), 2.0)


def test_random_streams_inside_scan_advance_every_step_and_call():
    from theano_compat.tensor.shared_randomstreams import RandomStreams
    srng = RandomStreams(seed=3)
    x = T.dvector("x")
    out, upd = S.scan(lambda xt: xt + srng.normal((2,)), sequences=x)
    assert len(upd) == 1
    f = theano.function([x], out, updates=upd)
    a, b = f(np.zeros(3)), f(np.zeros(3))
    assert a.shape == (3, 2) and len({tuple(r) for r in np.vstack([a, b])}) == 6


def test_mrg_dropout_inside_scan_with_bptt():
    from theano_compat.sandbox.rng_mrg import MRG_RandomStreams
    mrg = MRG_RandomStreams(seed=5)
    W = theano.shared(np.full((2, 2), 0.5), name="W")
    X = T.dmatrix("X")

    def step(xt, h):
        mask = mrg.binomial((2,), p=0.5, dtype="float64")
        return T.tanh(T.dot(h, W) * mask + xt)
    h, upd = S.scan(step, sequences=X, outputs_info=T.zeros((2,), dtype="float64"))
    f = theano.function([X], [h, T.grad(h.sum(), W)], updates=upd)
    (h1, g1), (h2, g2) = f(np.ones((6, 2))), f(np.ones((6, 2)))
    assert g1.shape == (2, 2) and not np.allclose(h1, h2)


def test_inner_slice_length_from_an_outer_input():
    """A shape inside fn decided by a free input (x_t[:k]) is resolved per call, like a slice length."""
    X = T.dmatrix("X")
    k = T.iscalar("k")
    out, _ = S.scan(lambda xt, k: xt[:k].sum(), sequences=X, non_sequences=k)
    f = theano.function([X, k], out)
    m = np.arange(12.).reshape(3, 4)
    assert np.allclose(f(m, 2), m[:, :2].sum(1)) and np.allclose(f(m, 3), m[:, :3].sum(1))


def test_a_shape_that_changes_every_step_is_a_clear_error():
    x = T.dvector("x")
    out, _ = S.scan(lambda t, x: x[:t].sum(), sequences=T.arange(1, 4), non_sequences=x)
    f = theano.function([x], out)
    with pytest.raises(NotImplementedError, match="changes at every step"):
        f(np.arange(5.))


def test_pickled_function_with_scan_and_its_gradient():
    x = T.dvector("x")
    w = theano.shared(np.float64(0.9), name="w")
    out, _ = S.scan(lambda xt, h: T.tanh(xt + h * w), sequences=x, outputs_info=T.constant(0., dtype="float64"))
    f = theano.function([x], [out, T.grad(out.sum(), w)])
    g = pickle.loads(pickle.dumps(f))
    v = np.asarray([0.1, 0.2, 0.3])
    for a, b in zip(f(v), g(v)):
        assert np.allclose(a, b)


def test_givens_replace_a_sequence():
    data = theano.shared(np.arange(10.), name="data")
    i = T.lscalar("i")
    x = T.dvector("x")
    out, _ = S.scan(lambda xt, acc: acc + xt, sequences=x, outputs_info=T.constant(0., dtype="float64"))
    f = theano.function([i], out[-1], givens={x: data[i:i + 4]})
    assert f(2) == 2 + 3 + 4 + 5


def test_ordered_updates_union():
    a = theano.shared(0.0, name="a")
    b = theano.shared(0.0, name="b")
    u = scan_module.OrderedUpdates([(a, a + 1)]) + scan_module.OrderedUpdates([(b, b + 1)])
    assert list(u) == [a, b]
    with pytest.raises(TypeError):
        scan_module.OrderedUpdates([(T.dscalar(), 1)])
    with pytest.raises(KeyError):
        u.update({a: a + 2})


def test_scan_checkpoints_samples_every_n_steps():
    x = T.dvector("x")
    out, _ = scan_module.scan_checkpoints(lambda xt, acc: acc + xt, sequences=[x],
                                          outputs_info=[T.constant(0., dtype="float64")], save_every_N=3)
    f = theano.function([x], [out, T.grad(out.sum(), x)])
    for n, expect in [(7, [6., 21., 28.]), (6, [6., 21.])]:
        values, grad = f(np.arange(1., n + 1))
        assert np.allclose(values, expect) and grad.shape == (n,)


def test_bptt_is_one_loop_each_way_without_recomputing_the_forward():
    """T.grad of a scan compiles like jax.grad of lax.scan: a forward loop that keeps what the backward loop
    needs, and the backward loop; the forward is not run a second time."""
    rs = np.random.RandomState(0)
    Wx, Wh = theano.shared(rs.randn(4, 4), name="Wx"), theano.shared(rs.randn(4, 4), name="Wh")
    X = T.tensor3("X")
    h, _ = S.scan(lambda x, hp: T.tanh(T.dot(x, Wx) + T.dot(hp, Wh)), sequences=X,
                  outputs_info=T.zeros((X.shape[1], 4)))
    cost = (h ** 2).mean()
    gx, gh = T.grad(cost, [Wx, Wh])
    f = theano.function([X], cost, updates=[(Wx, Wx - 0.1 * gx), (Wh, Wh - 0.1 * gh)])
    xv = rs.randn(5, 3, 4)
    f(xv)
    step = f._compiled[()].host  # the jitted step (compile/step.py)
    hlo = step.lower(xv, Wx.get_value(), Wh.get_value()).as_text()
    assert hlo.count("stablehlo.while") == 2
    assert hlo.count("dot_general") == 5  # forward: 2 per step; backward: 3 per step


def test_inputs_an_output_does_not_depend_on_are_disconnected():
    """Theano's connection pattern: through the recurrence, output a depends on x and w, output b on x and v."""
    from theano_compat.compile.gradient import DisconnectedInputError
    x, w, v = T.dvector("x"), T.dscalar("w"), T.dscalar("v")
    (a, b), _ = S.scan(lambda xt, h, w, v: [h * w + xt, xt * v], sequences=x,
                       outputs_info=[T.constant(0., dtype="float64"), None], non_sequences=[w, v])
    with pytest.raises(DisconnectedInputError):
        T.grad(a.sum(), v)
    f = theano.function([x, w, v], [T.grad(a.sum(), w), T.grad(a.sum(), x), T.grad(b.sum(), v)])
    gw, gx, gv = f(np.arange(3.), 0.5, 2.)
    assert gw == 1.0 and np.allclose(gx, [1.75, 1.5, 1.]) and gv == 3.0


# tests/golden/probes/probe_scan_until_truncate.py under Theano 1.0.5: truncate_gradient with until counts
# back from the last step that ran (the values Theano printed)
UNTIL_TRUNCATE = [
    (3, None, 5, [0, 0, 0, 0, 8, 10, 12] + [0] * 8),
    (3, [-2, 0], 6, [0, 0, 0, 5, 6, 10, 4, 5] + [0] * 7),
    (20, None, 5, [0, 2, 4, 6, 8, 10, 12] + [0] * 8),
]


@pytest.mark.parametrize("k, taps, threshold, expected", UNTIL_TRUNCATE)
def test_truncate_gradient_with_until_matches_theano(k, taps, threshold, expected):
    x, u = T.vector("x"), T.scalar("threshold", dtype="int64")
    if taps is None:
        r, _ = theano.scan(lambda a, u: (a * a, scan_module.until(a > u)), sequences=x, non_sequences=[u],
                           truncate_gradient=k)
    else:
        r, _ = theano.scan(lambda a, b, u: (a * b, scan_module.until(b > u)),
                           sequences=dict(input=x, taps=taps), non_sequences=[u], truncate_gradient=k)
    g = theano.function([x, u], theano.grad(r.sum(), x))(np.arange(15.0), threshold)
    np.testing.assert_array_equal(g, expected)


def test_state_broadcast_pattern_follows_the_step_and_grad_checks_it():
    # tests/golden/probes/probe_scan_broadcast.py under Theano 1.0.5: the output is typed from the step's
    # result (3D, matrix), and T.grad raises TypeError naming the inconsistent axes
    x = T.tensor3()
    y, _ = theano.scan(lambda a, p: a + p, sequences=x, outputs_info=[dict(initial=T.constant(np.zeros((1, 10))))])
    assert str(y.type) == "TensorType(float64, 3D)"
    with pytest.raises(TypeError, match=r"The output on axis 0 is `False`, but it is `True` on axis 1 in `output_info`"):
        T.grad(y.sum(), x)
    m = T.matrix()
    y2, _ = theano.scan(lambda a, p: a + p, sequences=m, outputs_info=[T.zeros((1,))])
    assert str(y2.type) == "TensorType(float64, matrix)"
    with pytest.raises(TypeError, match=r"\(TensorType\(float64, \(True,\)\)\)"):
        T.grad(y2.sum(), m)


def test_update_needing_an_uncollected_input_is_missing_like_theano():
    # tests/golden/probes/probe_scan_update_inputs.py under Theano 1.0.5: scan collects free inputs from the
    # outputs only; an update that needs another one raises MissingInputError when scan is called
    c, inc = theano.shared(0.), T.scalar("inc")
    with pytest.raises(theano.gof.fg.MissingInputError, match=r"^Input 1 of the graph .* used to compute "
                       r"Elemwise\{add,no_inplace\}\(<TensorType\(float64, scalar\)>, inc\), was not provided"):
        theano.scan(lambda: (T.zeros(()), {c: c + inc}), n_steps=3)
    o, upd = theano.scan(lambda: (T.zeros(()) + inc, {c: c + inc}), n_steps=3)
    np.testing.assert_array_equal(theano.function([inc], o, updates=upd)(2.0), [2.0, 2.0, 2.0])
    assert c.get_value() == 6.0


def test_draw_passed_as_non_sequence_is_drawn_once_outside_the_loop():
    # Theano 1.0.5 (tests/golden/probes/probe_scan_draw_non_sequence.py; its test_scan.py::test_draw_as_input_to_scan): scan's dummy function sees stand-ins for
    # the non-sequences, so the draw's default update is not taken into the loop; every step sees one draw
    trng = theano.tensor.shared_randomstreams.RandomStreams(123)
    x = T.matrix("x")
    y = trng.binomial(size=x.shape, p=x)
    z, updates = theano.scan(lambda a: a, non_sequences=y, n_steps=2)
    assert len(updates) == 0
    ny, nz = theano.function([x], [y, z], updates=updates)(np.random.RandomState(1).uniform(size=(3, 3)))
    np.testing.assert_array_equal(ny, [[1, 1, 0], [1, 1, 0], [0, 0, 0]])  # the values Theano drew
    np.testing.assert_array_equal(nz, [ny, ny])


def test_gradient_of_a_scan_gets_test_values():
    # tests/golden/probes/probe_scan_test_value_grad.py: Theano 1.0.5 computes the gradient's test value
    # through a scan whose step casts (its test_scan.py::test_compute_test_value_grad_cast); the index state
    # stays 0, so each of the 3 steps adds h[0]
    with theano.change_flags(compute_test_value="raise"):
        h = T.matrix("h")
        h.tag.test_value = np.arange(1.0, 9.0).reshape(2, 4)
        w = theano.shared(np.ones((4, 3)), name="w")
        outputs, _ = theano.scan(lambda i, h, w: (theano.dot(h[i], w), i), outputs_info=[None, 0],
                                 non_sequences=[h, w], n_steps=3)
        g = theano.grad(outputs[0].sum(), w)
    np.testing.assert_array_equal(g.tag.test_value, [[3.0] * 3, [6.0] * 3, [9.0] * 3, [12.0] * 3])


def test_jacobian_and_hessian_through_a_scan_with_symbolic_steps():
    # tests/golden/probes/probe_jacobian_scan.py under Theano 1.0.5 (the values it printed); the step count
    # is a function input, read ahead of the step as for any value-dependent shape
    W, n = T.fvector("W"), T.iscalar("n")

    def outer(s, W):
        inner, _ = theano.scan(lambda t, W: t + (W ** 2).sum(), outputs_info=T.as_tensor_variable(np.float32(0)),
                               non_sequences=[W], n_steps=1)
        return s + inner[-1]
    res, _ = theano.scan(outer, outputs_info=T.as_tensor_variable(np.float32(0)), non_sequences=[W], n_steps=n)
    f = theano.function([W, n], theano.gradient.hessian(res[-1], W))
    np.testing.assert_array_equal(f(np.ones(3, "float32"), 1), 2 * np.eye(3))
    np.testing.assert_array_equal(f(np.arange(3, dtype="float32"), 3), 6 * np.eye(3))
    x, k = T.dvector("x"), T.iscalar("k")
    y, _ = theano.scan(lambda p: p * x, outputs_info=T.ones_like(x), n_steps=k)
    J = theano.function([x, k], theano.gradient.jacobian(y[-1], x))
    np.testing.assert_array_equal(J(np.array([1.0, 2.0]), 3), [[3.0, 0.0], [0.0, 12.0]])


def _scan_grad(case):
    x = T.dvector("x")
    c = theano.shared(np.float64(1.0), name="c")
    c.default_update = c * 2
    w = theano.shared(np.asarray([1.0, 2.0]), name="w")
    rs = theano.tensor.shared_randomstreams.RandomStreams(1)
    fn, wrt = {"seq_reads_c": (lambda xt: xt * c, x), "nonseq_reads_c": (lambda xt: (xt + c) * w, w),
               "seq_reads_rng": (lambda xt: xt * rs.uniform(()), x),
               "nonseq_reads_rng": (lambda xt: (xt + rs.uniform(())) * w, w)}[case]
    out, upd = theano.scan(fn, sequences=x)
    return theano.function([x], T.grad(out.sum(), wrt), updates=upd)(np.ones(3))


@pytest.mark.parametrize("case, expected", [("seq_reads_c", [1.0, 2.0, 4.0]), ("nonseq_reads_c", [10.0, 10.0]),
                                            ("seq_reads_rng", None), ("nonseq_reads_rng", None)])
def test_gradient_through_a_loop_updated_random_state_is_undefined(case, expected):
    # tests/golden/probes/probe_scan_undefined_grads.py under Theano 1.0.5: a gradient that reads a random
    # state the loop updates is undefined ("Depends on a shared variable"); an updated tensor shared variable
    # is a recurrent output there, and differentiable
    if expected is None:
        with pytest.raises(theano.gradient.NullTypeGradError, match="Depends on a shared variable"):
            _scan_grad(case)
    else:
        np.testing.assert_array_equal(_scan_grad(case), expected)


def test_undefined_gradient_inside_nested_scans_reaches_the_input():
    # tests/golden/probes/probe_scan_nested_draw_grad.py (Theano's test_scan.py::test_crash_nonseq_grad):
    # a multinomial's probabilities inside two scans have no gradient, and T.grad says so
    rs = theano.tensor.shared_randomstreams.RandomStreams()
    inp = T.matrix()
    norm = inp / T.sum(inp, axis=0)

    def outer(i):
        pooled, upd = theano.scan(lambda j: inp + rs.multinomial(n=1, pvals=norm.T), sequences=T.arange(inp.shape[0]))
        return pooled + rs.binomial(size=pooled.shape), upd
    out, _ = theano.scan(outer, sequences=[T.arange(inp.shape[0])])
    with pytest.raises(theano.gradient.NullTypeGradError):
        T.grad(out.sum(), inp)
