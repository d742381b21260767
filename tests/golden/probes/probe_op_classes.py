"""Oracle probe: Theano's op classes of the tensor core, compile and gradient ops (Theano 1.0.5).

Run under the real Theano:
    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_op_classes.py tests/golden/op_classes.json

For each expression of CASES (evaluated with the variables below in scope), records the un-optimized graph
between the named inputs and the output(s): for every Apply node in topological order, the op's class name
and str(op); and, for the expressions of PROPS, the listed attributes of the output's op.
"""
import json
import sys

import numpy as np
import theano
import theano.tensor as T
from theano import gradient
from theano.compile import ops as compile_ops

x = T.dmatrix("x")
y = T.dmatrix("y")
v = T.dvector("v")
w = T.dvector("w")
i = T.lscalar("i")
j = T.lscalar("j")
iv = T.lvector("iv")
f3 = T.ftensor3("f3")
INPUTS = [x, y, v, w, i, j, iv, f3]

CASES = [
    "T.alloc(v, 3, 2)",
    "T.Alloc()(v, 3, 2)",
    "x.sum()",
    "x.sum(axis=0)",
    "x.sum(axis=1, dtype='float32')",
    "x.prod(axis=0)",
    "T.all(x)",
    "T.any(x, axis=0)",
    "T.max(x)",
    "T.max(x, axis=0)",
    "T.argmax(x, axis=0)",
    "T.max_and_argmax(x)[0]",
    "x[1:2]",
    "x[1]",
    "x[i]",
    "x[i:j, 1]",
    "x[[0, 1]]",
    "x[iv]",
    "x[:, [0, 1]]",
    "x[iv, iv]",
    "x[x > 0]",
    "T.set_subtensor(x[1:2], v)",
    "T.inc_subtensor(x[i], v)",
    "T.inc_subtensor(x[iv], v)",
    "T.set_subtensor(x[iv, iv], w)",
    "x.reshape((3, 2))",
    "T.Reshape(2)(v, [2, 1])",
    "x.shape",
    "T.flatten(x)",
    "T.join(0, x, y)",
    "T.Join()(0, x, y)",
    "T.split(v, [1, 2], 2)[0]",
    "T.eye(3)",
    "T.arange(5)",
    "T.arange(i)",
    "T.tri(3)",
    "T.diag(v)",
    "T.diag(x)",
    "T.nonzero(v)[0]",
    "T.choose(iv, [v, w])",
    "T.permute_row_elements(v, iv)",
    "T.dot(x, y)",
    "T.dot(v, w)",
    "T.specify_shape(v, (3,))",
    "T.addbroadcast(T.dcol('c'), 1)",
    "gradient.zero_grad(x)",
    "gradient.disconnected_grad(x)",
    "gradient.consider_constant(x)",
    "gradient.grad_clip(x, -1, 1)",
    "gradient.grad_scale(x, 2.0)",
    "compile_ops.view_op(x)",
    "compile_ops.deep_copy_op(x)",
    "compile_ops.Shape_i(0)(x)",
    "T.stack([v, w])",
    "T.stack([i, j])",
    "T.tensor_copy(x)",
    "x.T",
    "x.dimshuffle(1, 'x', 0)",
    "T.mean(x)",
    "T.Mean(0)(x)",
    "theano.scan(lambda a: a * 2, sequences=v)[0]",
]

PROPS = {
    "x.sum(axis=0)": ["axis", "dtype", "acc_dtype"],
    "x.sum()": ["axis", "dtype", "acc_dtype"],
    "x.prod(axis=0)": ["axis", "dtype", "acc_dtype"],
    "T.any(x, axis=0)": ["axis"],
    "T.argmax(x, axis=0)": ["axis"],
    "T.max(x, axis=0)": ["axis"],
    "x.reshape((3, 2))": ["ndim"],
    "T.eye(3)": ["dtype"],
    "T.arange(5)": ["dtype"],
    "T.split(v, [1, 2], 2)[0]": ["len_splits"],
    "T.Join()(0, x, y)": ["view"],
    "T.addbroadcast(T.dcol('c'), 1)": ["axis"],
    "T.specify_shape(v, (3,))": [],
    "compile_ops.Shape_i(0)(x)": ["i"],
    "T.diag(x)": ["offset", "axis1", "axis2"],
    "T.choose(iv, [v, w])": ["mode"],
    "gradient.grad_clip(x, -1, 1)": ["clip_lower_bound", "clip_upper_bound"],
    "gradient.grad_scale(x, 2.0)": ["multiplier"],
}


def describe(expr):
    out = eval(expr)
    outs = out if isinstance(out, (list, tuple)) else [out]
    nodes = theano.gof.graph.io_toposort([a for a in theano.gof.graph.inputs(outs)], outs)
    rec = {"nodes": [[type(n.op).__name__, str(n.op)] for n in nodes]}
    if expr in PROPS:
        op = outs[0].owner.op
        rec["props"] = {p: repr(getattr(op, p)) for p in PROPS[expr]}
        rec["__props__"] = list(getattr(op, "__props__", ()))
    return rec


def main(path):
    result = {}
    for expr in CASES:
        try:
            result[expr] = describe(expr)
        except Exception as exc:  # noqa: BLE001 - recorded: Theano refuses the expression
            result[expr] = {"error": type(exc).__name__}
    with open(path, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
