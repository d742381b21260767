"""Probe real Theano 1.0.5 for pooling: values, gradients (ties!), second gradients, warnings, errors.

Regenerate:  bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_pool.py > tests/golden/pool.json

Each case: out = pool(x); gx = d sum(out * W) / dx; ggw = d sum(gx * V) / dW (the gradient of the
gradient w.r.t. the output gradient: DownsampleFactorMaxGradGrad for 'max', a Pool for the others).
Inputs, W and V are stored. All cases of one dtype go into one theano.function (slow C compiles),
except those whose gradient Theano refuses at run time (they get their own function).
"""
import json
import sys
import warnings

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.signal import pool


def det(shape, seed):
    n = int(np.prod(shape))
    return np.sin(np.arange(n) * 0.731 + seed).reshape(shape) * 1.5


def ties(shape, seed):
    return np.round(det(shape, seed) * 2) / 2  # many equal values, several per window


def const(shape, seed):
    return np.full(shape, 0.5)


MODES = ("max", "sum", "average_inc_pad", "average_exc_pad")
# (name, function, x shape, input maker, kwargs)
CASES = []
for m in MODES:
    CASES += [
        (m + "_ws22_ib", "pool_2d", (2, 3, 5, 7), det, dict(ws=(2, 2), ignore_border=True, mode=m)),
        (m + "_ws22_partial", "pool_2d", (2, 3, 5, 7), det, dict(ws=(2, 2), ignore_border=False, mode=m)),
        (m + "_ws32_st12_partial", "pool_2d", (1, 2, 5, 7), det, dict(ws=(3, 2), stride=(1, 2), ignore_border=False, mode=m)),
        (m + "_ws23_st31_ib", "pool_2d", (1, 2, 5, 7), det, dict(ws=(2, 3), stride=(3, 1), ignore_border=True, mode=m)),
        (m + "_ws23_st32_partial", "pool_2d", (1, 2, 5, 7), det, dict(ws=(2, 3), stride=(3, 2), ignore_border=False, mode=m)),
        (m + "_ws33_st22_pad12", "pool_2d", (1, 2, 5, 7), det, dict(ws=(3, 3), stride=(2, 2), pad=(1, 2), ignore_border=True, mode=m)),
        (m + "_ws22_pad11_ib", "pool_2d", (1, 2, 5, 7), det, dict(ws=(2, 2), pad=(1, 1), ignore_border=True, mode=m)),
        (m + "_default_ib", "pool_2d", (1, 2, 5, 7), det, dict(ws=(3, 3), mode=m)),
        (m + "_2d_input", "pool_2d", (5, 7), det, dict(ws=(2, 3), ignore_border=False, mode=m)),
        (m + "_3d_input_st11", "pool_2d", (2, 5, 6), det, dict(ws=(2, 2), stride=(1, 1), ignore_border=True, mode=m)),
        (m + "_ties_st11_partial", "pool_2d", (1, 2, 5, 7), ties, dict(ws=(3, 2), stride=(1, 1), ignore_border=False, mode=m)),
        (m + "_const_pad", "pool_2d", (1, 1, 5, 6), const, dict(ws=(3, 3), stride=(2, 2), pad=(2, 1), ignore_border=True, mode=m)),
        (m + "_const_partial", "pool_2d", (1, 1, 5, 6), const, dict(ws=(2, 4), stride=(1, 3), ignore_border=False, mode=m)),
        (m + "_3d_partial", "pool_3d", (1, 2, 4, 5, 3), det, dict(ws=(2, 2, 2), ignore_border=False, mode=m)),
        (m + "_3d_pad_st", "pool_3d", (1, 2, 4, 5, 3), ties, dict(ws=(2, 3, 2), stride=(1, 2, 1), pad=(1, 1, 1), ignore_border=True, mode=m)),
    ]
CASES += [
    ("max_old_kwargs", "pool_2d", (1, 2, 5, 7), det, dict(ds=(2, 3), st=(1, 2), padding=(1, 1), ignore_border=True)),
    ("max_const_ib_all_equal", "pool_2d", (1, 1, 4, 4), const, dict(ws=(2, 2), stride=(1, 1), ignore_border=True, mode="max")),
    ("max_neg_pad", "pool_2d", (1, 1, 3, 4), lambda s, seed: -1 - np.abs(det(s, seed)), dict(ws=(2, 2), pad=(1, 1), ignore_border=True, mode="max")),
]


def build(fn, x, p):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return (pool.pool_2d if fn == "pool_2d" else pool.pool_3d)(x, **p)


def flat(a):
    """float32 in its shortest repr (parsing it back and casting gives the same float32)."""
    a = np.asarray(a)
    if a.dtype == np.float32:
        return [float(np.format_float_positional(v, unique=True)) for v in a.ravel()]
    return a.ravel().tolist()


def jsonable(p):
    return {k: ({"tuple": list(v)} if isinstance(v, tuple) else v) for k, v in p.items()}


def run_cases(dtype):
    syms, vals, outs, meta = [], [], [], []
    for i, (name, fn, shape, maker, p) in enumerate(CASES):
        x = T.TensorType(dtype, (False,) * len(shape))("x_" + name)
        y = build(fn, x, p)
        syms.append(x)
        vals.append(maker(shape, 0.1 + i).astype(dtype))
        outs.append(y)
    y_vals = theano.function(syms, outs)(*vals)
    ws_ = [det(y.shape, 0.3 + 3 * j).astype(dtype) for j, y in enumerate(y_vals)]
    vs_ = [det(v.shape, 0.7 + 5 * j).astype(dtype) for j, v in enumerate(vals)]
    wsym = [T.TensorType(dtype, (False,) * y.ndim)("w%d" % j) for j, y in enumerate(y_vals)]
    vsym = [T.TensorType(dtype, (False,) * v.ndim)("v%d" % j) for j, v in enumerate(vals)]
    grads = []
    for x, y, w, v in zip(syms, outs, wsym, vsym):
        gx = T.grad((y * w).sum(), x)
        grads.append((gx, T.grad((gx * v).sum(), w)))
    res = [dict(name=c[0], fn=c[1], dtype=dtype, params=jsonable(c[4]), x=flat(vals[j]), x_shape=list(c[2]),
                w=flat(ws_[j]), v=flat(vs_[j]), out=flat(y_vals[j]), out_shape=list(y_vals[j].shape),
                out_dtype=str(y_vals[j].dtype)) for j, c in enumerate(CASES)]
    # Gradients: one function for all, except cases Theano refuses at run time (found one by one).
    refused = [j for j, c in enumerate(CASES) if c[4].get("mode") == "average_exc_pad" and any(c[4].get("pad", (0,)))]
    ok = [j for j in range(len(CASES)) if j not in refused]
    f = theano.function([syms[j] for j in ok] + [wsym[j] for j in ok] + [vsym[j] for j in ok],
                        [g for j in ok for g in grads[j]], on_unused_input="ignore")
    g_vals = f(*([vals[j] for j in ok] + [ws_[j] for j in ok] + [vs_[j] for j in ok]))
    for n, j in enumerate(ok):
        gx, ggw = g_vals[2 * n], g_vals[2 * n + 1]
        res[j].update(gx=flat(gx), gx_dtype=str(gx.dtype), ggw=flat(ggw), ggw_dtype=str(ggw.dtype))
    for j in refused:
        try:
            theano.function([syms[j], wsym[j]], grads[j][0])(vals[j], ws_[j])
            res[j]["grad_error"] = None
        except Exception as e:
            res[j]["grad_error"] = {"error": type(e).__name__, "message": str(e).split("\n")[0]}
    return res


def outcome(fn):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            res = {"ok": True, "result": fn()}
        except Exception as e:
            res = {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}
    res["warnings"] = [[w.category.__name__, str(w.message)] for w in rec if w.category is not DeprecationWarning]
    return res


def behaviours():
    x = T.tensor4("x")
    b = {}

    def imp():
        from theano.tensor.signal import downsample  # noqa: F401
        return "importable"
    b["import_downsample"] = outcome(imp)
    b["default_ignore_border_warning"] = outcome(lambda: pool.pool_2d(x, (2, 2)).ndim)
    b["old_kwargs_warnings"] = outcome(lambda: pool.pool_2d(x, ds=(2, 2), st=(1, 1), padding=(1, 1), ignore_border=True).ndim)
    b["ws_and_ds"] = outcome(lambda: pool.pool_2d(x, ws=(2, 2), ds=(2, 2), ignore_border=True).ndim)
    b["stride_and_st"] = outcome(lambda: pool.pool_2d(x, (2, 2), stride=(1, 1), st=(1, 1), ignore_border=True).ndim)
    b["pad_and_padding"] = outcome(lambda: pool.pool_2d(x, (2, 2), pad=(1, 1), padding=(1, 1), ignore_border=True).ndim)
    b["no_ws"] = outcome(lambda: pool.pool_2d(x, ignore_border=True).ndim)
    b["pad_without_ignore_border"] = outcome(lambda: pool.pool_2d(x, (2, 2), pad=(1, 1), ignore_border=False).ndim)
    b["pad_not_smaller_than_ws"] = outcome(lambda: pool.pool_2d(x, (2, 2), pad=(2, 0), ignore_border=True).ndim)
    b["bad_mode"] = outcome(lambda: pool.pool_2d(x, (2, 2), ignore_border=True, mode="avg").ndim)
    b["max_deterministic_mode"] = outcome(lambda: pool.pool_2d(x, (2, 2), ignore_border=True, mode="max_deterministic").owner.op.mode)
    b["vector_input"] = outcome(lambda: pool.pool_2d(T.vector("v"), (2, 2), ignore_border=True).ndim)
    b["pool_3d_matrix_input"] = outcome(lambda: pool.pool_3d(T.matrix("m"), (2, 2, 2), ignore_border=True).ndim)
    b["float_ws"] = outcome(lambda: pool.pool_2d(x, (2.0, 2.0), ignore_border=True).ndim)
    b["broadcastable"] = outcome(lambda: list(pool.pool_2d(T.TensorType("float64", (True, False, True, True))("b"), (1, 1), ignore_border=True).broadcastable))
    b["out_shape_ib_false"] = outcome(lambda: [int(s) for s in pool.Pool.out_shape((1, 1, 5, 7), (2, 3), False, (1, 2), (0, 0))])
    b["out_shape_empty_ib"] = outcome(lambda: [int(s) for s in pool.Pool.out_shape((1, 1, 1, 7), (2, 3), True, None, (0, 0))])

    b["str_pool"] = outcome(lambda: str(pool.pool_2d(x, (2, 2), ignore_border=True).owner.op))
    b["str_pool_3d"] = outcome(lambda: str(pool.pool_3d(T.tensor5("x5"), (2, 2, 2), ignore_border=False, mode="sum").owner.op))
    b["str_max_pool_grad"] = outcome(lambda: str(T.grad(pool.pool_2d(x, (2, 2), ignore_border=True).sum(), x).owner.op))
    b["str_average_pool_grad"] = outcome(lambda: str(T.grad(pool.pool_2d(x, (2, 2), ignore_border=False, mode="average_exc_pad").sum(), x).owner.op))

    def run_empty():  # window bigger than the image with ignore_border=True: an empty output
        return list(theano.function([x], pool.pool_2d(x, (3, 3), ignore_border=True))(np.ones((1, 1, 2, 5))).shape)
    b["empty_output_run"] = outcome(run_empty)

    def run_int(mode):
        xi = T.imatrix("xi")
        f = theano.function([xi], pool.pool_2d(xi, (2, 2), ignore_border=False, mode=mode))
        r = f(np.array([[1, -2, 3], [4, 6, -7], [8, 9, 5]], dtype="int32"))
        return [str(r.dtype), r.tolist()]
    for m in MODES:
        b["int32_" + m] = outcome(lambda m=m: run_int(m))
    return b


if __name__ == "__main__":
    out = {"theano_version": theano.__version__, "behaviours": behaviours(), "cases": []}
    for dt in ("float64", "float32"):
        out["cases"] += run_cases(dt)
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
