"""Probe real Theano 1.0.5 for convolution: values, gradients, dtypes, errors.

Regenerate:  bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_conv.py > tests/golden/conv.json

Every case computes out = f(x, k) and the gradients of sum(out * W) w.r.t. x and k.
Inputs and W are stored in the JSON (not re-derived from a formula: numpy's sin can
differ by an ulp between numpy 1.x here and numpy 2.x in the project).
All cases of one dtype go into ONE theano.function, since Theano's C compile is slow.
"""
import json
import sys
import warnings

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.nnet import conv2d, conv3d
from theano.tensor.nnet import abstract_conv
from theano.tensor.nnet import conv as legacy_conv
from theano.tensor.nnet import conv3d2d


def det(shape, seed):
    n = int(np.prod(shape))
    return np.sin(np.arange(n) * 0.731 + seed).reshape(shape) * 1.5


# (name, api, xshape, kshape, params); params are keyword arguments of the API call.
CASES = [
    ("valid", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="valid")),
    ("valid_noflip", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="valid", filter_flip=False)),
    ("full", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="full")),
    ("half", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="half")),
    ("int1", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode=1)),
    ("pair12", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode=(1, 2))),
    ("asym", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode=((1, 0), (2, 1)))),
    ("mixed_asym", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode=((0, 2), 1), filter_flip=False)),
    ("valid_s23", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(subsample=(2, 3))),
    ("full_s22_noflip", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="full", subsample=(2, 2), filter_flip=False)),
    ("half_s32", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="half", subsample=(3, 2))),
    ("dil21", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(filter_dilation=(2, 1))),
    ("dil22_half", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="half", filter_dilation=(2, 2))),
    ("dil12_full_s21", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(border_mode="full", filter_dilation=(1, 2), subsample=(2, 1))),
    ("g2", "conv2d", (2, 4, 6, 7), (6, 2, 3, 2), dict(num_groups=2)),
    ("g2_half_s22_dil12", "conv2d", (2, 4, 6, 7), (6, 2, 3, 2), dict(num_groups=2, border_mode="half", subsample=(2, 2), filter_dilation=(1, 2))),
    ("g4_full_noflip", "conv2d", (2, 4, 6, 7), (8, 1, 3, 2), dict(num_groups=4, border_mode="full", filter_flip=False)),
    ("shapes_given", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7), filter_shape=(6, 4, 3, 2), border_mode="half")),
    ("partial_shapes", "conv2d", (2, 4, 6, 7), (6, 4, 3, 2), dict(input_shape=(None, 4, None, 7), filter_shape=(6, None, 3, 2))),
    ("big_kernel_full", "conv2d", (1, 2, 2, 3), (3, 2, 3, 4), dict(border_mode="full")),
    ("k1x1_s2", "conv2d", (2, 3, 5, 5), (2, 3, 1, 1), dict(subsample=(2, 2))),
    ("unshared_valid", "conv2d", (2, 3, 5, 6), (4, 4, 4, 3, 2, 3), dict(unshared=True)),
    ("unshared_half_noflip", "conv2d", (2, 3, 5, 6), (4, 5, 6, 3, 3, 3), dict(unshared=True, border_mode="half", filter_flip=False)),
    ("unshared_full_s22", "conv2d", (2, 3, 5, 6), (4, 3, 4, 3, 2, 3), dict(unshared=True, border_mode="full", subsample=(2, 2))),
    ("unshared_g3_pad1_dil12", "conv2d", (2, 3, 5, 6), (6, 5, 6, 1, 3, 2), dict(unshared=True, num_groups=3, border_mode=1, filter_dilation=(1, 2))),
    ("legacy_valid", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(border_mode="valid")),
    ("legacy_full", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(border_mode="full")),
    ("legacy_valid_s21", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(subsample=(2, 1))),
    ("legacy_full_s22_shapes", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(border_mode="full", subsample=(2, 2), image_shape=(2, 3, 6, 7), filter_shape=(4, 3, 3, 2))),
    ("legacy_full_s23_shapes", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(border_mode="full", subsample=(2, 3), image_shape=(2, 3, 6, 7), filter_shape=(4, 3, 3, 2))),
    ("legacy_full_s21_noshapes", "legacy", (2, 3, 6, 7), (4, 3, 3, 2), dict(border_mode="full", subsample=(2, 1))),
    ("c3_valid", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict()),
    ("c3_full_noflip", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict(border_mode="full", filter_flip=False)),
    ("c3_half", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict(border_mode="half")),
    ("c3_int1", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict(border_mode=1)),
    ("c3_tuple_s212", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict(border_mode=(1, 0, 2), subsample=(2, 1, 2))),
    ("c3_dil121", "conv3d", (2, 2, 4, 5, 3), (3, 2, 2, 3, 2), dict(filter_dilation=(1, 2, 1))),
    ("c3_g2", "conv3d", (2, 2, 4, 5, 3), (4, 1, 2, 3, 2), dict(num_groups=2, border_mode="half")),
    # conv3d2d.conv3d: (batch, time, channel, row, col) signals, (out, time, channel, row, col) filters.
    ("c3d2d_valid", "conv3d2d", (1, 4, 2, 5, 4), (3, 2, 2, 3, 2), dict()),
    ("c3d2d_full", "conv3d2d", (1, 4, 2, 5, 4), (3, 2, 2, 3, 2), dict(border_mode="full")),
    ("c3d2d_half", "conv3d2d", (1, 4, 2, 5, 4), (3, 3, 2, 3, 2), dict(border_mode="half")),
    ("c3d2d_mixed_shapes", "conv3d2d", (2, 4, 2, 5, 4), (3, 3, 2, 2, 3), dict(border_mode=("full", "valid", "valid"),
                                                                              signals_shape=(2, 4, 2, 5, 4), filters_shape=(3, 3, 2, 2, 3))),
    ("c3d2d_tf1_half", "conv3d2d", (1, 4, 2, 5, 4), (3, 1, 2, 3, 2), dict(border_mode="half")),
    # conv2d_grad_wrt_inputs: x plays output_grad, input_shape is the forward image shape.
    ("gi_valid", "grad_inputs", (2, 6, 4, 6), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7))),
    ("gi_full_noflip", "grad_inputs", (2, 6, 8, 8), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7), border_mode="full", filter_flip=False)),
    ("gi_half_s22_extra", "grad_inputs", (2, 6, 3, 4), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7), border_mode="half", subsample=(2, 2))),
    ("gi_valid_s23", "grad_inputs", (2, 6, 2, 2), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7), subsample=(2, 3))),
    ("gi_g2_dil21_shapes", "grad_inputs", (2, 6, 2, 6), (6, 2, 3, 2), dict(input_shape=(None, None, 6, 7), filter_shape=(6, 2, 3, 2), num_groups=2, filter_dilation=(2, 1))),
    ("gi_asym", "grad_inputs", (2, 6, 5, 9), (6, 4, 3, 2), dict(input_shape=(2, 4, 6, 7), border_mode=((1, 0), (2, 1)))),
    ("gi_unshared", "grad_inputs", (2, 4, 4, 3), (4, 4, 3, 3, 3, 3), dict(input_shape=(2, 3, 6, 5), unshared=True, subsample=(1, 1))),
]

# Batch 2 only where it is the point (keeps conv.json small): the rest use batch 1.
_BATCH2 = {"c3d2d_mixed_shapes", "valid", "full", "g2", "unshared_valid", "legacy_valid", "c3_valid", "gi_valid", "gi_half_s22_extra"}


def _batch1(case):
    name, api, xs, ks, p = case
    if name in _BATCH2:
        return case
    p = dict(p)
    for key in ("input_shape", "image_shape"):
        if p.get(key) and p[key][0] is not None:
            p[key] = (1,) + tuple(p[key][1:])
    return (name, api, (1,) + tuple(xs[1:]), ks, p)


CASES = [_batch1(c) for c in CASES]


def build(api, x, k, p):
    if api == "conv2d":
        return conv2d(x, k, **p)
    if api == "legacy":
        return legacy_conv.conv2d(x, k, **p)
    if api == "conv3d":
        return conv3d(x, k, **p)
    if api == "conv3d2d":
        return conv3d2d.conv3d(x, k, **p)
    if api == "grad_inputs":
        return abstract_conv.conv2d_grad_wrt_inputs(x, k, **p)
    raise ValueError(api)


def run_cases(dtype):
    outs, feeds, syms, metas = [], {}, [], []
    for i, (name, api, xs, ks, p) in enumerate(CASES):
        x = T.TensorType(dtype, (False,) * len(xs))("x_" + name)
        k = T.TensorType(dtype, (False,) * len(ks))("k_" + name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            y = build(api, x, k, p)
        xv = det(xs, 0.1 + i).astype(dtype)
        kv = det(ks, 0.5 + 2 * i).astype(dtype)
        feeds[x], feeds[k] = xv, kv
        metas.append((name, api, xs, ks, p, xv, kv, y))
        syms += [x, k]
    # output shapes first (cheap: one function of all outputs), then W, then the grads
    f0 = theano.function(syms, [m[-1] for m in metas])
    y_vals = f0(*[feeds[s] for s in syms])
    ws, costs_vars = [], []
    for j, (m, yv) in enumerate(zip(metas, y_vals)):
        w = det(yv.shape, 0.3 + 3 * j).astype(dtype)
        ws.append(w)
        wv = T.TensorType(dtype, (False,) * yv.ndim)("w_" + m[0])
        costs_vars.append(wv)
    grads, grad_errors, where = [], {}, {}
    for j, (m, wv) in enumerate(zip(metas, costs_vars)):
        y = m[-1]
        x, k = syms[2 * j], syms[2 * j + 1]
        try:  # the legacy ConvOp refuses some gradients: record which, and how
            g = T.grad((y * wv).sum(), [x, k])
        except Exception as e:
            grad_errors[j] = {"error": type(e).__name__, "message": str(e)}
            continue
        where[j] = len(grads)
        grads += g
    f1 = theano.function(syms + costs_vars, grads, on_unused_input="ignore")
    g_vals = f1(*([feeds[s] for s in syms] + ws))
    res = []
    for j, m in enumerate(metas):
        name, api, xs, ks, p, xv, kv, y = m
        item = dict(
            name=name, api=api, dtype=dtype, params=jsonable(p),
            x=flat(xv), x_shape=list(xs), k=flat(kv), k_shape=list(ks),
            w=flat(ws[j]),
            out=flat(y_vals[j]), out_shape=list(y_vals[j].shape), out_dtype=str(y_vals[j].dtype))
        if j in grad_errors:
            item["grad_error"] = grad_errors[j]
        else:
            gx, gk = g_vals[where[j]], g_vals[where[j] + 1]
            item.update(gx=flat(gx), gx_dtype=str(gx.dtype),
                        gk=flat(gk), gk_dtype=str(gk.dtype))
        res.append(item)
    return res


def flat(a):
    """Array -> list of floats. float32 uses its shortest repr (half the JSON size;
    parsing it back and casting to float32 gives the same value)."""
    a = np.asarray(a)
    if a.dtype == np.float32:
        return [float(np.format_float_positional(v, unique=True)) for v in a.ravel()]
    return a.ravel().tolist()


def jsonable(p):
    # tuples become lists in JSON; mark them so the test can turn them back into tuples
    def conv(v):
        if isinstance(v, tuple):
            return {"tuple": [conv(e) for e in v]}
        return v
    return {k: conv(v) for k, v in p.items()}


def outcome(fn):
    """What calling fn does: value / raised error / warnings."""
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            r = fn()
            res = {"ok": True, "result": r}
        except Exception as e:
            res = {"ok": False, "error": type(e).__name__, "message": str(e)}
    res["warnings"] = [[w.category.__name__, str(w.message)] for w in rec
                       if w.category is not DeprecationWarning]  # numpy's, from Theano's own code
    return res


def behaviours():
    x4 = T.tensor4("x")
    k4 = T.tensor4("k")
    x4f = T.ftensor4("xf")
    k4f = T.ftensor4("kf")
    k6 = T.TensorType("float64", (False,) * 6)("k6")
    x5 = T.TensorType("float64", (False,) * 5)("x5")
    k5 = T.TensorType("float64", (False,) * 5)("k5")
    b = {}
    b["unshared_with_4d_kernel"] = outcome(lambda: conv2d(x4, k4, unshared=True).ndim)
    b["shared_with_6d_kernel"] = outcome(lambda: conv2d(x4, k6).ndim)
    b["conv3d_with_4d_input"] = outcome(lambda: conv3d(x4, k5).ndim)
    b["conv2d_with_5d_input"] = outcome(lambda: conv2d(x5, k4).ndim)
    b["bad_border_mode"] = outcome(lambda: conv2d(x4, k4, border_mode="same").ndim)
    b["negative_border_mode"] = outcome(lambda: conv2d(x4, k4, border_mode=-1).ndim)
    b["border_tuple_wrong_len"] = outcome(lambda: conv2d(x4, k4, border_mode=(1, 1, 1)).ndim)
    b["subsample_wrong_len"] = outcome(lambda: conv2d(x4, k4, subsample=(1,)).ndim)
    b["num_groups_zero"] = outcome(lambda: conv2d(x4, k4, num_groups=0).ndim)
    b["conv3d_asym"] = outcome(lambda: conv3d(x5, k5, border_mode=((1, 0), 1, 1)).ndim)
    b["image_shape_kw"] = outcome(lambda: conv2d(x4, k4, image_shape=(2, 4, 6, 7)).ndim)
    b["image_and_input_shape"] = outcome(lambda: conv2d(x4, k4, image_shape=(2, 4, 6, 7), input_shape=(2, 4, 6, 7)).ndim)
    b["extra_kwarg"] = outcome(lambda: conv2d(x4, k4, foo=3).ndim)
    b["imshp_logical_kwarg"] = outcome(lambda: conv2d(x4, k4, imshp_logical=3).ndim)
    b["legacy_warning"] = outcome(lambda: legacy_conv.conv2d(x4, k4).ndim)
    b["legacy_half"] = outcome(lambda: legacy_conv.conv2d(x4, k4, border_mode="half").ndim)
    b["legacy_mixed_dtype"] = outcome(lambda: legacy_conv.conv2d(x4, k4f).ndim)
    b["mixed_f32_img_f64_kern_dtype"] = outcome(lambda: conv2d(x4f, k4).dtype)
    b["mixed_f64_img_f32_kern_dtype"] = outcome(lambda: conv2d(x4, k4f).dtype)
    b["int_img_dtype"] = outcome(lambda: conv2d(T.itensor4("i"), k4).dtype)
    b["broadcastable_out"] = outcome(lambda: list(conv2d(T.TensorType("float64", (True, False, False, False))("xb"),
                                                         T.TensorType("float64", (True, False, False, False))("kb")).broadcastable))
    b["grad_inputs_dtype_f32_kern"] = outcome(lambda: abstract_conv.conv2d_grad_wrt_inputs(x4, k4f, (2, 4, 6, 7)).dtype)
    # How the ops print (str of the node's op), and the gradient ops Theano builds.
    b["str_conv2d"] = outcome(lambda: str(conv2d(x4, k4).owner.op))
    b["str_conv2d_params"] = outcome(lambda: str(conv2d(x4, k4, input_shape=(1, 2, 3, 4), border_mode=(1, (2, 3)),
                                                        subsample=(2, 1)).owner.op))
    b["str_conv2d_int_border"] = outcome(lambda: str(conv2d(x4, k4, border_mode=1, filter_flip=False, num_groups=2,
                                                            filter_dilation=(2, 1)).owner.op))
    b["str_conv2d_unshared"] = outcome(lambda: str(conv2d(x4, k6, unshared=True, border_mode=((1, 1), (0, 0))).owner.op))
    b["str_conv3d"] = outcome(lambda: str(conv3d(x5, k5, border_mode="half").owner.op))
    b["str_grad_inputs"] = outcome(lambda: str(abstract_conv.conv2d_grad_wrt_inputs(x4, k4, (2, 3, 4, 5)).owner.op))
    b["str_grad_ops"] = outcome(lambda: [str(g.owner.op) for g in T.grad(conv2d(x4, k4).sum(), [x4, k4])])
    # Shape mismatches at run time: given input_shape vs actual, and kernel not matching unshared output.
    def run_mismatch():
        f = theano.function([x4, k4], conv2d(x4, k4, input_shape=(2, 4, 6, 7)))
        return f(np.zeros((2, 4, 5, 7)), np.zeros((3, 4, 2, 2))).shape
    b["input_shape_mismatch_runtime"] = outcome(run_mismatch)
    def run_bad_groups():
        f = theano.function([x4, k4], conv2d(x4, k4, num_groups=2))
        return f(np.zeros((2, 4, 5, 7)), np.zeros((3, 2, 2, 2))).shape
    b["groups_nkern_not_divisible_runtime"] = outcome(run_bad_groups)
    def run_bad_channels():
        f = theano.function([x4, k4], conv2d(x4, k4))
        return f(np.zeros((2, 4, 5, 7)), np.zeros((3, 3, 2, 2))).shape
    b["channel_mismatch_runtime"] = outcome(run_bad_channels)
    def run_gi_bad_shape():
        f = theano.function([x4, k4], abstract_conv.conv2d_grad_wrt_inputs(x4, k4, (2, 4, 6, 7)))
        return f(np.zeros((2, 3, 5, 5)), np.zeros((3, 4, 2, 2))).shape
    b["grad_inputs_bad_topgrad_runtime"] = outcome(run_gi_bad_shape)
    b["conv3d2d_hw_modes_differ"] = outcome(lambda: conv3d2d.conv3d(x5, k5, border_mode=("valid", "valid", "full")).ndim)
    b["conv3d2d_same"] = outcome(lambda: conv3d2d.conv3d(x5, k5, border_mode="same").ndim)
    b["conv3d2d_bad_mode"] = outcome(lambda: conv3d2d.conv3d(x5, k5, border_mode="wide").ndim)
    b["str_conv3d2d"] = outcome(lambda: str(conv3d2d.conv3d(x5, k5).owner.op))

    def run_kernel_too_big():
        f = theano.function([x4, k4], conv2d(x4, k4))
        return f(np.zeros((1, 1, 2, 2)), np.zeros((1, 1, 3, 3))).shape
    b["valid_kernel_bigger_than_image_runtime"] = outcome(run_kernel_too_big)
    return b


if __name__ == "__main__":
    out = {"theano_version": theano.__version__, "cases": [], "behaviours": behaviours()}
    for dt in ("float64", "float32"):
        out["cases"] += run_cases(dt)
    json.dump(out, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")
