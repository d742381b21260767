"""Record Theano 1.0.5's abstract_conv helpers: the shape arithmetic, and the values of
conv2d/3d_grad_wrt_weights, conv3d_grad_wrt_inputs, causal_conv1d, separable_conv2d/3d, the bilinear
kernels and (fractional) bilinear upsampling, assert_shape.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_abstract_conv.py > tests/golden/abstract_conv.json

The test imports this same file with `theano` resolved to theano_compat and compares the two records.
"""
import contextlib
import json
import sys

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.nnet import abstract_conv as A


def arr(shape, seed, dtype="float64"):
    return np.sin(np.arange(np.prod(shape)) * 0.37 + seed).reshape(shape).astype(dtype)


def outcome(fn):
    try:
        out = fn()
        if isinstance(out, (tuple, list)) and not isinstance(out, np.ndarray):
            return {"value": [None if v is None else (v.tolist() if hasattr(v, "tolist") else v) for v in out]}
        out = np.asarray(out)
        return {"dtype": str(out.dtype), "shape": list(out.shape), "value": out.ravel().tolist()}
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}


def f(inputs, out, *values):
    return theano.function(inputs, out)(*values)


SHAPES = {
    "out_valid": lambda: A.get_conv_output_shape((2, 3, 7, 8), (4, 3, 3, 2), "valid", (1, 1)),
    "out_full_sub": lambda: A.get_conv_output_shape((2, 3, 7, 8), (4, 3, 3, 2), "full", (2, 3)),
    "out_half_dil": lambda: A.get_conv_output_shape((2, 3, 7, 8), (4, 3, 3, 2), "half", (1, 1), (2, 2)),
    "out_tuple": lambda: A.get_conv_output_shape((2, 3, 7, 8), (4, 3, 3, 2), (1, (2, 0)), (1, 2)),
    "out_3d": lambda: A.get_conv_output_shape((1, 2, 5, 6, 7), (3, 2, 2, 3, 1), "valid", (1, 2, 1)),
    "out_none": lambda: A.get_conv_output_shape((None, 3, 7, None), (4, 3, 3, 2), "valid", (1, 1)),
    "1axis": lambda: [A.get_conv_shape_1axis(10, 3, m, s, d) for m in ("valid", "full", "half", 2, (1, 3))
                      for s in (1, 2) for d in (1, 2)],
    "1axis_neg": lambda: A.get_conv_shape_1axis(10, 3, -1, 1),
    "gw": lambda: A.get_conv_gradweights_shape((2, 3, 7, 8), (2, 4, 5, 7), "valid", (1, 1)),
    "gw_full": lambda: A.get_conv_gradweights_shape((2, 3, 7, 8), (2, 4, 9, 9), "full", (1, 1)),
    "gw_groups": lambda: A.get_conv_gradweights_shape((2, 4, 7, 8), (2, 6, 5, 7), 1, (1, 1), num_groups=2),
    "gw_unshared": lambda: A.get_conv_gradweights_shape((2, 3, 7, 8), (2, 4, 5, 7), "valid", (1, 1), unshared=True),
    "gw_1axis": lambda: [A.get_conv_gradweights_shape_1axis(10, t, m, s, d) for t, m in ((8, "valid"), (12, "full"),
                         (10, "half"), (10, 1), (10, (2, 0))) for s in (1, 2) for d in (1, 2)],
    "gi": lambda: A.get_conv_gradinputs_shape((4, 3, 3, 2), (2, 4, 5, 7), "valid", (1, 1)),
    "gi_groups": lambda: A.get_conv_gradinputs_shape((4, 3, 3, 2), (2, 4, 5, 7), "half", (1, 1), num_groups=2),
    "gi_1axis": lambda: [A.get_conv_gradinputs_shape_1axis(3, 8, m, s, d) for m in ("valid", "full", "half", 1,
                         (1, 2)) for s in (1, 2) for d in (1, 2)],
    "check_ok": lambda: A.check_conv_gradinputs_shape((2, 3, 7, 8), (4, 3, 3, 2), (2, 4, 5, 7), "valid", (1, 1)),
    "check_bad": lambda: A.check_conv_gradinputs_shape((2, 3, 7, 8), (4, 3, 3, 2), (2, 4, 6, 7), "valid", (1, 1)),
    "check_none": lambda: A.check_conv_gradinputs_shape((2, 3, None, 8), (4, 3, 3, 2), (2, 4, 6, 7), "valid", (1, 1)),
    "check_len": lambda: A.check_conv_gradinputs_shape((2, 3, 7), (4, 3, 3, 2), (2, 4, 6, 7), "valid", (1, 1)),
    "pad": lambda: [A.border_mode_to_pad(m, 2, (3, 4)) for m in ("valid", "full", "half", (1, 2), ((1, 2), 3))],
    "pad_bad": lambda: A.border_mode_to_pad("same", 2, (3, 4)),
    "pad_len": lambda: A.border_mode_to_pad((1, 2, 3), 2, (3, 4)),
}


def graphs():
    x, w, g = T.tensor4("x"), T.tensor4("w"), T.tensor4("g")
    x3, g3 = T.TensorType("float64", (False,) * 5)("x3"), T.TensorType("float64", (False,) * 5)("g3")
    xv, gv = arr((2, 3, 6, 7), 1), arr((2, 4, 4, 6), 2)
    out = {}
    out["gw_valid"] = outcome(lambda: f([x, g], A.conv2d_grad_wrt_weights(x, g, (4, 3, 3, 2)), xv, gv))
    out["gw_flip_off"] = outcome(lambda: f([x, g], A.conv2d_grad_wrt_weights(x, g, (4, 3, 3, 2), filter_flip=False),
                                           xv, gv))
    out["gw_half_sub"] = outcome(lambda: f([x, g], A.conv2d_grad_wrt_weights(
        x, g, (4, 3, 3, 3), border_mode="half", subsample=(2, 2)), xv, arr((2, 4, 3, 4), 3)))
    out["gw_dil"] = outcome(lambda: f([x, g], A.conv2d_grad_wrt_weights(
        x, g, (4, 3, 2, 2), filter_dilation=(2, 3)), xv, arr((2, 4, 4, 4), 4)))
    out["gw_groups"] = outcome(lambda: f([x, g], A.conv2d_grad_wrt_weights(
        x, g, (6, 1, 3, 2), border_mode=1, num_groups=3), arr((2, 3, 6, 7), 5), arr((2, 6, 6, 8), 6)))
    out["gw_grad"] = outcome(lambda: f([x, g], T.grad((A.conv2d_grad_wrt_weights(x, g, (4, 3, 3, 2)) *
                                                       arr((4, 3, 3, 2), 7)).sum(), [x, g])[0], xv, gv))
    out["gw3"] = outcome(lambda: f([x3, g3], A.conv3d_grad_wrt_weights(x3, g3, (2, 2, 2, 2, 3)),
                                   arr((1, 2, 4, 5, 6), 8), arr((1, 2, 3, 4, 4), 9)))
    k3 = T.TensorType("float64", (False,) * 5)("k3")
    out["gi3"] = outcome(lambda: f([k3, g3], A.conv3d_grad_wrt_inputs(g3, k3, (1, 2, 4, 5, 6)),
                                   arr((2, 2, 2, 2, 3), 10), arr((1, 2, 3, 4, 4), 11)))
    x1, w1 = T.tensor3("x1"), T.tensor3("w1")
    out["causal"] = outcome(lambda: f([x1, w1], A.causal_conv1d(x1, w1, (4, 2, 3)), arr((2, 2, 7), 12),
                                      arr((4, 2, 3), 13)))
    out["causal_dil_sub"] = outcome(lambda: f([x1, w1], A.causal_conv1d(x1, w1, (4, 2, 3), subsample=2,
                                                                         filter_dilation=2),
                                              arr((2, 2, 9), 14), arr((4, 2, 3), 15)))
    dw, pw = T.tensor4("dw"), T.tensor4("pw")
    out["separable"] = outcome(lambda: f([x, dw, pw], A.separable_conv2d(x, dw, pw, 3), xv, arr((6, 1, 2, 3), 16),
                                         arr((5, 6, 1, 1), 17)))
    out["kern1d"] = outcome(lambda: f([], A.bilinear_kernel_1D(3)))
    out["kern1d_raw"] = outcome(lambda: f([], A.bilinear_kernel_1D(2, normalize=False)))
    out["kern2d"] = outcome(lambda: f([], A.bilinear_kernel_2D((2, 3))))
    img = arr((2, 3, 3, 4), 18)
    for ratio in (2, 3):
        out["up1d_%d" % ratio] = outcome(lambda: f([x], A.bilinear_upsampling(x, ratio), img))
        out["up2d_%d" % ratio] = outcome(lambda: f([x], A.bilinear_upsampling(x, ratio, use_1D_kernel=False), img))
    out["up_grad"] = outcome(lambda: f([x], T.grad((A.bilinear_upsampling(x, 2) * arr((2, 3, 6, 8), 19)).sum(), x),
                                       img))
    out["up_frac"] = outcome(lambda: f([x], A.bilinear_upsampling(x, frac_ratio=(3, 2), use_1D_kernel=False), img))
    out["up_frac_pair"] = outcome(lambda: f([x], A.bilinear_upsampling(x, frac_ratio=((3, 2), (5, 2)),
                                                                        use_1D_kernel=False), img))
    out["up_frac_1d"] = outcome(lambda: A.bilinear_upsampling(x, frac_ratio=(3, 2)))
    out["up_both"] = outcome(lambda: A.bilinear_upsampling(x, 2, frac_ratio=(3, 2)))
    with theano.change_flags(**{"conv.assert_shape": True}):
        out["assert_ok"] = outcome(lambda: f([x], A.assert_shape(x, (2, 3, None, 7)), xv))
        out["assert_bad"] = outcome(lambda: f([x], A.assert_shape(x, (2, 4, None, 7), "Bad!"), xv))
    out["assert_off"] = outcome(lambda: f([x], A.assert_shape(x, (2, 4, None, 7)), xv))
    out["assert_conv"] = outcome(lambda: [int(v) for v in A.assert_conv_shape((2, 3, 5, 1))])
    out["assert_conv_bad"] = outcome(lambda: A.assert_conv_shape((2, 3, 0, 1)))
    return out


def record():
    return {"theano_version": theano.__version__, "shapes": {k: outcome(v) for k, v in SHAPES.items()},
            "graphs": graphs()}


if __name__ == "__main__":  # tests/test_abstract_conv.py imports this module with `theano` the shim
    with contextlib.redirect_stdout(sys.stderr):
        rec = record()
    json.dump(rec, sys.stdout, indent=1)
    sys.stdout.write("\n")
