"""Convolution lowerings against Theano 1.0.5's answers (tests/golden/conv.json, made by
tests/golden/probes/probe_conv.py): outputs, and gradients of sum(out * W) w.r.t. image and filters.

All cases of one dtype run in ONE jitted function: XLA's compile of each conv is what costs time here.
"""
import functools
import json
import pathlib

import jax
import numpy as np
import pytest

jax.config.update("jax_enable_x64", True)

from theano_compat.ops import conv as C  # noqa: E402

GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "conv.json").read_text())
CASES = GOLDEN["cases"]
BEHAVIOURS = GOLDEN["behaviours"]
# float32: rtol as asked; the atol covers outputs that cancel to ~0 (their float32 rounding is absolute).
TOL = {"float64": dict(rtol=1e-12, atol=1e-12), "float32": dict(rtol=1e-5, atol=2e-5)}


def untuple(v):
    if isinstance(v, dict):
        return tuple(untuple(e) for e in v["tuple"])
    return v


def case_params(case):
    return {k: untuple(v) for k, v in case["params"].items()}


def lowering(case):
    """The array function the case calls, with the shape hints (only checked by Theano) dropped."""
    p = case_params(case)
    api = case["api"]
    input_shape = p.pop("input_shape", None)
    p.pop("filter_shape", None)
    p.pop("image_shape", None)
    p.pop("signals_shape", None)
    p.pop("filters_shape", None)
    if api == "conv3d2d":
        return lambda x, k: C.conv3d2d_lower(x, k, **p)
    if api == "conv2d":
        return lambda x, k: C.conv2d_lower(x, k, **p)
    if api == "conv3d":
        return lambda x, k: C.conv3d_lower(x, k, **p)
    if api == "legacy":
        return lambda x, k: C.legacy_conv2d_lower(x, k, **p)
    return lambda x, k: C.conv2d_grad_wrt_inputs_lower(x, k, input_shape, **p)


def arrays(case):
    dt = case["dtype"]
    return (np.asarray(case["x"], dt).reshape(case["x_shape"]), np.asarray(case["k"], dt).reshape(case["k_shape"]),
            np.asarray(case["w"], dt).reshape(case["out_shape"]))


def with_grads(f, has_grad):
    def run(x, k, w):
        out, vjp = jax.vjp(f, x, k)
        return (out,) + tuple(vjp(w)) if has_grad else (out,)
    return run


# LLVM's optimisations do not change these results, and skipping them cuts XLA's compile ~2.5x.
QUICK_COMPILE = {"xla_backend_optimization_level": 0}


@functools.lru_cache(maxsize=None)
def results(dtype):
    cases = [c for c in CASES if c["dtype"] == dtype]
    fns = [with_grads(lowering(c), "grad_error" not in c) for c in cases]
    args = [arrays(c) for c in cases]
    run_all = jax.jit(lambda args: [f(*a) for f, a in zip(fns, args)]).lower(args)
    outs = run_all.compile(compiler_options=QUICK_COMPILE)(args)
    return {c["name"]: [np.asarray(o) for o in r] for c, r in zip(cases, outs)}


def check(case, key, got):
    ref = np.asarray(case[key], dtype=case[key + "_dtype"])
    assert str(got.dtype) == case[key + "_dtype"], key
    assert got.size == ref.size, (key, got.shape)
    np.testing.assert_allclose(got, ref.reshape(got.shape), err_msg=key, **TOL[case["dtype"]])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['name']}-{c['dtype']}" for c in CASES])
def test_golden(case):
    got = results(case["dtype"])[case["name"]]
    assert list(got[0].shape) == case["out_shape"]
    check(case, "out", got[0])
    if "grad_error" in case:  # the legacy ConvOp refuses these gradients (see the phase-2 API tests)
        return
    check(case, "gx", got[1])
    check(case, "gk", got[2])


# ---------------------------------------------------------------- errors Theano raises (same class)

X4, K4 = np.zeros((2, 4, 6, 7)), np.zeros((6, 4, 3, 2))


def expect(name, fn):
    b = BEHAVIOURS[name]
    assert not b["ok"]
    with pytest.raises(Exception) as info:
        fn()
    assert type(info.value).__name__ == b["error"]
    return info.value


def test_param_errors_match_theano():
    expect("bad_border_mode", lambda: C.conv2d_lower(X4, K4, border_mode="same"))
    expect("negative_border_mode", lambda: C.conv2d_lower(X4, K4, border_mode=-1))
    expect("border_tuple_wrong_len", lambda: C.conv2d_lower(X4, K4, border_mode=(1, 1, 1)))
    expect("subsample_wrong_len", lambda: C.conv2d_lower(X4, K4, subsample=(1,)))
    expect("num_groups_zero", lambda: C.conv2d_lower(X4, K4, num_groups=0))
    expect("conv3d_asym", lambda: C.conv3d_lower(np.zeros((1, 1, 3, 3, 3)), np.zeros((1, 1, 2, 2, 2)),
                                                 border_mode=((1, 0), 1, 1)))
    expect("legacy_half", lambda: C.legacy_conv2d_lower(X4, K4, border_mode="half"))
    for name, msg in (("bad_border_mode", "invalid border_mode same"), ("num_groups_zero", "num_groups")):
        assert msg in BEHAVIOURS[name]["message"]


def test_shape_errors_match_theano():
    # Theano raises these when the function runs; here when the lowering is traced (shapes are static).
    expect("groups_nkern_not_divisible_runtime",
           lambda: C.conv2d_lower(np.zeros((2, 4, 5, 7)), np.zeros((3, 2, 2, 2)), num_groups=2))
    expect("channel_mismatch_runtime", lambda: C.conv2d_lower(np.zeros((2, 4, 5, 7)), np.zeros((3, 3, 2, 2))))
    expect("grad_inputs_bad_topgrad_runtime",
           lambda: C.conv2d_grad_wrt_inputs_lower(np.zeros((2, 3, 5, 5)), np.zeros((3, 4, 2, 2)), (2, 4, 6, 7)))
    expect("valid_kernel_bigger_than_image_runtime",
           lambda: C.conv2d_lower(np.zeros((1, 1, 2, 2)), np.zeros((1, 1, 3, 3))))


def test_output_dtype_is_the_image_dtype():
    # AbstractConv's output type is the image's; gradInputs' is the filters'.
    assert BEHAVIOURS["mixed_f32_img_f64_kern_dtype"]["result"] == "float32"
    assert BEHAVIOURS["mixed_f64_img_f32_kern_dtype"]["result"] == "float64"
    assert C.conv2d_lower(X4.astype("float32"), K4).dtype == np.float32
    assert C.conv2d_lower(X4, K4.astype("float32")).dtype == np.float64
    assert BEHAVIOURS["grad_inputs_dtype_f32_kern"]["result"] == "float32"
    g = C.conv2d_grad_wrt_inputs_lower(np.zeros((2, 6, 4, 6)), K4.astype("float32"), (2, 4, 6, 7))
    assert g.dtype == np.float32


def test_unshared_kernel_must_match_output_size():
    with pytest.raises(ValueError, match="does not match"):
        C.conv2d_lower(np.zeros((1, 2, 5, 5)), np.zeros((3, 4, 4, 2, 3, 3)), unshared=True)


# ---------------------------------------------------------------- the symbolic API (theano.function + T.grad)

import warnings  # noqa: E402

import theano_compat as theano  # noqa: E402
import theano_compat.tensor as T  # noqa: E402

# A subset through the graph (one compiled function per dtype): every API and feature class once;
# the lowering tests above already cover every golden case numerically.
SYMBOLIC = {"float64": ["valid", "mixed_asym", "half_s32", "dil12_full_s21", "g2_half_s22_dil12", "shapes_given",
                        "partial_shapes", "unshared_full_s22", "legacy_full", "legacy_full_s22_shapes",
                        "legacy_valid_s21", "c3_tuple_s212", "c3d2d_mixed_shapes", "gi_half_s22_extra", "gi_g2_dil21_shapes"],
            "float32": ["valid_noflip", "unshared_valid", "legacy_valid", "c3_g2", "gi_valid"]}
SYMBOLIC_CASES = [c for c in CASES if c["name"] in SYMBOLIC[c["dtype"]]]


def build(case, x, k):
    p = case_params(case)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if case["api"] == "conv2d":
            return C.conv2d(x, k, **p)
        if case["api"] == "conv3d":
            return C.conv3d(x, k, **p)
        if case["api"] == "legacy":
            return C.conv_legacy_conv2d(x, k, **p)
        if case["api"] == "conv3d2d":
            return C.conv3d2d_conv3d(x, k, **p)
        return C.conv2d_grad_wrt_inputs(x, k, **p)


def variable(dtype, ndim, name):
    return T.TensorType(dtype, (False,) * ndim)(name)


@functools.lru_cache(maxsize=None)
def symbolic_results(dtype):
    ins, outs, vals, layout = [], [], [], {}
    for c in (c for c in SYMBOLIC_CASES if c["dtype"] == dtype):
        x, k = variable(dtype, len(c["x_shape"]), "x"), variable(dtype, len(c["k_shape"]), "k")
        w = variable(dtype, len(c["out_shape"]), "w")
        y = build(c, x, k)
        grads = [] if "grad_error" in c else T.grad((y * w).sum(), [x, k])
        layout[c["name"]] = (len(outs), 1 + len(grads))
        outs += [y] + grads
        ins += [x, k, w]
        vals += list(arrays(c))
    got = theano.function(ins, outs, on_unused_input="ignore")(*vals)
    return {name: got[start:start + n] for name, (start, n) in layout.items()}


@pytest.mark.parametrize("case", SYMBOLIC_CASES, ids=[f"{c['name']}-{c['dtype']}" for c in SYMBOLIC_CASES])
def test_symbolic_golden(case):
    got = [np.asarray(a) for a in symbolic_results(case["dtype"])[case["name"]]]
    check(case, "out", got[0])
    if "grad_error" not in case:
        check(case, "gx", got[1])
        check(case, "gk", got[2])


@pytest.mark.parametrize("name", ["legacy_valid_s21", "legacy_full_s23_shapes", "legacy_full_s21_noshapes"])
def test_legacy_grad_refusals(name):
    case = next(c for c in CASES if c["name"] == name)
    x, k = T.dtensor4("x"), T.dtensor4("k")
    y = build(case, x, k)
    with pytest.raises(Exception) as info:
        T.grad(y.sum(), [x, k])
    assert (type(info.value).__name__, str(info.value)) == (case["grad_error"]["error"], case["grad_error"]["message"])


def outcome(fn):
    """Like the probe's: result or error, and the warnings raised."""
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            res = {"ok": True, "result": fn()}
        except Exception as e:
            res = {"ok": False, "error": type(e).__name__, "message": str(e)}
    res["warnings"] = [[w.category.__name__, str(w.message)] for w in rec if w.category is not DeprecationWarning]
    return res


x4, k4, x4f, k4f = T.dtensor4("x"), T.dtensor4("k"), T.ftensor4("xf"), T.ftensor4("kf")
k6, x5, k5 = variable("float64", 6, "k6"), variable("float64", 5, "x5"), variable("float64", 5, "k5")
API_BEHAVIOURS = {
    "unshared_with_4d_kernel": lambda: C.conv2d(x4, k4, unshared=True).ndim,
    "shared_with_6d_kernel": lambda: C.conv2d(x4, k6).ndim,
    "conv3d_with_4d_input": lambda: C.conv3d(x4, k5).ndim,
    "conv2d_with_5d_input": lambda: C.conv2d(x5, k4).ndim,
    "bad_border_mode": lambda: C.conv2d(x4, k4, border_mode="same").ndim,
    "negative_border_mode": lambda: C.conv2d(x4, k4, border_mode=-1).ndim,
    "border_tuple_wrong_len": lambda: C.conv2d(x4, k4, border_mode=(1, 1, 1)).ndim,
    "subsample_wrong_len": lambda: C.conv2d(x4, k4, subsample=(1,)).ndim,
    "num_groups_zero": lambda: C.conv2d(x4, k4, num_groups=0).ndim,
    "conv3d_asym": lambda: C.conv3d(x5, k5, border_mode=((1, 0), 1, 1)).ndim,
    "image_shape_kw": lambda: C.conv2d(x4, k4, image_shape=(2, 4, 6, 7)).ndim,
    "image_and_input_shape": lambda: C.conv2d(x4, k4, image_shape=(2, 4, 6, 7), input_shape=(2, 4, 6, 7)).ndim,
    "extra_kwarg": lambda: C.conv2d(x4, k4, foo=3).ndim,
    "imshp_logical_kwarg": lambda: C.conv2d(x4, k4, imshp_logical=3).ndim,
    "legacy_warning": lambda: C.conv_legacy_conv2d(x4, k4).ndim,
    "legacy_half": lambda: C.conv_legacy_conv2d(x4, k4, border_mode="half").ndim,
    "legacy_mixed_dtype": lambda: C.conv_legacy_conv2d(x4, k4f).ndim,
    "mixed_f32_img_f64_kern_dtype": lambda: C.conv2d(x4f, k4).dtype,
    "mixed_f64_img_f32_kern_dtype": lambda: C.conv2d(x4, k4f).dtype,
    "int_img_dtype": lambda: C.conv2d(T.itensor4("i"), k4).dtype,
    "broadcastable_out": lambda: list(C.conv2d(T.TensorType("float64", (True, False, False, False))("xb"),
                                               T.TensorType("float64", (True, False, False, False))("kb")).broadcastable),
    "conv3d2d_hw_modes_differ": lambda: C.conv3d2d_conv3d(x5, k5, border_mode=("valid", "valid", "full")).ndim,
    "conv3d2d_same": lambda: C.conv3d2d_conv3d(x5, k5, border_mode="same").ndim,
    "conv3d2d_bad_mode": lambda: C.conv3d2d_conv3d(x5, k5, border_mode="wide").ndim,
    "grad_inputs_dtype_f32_kern": lambda: C.conv2d_grad_wrt_inputs(x4, k4f, (2, 4, 6, 7)).dtype,
}
_STR_CALLS = {  # how the node's op prints (Theano: str(node.op))
    "str_conv2d": lambda: C.conv2d(x4, k4),
    "str_conv2d_params": lambda: C.conv2d(x4, k4, input_shape=(1, 2, 3, 4), border_mode=(1, (2, 3)), subsample=(2, 1)),
    "str_conv2d_int_border": lambda: C.conv2d(x4, k4, border_mode=1, filter_flip=False, num_groups=2,
                                              filter_dilation=(2, 1)),
    "str_conv2d_unshared": lambda: C.conv2d(x4, k6, unshared=True, border_mode=((1, 1), (0, 0))),
    "str_conv3d": lambda: C.conv3d(x5, k5, border_mode="half"),
    "str_grad_inputs": lambda: C.conv2d_grad_wrt_inputs(x4, k4, (2, 3, 4, 5)),
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


def test_shape_hints_are_not_checked_at_run_time():
    # Theano's compiled function ignored a wrong input_shape (the probe got the real output shape).
    f = theano.function([x4, k4], C.conv2d(x4, k4, input_shape=(2, 4, 6, 7)))
    assert list(f(np.zeros((2, 4, 5, 7)), np.zeros((3, 4, 2, 2))).shape) == \
        BEHAVIOURS["input_shape_mismatch_runtime"]["result"]
