"""Record Theano 1.0.5's theano.tensor.fft (rfft, irfft): values, dtypes and gradients, every norm.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_fft.py > tests/golden/fft.json
"""
import contextlib
import json
import sys

import numpy as np
import theano
import theano.tensor as T
from theano.tensor import fft

CASES = [((3, 4), "float64", None, False), ((2, 5), "float32", "ortho", True), ((2, 3, 4), "float64", "no_norm", False),
         ((2, 3, 5), "float32", None, True), ((1, 6), "float64", "ortho", False)]


def outcome(fn):
    try:
        out = np.asarray(fn())
        return {"dtype": str(out.dtype), "shape": list(out.shape), "value": out.ravel().tolist()}
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}


def run(shape, dtype, norm, is_odd):
    x = T.TensorType(dtype, (False,) * len(shape))("x")
    xv = np.cos(np.arange(np.prod(shape)) * 0.7).reshape(shape).astype(dtype)
    f = fft.rfft(x, norm=norm)
    rec = {"shape": shape, "dtype": dtype, "norm": norm, "is_odd": is_odd,
           "rfft": outcome(lambda: theano.function([x], f)(xv))}
    fv = theano.function([x], f)(xv)
    w = np.sin(np.arange(fv.size)).reshape(fv.shape).astype(dtype)
    rec["rfft_grad"] = outcome(lambda: theano.function([x], T.grad((f * w).sum(), x))(xv))
    y = T.TensorType(dtype, (False,) * (len(shape) + 1))("y")
    b = fft.irfft(y, norm=norm, is_odd=is_odd)
    rec["irfft"] = outcome(lambda: theano.function([y], b)(fv))
    bv = theano.function([y], b)(fv)
    v = np.sin(np.arange(bv.size) + 1.0).reshape(bv.shape).astype(dtype)
    rec["irfft_grad"] = outcome(lambda: theano.function([y], T.grad((b * v).sum(), y))(fv))
    return rec


with contextlib.redirect_stdout(sys.stderr):
    record = {"theano_version": theano.__version__, "cases": [run(*c) for c in CASES],
              "errors": {"rfft_1d": outcome(lambda: fft.rfft(T.vector())),
                         "irfft_2d": outcome(lambda: fft.irfft(T.matrix())),
                         "bad_norm": outcome(lambda: fft.rfft(T.matrix(), norm="x")),
                         "bad_odd": outcome(lambda: fft.irfft(T.tensor3(), is_odd=2))}}
json.dump(record, sys.stdout, indent=1)
sys.stdout.write("\n")
