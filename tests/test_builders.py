"""theano.OpFromGraph against Theano 1.0.5's recorded answers (tests/golden/builders.json, recorded by
tests/golden/probes/probe_builders.py): values inline and not, shared variables, gradients and their
overrides, R-operators, connection patterns, nesting, scan, errors; and how the op enters the compiled step
(its inner graph lowered in place, no host callback), which Theano cannot be asked."""
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.compile.builders import OpFromGraph
from golden_cases import load_golden, load_probe

PB = load_probe("probe_builders")
PS = load_probe("probe_scan")
GOLD = load_golden("builders.json")["cases"]


@pytest.mark.parametrize("name", list(PB.CASES))
def test_golden(name):
    steps = PB.run_case(name, theano, T)
    info = {label: (lambda exp, got: []) for label, _ in GOLD[name]["steps"] if label.startswith("info:")}
    mismatches = PS.compare_steps(GOLD[name]["steps"], steps, info)  # info: see the tests below
    assert not mismatches, "\n".join(mismatches)


def _steps(name):
    return {label: res for label, res in PB.run_case(name, theano, T)}


def test_second_order_gradients_theano_refuses():
    """Theano hands the gradient op a DisconnectedType for an output the cost does not use, and its make_node
    refuses it (TypeError, recorded as 'info:'); the shim gives that output a zero gradient: the value is the
    second derivative of the same graph without the op."""
    assert GOLD["second_order_through_a_used_input"]["steps"][0][1]["raise"]["error"] == "TypeError"
    x, y = T.dvectors("xy")
    op = OpFromGraph([x, y], [x + y * y])
    g1 = T.grad(T.sum(op(x, y)), y)
    got = theano.function([x, y], T.grad(T.sum(g1), y))(PB.U, PB.W)
    assert np.allclose(got, 2.0)
    assert GOLD["nested_ops"]["steps"][2][1]["raise"]["error"] == "TypeError"
    xx, yy = T.dvectors("xx", "yy")
    got = _steps("nested_ops")["info: grad of op of ops"]["ok"]
    plain = (xx + yy) * (yy - xx)
    want = theano.function([xx, yy], T.grad(T.sum(plain ** 2), [xx, yy]))(PB.U, PB.W)
    assert np.allclose([i["value"] for i in got["items"]], want)


def _no_host_callbacks(fn, *args):
    """The jaxpr of the function's step has no callback: the inner graph was lowered in place."""
    import jax
    fn(*args)
    step = fn._step
    jaxpr = jax.make_jaxpr(lambda *a: step(a, None))(*args, *[s.get_value() for s in fn._shared])
    return "callback" not in str(jaxpr)


def test_lowered_in_place_with_its_gradient():
    x, y = T.dmatrices("xy")
    op = OpFromGraph([x, y], [T.tanh(x) * y])
    a, b = T.dmatrices("ab")
    out = op(a, b)
    f = theano.function([a, b], [out, T.grad(T.sum(out), a)])
    assert _no_host_callbacks(f, PB.A, PB.B)
    v, g = f(PB.A, PB.B)
    assert np.allclose(v, np.tanh(PB.A) * PB.B)
    assert np.allclose(g, (1 - np.tanh(PB.A) ** 2) * PB.B)


def test_value_dependent_shapes_inside():
    """An inner slice whose bounds are op inputs: resolved per call like the caller's own such shapes."""
    x = T.dvector("x")
    n = T.lscalar("n")
    op = OpFromGraph([x, n], [x[:n] * 2])
    xx, nn = T.dvector("xx"), T.lscalar("nn")
    f = theano.function([xx, nn], op(xx, nn))
    assert f(PB.U, 2).tolist() == [1.0, -3.0]
    assert f(PB.U, 3).tolist() == [1.0, -3.0, 4.0]
    assert f(PB.U, 2).tolist() == [1.0, -3.0]


def test_perform_and_infer_shape():
    x, y = T.dmatrices("xy")
    op = OpFromGraph([x, y], [x + y, T.dot(x, y.T)])
    node = op(x, y)[0].owner
    out = [[None], [None]]
    op.perform(node, [PB.A, PB.B], out)
    assert np.allclose(out[0][0], PB.A + PB.B) and np.allclose(out[1][0], PB.A.dot(PB.B.T))
    shapes = op.infer_shape(node, [(2, 3), (2, 3)])
    f = theano.function([x, y], [s for shp in shapes for s in shp])
    assert [int(v) for v in f(PB.A, PB.B)] == [2, 3, 2, 2]


def test_pickled_function_with_an_op():
    import pickle
    x = T.dvector("x")
    op = OpFromGraph([x], [x * 3 + 1])
    xx = T.dvector("xx")
    f = theano.function([xx], op(xx) * 2)
    g = pickle.loads(pickle.dumps(f))
    assert np.allclose(g(PB.U), (PB.U * 3 + 1) * 2)


def test_value_checks_inside_raise_and_change_nothing():
    """An index out of range inside the op raises Theano's IndexError, and the call's updates are not made."""
    x = T.dvector("x")
    i = T.lscalar("i")
    op = OpFromGraph([x, i], [x[i] * 2])
    xx, ii = T.dvector("xx"), T.lscalar("ii")
    w = theano.shared(np.ones(3))
    f = theano.function([xx, ii], op(xx, ii), updates={w: w * 2})
    with pytest.raises(IndexError):
        f(np.arange(3.), 5)
    assert w.get_value().tolist() == [1.0, 1.0, 1.0]
    assert f(np.arange(3.), 2) == 4.0 and w.get_value().tolist() == [2.0, 2.0, 2.0]
