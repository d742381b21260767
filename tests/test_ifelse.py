"""theano.ifelse against Theano 1.0.5's recorded answers (the 'ifelse' cases of tests/golden/scan.json, defined
in tests/golden/probes/probe_scan.py), and its laziness: only the branch taken runs."""
import jax
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.graph.nodes import Apply
from theano_compat.graph.ops import Primitive
from theano_compat.ifelse import IfElse, ifelse
from theano_compat.ops.ifelse import lazy_branches, lazy_op

from test_scan import PS, replay


@pytest.mark.parametrize("name", [n for n, (g, _) in PS.CASES.items() if g == "ifelse"])
def test_golden(name):
    replay(name)


# --- laziness, seen from the host: an op that counts its executions ---

RUNS = []


def _counted_lower(x):
    jax.debug.callback(lambda: RUNS.append(1))
    return x


counted_op = Primitive("test counted identity", lambda x: [x.type], _counted_lower, register=False)


def counted(x):
    return Apply.from_types(counted_op, [x], [x.type], {}).outputs[0]


def test_only_the_taken_branch_runs():
    c = T.iscalar("c")
    x = T.dvector("x")
    f = theano.function([c, x], ifelse(c, counted(x * 2).sum(), x.sum()))
    del RUNS[:]
    assert f(0, np.ones(3)) == 3.0 and not RUNS
    assert f(1, np.ones(3)) == 6.0 and len(RUNS) == 1


def test_lazy_inside_scan_and_nested():
    c = T.iscalar("c")
    x = T.dvector("x")
    inner = ifelse(T.gt(x.sum(), 0), counted(x).sum(), x.max())
    from theano_compat.scan_module import scan
    out, _ = scan(lambda xt, acc: ifelse(T.gt(xt, 0), acc + xt, acc - counted(xt)), sequences=x,
                  outputs_info=T.constant(0., dtype="float64"))
    f = theano.function([c, x], [ifelse(c, inner, x.min()), out[-1]])
    del RUNS[:]
    assert np.allclose(f(0, np.asarray([1., 2., -3.])), [-3., 6.]) and len(RUNS) == 1  # one negative step
    del RUNS[:]
    assert np.allclose(f(1, np.asarray([1., 2., 3.])), [6., 6.]) and len(RUNS) == 1  # the inner branch


def test_rewrite_moves_only_branch_exclusive_nodes():
    from theano_compat.graph.nodes import toposort
    c = T.iscalar("c")
    x = T.dvector("x")
    shared_part = x * 3
    z = ifelse(c, (shared_part + 1).sum(), x.sum())
    nodes = lazy_branches(toposort([z, shared_part]), [z, shared_part])
    wrapper = [n for n in nodes if n.op is lazy_op]
    assert len(wrapper) == 1
    then_nodes, _ = wrapper[0].params["state"]["then"]
    plus_one = z.owner.inputs[1].owner.inputs[0]
    assert shared_part.owner in nodes and shared_part.owner not in then_nodes
    assert plus_one.owner in then_nodes and z.owner.inputs[1].owner in then_nodes  # the + 1 and the sum
    assert x.sum().owner not in then_nodes


def test_ifelse_drives_shared_updates():
    w = theano.shared(np.float64(1.0), name="w")
    flag = T.iscalar("flag")
    f = theano.function([flag], w, updates=[(w, ifelse(flag, w * 2, w - 1))])
    f(1)
    f(1)
    f(0)
    assert w.get_value() == 3.0


def test_ifelse_op_class():
    c = T.iscalar("c")
    a, b = T.dscalars("a", "b")
    op = IfElse(n_outs=1, name="x")
    assert str(op) == "if{x}"
    z = op(c, a, b)
    assert theano.function([c, a, b], z)(0, 1., 2.) == 2.0
    with pytest.raises(TypeError):
        op(c, a, T.fscalar())


def test_different_shapes_inside_scan_is_a_clear_error():
    from theano_compat.scan_module import scan
    x = T.dvector("x")
    out, _ = scan(lambda xt: ifelse(T.gt(xt, 0), x, x[:2]).sum(), sequences=x)
    with pytest.raises(NotImplementedError, match="changes at every step"):
        theano.function([x], out)(np.asarray([1., -1., 3.]))
