"""Run every record of tests/golden/op_records.py under real Theano 1.0.5 and write tests/golden/ops.json.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_ops.py [--resume] [ID_REGEX ...]

  (no args)    regenerate every record
  ID_REGEX     re-probe only records whose id matches (re.search); others are kept from the existing ops.json
  --resume     probe only records missing from ops.json or whose fingerprint changed (after a crash/edit)

Each record's entry: fp (fingerprint of the record), outputs (per output: dtype, bcast, shape, vdtype = dtype
of the returned array, value), multi (expr returned a list/tuple), error {cls, stage, msg} with stage one of
build | compile | call, and grads {input name: {dtype, bcast, shape, value} or {error: {cls, stage, msg}}}
where a grad stage is cost | grad | compile | call; an error also carries module (of its class) and base
(its nearest builtin base class).

The env var OPS_PROBE_COMPILEDIR (default /tmp/theano-ops-probe) gives this probe its own Theano compiledir,
so it does not queue on the shared ~/.theano lock.
"""
import json
import logging
import os
import re
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.dirname(HERE)
OUT = os.path.join(GOLDEN, "ops.json")
sys.path.insert(0, GOLDEN)

_cdir = os.environ.get("OPS_PROBE_COMPILEDIR", "/tmp/theano-ops-probe")
if _cdir:
    os.environ["THEANO_FLAGS"] = ",".join(
        f for f in [os.environ.get("THEANO_FLAGS", ""), "base_compiledir=" + _cdir] if f)

import numpy as np  # noqa: E402
import theano  # noqa: E402
import theano.tensor as T  # noqa: E402

import op_records  # noqa: E402

warnings.simplefilter("ignore")
logging.getLogger("theano").setLevel(logging.CRITICAL)


def err(exc, stage):
    """cls + module of the exception, its nearest builtin base class, where it happened, its message."""
    msg = str(exc).strip().splitlines()
    base = next(c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins")
    return {"cls": type(exc).__name__, "module": type(exc).__module__, "base": base, "stage": stage,
            "msg": (msg[0] if msg else "")[:160]}


def meta(var):
    t = getattr(var, "type", None)
    bc = getattr(t, "broadcastable", None)
    return {"dtype": getattr(var, "dtype", None), "bcast": list(bc) if bc is not None else None}


def value_entry(var, val):
    ent = meta(var)
    arr = np.asarray(val)
    ent.update({"shape": list(arr.shape), "vdtype": str(arr.dtype), "value": op_records.encode_value(arr)})
    return ent


def probe(rec):
    ns = op_records.namespace(theano)
    entry = {"fp": op_records.fingerprint(rec), "name": rec["name"], "expr": rec["expr"]}
    invars, vals = op_records.build_inputs(rec, ns)
    try:
        outs, multi = op_records.as_outputs(eval(rec["expr"], ns))
    except Exception as e:
        entry["error"] = err(e, "build")
        return entry
    entry["multi"] = multi
    entry["outputs"] = [meta(o) for o in outs]
    try:
        f = theano.function(invars, outs, on_unused_input="ignore")
    except Exception as e:
        entry["error"] = err(e, "compile")
        return entry
    try:
        res = f(*vals)
    except Exception as e:
        entry["error"] = err(e, "call")
        return entry
    entry["outputs"] = [value_entry(o, r) for o, r in zip(outs, res)]
    if not rec.get("grad_wrt"):
        return entry
    grads = entry["grads"] = {}
    try:
        cost = op_records.grad_cost(T, outs, [np.shape(r) for r in res], rec)
    except Exception as e:
        for name in rec["grad_wrt"]:
            grads[name] = {"error": err(e, "cost")}
        return entry
    gvars = {}
    for name in rec["grad_wrt"]:
        try:
            gvars[name] = T.grad(cost, ns[name])
        except Exception as e:
            grads[name] = {"error": err(e, "grad")}
    names = list(gvars)
    if not names:
        return entry
    try:
        gres = theano.function(invars, [gvars[n] for n in names], on_unused_input="ignore")(*vals)
        for n, r in zip(names, gres):
            grads[n] = value_entry(gvars[n], r)
    except Exception:
        for n in names:  # attribute the failure to the gradient(s) that cause it
            try:
                g = theano.function(invars, gvars[n], on_unused_input="ignore")
            except Exception as e:
                grads[n] = {"error": err(e, "compile")}
                continue
            try:
                grads[n] = value_entry(gvars[n], g(*vals))
            except Exception as e:
                grads[n] = {"error": err(e, "call")}
    grads_sorted = {n: grads[n] for n in rec["grad_wrt"]}
    entry["grads"] = grads_sorted
    return entry


def write(entries):
    ids = [r["id"] for r in op_records.RECORDS if r["id"] in entries]
    lines = [json.dumps(i) + ": " + json.dumps(entries[i], sort_keys=False) for i in ids]
    with open(OUT + ".tmp", "w") as fh:
        fh.write("{\n" + ",\n".join(lines) + "\n}\n")
    os.replace(OUT + ".tmp", OUT)


def main(argv):
    resume = "--resume" in argv
    pats = [re.compile(a) for a in argv if a != "--resume"]
    old = {}
    if (pats or resume) and os.path.exists(OUT):
        with open(OUT) as fh:
            old = json.load(fh)
    entries = {}
    todo = []
    for rec in op_records.RECORDS:
        if pats:
            selected = any(p.search(rec["id"]) for p in pats)
        elif resume:
            selected = old.get(rec["id"], {}).get("fp") != op_records.fingerprint(rec)
        else:
            selected = True
        if selected:
            todo.append(rec)
        elif rec["id"] in old:
            entries[rec["id"]] = old[rec["id"]]
    t0 = time.time()
    for k, rec in enumerate(todo):
        t = time.time()
        try:
            entries[rec["id"]] = probe(rec)
        except Exception as e:  # a bug in the record itself (bad input constructor/value)
            entries[rec["id"]] = {"fp": op_records.fingerprint(rec), "name": rec["name"], "expr": rec["expr"],
                                  "error": err(e, "inputs")}
        e = entries[rec["id"]].get("error")
        print("[%d/%d %.1fs] %s %s%s" % (k + 1, len(todo), time.time() - t, rec["id"], rec["expr"],
                                         "  -> %s@%s" % (e["cls"], e["stage"]) if e else ""), flush=True)
        if (k + 1) % 25 == 0:
            write(entries)
    write(entries)
    print("probed %d records in %.0fs; %d in %s" % (len(todo), time.time() - t0, len(entries), OUT))


if __name__ == "__main__":
    main(sys.argv[1:])
