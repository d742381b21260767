"""The op library against Theano 1.0.5's recorded answers (tests/golden/ops.json).

Each record of tests/golden/op_records.py is rebuilt with theano_compat, compiled with theano.function and
checked for: output count, dtype (symbolic and of the returned array), broadcastable pattern, shape, value,
and, for grad_wrt, the same of T.grad(T.sum(out * W), input); where Theano raised, the same exception class
(matched by name anywhere in the raised class's MRO) at the same point: graph build / T.grad, or else at
compile-or-call. Regenerate the golden data with

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_ops.py

THEANO_COMPAT_OPS_MODE=<mode> passes mode=<mode> to theano.function (default: the default mode);
THEANO_COMPAT_OPS_GROUP=<n> compiles n error-free records per function (default 100; 1 = one per record).
"""
import json
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
import op_records  # noqa: E402

import theano_compat as theano  # noqa: E402
import theano_compat.tensor as T  # noqa: E402

_GOLDEN_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "ops.json")
with open(_GOLDEN_PATH) as _fh:
    GOLDEN = json.load(_fh)
MODE = os.environ.get("THEANO_COMPAT_OPS_MODE") or None
RTOL = {"float64": 1e-12, "complex128": 1e-12, "float32": 1e-6, "complex64": 1e-6, "float16": 1e-3}
PROBE = "bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_ops.py"


def _compile(inputs, outputs):
    return theano.function(inputs, outputs, on_unused_input="ignore", mode=MODE)


def _expect_raise(expected, fn, where):
    """fn() must raise an exception whose class (or a base of it) is named like Theano's; where Theano's
    class is numpy's own (UFuncTypeError, ...), its nearest builtin base (unless bare Exception) will do."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the class is what is under test
        names = [c.__name__ for c in type(e).__mro__]
        from_numpy = expected.get("module", "").split(".")[0] == "numpy" and expected["base"] != "Exception"
        assert expected["cls"] in names or (from_numpy and expected["base"] in names), (
            "%s: raised %s(%s); Theano raised %s at %s: %s" % (
                where, type(e).__name__, e, expected["cls"], expected["stage"], expected["msg"]))
        return
    pytest.fail("%s: Theano raised %s at %s (%s); theano_compat did not raise"
                % (where, expected["cls"], expected["stage"], expected["msg"]))


def _check_meta(var, exp, where):
    dtype = getattr(var, "dtype", None)
    assert dtype == exp["dtype"], "%s: dtype %s, Theano %s" % (where, dtype, exp["dtype"])
    bcast = getattr(getattr(var, "type", None), "broadcastable", None)
    assert (bcast is None) == (exp["bcast"] is None), "%s: type %r, Theano's has broadcastable %s" % (
        where, getattr(var, "type", var), exp["bcast"])
    if exp["bcast"] is not None:
        assert list(bcast) == exp["bcast"], "%s: broadcastable %s, Theano %s" % (
            where, tuple(bcast), tuple(exp["bcast"]))


def _check_value(got, exp, rec, where, values=True):
    arr = np.asarray(got)
    assert str(arr.dtype) == exp["vdtype"], "%s: returned dtype %s, Theano %s" % (where, arr.dtype, exp["vdtype"])
    assert list(arr.shape) == exp["shape"], "%s: shape %s, Theano %s" % (where, arr.shape, tuple(exp["shape"]))
    if not values:
        return
    want = op_records.decode_value(exp["value"], exp["vdtype"], exp["shape"])
    msg = "%s: %s" % (where, rec["expr"])
    if arr.dtype.kind in "fc":
        rtol = max(rec.get("rtol", 0.0), RTOL.get(str(arr.dtype), 1e-12))
        atol = max(rec.get("atol", 0.0), rtol)
        np.testing.assert_allclose(arr, want, rtol=rtol, atol=atol, equal_nan=True, err_msg=msg)
    else:
        np.testing.assert_array_equal(arr, want, err_msg=msg)


class _Built:
    """A record's graph rebuilt with theano_compat (its build-time checks already passed)."""

    def __init__(self, invars, vals, outs, gnames, gvars, late):
        self.invars, self.vals, self.outs = invars, vals, outs
        self.gnames, self.gvars, self.late = gnames, gvars, late

    @property
    def outputs(self):
        return self.outs + self.gvars


def _golden(rid):
    rec = op_records.BY_ID[rid]
    gold = GOLDEN.get(rid)
    assert gold is not None, "no golden entry for %s: run %s %r" % (rid, PROBE, "^" + rid + "$")
    assert gold["fp"] == op_records.fingerprint(rec), "golden data for %s is stale: run %s %r" % (
        rid, PROBE, "^" + rid + "$")
    return rec, gold


def _build(rec, gold):
    """Rebuild the record's outputs and gradients, checking what Theano decided at build time (exception
    class, output count, dtype, broadcastable); None when nothing is left to run."""
    ns = op_records.namespace(theano)
    invars, vals = op_records.build_inputs(rec, ns)
    err = gold.get("error")
    if err and err["stage"] == "build":
        _expect_raise(err, lambda: eval(rec["expr"], ns), "building " + rec["expr"])
        return None
    outs, multi = op_records.as_outputs(eval(rec["expr"], ns))
    assert multi == gold["multi"] and len(outs) == len(gold["outputs"]), (
        "%s: %d output(s) (sequence=%s), Theano %d (sequence=%s)" % (
            rec["expr"], len(outs), multi, len(gold["outputs"]), gold["multi"]))
    for k, (o, exp) in enumerate(zip(outs, gold["outputs"])):
        _check_meta(o, exp, "output %d" % k)
    if err:  # Theano raised at compile or call: accept either here
        _expect_raise(err, lambda: _compile(invars, outs)(*vals), "compiling/calling " + rec["expr"])
        return None
    gvars, late = {}, {}
    if rec.get("grad_wrt"):
        shapes = [exp["shape"] for exp in gold["outputs"]]
        cost_errs = [g["error"] for g in gold["grads"].values() if g.get("error", {}).get("stage") == "cost"]
        if cost_errs:
            _expect_raise(cost_errs[0], lambda: op_records.grad_cost(T, outs, shapes, rec), "grad cost")
        else:
            cost = op_records.grad_cost(T, outs, shapes, rec)
            for name in rec["grad_wrt"]:
                gexp = gold["grads"][name]
                gerr = gexp.get("error")
                if gerr and gerr["stage"] == "grad":
                    _expect_raise(gerr, lambda: T.grad(cost, ns[name]), "T.grad w.r.t. " + name)
                    continue
                g = T.grad(cost, ns[name])
                if gerr:  # Theano failed compiling/calling this gradient
                    late[name] = g
                else:
                    _check_meta(g, gexp, "grad w.r.t. " + name)
                    gvars[name] = g
    return _Built(invars, vals, outs, list(gvars), [gvars[n] for n in gvars], late)


def _check_results(rec, gold, built, res):
    values = rec.get("check") != "meta"
    for k, exp in enumerate(gold["outputs"]):
        _check_value(res[k], exp, rec, "output %d" % k, values)
    for n, r in zip(built.gnames, res[len(built.outs):]):
        _check_value(r, gold["grads"][n], rec, "grad w.r.t. " + n)
    for n, g in built.late.items():
        _expect_raise(gold["grads"][n]["error"], lambda: _compile(built.invars, g)(*built.vals), "grad w.r.t. " + n)


def _run_record(rid):
    rec, gold = _golden(rid)
    built = _build(rec, gold)
    if built is not None:
        _check_results(rec, gold, built, _compile(built.invars, built.outputs)(*built.vals))


# Compiling is most of this file's time (one XLA compile per function), so records that Theano ran without
# any error are compiled GROUP at a time into one function; a group that fails to build, compile or run
# falls back to one function per record, so a failure is always reported by its own record's test.
GROUP = int(os.environ.get("THEANO_COMPAT_OPS_GROUP", "100"))
_GROUPABLE = [r["id"] for r in op_records.RECORDS
              if r["id"] in GOLDEN and "error" not in GOLDEN[r["id"]]
              and not any("error" in g for g in GOLDEN[r["id"]].get("grads", {}).values())]
_GROUP_OF = {rid: k // GROUP for k, rid in enumerate(_GROUPABLE)} if GROUP > 1 else {}
_GROUPS = {}


def _grouped(rid):
    """(built, results) of rid from its group's single compiled function, or None."""
    if rid not in _GROUP_OF:
        return None
    k = _GROUP_OF[rid]
    if k not in _GROUPS:
        members = {}
        for m in _GROUPABLE[k * GROUP:(k + 1) * GROUP]:
            try:
                rec, gold = _golden(m)
                built = _build(rec, gold)
            except Exception:  # noqa: BLE001 - that record's own test reports it
                continue
            if built is not None:
                members[m] = built
        _GROUPS[k] = {}
        try:
            res = _compile([v for b in members.values() for v in b.invars],
                           [o for b in members.values() for o in b.outputs])(
                *[v for b in members.values() for v in b.vals])
        except Exception:  # noqa: BLE001 - fall back to one function per record
            return None
        i = 0
        for m, b in members.items():
            n = len(b.outputs)
            _GROUPS[k][m] = (b, list(res[i:i + n]))
            i += n
    return _GROUPS[k].get(rid)


# Records where theano_compat knowingly differs from Theano, each with the reason; strict, so a fix shows.
KNOWN_DIVERGENCES = {
    "std:21": "Theano's graph optimizer turns x - mean(x) over a broadcastable axis into 0 before the "
              "gradient meets sqrt'(0) = inf; without its rewrite chain the gradient here is nan (Theano: 0)",
}


@pytest.mark.parametrize("rid", [pytest.param(r["id"], marks=pytest.mark.xfail(
    reason=KNOWN_DIVERGENCES[r["id"]], strict=True)) if r["id"] in KNOWN_DIVERGENCES else r["id"]
    for r in op_records.RECORDS])
def test_op_record(rid):
    done = _grouped(rid)
    if done is None:
        _run_record(rid)
    else:
        rec, gold = _golden(rid)
        _check_results(rec, gold, *done)


def test_golden_covers_every_record():
    missing = [r["id"] for r in op_records.RECORDS if r["id"] not in GOLDEN]
    stale = [r["id"] for r in op_records.RECORDS
             if r["id"] in GOLDEN and GOLDEN[r["id"]]["fp"] != op_records.fingerprint(r)]
    assert not missing and not stale, "regenerate with %s --resume (missing %s, stale %s)" % (
        PROBE, missing[:10], stale[:10])


def test_every_registered_op_has_a_record():
    try:
        from theano_compat.graph import ops
    except ImportError as e:
        pytest.skip("theano_compat.graph.ops does not exist yet (%s)" % e)
    registry = getattr(ops, "REGISTRY", None)
    if registry is None:
        pytest.skip("theano_compat.graph.ops.REGISTRY does not exist yet")
    import theano_compat.tensor.nnet  # noqa: F401  (ops register on import)
    import theano_compat.ops.scan_grad  # noqa: F401  (registered when a scan is first differentiated)
    recorded = {r["name"] for r in op_records.RECORDS}
    graded = {r["name"] for r in op_records.RECORDS if r.get("grad_wrt")}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bad = {}
    for name, (kind, where) in op_records.COVERED_ELSEWHERE.items():
        ok = {"grad": where in graded, "record": where in recorded,
              "test": os.path.exists(os.path.join(root, where))}[kind]
        if not ok:
            bad[name] = (kind, where)
    assert not bad, "COVERED_ELSEWHERE entries that point at nothing: %s" % bad
    missing = sorted(n for n in registry if n not in recorded and n not in op_records.COVERED_ELSEWHERE)
    assert not missing, "registered ops without a record in tests/golden/op_records.py: %s" % missing
