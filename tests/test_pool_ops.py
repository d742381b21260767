"""Theano's pooling op classes against Theano 1.0.5's answers (tests/golden/pool_ops.json, made by
tests/golden/probes/probe_pool_ops.py): symbolic window sizes (one function, called with several ws / stride /
pad: values and gradients), the classes called directly, Pool's R_op, second derivatives, the ops' str, props
and classes, Pool.out_shape, and the errors Theano raises when building and when running.
"""
import functools
import json
import pathlib
import warnings

import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import load_probe
from theano_compat.tensor.nnet.neighbours import Images2Neibs
from theano_compat.tensor.signal import pool as P
from theano_compat.tensor.signal.pool import (AveragePoolGrad, DownsampleFactorMaxGradGrad, MaxPoolGrad, MaxPoolRop,
                                              Pool, PoolGrad, max_pool_2d_same_size, pool_2d)

PROBE = load_probe("probe_pool_ops")
GOLDEN = json.loads((pathlib.Path(__file__).parent / "golden" / "pool_ops.json").read_text())
TOL = dict(rtol=1e-12, atol=1e-12)


# ---------------------------------------------------------------- symbolic ws / stride / pad

@functools.lru_cache(maxsize=None)
def symbolic_function(ignore_border, modes):
    """y and d sum(y * w) / dx for each mode, with the window as int32 vectors (inputs of the function)."""
    x, w = T.dtensor4("x"), T.dtensor4("w")
    ws, st, pad = T.ivector("ws"), T.ivector("st"), T.ivector("pad")
    outs = []
    for mode in modes:
        y = pool_2d(x, ws, ignore_border, st, pad, mode)
        outs += [y, T.grad((y * w).sum(), x)]
    return theano.function([x, w, ws, st, pad], outs)


def _window(case):
    return tuple(tuple(case[k]) for k in ("ws", "stride", "pad")), case["ignore_border"]


@functools.lru_cache(maxsize=None)
def symbolic_results(window, ignore_border):
    cases = [c for c in GOLDEN["symbolic"] if _window(c) == (window, ignore_border)]
    modes = tuple(c["mode"] for c in cases)
    c = cases[0]
    x = np.asarray(c["x"]).reshape(1, 2, 6, 7)
    w = np.asarray(c["w"]).reshape(c["out_shape"])
    got = symbolic_function(ignore_border, modes)(x, w, *window)
    return {mode: got[2 * k:2 * k + 2] for k, mode in enumerate(modes)}


SYMBOLIC_IDS = ["{mode}-ib{ignore_border}-ws{ws}-st{stride}-pad{pad}".format(**c) for c in GOLDEN["symbolic"]]


@pytest.mark.parametrize("case", GOLDEN["symbolic"], ids=SYMBOLIC_IDS)
def test_symbolic_window_values_and_gradient(case):
    y, gx = symbolic_results(*_window(case))[case["mode"]]
    assert list(y.shape) == case["out_shape"]
    np.testing.assert_allclose(np.ravel(y), case["out"], **TOL)
    np.testing.assert_allclose(np.ravel(gx), case["gx"], **TOL)


def test_one_symbolic_function_serves_every_window():
    assert len({_window(c) for c in GOLDEN["symbolic"]}) >= 4  # the table really varies the window


# ---------------------------------------------------------------- the classes called directly

@functools.lru_cache(maxsize=None)
def class_results(key):
    c, inp = GOLDEN["classes"], GOLDEN["classes"]["inputs_" + key]
    x, e, v, gz = T.dtensor4("x"), T.dtensor4("e"), T.dtensor4("v"), T.dtensor4("gz")
    window = (tuple(inp["ws"]), tuple(inp["stride"]), tuple(inp["pad"]))
    exprs = PROBE.class_exprs(P, T, inp["ignore_border"], *window, x, e, v, gz)
    names = sorted(exprs)
    shape = c["inputs"]["shape"]
    vals = [np.asarray(c["inputs"][k]).reshape(shape) for k in "xev"]
    gzv = np.asarray(inp["gz"]).reshape(c["pool_" + key]["shape"])
    got = theano.function([x, e, v, gz], [exprs[n] for n in names], on_unused_input="ignore")(*vals, gzv)
    return dict(zip(names, got))


CLASS_CASES = sorted(k for k in GOLDEN["classes"] if k.rsplit("_", 1)[-1] in ("ib", "partial")
                     and not k.startswith("inputs"))


@pytest.mark.parametrize("name", CLASS_CASES)
def test_classes_called_directly(name):
    expr, key = name.rsplit("_", 1)
    want, got = GOLDEN["classes"][name], class_results(key)[expr]
    assert (list(got.shape), str(got.dtype)) == (want["shape"], want["dtype"])
    np.testing.assert_allclose(np.ravel(got), want["value"], **TOL)


def test_max_pool_2d_same_size():
    c, want = GOLDEN["classes"]["inputs"], GOLDEN["classes"]["max_pool_2d_same_size"]
    x = T.dtensor4("x")
    got = theano.function([x], max_pool_2d_same_size(x, (2, 3)))(np.asarray(c["x"]).reshape(c["shape"]))
    assert list(got.shape) == want["shape"]
    np.testing.assert_allclose(np.ravel(got), want["value"], **TOL)


# ---------------------------------------------------------------- str, props, classes, out_shape, errors

def _run(ib, win, n=2):
    x, ws = T.dtensor4("x"), T.ivector("ws")
    f = theano.function([x, ws], Pool(ib)(x, ws[:n], ws[n:2 * n], ws[2 * n:]))
    return list(f(np.ones((1, 1, 4, 4)), win).shape)


x4, gz4, ws_v = T.dtensor4("x"), T.dtensor4("gz"), T.ivector("ws")
STRUCTURE = {
    "str_pool_default": lambda: str(Pool()),
    "str_pool_3d_sum": lambda: str(Pool(ignore_border=True, mode="sum", ndim=3)),
    "str_max_pool_grad": lambda: str(MaxPoolGrad(True)),
    "str_average_pool_grad": lambda: str(AveragePoolGrad(False, mode="sum", ndim=3)),
    "str_average_pool_grad_default": lambda: str(AveragePoolGrad(True)),
    "str_grad_grad": lambda: str(DownsampleFactorMaxGradGrad(True, ndim=3)),
    "str_max_pool_rop": lambda: str(MaxPoolRop()),
    "str_images2neibs": lambda: str(Images2Neibs("half")),
    "pool_props": lambda: [repr(p) for p in Pool(True, "average_exc_pad", 3)._props()],
    "pool_equal": lambda: Pool(True) == Pool(ignore_border=True, mode="max", ndim=2),
    "pool_not_equal": lambda: Pool(True) == Pool(False),
    "max_deterministic": lambda: Pool(True, mode="max_deterministic").mode,
    "pool_inputs": lambda: [str(i.type) for i in Pool(True)(x4, (2, 2)).owner.inputs],
    "pool_input_values": lambda: [i.data.tolist() for i in Pool(True)(x4, (2, 3), pad=(1, 0)).owner.inputs[1:]],
    "grad_op_symbolic_ws": lambda: str(T.grad(pool_2d(x4, ws_v, True).sum(), x4).owner.op),
    "grad_op_sum_symbolic_ws": lambda: str(T.grad(pool_2d(x4, ws_v, True, mode="sum").sum(), x4).owner.op),
    "isinstance": lambda: [isinstance(pool_2d(x4, (2, 2), True).owner.op, Pool),
                           isinstance(MaxPoolGrad(True), PoolGrad), isinstance(AveragePoolGrad(True), PoolGrad),
                           isinstance(DownsampleFactorMaxGradGrad(True), PoolGrad),
                           isinstance(T.grad(pool_2d(x4, (2, 2), True).sum(), x4).owner.op, MaxPoolGrad)],
    "out_shape_default": lambda: [int(s) for s in Pool.out_shape((9, 8, 6), (2, 2))],
    "out_shape_3d": lambda: [int(s) for s in Pool.out_shape((2, 9, 8, 6), (2, 3, 4), True, (1, 2, 3), (1, 1, 0),
                                                            ndim=3)],
    "out_shape_partial_stride": lambda: [int(s) for s in Pool.out_shape((3, 10, 7), (3, 2), False, (2, 5))],
    "out_shape_grad": lambda: [int(s) for s in PoolGrad.out_shape((3, 10, 7), (3, 2), True, (2, 1), (1, 1))],
    "out_shape_too_few_dims": lambda: Pool.out_shape((3,), (2, 2)),
    "bad_mode": lambda: str(Pool(True, mode="mean")),
    "float_ws_max_pool_grad": lambda: str(MaxPoolGrad(True)(x4, x4, x4, (2.0, 2.0))),
    "float_stride": lambda: str(Pool(True)(x4, (2, 2), (1.0, 1.0))),
    "pad_no_ignore_border": lambda: str(Pool(False)(x4, (2, 2), pad=(1, 1))),
    "pad_ge_ws": lambda: str(Pool(True)(x4, (2, 2), pad=(2, 1))),
    "too_few_dims": lambda: str(Pool(True, ndim=3)(T.dmatrix("m"), (2, 2, 2))),
    "images2neibs_bad_mode": lambda: str(Images2Neibs("same")),
    "average_pool_grad_pad_ge_ws": lambda: PROBE.run_grad_pad_ge_ws(theano, T, AveragePoolGrad),
    "run_symbolic_pad_no_ignore_border": lambda: _run(False, [2, 2, 2, 2, 1, 1]),
    "run_symbolic_ws_wrong_length": lambda: _run(True, [2, 2, 2, 2, 2, 2, 0, 0, 0], 3),
    "run_symbolic_ok": lambda: _run(True, [3, 2, 1, 2, 1, 1]),
}


def outcome(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return {"ok": True, "result": fn()}
        except Exception as e:  # noqa: BLE001 - the error is what is compared
            return {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}


def test_structure_table_is_complete():
    assert set(STRUCTURE) == set(GOLDEN["structure"])


@pytest.mark.parametrize("name", sorted(STRUCTURE))
def test_structure_matches_theano(name):
    assert outcome(STRUCTURE[name]) == GOLDEN["structure"][name]


@pytest.mark.parametrize("op", [Pool(True, "sum", 3), MaxPoolGrad(False), AveragePoolGrad(True, "average_exc_pad"),
                                DownsampleFactorMaxGradGrad(True), MaxPoolRop()], ids=str)
def test_ops_pickle_with_their_props(op):
    import pickle
    back = pickle.loads(pickle.dumps(op))
    assert back == op and str(back) == str(op) and type(back) is type(op)
