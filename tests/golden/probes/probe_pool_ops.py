"""Probe real Theano 1.0.5 for its pooling op classes: symbolic window sizes (values and gradients of one
function called with several ws / stride / pad), the classes called directly (MaxPoolGrad, AveragePoolGrad,
DownsampleFactorMaxGradGrad, MaxPoolRop), Pool's R_op, second derivatives, max_pool_2d_same_size, the ops'
str / props / classes, Pool.out_shape, and the errors (build time and run time). Also Images2Neibs.

Regenerate:  bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_pool_ops.py > tests/golden/pool_ops.json

This module imports without Theano (numpy only): tests/test_pool_ops.py builds the same expressions
(class_exprs) with theano_compat.
"""
import json
import sys
import warnings

import numpy as np


def det(shape, seed):
    n = int(np.prod(shape))
    return np.sin(np.arange(n) * 0.731 + seed).reshape(shape) * 1.5


def ties(shape, seed):
    return np.round(det(shape, seed) * 2) / 2


X_SHAPE = (1, 2, 6, 7)
# (ws, stride, pad) values given to the symbolic vectors of one function per (mode, ignore_border)
WINDOWS = [((2, 2), (2, 2), (0, 0)), ((3, 2), (1, 2), (0, 0)), ((3, 3), (2, 1), (1, 1)), ((2, 3), (3, 3), (1, 0))]
MODES = ("max", "sum", "average_inc_pad", "average_exc_pad")


def outcome(fn):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        try:
            return {"ok": True, "result": fn()}
        except Exception as e:
            return {"ok": False, "error": type(e).__name__, "message": str(e).split("\n")[0]}


def symbolic_cases():
    """One function per (mode, ignore_border) with ws, stride, pad as int32 vectors, called per window."""
    out = []
    x, w = T.dtensor4("x"), T.dtensor4("w")
    ws, st, pad = T.ivector("ws"), T.ivector("st"), T.ivector("pad")
    xv = ties(X_SHAPE, 0.4)
    for mode in MODES:
        for ib in (True, False):
            y = pool_2d(x, ws, ib, st, pad, mode)
            gx = T.grad((y * w).sum(), x)
            f = theano.function([x, w, ws, st, pad], [y, gx], on_unused_input="ignore")
            for win in WINDOWS:
                if (any(win[2]) and not ib) or (mode == "average_exc_pad" and any(win[2])):
                    continue
                shape = Pool.out_shape(X_SHAPE, win[0], ib, win[1], win[2])
                wv = det(tuple(int(s) for s in shape), 1.3)
                yv, gv = f(xv, wv, *win)
                out.append(dict(mode=mode, ignore_border=ib, ws=win[0], stride=win[1], pad=win[2],
                                x=xv.ravel().tolist(), w=wv.ravel().tolist(), out_shape=list(yv.shape),
                                out=yv.ravel().tolist(), gx=gv.ravel().tolist()))
    return out


def class_exprs(P, T, ib, ws, st, pad, x, e, v, gz):
    """The expressions of class_cases, from the pool module P and the tensor module T given."""
    out = P.Pool(ib)(x, ws, st, pad)
    return {
        "pool": out,
        "max_pool_grad": P.MaxPoolGrad(ib)(x, out, gz, ws, st, pad),
        "average_pool_grad_sum": P.AveragePoolGrad(ib, mode="sum")(x, gz, ws, st, pad),
        "average_pool_grad_inc": P.AveragePoolGrad(ib, mode="average_inc_pad")(x, gz, ws, st, pad),
        "grad_grad": P.DownsampleFactorMaxGradGrad(ib)(x, out, e, ws, st, pad),
        "max_pool_rop": P.MaxPoolRop(ib)(x, e, ws, st, pad),
        "rop_max": T.Rop(out, x, e),
        "rop_sum": T.Rop(P.Pool(ib, mode="sum")(x, ws, st, pad), x, e),
        # a second derivative: d/dx of <d sum(pool(x)**2)/dx, v>
        "hessian_vector": T.grad((T.grad((out ** 2).sum(), x) * v).sum(), x),
        "grad_of_max_pool_grad_wrt_gz": T.grad((P.MaxPoolGrad(ib)(x, out, gz, ws, st, pad) * v).sum(), gz),
    }


def class_cases():
    """The classes called directly, Pool's R_op, a second derivative and max_pool_2d_same_size."""
    x, e, v = T.dtensor4("x"), T.dtensor4("e"), T.dtensor4("v")
    xv, ev, vv = ties(X_SHAPE, 0.2), det(X_SHAPE, 0.9), det(X_SHAPE, 2.1)
    res = {}
    for ib, ws, st, pad in ((True, (2, 3), (1, 2), (1, 1)), (False, (3, 2), (2, 2), (0, 0))):
        key = "ib" if ib else "partial"
        gz = T.dtensor4("gz")
        shape = [int(s) for s in Pool.out_shape(X_SHAPE, ws, ib, st, pad)]
        gzv = det(shape, 0.5)
        exprs = class_exprs(pool, T, ib, ws, st, pad, x, e, v, gz)
        names = sorted(exprs)
        f = theano.function([x, e, v, gz], [exprs[n] for n in names], on_unused_input="ignore")
        for n, r in zip(names, f(xv, ev, vv, gzv)):
            res[f"{n}_{key}"] = dict(shape=list(r.shape), dtype=str(r.dtype), value=r.ravel().tolist())
        res[f"inputs_{key}"] = dict(ws=ws, stride=st, pad=pad, ignore_border=ib, gz=gzv.ravel().tolist())
    res["inputs"] = dict(x=xv.ravel().tolist(), e=ev.ravel().tolist(), v=vv.ravel().tolist(), shape=X_SHAPE)
    same = theano.function([x], max_pool_2d_same_size(x, (2, 3)))(xv)
    res["max_pool_2d_same_size"] = dict(shape=list(same.shape), dtype=str(same.dtype), value=same.ravel().tolist())
    return res


def run_grad_pad_ge_ws(theano, T, AveragePoolGrad):
    """AveragePoolGrad (unlike Pool) takes a tuple pad >= ws; its windows then lie partly in the padding."""
    x, gz = T.dtensor4("x"), T.dtensor4("gz")
    f = theano.function([x, gz], AveragePoolGrad(True, mode="sum")(x, gz, (3, 2), (2, 1), (2, 2)))
    return f(np.ones((1, 1, 4, 4)), np.arange(21.0).reshape(1, 1, 3, 7)).ravel().tolist()


def structure():
    x, gz = T.dtensor4("x"), T.dtensor4("gz")
    ws = T.ivector("ws")
    b = {}
    b["str_pool_default"] = outcome(lambda: str(Pool()))
    b["str_pool_3d_sum"] = outcome(lambda: str(Pool(ignore_border=True, mode="sum", ndim=3)))
    b["str_max_pool_grad"] = outcome(lambda: str(MaxPoolGrad(True)))
    b["str_average_pool_grad"] = outcome(lambda: str(AveragePoolGrad(False, mode="sum", ndim=3)))
    b["str_average_pool_grad_default"] = outcome(lambda: str(AveragePoolGrad(True)))
    b["str_grad_grad"] = outcome(lambda: str(DownsampleFactorMaxGradGrad(True, ndim=3)))
    b["str_max_pool_rop"] = outcome(lambda: str(MaxPoolRop()))
    b["str_images2neibs"] = outcome(lambda: str(Images2Neibs("half")))
    b["pool_props"] = outcome(lambda: [repr(p) for p in Pool(True, "average_exc_pad", 3)._props()])
    b["pool_equal"] = outcome(lambda: Pool(True) == Pool(ignore_border=True, mode="max", ndim=2))
    b["pool_not_equal"] = outcome(lambda: Pool(True) == Pool(False))
    b["max_deterministic"] = outcome(lambda: Pool(True, mode="max_deterministic").mode)
    b["pool_inputs"] = outcome(lambda: [str(i.type) for i in Pool(True)(x, (2, 2)).owner.inputs])
    b["pool_input_values"] = outcome(lambda: [i.data.tolist() for i in Pool(True)(x, (2, 3), pad=(1, 0)).owner.inputs[1:]])
    b["grad_op_symbolic_ws"] = outcome(lambda: str(T.grad(pool_2d(x, ws, True).sum(), x).owner.op))
    b["grad_op_sum_symbolic_ws"] = outcome(lambda: str(T.grad(pool_2d(x, ws, True, mode="sum").sum(), x).owner.op))
    b["isinstance"] = outcome(lambda: [isinstance(pool_2d(x, (2, 2), True).owner.op, Pool),
                                       isinstance(MaxPoolGrad(True), PoolGrad),
                                       isinstance(AveragePoolGrad(True), PoolGrad),
                                       isinstance(DownsampleFactorMaxGradGrad(True), PoolGrad),
                                       isinstance(T.grad(pool_2d(x, (2, 2), True).sum(), x).owner.op, MaxPoolGrad)])
    b["out_shape_default"] = outcome(lambda: [int(s) for s in Pool.out_shape((9, 8, 6), (2, 2))])
    b["out_shape_3d"] = outcome(lambda: [int(s) for s in Pool.out_shape((2, 9, 8, 6), (2, 3, 4), True, (1, 2, 3), (1, 1, 0), ndim=3)])
    b["out_shape_partial_stride"] = outcome(lambda: [int(s) for s in Pool.out_shape((3, 10, 7), (3, 2), False, (2, 5))])
    b["out_shape_grad"] = outcome(lambda: [int(s) for s in PoolGrad.out_shape((3, 10, 7), (3, 2), True, (2, 1), (1, 1))])
    b["out_shape_too_few_dims"] = outcome(lambda: Pool.out_shape((3,), (2, 2)))
    b["bad_mode"] = outcome(lambda: str(Pool(True, mode="mean")))
    b["float_ws_max_pool_grad"] = outcome(lambda: str(MaxPoolGrad(True)(x, x, x, (2.0, 2.0))))
    b["float_stride"] = outcome(lambda: str(Pool(True)(x, (2, 2), (1.0, 1.0))))
    b["pad_no_ignore_border"] = outcome(lambda: str(Pool(False)(x, (2, 2), pad=(1, 1))))
    b["pad_ge_ws"] = outcome(lambda: str(Pool(True)(x, (2, 2), pad=(2, 1))))
    b["too_few_dims"] = outcome(lambda: str(Pool(True, ndim=3)(T.dmatrix("m"), (2, 2, 2))))
    b["images2neibs_bad_mode"] = outcome(lambda: str(Images2Neibs("same")))
    b["average_pool_grad_pad_ge_ws"] = outcome(lambda: run_grad_pad_ge_ws(theano, T, AveragePoolGrad))

    def run(ib, win, n=2):
        f = theano.function([x, ws], Pool(ib)(x, ws[:n], ws[n:2 * n], ws[2 * n:]))
        return list(f(np.ones((1, 1, 4, 4)), win).shape)
    b["run_symbolic_pad_no_ignore_border"] = outcome(lambda: run(False, [2, 2, 2, 2, 1, 1]))
    b["run_symbolic_ws_wrong_length"] = outcome(lambda: run(True, [2, 2, 2, 2, 2, 2, 0, 0, 0], 3))
    b["run_symbolic_ok"] = outcome(lambda: run(True, [3, 2, 1, 2, 1, 1]))
    return b


if __name__ == "__main__":
    import theano
    import theano.tensor as T
    from theano.tensor.nnet.neighbours import Images2Neibs
    from theano.tensor.signal import pool
    from theano.tensor.signal.pool import (AveragePoolGrad, DownsampleFactorMaxGradGrad, MaxPoolGrad, MaxPoolRop,
                                           Pool, PoolGrad, max_pool_2d_same_size, pool_2d)
    out = {"theano_version": theano.__version__, "symbolic": symbolic_cases(), "classes": class_cases(),
           "structure": structure()}
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
