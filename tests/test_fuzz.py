"""The differential fuzz: every case of tests/golden/probes/probe_fuzz.py (ops x dtypes x edge values, bad
call values) replayed on theano_compat against what Theano 1.0.5 returned or raised (tests/golden/fuzz.json).

Values are compared exactly for integers and booleans, and for floats to the last few ulps with nan where
nan is and the sign of every zero. Cases Theano ran without error are compiled GROUP at a time into one
function (compiling is most of the time); a group that fails falls back to one function per case.
"""
import numpy as np
import pytest

from golden_cases import load_golden, load_probe, theano, T

PF = load_probe("probe_fuzz")
GOLD = load_golden("fuzz.json")
RTOL = {"float32": 2e-6, "float64": 1e-13}
GROUP = 60
PROBE = "../shared/theano-oracle/run.sh tests/golden/probes/probe_fuzz.py"


def _expect_error(want, got):
    names = [c.__name__ for c in type(got).__mro__]
    from_numpy = want["module"].split(".")[0] == "numpy"
    assert want["cls"] in names or (from_numpy and want["base"] in names), (
        "raised %s(%s); Theano raised %s: %s" % (type(got).__name__, got, want["cls"], want["msg"]))


def _compare(case, want, out, value):
    expr = case["expr"]
    assert out.dtype == want["dtype"], "%s: dtype %s, Theano %s" % (expr, out.dtype, want["dtype"])
    arr = np.asarray(value)
    assert str(arr.dtype) == want["vdtype"] and list(arr.shape) == want["shape"], (
        "%s: returned %s%s, Theano %s%s" % (expr, arr.dtype, arr.shape, want["vdtype"], tuple(want["shape"])))
    expected = np.asarray(want["value"], dtype=want["vdtype"]).reshape(want["shape"])
    if arr.dtype.kind == "f":
        np.testing.assert_allclose(arr, expected, rtol=RTOL[str(arr.dtype)], atol=0, equal_nan=True, err_msg=expr)
        zeros = expected == 0
        assert (np.signbit(arr[zeros]) == np.signbit(expected[zeros])).all(), "%s: sign of zero %s, Theano %s" % (
            expr, arr, expected)
    else:
        np.testing.assert_array_equal(arr, expected, err_msg=expr)


def _run_alone(case, want):
    """Build, compile and call one case, checking it against Theano's result."""
    if "error" in want and want["error"]["stage"] == "build":
        with pytest.raises(Exception) as info:
            PF.build(case, theano, T)
        return _expect_error(want["error"], info.value)
    variables, out, values = PF.build(case, theano, T)
    fn = lambda: theano.function(variables, out, allow_input_downcast=case.get("downcast") or None)(*values)
    if "error" in want:
        with pytest.raises(Exception) as info:
            fn()
        return _expect_error(want["error"], info.value)
    _compare(case, want, out, fn())


_OK = [c["id"] for c in PF.CASES if "error" not in GOLD["results"].get(c["id"], {"error": 1}) and "call" not in c]
_GROUP_OF = {cid: k // GROUP for k, cid in enumerate(_OK)}
_GROUPS = {}


def _grouped(cid):
    """The case's (output variable, value) from its group's one compiled function, or None."""
    k = _GROUP_OF.get(cid)
    if k is None:
        return None
    if k not in _GROUPS:
        built = {}
        for member in _OK[k * GROUP:(k + 1) * GROUP]:
            try:
                built[member] = PF.build(PF.BY_ID[member], theano, T)
            except Exception:  # noqa: BLE001 - that case's own run reports it
                continue
        try:
            results = theano.function([v for b in built.values() for v in b[0]], [b[1] for b in built.values()])(
                *[x for b in built.values() for x in b[2]])
        except Exception:  # noqa: BLE001 - one function per case instead
            results = None
        _GROUPS[k] = {} if results is None else {m: (b[1], r) for (m, b), r in zip(built.items(), results)}
    return _GROUPS[k].get(cid)


# Where Theano 1.0.5 itself is wrong, theano_compat keeps the right answer (migration_guide/README.md lists
# these departures); strict, so that a change shows.
_NEG = ("Theano's C code negates an integer operand before converting it (-x of INT_MIN overflows to INT_MIN, "
        "so the sign comes out wrong); theano_compat converts first and gets the right answer")
_VIA_DOUBLE = ("Theano's C maximum/minimum is a ternary with a nan() branch, so int64 values go through double and "
               "lose their low bits (2**63-2 becomes INT64_MIN); theano_compat keeps int64 exact")
DEPARTURES = {"binary:8": _NEG, "binary:70": _NEG, "binary:104": _NEG, "unary:6": _NEG,
              "binary:127": _VIA_DOUBLE, "binary:129": _VIA_DOUBLE, "reduce:2": _VIA_DOUBLE}


@pytest.mark.parametrize("cid", [pytest.param(c["id"], marks=pytest.mark.xfail(reason=DEPARTURES[c["id"]], strict=True))
                                 if c["id"] in DEPARTURES else c["id"] for c in PF.CASES])
def test_fuzz_case(cid):
    case = PF.BY_ID[cid]
    want = GOLD["results"].get(cid)
    assert want is not None, "no golden result for %s: run %s %r" % (cid, PROBE, "^" + cid + "$")
    done = _grouped(cid)
    if done is None:
        _run_alone(case, want)
    else:
        _compare(case, want, *done)


def test_golden_matches_the_generated_table():
    assert GOLD["seed"] == PF.SEED and GOLD["count"] == len(PF.CASES) == len(GOLD["results"]), (
        "the case table changed: rerun %s" % PROBE)
