"""Training steps, theano_compat against the same step written by hand in JAX, at the same precision:
faithful float32 (matmul_precision=float32 against Precision.HIGHEST) and fast (matmul_precision=
tensorfloat32 against JAX's default precision, TF32 on a GPU). Each call returns the loss as numpy, the host
sync that Theano's API implies. The two sides are interleaved, and the best round's medians kept.

    python benchmarks/bench_steps.py [--device cpu|cuda] [--quick] [--repeats N] [--only SUBSTRING]

--quick shrinks the big cases to what a 2-core CPU runs in seconds (see models.cases).
"""
import argparse
import os
import sys


def parse():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--device", default="cpu", help="Theano's device flag: cpu, cuda, cuda0, ...")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--precisions", default="float32,tensorfloat32")
    return ap.parse_args()


def main(args):
    import numpy as np
    from jax import lax

    import theano_compat as theano
    from harness import compare, machine
    from models import cases

    hand_precision = {"float32": lax.Precision.HIGHEST, "tensorfloat32": None}
    print(f"{'case':52s} {'precision':14s} {'theano_compat':>14s} {'hand JAX':>12s} {'ratio':>7s}")
    for case in cases(args.quick):
        if args.only not in case.name:
            continue
        params, inputs = case.data()
        for name in args.precisions.split(","):
            theano.config.matmul_precision = name
            ours = case.theano_step(params, inputs)
            hand = case.hand_step(params, inputs, hand_precision[name])
            a, b = [float(ours()) for _ in range(2)], [float(hand()) for _ in range(2)]
            if not np.allclose(a, b, rtol=1e-2 if name != "float32" else 2e-4):
                print(f"  (losses differ: {a} against {b})")
            t_ours, t_hand = compare(ours, hand, repeats=args.repeats, rounds=args.rounds)
            print(f"{case.name:52s} {name:14s} {t_ours * 1e3:12.3f}ms {t_hand * 1e3:10.3f}ms "
                  f"{t_ours / t_hand:7.2f}", flush=True)
    print(f"machine: {machine()}")


if __name__ == "__main__":
    ARGS = parse()
    os.environ["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"), f"device={ARGS.device}",
                                                        "floatX=float32"]))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main(ARGS)
