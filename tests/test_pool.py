"""Pooling lowerings against Theano 1.0.5's answers (tests/golden/pool.json, made by
tests/golden/probes/probe_pool.py): outputs, gradients of sum(out * W) (ties: every max gets it) and the
gradient of sum(gx * V) w.r.t. W (MaxPoolGrad's own gradient).

All cases of one dtype run in ONE jitted function, to pay XLA's compile once.
"""
import functools
import json
import pathlib

import jax
import numpy as np
import pytest

jax.config.update("jax_enable_x64", True)

from theano_compat.ops import pool as P  # noqa: E402
from theano_compat.ops import pool_ops as API  # noqa: E402

GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "pool.json").read_text())
CASES = GOLDEN["cases"]
BEHAVIOURS = GOLDEN["behaviours"]
TOL = {"float64": dict(rtol=1e-12, atol=1e-13), "float32": dict(rtol=1e-5, atol=1e-6)}


def params(case):
    """The case's keywords in the new names, with Theano's defaults filled in."""
    p = {k: tuple(v["tuple"]) if isinstance(v, dict) else v for k, v in case["params"].items()}
    for old, new in (("ds", "ws"), ("st", "stride"), ("padding", "pad")):
        if old in p:
            p[new] = p.pop(old)
    p.setdefault("ignore_border", False)  # Theano 1.0.5: None warns and means False
    p.setdefault("mode", "max")
    return p


def arrays(case):
    dt = case["dtype"]
    return tuple(np.asarray(case[k], dt).reshape(case[s]) for k, s in
                 (("x", "x_shape"), ("w", "out_shape"), ("v", "x_shape")))


def lowering(case):
    p = params(case)
    ws, mode = p.pop("ws"), p.pop("mode")
    has_grad = "gx" in case

    def run(x, w, v):
        out = P.pool_lower(x, ws, mode=mode, **p)
        if not has_grad:
            return (out,)
        if mode == "max":
            return (out, P.max_pool_grad_lower(x, out, w, ws, **p), P.max_pool_grad_grad_lower(x, out, v, ws, **p))
        # AveragePoolGrad's gradient w.r.t. its output gradient is the same Pool (Theano's grad).
        return (out, P.average_pool_grad_lower(x, w, ws, mode=mode, **p), P.pool_lower(v, ws, mode=mode, **p))
    return run


# LLVM's optimisations do not change these results, and skipping them cuts XLA's compile ~2.5x.
QUICK_COMPILE = {"xla_backend_optimization_level": 0}


@functools.lru_cache(maxsize=None)
def results(dtype):
    cases = [c for c in CASES if c["dtype"] == dtype]
    fns = [lowering(c) for c in cases]
    args = [arrays(c) for c in cases]
    run_all = jax.jit(lambda args: [f(*a) for f, a in zip(fns, args)]).lower(args)
    outs = run_all.compile(compiler_options=QUICK_COMPILE)(args)
    return {c["name"]: [np.asarray(o) for o in r] for c, r in zip(cases, outs)}


def check(case, key, got):
    assert str(got.dtype) == case[key + "_dtype"], key
    ref = np.asarray(case[key], dtype=got.dtype)
    assert got.size == ref.size, (key, got.shape)
    np.testing.assert_allclose(got, ref.reshape(got.shape), err_msg=key, **TOL[case["dtype"]])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['name']}-{c['dtype']}" for c in CASES])
def test_golden(case):
    got = results(case["dtype"])[case["name"]]
    assert list(got[0].shape) == case["out_shape"]
    check(case, "out", got[0])
    if "gx" in case:
        check(case, "gx", got[1])
        check(case, "ggw", got[2])


def test_exc_pad_gradient_with_padding_is_refused_as_in_theano():
    refused = [c for c in CASES if "grad_error" in c]
    assert refused and all(c["grad_error"]["error"] == "ValueError" for c in refused)
    x = np.zeros((1, 1, 4, 4))
    with pytest.raises(ValueError, match="padding must be zero for average_exc_pad"):
        P.average_pool_grad_lower(x, np.zeros((1, 1, 3, 3)), (2, 2), True, None, (1, 1), "average_exc_pad")


def test_all_equal_input_routes_gradient_to_every_element():
    # Overlapping 2x2 windows (stride 1) on a constant 4x4: each element gets one gz per window holding it.
    case = next(c for c in CASES if c["name"] == "max_const_ib_all_equal" and c["dtype"] == "float64")
    x = np.full((1, 1, 4, 4), 0.5)
    out = P.pool_2d_lower(x, (2, 2), True, (1, 1))
    gx = P.max_pool_grad_lower(x, out, np.ones(out.shape), (2, 2), True, (1, 1))
    windows_per_element = np.outer([1, 2, 2, 1], [1, 2, 2, 1])
    np.testing.assert_array_equal(np.asarray(gx)[0, 0], windows_per_element)
    assert np.count_nonzero(case["gx"]) == 16


def expect(name, fn):
    b = BEHAVIOURS[name]
    with pytest.raises(Exception) as info:
        fn()
    assert (type(info.value).__name__, str(info.value)) == (b["error"], b["message"])


def test_param_errors_match_theano():
    x = np.zeros((1, 1, 4, 4))
    expect("pad_without_ignore_border", lambda: P.pool_2d_lower(x, (2, 2), False, None, (1, 1)))
    expect("bad_mode", lambda: P.pool_2d_lower(x, (2, 2), True, mode="avg"))
    expect("vector_input", lambda: P.pool_2d_lower(np.zeros(4), (2, 2), True))
    expect("pool_3d_matrix_input", lambda: P.pool_3d_lower(np.zeros((4, 4)), (2, 2, 2), True))


def test_out_shape_and_empty_output():
    assert list(P.pool_out_shape((1, 1, 5, 7), (2, 3), False, (1, 2), (0, 0))) == \
        BEHAVIOURS["out_shape_ib_false"]["result"]
    assert list(P.pool_out_shape((1, 1, 1, 7), (2, 3), True, (2, 3), (0, 0))) == \
        BEHAVIOURS["out_shape_empty_ib"]["result"]
    out = P.pool_2d_lower(np.ones((1, 1, 2, 5)), (3, 3), True)
    assert list(out.shape) == BEHAVIOURS["empty_output_run"]["result"]


@pytest.mark.parametrize("mode", P.MODES)
def test_int32_input(mode):
    # Integer averages truncate (the C code's integer division), and the dtype stays int32.
    dtype, ref = BEHAVIOURS["int32_" + mode]["result"]
    x = np.array([[1, -2, 3], [4, 6, -7], [8, 9, 5]], dtype="int32")
    got = P.pool_2d_lower(x, (2, 2), False, mode=mode)
    assert str(got.dtype) == dtype
    np.testing.assert_array_equal(got, ref)


# ---------------------------------------------------------------- the symbolic API (theano.function + T.grad)

import warnings  # noqa: E402

import theano_compat as theano  # noqa: E402
import theano_compat.tensor as T  # noqa: E402

# A subset through the graph (one compiled function per dtype); the lowering tests cover every case.
SYMBOLIC = {"float64": ["max_ws22_partial", "max_ties_st11_partial", "max_const_pad", "max_default_ib",
                        "sum_ws33_st22_pad12", "average_inc_pad_ws32_st12_partial", "average_inc_pad_const_pad",
                        "average_exc_pad_ws23_st32_partial", "max_3d_pad_st", "average_exc_pad_3d_partial",
                        "max_old_kwargs", "max_2d_input", "sum_3d_input_st11"],
            "float32": ["max_ws22_ib", "average_inc_pad_3d_partial", "max_const_partial"]}
SYMBOLIC_CASES = [c for c in CASES if c["name"] in SYMBOLIC[c["dtype"]]]


def build(case, x):
    p = {k: tuple(v["tuple"]) if isinstance(v, dict) else v for k, v in case["params"].items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return (API.pool_2d if case["fn"] == "pool_2d" else API.pool_3d)(x, **p)


def variable(dtype, ndim):
    return T.TensorType(dtype, (False,) * ndim)()


@functools.lru_cache(maxsize=None)
def symbolic_results(dtype):
    ins, outs, vals = [], [], []
    cases = [c for c in SYMBOLIC_CASES if c["dtype"] == dtype]
    for c in cases:
        x, w, v = variable(dtype, len(c["x_shape"])), variable(dtype, len(c["out_shape"])), variable(dtype, len(c["x_shape"]))
        y = build(c, x)
        gx = T.grad((y * w).sum(), x)
        outs += [y, gx, T.grad((gx * v).sum(), w)]
        ins += [x, w, v]
        vals += list(arrays(c))
    got = theano.function(ins, outs)(*vals)
    return {c["name"]: got[3 * j:3 * j + 3] for j, c in enumerate(cases)}


@pytest.mark.parametrize("case", SYMBOLIC_CASES, ids=[f"{c['name']}-{c['dtype']}" for c in SYMBOLIC_CASES])
def test_symbolic_golden(case):
    got = [np.asarray(a) for a in symbolic_results(case["dtype"])[case["name"]]]
    for key, a in zip(("out", "gx", "ggw"), got):
        check(case, key, a)


def test_symbolic_exc_pad_gradient_with_padding_fails_like_theano():
    x = T.dtensor4("x")
    y = API.pool_2d(x, (2, 2), ignore_border=True, pad=(1, 1), mode="average_exc_pad")
    np.asarray(theano.function([x], y)(np.ones((1, 1, 4, 4))))  # the forward works, as in Theano
    with pytest.raises(ValueError, match="padding must be zero for average_exc_pad"):
        theano.function([x], T.grad(y.sum(), x))(np.ones((1, 1, 4, 4)))


def outcome(fn):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            res = {"ok": True, "result": fn()}
        except Exception as e:
            res = {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}
    res["warnings"] = [[w.category.__name__, str(w.message)] for w in rec if w.category is not DeprecationWarning]
    return res


x4 = T.dtensor4("x")
API_BEHAVIOURS = {
    "default_ignore_border_warning": lambda: API.pool_2d(x4, (2, 2)).ndim,
    "old_kwargs_warnings": lambda: API.pool_2d(x4, ds=(2, 2), st=(1, 1), padding=(1, 1), ignore_border=True).ndim,
    "ws_and_ds": lambda: API.pool_2d(x4, ws=(2, 2), ds=(2, 2), ignore_border=True).ndim,
    "stride_and_st": lambda: API.pool_2d(x4, (2, 2), stride=(1, 1), st=(1, 1), ignore_border=True).ndim,
    "pad_and_padding": lambda: API.pool_2d(x4, (2, 2), pad=(1, 1), padding=(1, 1), ignore_border=True).ndim,
    "no_ws": lambda: API.pool_2d(x4, ignore_border=True).ndim,
    "pad_without_ignore_border": lambda: API.pool_2d(x4, (2, 2), pad=(1, 1), ignore_border=False).ndim,
    "pad_not_smaller_than_ws": lambda: API.pool_2d(x4, (2, 2), pad=(2, 0), ignore_border=True).ndim,
    "bad_mode": lambda: API.pool_2d(x4, (2, 2), ignore_border=True, mode="avg").ndim,
    "max_deterministic_mode": lambda: API.pool_2d(x4, (2, 2), ignore_border=True,
                                                mode="max_deterministic").owner.params["mode"],
    "vector_input": lambda: API.pool_2d(T.dvector("v"), (2, 2), ignore_border=True).ndim,
    "pool_3d_matrix_input": lambda: API.pool_3d(T.dmatrix("m"), (2, 2, 2), ignore_border=True).ndim,
    "float_ws": lambda: API.pool_2d(x4, (2.0, 2.0), ignore_border=True).ndim,
    "broadcastable": lambda: list(API.pool_2d(T.TensorType("float64", (True, False, True, True))("b"), (1, 1),
                                            ignore_border=True).broadcastable),
}
_STR_CALLS = {
    "str_pool": lambda: API.pool_2d(x4, (2, 2), ignore_border=True),
    "str_pool_3d": lambda: API.pool_3d(T.dtensor5("x5"), (2, 2, 2), ignore_border=False, mode="sum"),
    "str_max_pool_grad": lambda: T.grad(API.pool_2d(x4, (2, 2), ignore_border=True).sum(), x4),
    "str_average_pool_grad": lambda: T.grad(API.pool_2d(x4, (2, 2), ignore_border=False,
                                                      mode="average_exc_pad").sum(), x4),
}
API_BEHAVIOURS.update({name: (lambda make=make: (lambda v: v.owner.op.describe(v.owner))(make()))
                       for name, make in _STR_CALLS.items()})


@pytest.mark.parametrize("name", sorted(API_BEHAVIOURS))
def test_api_behaviour_matches_theano(name):
    want, got = BEHAVIOURS[name], outcome(API_BEHAVIOURS[name])
    assert got["ok"] == want["ok"], got
    if want["ok"]:
        assert got["result"] == want["result"]
    else:
        assert (got["error"], got["message"]) == (want["error"], want["message"])
    assert got["warnings"] == want["warnings"]


def test_downsample_max_pool_2d():
    # Theano 1.0.5 has no theano.tensor.signal.downsample (ImportError); 0.8/0.9 had max_pool_2d, which
    # was pool_2d under the old names, and warned that the module had moved.
    assert BEHAVIOURS["import_downsample"]["error"] == "ImportError"
    with pytest.warns(UserWarning, match="downsample module has been moved"):
        y = API.max_pool_2d(x4, (2, 2), ignore_border=True, st=(1, 1), mode="sum")
    assert y.owner.params == dict(ignore_border=True, mode="sum", ndim=2)
    assert [list(i.data) for i in y.owner.inputs[1:]] == [[2, 2], [1, 1], [0, 0]]
