"""Per-call overhead: a scalar function called with Python floats and with numpy scalars, against the same
function jitted by hand (both return numpy), interleaved in one process.

    python benchmarks/bench_core.py [--device cpu|cuda]

Training steps are in bench_steps.py, first calls in bench_first_call.py, Theano itself in bench_theano.py.
"""
import argparse
import os
import sys


def main():
    import jax
    import numpy as np

    import theano_compat as theano
    import theano_compat.tensor as T
    from harness import compare, table

    x, y = T.dscalar("x"), T.dscalar("y")
    f = theano.function([x, y], x * y ** 2)
    g = jax.jit(lambda a, b: a * b ** 2)
    rows = []
    for label, a, b in (("Python floats", 2.0, 3.0), ("numpy float64 scalars", np.float64(2.0), np.float64(3.0))):
        f(a, b), np.asarray(g(a, b))
        ours, hand = compare(lambda: f(a, b), lambda: np.asarray(g(a, b)), repeats=200, inner=50)
        rows.append((f"x * y ** 2 per call, {label}", ours, hand, "1.30"))
    table(rows)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args()
    os.environ["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"), f"device={args.device}"]))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
