"""Differential fuzz against Theano 1.0.5: small random expressions (ops x dtypes x edge values), run under
real Theano to record golden data (tests/golden/fuzz.json); tests/test_fuzz.py replays them on theano_compat.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_fuzz.py [ID_REGEX ...]

The table is generated from a fixed seed with Python's `random` only, so both interpreters build the very
same cases. A case is {id, family, expr, inputs: [[name, dtype, ndim, value]], call?}: `expr` is evaluated
over T, theano, np and the input variables; `call` (family "input") is a Python expression for the value
handed to the compiled function instead of the input's own value. Each result is {dtype, shape, value}
of the output, or {error: {cls, base, module, stage}} with stage build | call.

Left out on purpose (undefined behaviour in Theano's C code, whose answer depends on the CPU's vector
instructions): float -> uint32/uint64 conversion of out-of-range values, and INT_MIN // -1.
"""
import json
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "fuzz.json")
SEED = 20240510

NAN, INF = float("nan"), float("inf")
INTS = ["int8", "uint8", "int16", "int32", "int64"]
FLOATS = ["float32", "float64"]
DTYPES = INTS + FLOATS
LIMITS = {"int8": (-128, 127), "uint8": (0, 255), "int16": (-32768, 32767), "int32": (-2 ** 31, 2 ** 31 - 1),
          "int64": (-2 ** 63, 2 ** 63 - 1), "uint16": (0, 65535), "uint32": (0, 2 ** 32 - 1),
          "uint64": (0, 2 ** 64 - 1)}


def edge_values(dtype):
    """The pool a case's values are drawn from: 0, +-1, small values, the extremes, and for floats nan,
    +-inf, -0.0, values that round or divide awkwardly."""
    if dtype == "bool":
        return [True, False]
    if dtype in FLOATS:
        big = 3.0e38 if dtype == "float32" else 1.0e308
        return [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 2.5, 1e-3, -7.0, 300.2, -1.5, big, -big, NAN, INF, -INF]
    lo, hi = LIMITS[dtype]
    pool = [0, 1, 2, 7, hi, hi - 1]
    if lo < 0:
        pool += [-1, -2, -7, lo, lo + 1]
    return pool


BINARY = ["a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "T.maximum(a, b)",
          "T.minimum(a, b)", "T.lt(a, b)", "T.eq(a, b)"]
CONSTANTS = ["0.001", "-1", "2", "0.5", "-0.0", "3", "300", "-2.5", "np.int64(5)", "np.float32(-1.5)"]
UNARY = ["-a", "abs(a)", "T.sgn(a)", "T.floor(a)", "T.ceil(a)", "T.round(a)", "T.iround(a)", "T.trunc(a)",
         "T.sqrt(a)", "T.exp(a)", "T.log(a)", "T.inv(a)", "T.sqr(a)", "T.cast(a, 'uint8')", "T.cast(a, 'int8')",
         "T.cast(a, 'int16')", "T.cast(a, 'uint16')", "T.cast(a, 'int32')", "T.cast(a, 'int64')",
         "T.cast(a, 'float32')", "T.cast(a, 'uint32')", "T.cast(a, 'uint64')"]
REDUCE = ["T.sum(a)", "T.prod(a)", "T.max(a)", "T.min(a)", "T.argmax(a)", "T.argmin(a)", "T.mean(a)",
          "T.all(a)", "T.any(a)", "T.cumsum(a)", "T.sort(a)", "T.argsort(a)"]
INDEXES = ["1", "1:", "::2", "[0, 2]", "-1"]
# Values handed to a compiled function `theano.function([a], a * 2)` in place of a proper array
CALL_VALUES = ["None", "np.array([1.0, 2.0], dtype=object)", "np.array(3.0, dtype=object)", "[None, 1.0]",
               "'ab'", "['1', '2']", "{}", "[[1, 2], [3, 4]]", "[1, 2, 3]", "[1.5, 2.5]", "[300, -1]",
               "[2 ** 40, 1]", "[1e40, 1.0]", "[float('nan'), 1.0]", "np.array([1, 2], dtype='int64')",
               "np.array([1.5, 2], dtype='float64')", "np.array([1, 2], dtype='float32')", "[True, False]",
               "np.array([True, False])", "np.float64(2.5)", "7", "2.5", "np.array([], dtype='float64')",
               "np.array([[1, 2]], dtype='int8')", "np.array([1, 2], dtype='uint8')", "(1, 2)"]


def _vector(rng, dtype, n=None):
    pool = edge_values(dtype)
    n = rng.choice([0, 1, 3, 4, 5]) if n is None else n
    return [rng.choice(pool) for _ in range(n)]


def _in_range_for_cast(value, target):
    # float -> uint32/uint64 out of range is C's undefined behaviour: Theano's answer depends on the CPU
    if target in ("uint32", "uint64") and isinstance(value, float):
        return math.isfinite(value) and 0 <= value < 2 ** 32
    return True


def _binary_case(rng):
    expr = rng.choice(BINARY)
    da = rng.choice(DTYPES)
    n = rng.choice([1, 3, 4, 5])
    a = _vector(rng, da, n)
    if rng.random() < 0.3:
        const = rng.choice(CONSTANTS)
        return {"expr": expr.replace("b", "(%s)" % const) if expr.startswith("T.") else
                expr.replace(" b", " (%s)" % const), "inputs": [["a", da, 1, a]]}
    db = rng.choice(DTYPES)
    b = _vector(rng, db, n)
    if "//" in expr or "%" in expr:  # INT_MIN // -1 overflows in C (undefined behaviour)
        a = [x if not (isinstance(x, int) and x == LIMITS.get(da, (None,))[0]) else 0 for x in a]
    return {"expr": expr, "inputs": [["a", da, 1, a], ["b", db, 1, b]]}


def _unary_case(rng):
    expr = rng.choice(UNARY)
    da = rng.choice(DTYPES + ["bool"])
    target = re.search(r"'(\w+)'", expr)
    values = [v for v in _vector(rng, da) if not target or _in_range_for_cast(v, target.group(1))]
    return {"expr": expr, "inputs": [["a", da, 1, values]]}


def _reduce_case(rng):
    return {"expr": rng.choice(REDUCE), "inputs": [["a", (da := rng.choice(DTYPES)), 1, _vector(rng, da)]]}


def _subtensor_case(rng):
    kind = rng.choice(["set_subtensor", "inc_subtensor"])
    da = rng.choice(["uint8", "int8", "int32", "float32", "float64"])
    index = rng.choice(INDEXES)
    a = _vector(rng, da, 4)
    if rng.random() < 0.4:  # a constant: a Python number or a 0-d numpy value
        const = rng.choice(["5", "-1", "300", "-1.5", "2.7", "np.int64(5)", "np.int64(-1)", "np.array(5)",
                            "np.array(300)", "np.float64(-1.5)", "np.array(-2.7)"])
        return {"expr": "T.%s(a[%s], %s)" % (kind, index, const), "inputs": [["a", da, 1, a]]}
    db = rng.choice(["int64", "int8", "uint8", "float64", "float32", "int32"])
    ndim = 0 if index in ("1", "-1") or rng.random() < 0.5 else 1
    size = {"1:": 3, "::2": 2, "[0, 2]": 2}.get(index, 1)
    b = [v for v in _vector(rng, db, size if ndim else 1)
         if _in_range_for_cast(v, da)] or [edge_values(db)[2]]
    if ndim == 0:
        b = b[0]
    elif len(b) != size:
        b = (b * size)[:size]
    return {"expr": "T.%s(a[%s], b)" % (kind, index), "inputs": [["a", da, 1, a], ["b", db, ndim, b]]}


def _input_case(rng):
    da = rng.choice(["float64", "float32", "int32", "int8", "uint8", "int64"])
    ndim = rng.choice([0, 1])
    own = edge_values(da)[2] if ndim == 0 else [edge_values(da)[2]] * 2
    return {"expr": "a * 2", "inputs": [["a", da, ndim, own]], "call": rng.choice(CALL_VALUES),
            "downcast": rng.random() < 0.25}


FAMILIES = [("binary", _binary_case, 150), ("unary", _unary_case, 90), ("reduce", _reduce_case, 40),
            ("subtensor", _subtensor_case, 70), ("input", _input_case, 60)]


def make_cases():
    rng = random.Random(SEED)
    cases = []
    for family, make, count in FAMILIES:
        for k in range(count):
            case = make(rng)
            case.update(id="%s:%d" % (family, k), family=family)
            cases.append(case)
    return cases


CASES = make_cases()
BY_ID = {c["id"]: c for c in CASES}


# --- running a case (the same code under Theano and theano_compat) ---

def error_entry(exc, stage):
    base = next(c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins")
    msg = str(exc).strip().splitlines()
    return {"cls": type(exc).__name__, "base": base, "module": type(exc).__module__, "stage": stage,
            "msg": (msg[0] if msg else "")[:120]}


def build(case, theano, T):
    """(input variables, output, values to call with)."""
    import numpy as np
    ns = {"T": T, "theano": theano, "np": np}
    variables, values = [], []
    for name, dtype, ndim, value in case["inputs"]:
        var = T.TensorType(dtype, (False,) * ndim)(name)
        ns[name] = var
        variables.append(var)
        values.append(np.asarray(value, dtype=dtype))
    if "call" in case:
        values = [eval(case["call"], {"np": np})]
    return variables, eval(case["expr"], ns), values


def result_entry(out, value):
    import numpy as np
    arr = np.asarray(value)
    return {"dtype": out.dtype, "vdtype": str(arr.dtype), "shape": list(arr.shape), "value": arr.tolist()}


def run_case(case, theano, T):
    try:
        variables, out, values = build(case, theano, T)
    except Exception as e:  # noqa: BLE001 - the error is the result
        return {"error": error_entry(e, "build")}
    try:
        fn = theano.function(variables, out, allow_input_downcast=case.get("downcast") or None)
        return result_entry(out, fn(*values))
    except Exception as e:  # noqa: BLE001
        return {"error": error_entry(e, "call")}


def main(argv):
    import logging
    import warnings
    warnings.simplefilter("ignore")
    logging.getLogger("theano").setLevel(logging.CRITICAL)
    import numpy as np
    np.seterr(all="ignore")
    import theano
    import theano.tensor as T
    pats = [re.compile(a) for a in argv]
    old = {}
    if pats and os.path.exists(OUT):
        with open(OUT) as fh:
            old = json.load(fh)["results"]
    results = {}
    for k, case in enumerate(CASES):
        if pats and not any(p.search(case["id"]) for p in pats) and case["id"] in old:
            results[case["id"]] = old[case["id"]]
            continue
        results[case["id"]] = run_case(case, theano, T)
        print(k, case["id"], case["expr"], results[case["id"]].get("error", {}).get("cls", ""), flush=True)
    with open(OUT, "w") as fh:
        json.dump({"seed": SEED, "count": len(CASES), "results": results}, fh, indent=0, sort_keys=True)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
