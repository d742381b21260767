"""Record Theano 1.0.5's images2neibs / neibs2images: values, dtypes and gradients, every mode.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_neighbours.py > tests/golden/neighbours.json
"""
import contextlib
import json
import sys

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.nnet.neighbours import images2neibs, neibs2images

CASES = [  # (input shape, neib_shape, neib_step, mode, dtype)
    ((1, 2, 4, 6), (2, 3), None, "valid", "float64"),
    ((2, 1, 4, 6), (2, 2), (1, 2), "valid", "float64"),
    ((1, 2, 4, 6), (2, 3), (2, 3), "valid", "float32"),
    ((1, 2, 5, 6), (2, 2), None, "ignore_borders", "float64"),
    ((1, 2, 5, 7), (2, 3), (1, 2), "ignore_borders", "float64"),
    ((1, 1, 4, 5), (3, 3), (1, 1), "wrap_centered", "float64"),
    ((1, 1, 4, 5), (3, 3), (2, 2), "wrap_centered", "float32"),
    ((1, 1, 5, 5), (3, 3), (1, 1), "half", "float64"),
    ((1, 1, 5, 5), (3, 3), (2, 2), "half", "float64"),
    ((1, 1, 4, 4), (3, 3), (1, 1), "full", "float64"),
    ((1, 1, 5, 6), (2, 3), None, "valid", "float64"),
    ((1, 1, 4, 4), (2, 2), None, "wrap_centered", "float64"),
]
INVERSE = [((1, 2, 4, 6), (2, 3), "valid"), ((2, 1, 5, 7), (2, 3), "ignore_borders")]


def value(shape, dtype):
    return (np.arange(np.prod(shape)).reshape(shape) / 7.0).astype(dtype)


def outcome(fn):
    try:
        out = fn()
        return {"dtype": str(out.dtype), "shape": list(out.shape), "value": out.ravel().tolist()}
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}


def run_case(shape, neib, step, mode, dtype):
    x = T.tensor4("x", dtype=dtype)
    rec = {"shape": shape, "neib_shape": neib, "neib_step": step, "mode": mode, "dtype": dtype}
    try:
        out = images2neibs(x, neib, step, mode)
    except Exception as exc:
        rec["build_error"] = type(exc).__name__
        return rec
    xv = value(shape, dtype)
    rec["out"] = outcome(lambda: theano.function([x], out)(xv))
    if "error" in rec["out"]:
        return rec

    def grad():
        n = theano.function([x], out.shape)(xv)
        w = np.sin(np.arange(np.prod(n))).reshape(n).astype(dtype)
        return theano.function([x], T.grad((out * w).sum(), x))(xv)
    rec["grad"] = outcome(grad)
    return rec


def run_inverse(shape, neib, mode):
    x = T.tensor4("x")
    xv = value(shape, "float64")
    neibs = images2neibs(x, neib, mode=mode)
    back = neibs2images(neibs, neib, x.shape, mode=mode)
    rec = {"shape": shape, "neib_shape": neib, "mode": mode, "out": outcome(lambda: theano.function([x], back)(xv))}
    m = T.matrix("m")
    mv = theano.function([x], neibs)(xv)
    w = np.cos(np.arange(np.prod(shape))).reshape(shape)
    rec["grad"] = outcome(lambda: theano.function([m], T.grad((neibs2images(m, neib, shape, mode=mode) * w).sum(),
                                                              m))(mv))
    return rec


with contextlib.redirect_stdout(sys.stderr):  # Theano prints compiler notes
    record = {"theano_version": theano.__version__, "images2neibs": [run_case(*c) for c in CASES],
              "neibs2images": [run_inverse(*c) for c in INVERSE]}
json.dump(record, sys.stdout, indent=1)
sys.stdout.write("\n")
