"""theano.tensor.nnet against Theano 1.0.5's recorded answers (tests/golden/nnet.json, made by
tests/golden/probes/probe_nnet.py): values, dtypes and gradients of every nnet function in float64 and
float32, as Theano's optimized functions compute them (saturated sigmoids, stable log-softmax and
crossentropies for logits of 800), plus errors, warnings, op names and printing.

All cases of one dtype (outputs and gradients) run in ONE theano.function, to pay XLA's compile once.
"""
import functools
import json
import pathlib
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.tensor import nnet
from theano_compat.tensor.nnet import bn

GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "nnet.json").read_text())
CASES = GOLDEN["cases"]
BEHAVIOURS = GOLDEN["behaviours"]
TOL = {"float64": dict(rtol=1e-12, atol=1e-14), "float32": dict(rtol=2e-6, atol=1e-7)}
# Batch-norm gradients cancel (c - mean(c)): float32 rounding order shows at ~1e-7 of values ~1.
LOOSE = {"float64": dict(rtol=1e-12, atol=1e-14), "float32": dict(rtol=2e-6, atol=1e-6)}


def decode(values, dtype):
    return np.array([float(v) if isinstance(v, str) else v for v in values], dtype=dtype)


def build(case, tag):
    variables, values = {}, []
    for spec in case["inputs"]:
        variables[spec["name"]] = T.TensorType(spec["dtype"], spec["bcast"])(spec["name"] + tag)
        values.append(decode(spec["value"], spec["dtype"]).reshape(spec["shape"]))
    ns = dict(variables, T=T, nnet=nnet, bn=bn, theano=theano, np=np)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = eval(case["expr"], ns)
    return variables, values, list(out) if isinstance(out, (list, tuple)) else [out]


@functools.lru_cache(maxsize=None)
def results(dtype):
    """{case index: (outputs, grads, grad error)} for every case of one dtype, from one compiled function."""
    cases = [(k, c) for k, c in enumerate(CASES) if c["dtype"] == dtype]
    ins, vals, outs, layout = [], [], [], {}
    for k, case in cases:
        variables, values, out = build(case, "_%d" % k)
        ins += list(variables.values())
        vals += values
        cost, n_grads, error = 0, 0, None
        for o, spec in zip(out, case["outputs"]):
            if "w" in spec:
                w = T.TensorType(o.dtype, (False,) * o.ndim)("w%d" % k)
                ins.append(w)
                vals.append(decode(spec["w"], o.dtype).reshape(spec["shape"]))
                cost = cost + (o * w).sum()
        try:
            grads = T.grad(cost, [variables[n] for n in case["wrt"]])
            n_grads = len(grads)
        except Exception as e:  # noqa: BLE001 - compared with Theano's exception below
            grads, error = [], e
        layout[k] = (len(outs), len(out), n_grads, error, [o.dtype for o in out], [g.dtype for g in grads])
        outs += out + list(grads)
    res = theano.function(ins, outs, on_unused_input="ignore")(*vals)
    return {k: (res[i:i + n], res[i + n:i + n + ng], err, odt, gdt) for k, (i, n, ng, err, odt, gdt) in layout.items()}


def check(got, spec, what, dtype, tol=TOL):
    assert str(got.dtype) == spec["vdtype"], what
    assert list(got.shape) == spec["shape"], what
    want = decode(spec["value"], spec["vdtype"]).reshape(spec["shape"])
    if got.dtype.kind == "f":
        np.testing.assert_allclose(got, want, err_msg=what, equal_nan=True, **tol[dtype])
    else:
        np.testing.assert_array_equal(got, want, err_msg=what)


@pytest.mark.parametrize("k", range(len(CASES)), ids=[f"{c['expr']}-{c['dtype']}" for c in CASES])
def test_golden(k):
    case = CASES[k]
    outs, grads, error, out_dtypes, grad_dtypes = results(case["dtype"])[k]
    assert out_dtypes == [o["dtype"] for o in case["outputs"]]
    for i, (got, spec) in enumerate(zip(outs, case["outputs"])):
        check(got, spec, f"output {i}", case["dtype"])
    if "grad_error" in case:
        assert error is not None and type(error).__name__ == case["grad_error"]["cls"], error
        return
    assert error is None, error
    assert grad_dtypes == [g["dtype"] for g in case["grads"]]
    for name, got, spec in zip(case["wrt"], grads, case["grads"]):
        check(got, spec, f"grad w.r.t. {name}", case["dtype"], LOOSE if case["expr"].startswith("bn.") else TOL)


# --- behaviours: the same expressions as the probe, compared as text ---

def run(inputs, outputs, *values):
    return theano.function(inputs, outputs)(*values)


def summarize(r):
    if isinstance(r, (list, tuple)):
        return [summarize(e) for e in r]
    if isinstance(r, np.ndarray):
        return [str(r.dtype), [float(np.format_float_positional(v, unique=True)) if r.dtype == np.float32 else
                               v for v in r.ravel().tolist()]]
    if hasattr(r, "type") and hasattr(r, "owner"):
        return "variable " + str(r.type)
    if hasattr(r, "dtype") and hasattr(r, "broadcastable"):
        return str(r)
    return r if isinstance(r, (int, float, str, bool)) or r is None else str(r)


def opname(v):
    """Theano's str(v.owner.op): here the op's describe(node), since an op's parameters live on its node."""
    return v.owner.op.describe(v.owner)


def outcome(expr):
    expr = re.sub(r"str\((.*?)\.owner\.op\)", r"opname(\1)", expr)
    ns = dict(T=T, nnet=nnet, bn=bn, theano=theano, np=np, run=run, opname=opname, V=T.dvector("V"), FV=T.fvector("FV"),
              FM=T.fmatrix("FM"), IV=T.ivector("IV"), BV=T.bvector("BV"))
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            out = {"ok": True, "result": summarize(eval(expr, ns))}
        except Exception as e:  # noqa: BLE001 - compared with Theano's
            out = {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}
    out["warnings"] = [[w.category.__name__, str(w.message)] for w in rec if w.category is not DeprecationWarning]
    return out


NUMERIC = {"softmax_vector_value", "int_activations", "int8_activations", "float32_saturation"}


@pytest.mark.parametrize("name", sorted(BEHAVIOURS))
def test_behaviour(name):
    want = dict(BEHAVIOURS[name])
    got = outcome(want.pop("expr"))
    if name in NUMERIC and got["ok"] and want["ok"]:
        got_r, want_r = got.pop("result"), want.pop("result")
        if isinstance(want_r[0], str):  # one array
            got_r, want_r = [got_r], [want_r]
        for (gd, gv), (wd, wv) in zip(got_r, want_r):
            assert gd == wd
            np.testing.assert_allclose(np.asarray(gv, gd), np.asarray(wv, wd), **TOL[gd])
    if name == "bn_train_second_order_disconnected":  # Theano's message shows an object address
        assert (got["error"], want["error"]) == ("AsTensorError", "AsTensorError"), got
        return
    assert got == want


def test_sandbox_softsign_is_nnet_softsign_with_theanos_notice():
    code = "import theano_compat.sandbox.softsign as s, theano_compat.tensor.nnet as n; print(s.softsign is n.softsign)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "True"
    assert "DEPRECATION WARNING: softsign was moved from theano.sandbox.softsign to theano.tensor.nnet.nnet" \
        in proc.stderr


def test_bn_train_running_averages_as_updates():
    """The usual way: out feeds the cost, the running averages feed `updates` (no gradient through them)."""
    x = T.dmatrix("x")
    g, b = theano.shared(np.array([1.0, 2.0, 0.5]), "g"), theano.shared(np.zeros(3), "b")
    rm, rv = theano.shared(np.zeros(3), "rm"), theano.shared(np.ones(3), "rv")
    out, mean, invstd, new_rm, new_rv = bn.batch_normalization_train(x, g, b, running_mean=rm, running_var=rv)
    cost = (out ** 2).sum()
    gg, gb = T.grad(cost, [g, b])
    f = theano.function([x], cost, updates=[(rm, new_rm), (rv, new_rv), (g, g - 0.1 * gg), (b, b - 0.1 * gb)])
    xv = np.arange(12.0).reshape(4, 3) ** 1.5
    f(xv)
    np.testing.assert_allclose(rm.get_value(), 0.1 * xv.mean(0), rtol=1e-14)
    np.testing.assert_allclose(rv.get_value(), 0.9 + 0.1 * xv.var(0) * 4 / 3, rtol=1e-14)
