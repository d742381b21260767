"""Theano's op classes of the tensor core, compile and gradient ops, against Theano 1.0.5's answers
(tests/golden/op_classes.json, from tests/golden/probes/probe_op_classes.py): for each expression, the class
name and str() of the op of the output's node, and the props Theano's op has."""
import json
import os
import warnings

import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat import gradient
from theano_compat.compile import ops as compile_ops

GOLDEN = json.load(open(os.path.join(os.path.dirname(__file__), "golden", "op_classes.json")))

# Where the shim's graph is not Theano's un-optimized graph, on purpose (the op of the output differs).
DEPARTURES = {
    "T.argmax(x, axis=0)": "an argmax alone is the shim's Argmax op (Theano's optimizer makes the same one)",
    "x[:, [0, 1]]": "one AdvancedSubtensor1 node; Theano transposes around it (x.take on axis 1)",
    "T.Mean(0)(x)": "Mean ops are not built (T.mean builds a sum and a division)",
    "T.addbroadcast(T.dcol('c'), 1)": "Theano refuses the expression (AttributeError)",
    "T.tensor_copy(x)": "Elemwise's str of the identity op belongs to theano.scalar's work",
    "gradient.grad_clip(x, -1, 1)": "the bounds are kept as floats (-1.0), Theano keeps what it was given (-1)",
}

NS = None


def _namespace():
    global NS
    if NS is None:
        NS = dict(T=T, theano=theano, gradient=gradient, compile_ops=compile_ops,
                  x=T.dmatrix("x"), y=T.dmatrix("y"), v=T.dvector("v"), w=T.dvector("w"), i=T.lscalar("i"),
                  j=T.lscalar("j"), iv=T.lvector("iv"), f3=T.ftensor3("f3"))
    return NS


CASES = sorted(k for k, rec in GOLDEN.items() if "nodes" in rec and k not in DEPARTURES)


@pytest.mark.parametrize("expr", CASES)
def test_op_class_and_str(expr):
    rec = GOLDEN[expr]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = eval(expr, _namespace())
    out = out[0] if isinstance(out, (list, tuple)) else out
    op = out.owner.op
    want_cls, want_str = rec["nodes"][-1]
    assert [type(op).__name__, str(op)] == [want_cls, want_str]
    # the class is Theano's at the path Theano code imports it from
    assert isinstance(op, getattr(T, want_cls, None) or getattr(T.elemwise, want_cls, None)
                      or getattr(gradient, want_cls, None)
                      or getattr(compile_ops, want_cls, None) or getattr(theano.scan_module.scan_op, want_cls))
    for prop, value in rec.get("props", {}).items():
        assert repr(getattr(op, prop)) == value, prop


def test_constructors_build_the_same_ops():
    ns = _namespace()
    x, v = ns["x"], ns["v"]
    assert T.Alloc()(v, 3, 2).owner.op == T.alloc(v, 3, 2).owner.op
    assert T.Reshape(2)(v, [2, 1]).owner.op == T.Reshape(2)
    assert T.Join()(0, x, x).owner.op == T.join(0, x, x).owner.op
    assert T.Subtensor(x[1:2].owner.op.idx_list)(x, 1, 2).owner.op == x[1:2].owner.op
    assert x.sum(axis=0).owner.op == T.Sum(axis=0)(x).owner.op != x.sum().owner.op


def test_departures_are_still_departures():
    # a departure that Theano's answer now matches should leave the list
    for expr in DEPARTURES:
        rec = GOLDEN[expr]
        if "nodes" not in rec:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                out = eval(expr, _namespace())
            except TypeError:
                continue
        op = (out[0] if isinstance(out, (list, tuple)) else out).owner.op
        props = {p: repr(getattr(op, p, None)) for p in rec.get("props", {})}
        assert ([type(op).__name__, str(op)], props) != (rec["nodes"][-1], rec.get("props", {})), expr
