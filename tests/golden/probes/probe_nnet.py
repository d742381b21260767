"""Probe real Theano 1.0.5 for theano.tensor.nnet: values, dtypes and gradients of every nnet function, in
float64 and float32, as Theano's *optimized* functions compute them (stable log-softmax, softplus forms of
crossentropies of sigmoids, the fused softmax crossentropy), plus errors, warnings, names and printing.

Regenerate:  bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_nnet.py > tests/golden/nnet.json

Each case is an expression (a string, evaluated with `nnet`, `bn`, `T` and the case's inputs in scope); the
JSON keeps everything the test needs to rebuild it: input types and values, outputs, and the gradients of
cost = sum_k sum(out_k * W_k) (over the float outputs) w.r.t. `wrt`, or the exception T.grad raised.
"""
import json
import sys
import warnings

import numpy as np
import theano
import theano.tensor as T
from theano.tensor import nnet
from theano.tensor.nnet import bn

EXTREME = [-800., -100., -40., -20., -15.5, -3., -1., -0.25, 0., 0.5, 2., 14.5, 15.5, 17., 20., 40., 100., 800.]


def det(shape, seed, scale=1.5):
    n = int(np.prod(shape))
    return (np.sin(np.arange(n) * 0.731 + seed) * scale).reshape(shape)


def probs(shape, seed):
    e = np.exp(det(shape, seed))
    return e / e.sum(axis=-1, keepdims=True)


LOGITS = det((4, 5), 0.3, 3.0)
LOGITS[1] = [800., 0., -800., 5., 700.]
LOGITS[3] = [-5., 700., 699., 0., 1.]
ONE_HOT = np.eye(5)[[0, 2, 1, 4]]
ONE_HOT[3] = [0.1, 0.2, 0.3, 0.0, 0.4]  # one row of soft targets
BN_X = det((6, 3), 0.2, 2.0) + [1.0, -2.0, 0.5]

# name -> (TensorType kind, value); float kinds take the case's dtype
INPUTS = {
    "x": ("f", (False,), np.array(EXTREME)),
    "t": ("f", (False,), np.linspace(0, 1, len(EXTREME))),
    "p": ("f", (False,), 0.05 + 0.45 * (det((len(EXTREME),), 0.9, 1.0) + 1.0)),
    "q": ("f", (False,), np.array([1e-12, 1e-8, 1e-4, 0.3, 0.5, 0.9999, 1 - 1e-8])),
    "r": ("f", (False,), np.array([0.0, 1.0, 0.25, 0.5, 1.0, 0.0, 1.0])),
    "a": ("f", (), np.array(0.2)),
    "v": ("f", (False,), np.array([1.0, -2.0, 3.0, 0.5])),
    "X": ("f", (False, False), LOGITS),
    "P": ("f", (False, False), probs((4, 5), 1.1)),
    "Y": ("f", (False, False), ONE_HOT),
    "b": ("f", (False,), det((5,), 2.3)),
    "y": ("int32", (False,), np.array([0, 2, 1, 4])),
    "x2": ("f", (False, False), BN_X),
    "x4": ("f", (False,) * 4, det((2, 3, 2, 2), 0.6, 2.0)),
    "g": ("f", (False,), np.array([1.0, 2.0, 0.5])),
    "c": ("f", (False,), np.array([0.0, 1.0, -1.0])),
    "m": ("f", (False,), np.array([0.5, 0.75, 1.375])),
    "s": ("f", (False,), np.array([1.0, 0.5, 2.0])),
    "u": ("f", (False,), np.array([1.5, 0.25, 2.0])),
}

# (expression, gradient w.r.t.)
CASES = [
    ("nnet.sigmoid(x)", ["x"]),
    ("nnet.softplus(x)", ["x"]),
    ("nnet.ultra_fast_sigmoid(x)", ["x"]),
    ("nnet.hard_sigmoid(x)", ["x"]),
    ("nnet.softsign(x)", ["x"]),
    ("nnet.relu(x)", ["x"]),
    ("nnet.relu(x, 0.1)", ["x"]),
    ("nnet.relu(x, 0.5)", ["x"]),
    ("nnet.relu(x, a)", ["x", "a"]),
    ("nnet.elu(x)", ["x"]),
    ("nnet.elu(x, 0.5)", ["x"]),
    ("nnet.selu(x)", ["x"]),
    ("T.log(nnet.sigmoid(x))", ["x"]),
    ("T.log(1 - nnet.sigmoid(x))", ["x"]),
    ("T.log1p(-nnet.sigmoid(x))", ["x"]),
    ("T.log1p(T.exp(x))", ["x"]),
    ("nnet.binary_crossentropy(nnet.sigmoid(x), t)", ["x", "t"]),
    ("nnet.sigmoid_binary_crossentropy(x, t)", ["x", "t"]),
    ("nnet.binary_crossentropy(p, t)", ["p", "t"]),
    ("nnet.binary_crossentropy(q, r)", ["q", "r"]),
    ("T.grad(nnet.sigmoid(x).sum(), x)", ["x"]),
    ("nnet.softmax(X)", ["X"]),
    ("nnet.logsoftmax(X)", ["X"]),
    ("T.log(nnet.softmax(X))", ["X"]),
    ("nnet.softmax(v)", ["v"]),
    ("nnet.logsoftmax(v)", ["v"]),
    ("nnet.softmax_with_bias(X, b)", ["X", "b"]),
    ("nnet.categorical_crossentropy(nnet.softmax(X), y)", ["X"]),
    ("nnet.categorical_crossentropy(nnet.softmax(X), Y)", ["X", "Y"]),
    ("nnet.categorical_crossentropy(nnet.softmax(X + b), y)", ["X", "b"]),
    ("nnet.categorical_crossentropy(P, y)", ["P"]),
    ("nnet.categorical_crossentropy(P, Y)", ["P", "Y"]),
    ("nnet.crossentropy_categorical_1hot(P, y)", ["P"]),
    ("-T.mean(T.log(nnet.softmax(X))[T.arange(y.shape[0]), y])", ["X"]),
    ("T.grad((nnet.softmax(X) * P).sum(), X)", ["X", "P"]),
    ("T.grad((T.log(nnet.softmax(X)) * P).sum(), X)", ["X", "P"]),
    ("T.grad(nnet.categorical_crossentropy(nnet.softmax(X), y).sum(), X)", ["X"]),
    ("T.grad(nnet.crossentropy_softmax_1hot_with_bias(X, b, y)[0].sum(), [X, b])", ["X", "b"]),
    ("nnet.crossentropy_softmax_1hot(X, y)", ["X"]),
    ("nnet.crossentropy_softmax_argmax_1hot_with_bias(X, b, y)", ["X", "b"]),
    ("nnet.crossentropy_softmax_max_and_argmax_1hot(X, y)", ["X"]),
    ("bn.batch_normalization(x2, g, c, m, s)", ["x2", "g", "c", "m", "s"]),
    ("bn.batch_normalization(x2, g, c, m, s, mode='high_mem')", ["x2", "g", "c", "m", "s"]),
    ("bn.batch_normalization_train(x2, g, c)", ["x2", "g", "c"]),
    ("bn.batch_normalization_train(x2, g, c, epsilon=1e-3, running_average_factor=0.3, running_mean=m, "
     "running_var=u)", ["x2", "g", "c"]),
    ("bn.batch_normalization_train(x4, g, c, 'spatial', running_mean=m, running_var=u)", ["x4", "g", "c"]),
    ("bn.batch_normalization_train(x4, g.dimshuffle('x', 0, 'x', 'x'), c.dimshuffle('x', 0, 'x', 'x'), (0, 2, 3))",
     ["x4", "g", "c"]),
    ("bn.batch_normalization_test(x2, g, c, m, u)", ["x2", "g", "c", "m", "u"]),
    ("bn.batch_normalization_test(x4, g, c, m, u, 'spatial', epsilon=1e-2)", ["x4", "g", "c", "m", "u"]),
    ("T.grad((bn.batch_normalization_test(x2, g, c, m, u) * x2).sum(), x2)", ["x2", "g", "m", "u"]),
    ("T.grad((bn.batch_normalization_train(x2, g, c)[0] * x2).sum(), x2)", ["x2", "g"]),
    ("T.grad((bn.batch_normalization_train(x4, g, c, 'spatial')[0] * x4).sum(), [x4, g])", ["x4", "g", "c"]),
]


def flat(a):
    """float32 in its shortest repr (parsing it back and casting gives the same float32); nan/inf as text."""
    a = np.asarray(a)
    if a.dtype.kind != "f":
        return a.ravel().tolist()
    out = []
    for v in a.ravel():
        if not np.isfinite(v):
            out.append(str(v))
        elif a.dtype == np.float32:
            out.append(float(np.format_float_positional(v, unique=True)))
        else:
            out.append(float(v))
    return out


def names_in(expr):
    import re
    return [n for n in INPUTS if re.search(r"\b%s\b" % n, expr)]


def as_list(out):
    return list(out) if isinstance(out, (list, tuple)) else [out]


def build(expr, dtype, tag):
    variables = {}
    for n in names_in(expr):
        kind, bcast, _ = INPUTS[n]
        variables[n] = T.TensorType(dtype if kind == "f" else kind, bcast)(n + tag)
    ns = dict(variables, T=T, nnet=nnet, bn=bn, theano=theano, np=np)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return variables, as_list(eval(expr, ns))


def run_cases(dtype):
    records, ins, vals, outs, grads = [], [], [], [], []
    for k, (expr, wrt) in enumerate(CASES):
        variables, out = build(expr, dtype, "_%d" % k)
        rec = dict(name=expr, dtype=dtype, expr=expr, wrt=wrt, inputs=[])
        for n, var in variables.items():
            value = INPUTS[n][2].astype(var.dtype)
            rec["inputs"].append(dict(name=n, dtype=var.dtype, bcast=list(var.broadcastable),
                                      shape=list(value.shape), value=flat(value)))
            ins.append(var)
            vals.append(value)
        rec["outputs"] = [dict(dtype=o.dtype, bcast=list(o.broadcastable)) for o in out]
        records.append((rec, variables, out))
    f = theano.function(ins, [o for _, _, out in records for o in out], on_unused_input="ignore")
    results = iter(f(*vals))
    g_ins, g_vals, g_outs, pending = list(ins), list(vals), [], []
    for j, (rec, variables, out) in enumerate(records):
        cost = 0
        for i, (o, spec) in enumerate(zip(out, rec["outputs"])):
            r = next(results)
            spec.update(shape=list(r.shape), vdtype=str(r.dtype), value=flat(r))
            if o.dtype.startswith("float"):
                w = det(r.shape, 0.4 + 3 * j + i).astype(o.dtype)
                wv = T.TensorType(o.dtype, (False,) * o.ndim)("w_%d_%d" % (j, i))
                spec["w"] = flat(w)
                g_ins.append(wv)
                g_vals.append(w)
                cost = cost + (o * wv).sum()
        try:
            gs = T.grad(cost, [variables[n] for n in rec["wrt"]])
        except Exception as e:
            rec["grad_error"] = dict(cls=type(e).__name__, msg=str(e).split("\n")[0])
            continue
        rec["grads"] = [dict(dtype=g.dtype) for g in gs]
        g_outs += gs
        pending.append(rec)
    g_results = iter(theano.function(g_ins, g_outs, on_unused_input="ignore")(*g_vals))
    for rec in pending:
        for spec in rec["grads"]:
            r = next(g_results)
            spec.update(vdtype=str(r.dtype), shape=list(r.shape), value=flat(r))
    return [rec for rec, _, _ in records]


# --- behaviours: expressions whose result, warnings or exception are compared as text ---

def run(inputs, outputs, *values):
    return theano.function(inputs, outputs)(*values)


BEHAVIOURS = {
    "softmax_vector": "nnet.softmax(T.dvector('v')).type",
    "logsoftmax_vector": "nnet.logsoftmax(T.dvector('v')).type",
    "softmax_col": "nnet.softmax(T.dcol('c')).type",
    "softmax_int": "nnet.softmax(T.imatrix('i'))",
    "softmax_3d": "nnet.softmax(T.dtensor3('t'))",
    "logsoftmax_int": "nnet.logsoftmax(T.lvector('i'))",
    "softmax_float32": "nnet.softmax(T.fmatrix('f')).type",
    "softmax_vector_value": "run([V], nnet.softmax(V), np.array([1., 2., 3.]))",
    "xent_rank": "nnet.categorical_crossentropy(T.dmatrix('p'), T.dtensor3('y'))",
    "xent_int8_labels": "nnet.categorical_crossentropy(T.dmatrix('p'), T.bvector('y'))",
    "xent_types": "[nnet.categorical_crossentropy(T.fmatrix('p'), T.lvector('y')).type, "
                  "nnet.categorical_crossentropy(T.fmatrix('p'), T.fmatrix('y')).type]",
    "xent_label_too_large_softmax": "run([FM, IV], nnet.categorical_crossentropy(nnet.softmax(FM), IV), "
                                    "np.ones((2, 3), 'float32'), np.array([0, 3], 'int32'))",
    "xent_label_too_large": "run([FM, IV], nnet.categorical_crossentropy(FM, IV), np.ones((2, 3), 'float32'), "
                            "np.array([0, 3], 'int32'))",
    "xent_1hot_types": "[o.type for o in nnet.crossentropy_softmax_argmax_1hot_with_bias(FM, FV, IV)]",
    "xent_1hot_bad_x": "nnet.crossentropy_softmax_argmax_1hot_with_bias(FV, FV, IV)",
    "xent_1hot_bad_y": "nnet.crossentropy_softmax_argmax_1hot_with_bias(FM, FV, FV)",
    "softmax_with_bias_bad_b": "nnet.softmax_with_bias(FM, FM)",
    "bce_types": "[nnet.binary_crossentropy(FV, T.dvector('t')).type, nnet.binary_crossentropy(FV, FV).type]",
    "sbce_types": "[nnet.sigmoid_binary_crossentropy(FV, FV).type, "
                  "nnet.sigmoid_binary_crossentropy(FV, T.dvector()).type]",
    "int_activations": "run([IV], [nnet.sigmoid(IV), nnet.softplus(IV), nnet.softsign(IV), "
                       "nnet.ultra_fast_sigmoid(IV), nnet.hard_sigmoid(IV)], "
                       "np.array([-40, -31, -29, -3, 0, 20, 29, 31, 40], 'int32'))",
    "int8_activations": "run([BV], [nnet.sigmoid(BV), nnet.softplus(BV), nnet.softsign(BV)], "
                        "np.array([-100, -31, -29, 16, 29, 31, 100], 'int8'))",
    "activation_dtypes": "[f(v).dtype for f in (nnet.relu, lambda z: nnet.relu(z, 0.1), "
                         "lambda z: nnet.relu(z, 0.5), nnet.elu, nnet.selu, nnet.hard_sigmoid, "
                         "nnet.ultra_fast_sigmoid, nnet.softsign, nnet.sigmoid, nnet.softplus) for v in (FV, IV, BV)]",
    "str_ops": "[str(e.owner.op) for e in (nnet.sigmoid(V), nnet.softplus(V), nnet.ultra_fast_sigmoid(V), "
               "nnet.softsign(V), nnet.softmax(FM), nnet.logsoftmax(FM), nnet.softmax_with_bias(FM, FV), "
               "nnet.categorical_crossentropy(FM, IV), nnet.crossentropy_softmax_1hot(FM, IV)[0], "
               "nnet.sigmoid_binary_crossentropy(FV, FV))]",
    "str_grad_ops": "[str(T.grad(nnet.softmax(FM).sum(), FM).owner.op), "
                    "str(T.grad(nnet.crossentropy_softmax_1hot(FM, IV)[0].sum(), FM).owner.op)]",
    "pp": "[theano.printing.pp(e) for e in (nnet.sigmoid(V), nnet.softplus(V), nnet.softmax(FM), nnet.softsign(V))]",
    "bn_str": "[str(o.owner.op) for o in bn.batch_normalization_train(FM, FV, FV)] + "
              "[str(bn.batch_normalization_test(FM, FV, FV, FV, FV).owner.op)]",
    "bn_types_f32": "[o.type for o in bn.batch_normalization_train(FM, FV, FV, running_mean=FV, running_var=FV)]",
    "bn_types_4d": "[o.type for o in "
                   "bn.batch_normalization_train(T.dtensor4(), T.dtensor4(), T.dtensor4(), 'spatial')]",
    "bn_test_mixed": "bn.batch_normalization_test(FM, V, V, V, V).type",
    "bn_small_epsilon": "bn.batch_normalization_train(FM, FV, FV, epsilon=1e-6)",
    "bn_bad_axes": "bn.batch_normalization_train(FM, FV, FV, axes=(2,))",
    "bn_invalid_axes": "bn.batch_normalization_train(FM, FV, FV, axes='foo')",
    "bn_bad_mode": "bn.batch_normalization(FM, FV, FV, FV, FV, mode='x')",
    "bn_only_running_mean": "bn.batch_normalization_train(FM, FV, FV, running_mean=FV)",
    "bn_bad_gamma": "bn.batch_normalization_train(FM, FM, FV)",
    "bn_test_bad_mean": "bn.batch_normalization_test(FM, FV, FV, FM, FV)",
    "nnet_module_names": "sorted(n for n in ('sigmoid', 'softplus', 'softsign', 'relu', 'elu', 'selu', 'softmax', "
                         "'logsoftmax', 'binary_crossentropy', 'categorical_crossentropy', "
                         "'crossentropy_softmax_1hot', 'sigmoid_binary_crossentropy', 'ultra_fast_sigmoid', "
                         "'hard_sigmoid') if hasattr(theano.tensor.nnet.nnet, n))",
    "bn_train_second_order": "T.grad((T.grad((bn.batch_normalization_train(FM, FV, FV)[0] * FM).sum(), FM) * FM)"
                             ".sum(), FM)",
    "bn_train_second_order_disconnected": "T.grad((T.grad((bn.batch_normalization_train(FM, FV, FV)[0] * "
                                          "np.ones((2, 3), 'float32')).sum(), FM) * FM).sum(), FV)",
    "ultra_fast_sigmoid_grad": "T.grad(nnet.ultra_fast_sigmoid(V).sum(), V)",
    "float32_saturation": "run([FV], [nnet.sigmoid(FV), nnet.softplus(FV), T.grad(nnet.sigmoid(FV).sum(), FV)], "
                          "np.array([-88.5, -87.5, 14.5, 15.5, -103.5, -102.5, 13.5, 14.5], 'float32'))",
}


def summarize(r):
    if isinstance(r, (list, tuple)):
        return [summarize(e) for e in r]
    if isinstance(r, np.ndarray):
        return [str(r.dtype), flat(r)]
    if hasattr(r, "type") and hasattr(r, "owner"):
        return "variable " + str(r.type)
    if hasattr(r, "dtype") and hasattr(r, "broadcastable"):
        return str(r)
    return r if isinstance(r, (int, float, str, bool)) or r is None else str(r)


def behaviours():
    ns = dict(T=T, nnet=nnet, bn=bn, theano=theano, np=np, run=run, V=T.dvector("V"), FV=T.fvector("FV"),
              FM=T.fmatrix("FM"), IV=T.ivector("IV"), BV=T.bvector("BV"))
    res = {}
    for name, expr in BEHAVIOURS.items():
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            try:
                out = {"ok": True, "result": summarize(eval(expr, ns))}
            except Exception as e:
                out = {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}
        out["warnings"] = [[w.category.__name__, str(w.message)] for w in rec if w.category is not DeprecationWarning]
        out["expr"] = expr
        res[name] = out
    return res


if __name__ == "__main__":
    result = {"theano_version": theano.__version__, "behaviours": behaviours(), "cases": []}
    for dt in ("float64", "float32"):
        result["cases"] += run_cases(dt)
    json.dump(result, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
