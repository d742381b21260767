"""theano_compat against Theano 1.0.5 itself (C backend) on the CPU: the same legacy script
(legacy_steps.py), run alternately under both, each pinned to one core with one BLAS / XLA thread.

    python benchmarks/bench_theano.py [--quick] [--rounds 3] [--core 0] [--oracle ../shared/theano-oracle/run.sh]

Prints, per case, the best of the rounds on each side and the ratio theano_compat / Theano (below 1: faster
than Theano): the median wall time of a call, and its CPU time (steadier on a shared machine; both sides run
one thread, so it is the time on one core). "cold" is the MLP's first call with an empty compiledir on both sides (Theano compiles its C
code, theano_compat its XLA program); the other first calls are with the compiledir each side has by then.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
              "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"}


def run(side, args, extra_flags="", only=None):
    env = dict(os.environ, **ONE_THREAD)
    env["THEANO_FLAGS"] = ",".join(filter(None, ["floatX=float32", extra_flags]))
    script = [os.path.join(HERE, "legacy_steps.py"), "--repeats", str(args.repeats)] + \
        (["--quick"] if args.quick else []) + (["--only", only] if only else [])
    if side == "theano":
        command = ["bash", args.oracle] + script
    else:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [ROOT, env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "theano_compat", "run"] + script
    out = subprocess.run(["taskset", "-c", str(args.core)] + command, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{side} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--core", type=int, default=0)
    ap.add_argument("--oracle", default=os.path.join(ROOT, "..", "shared", "theano-oracle", "run.sh"))
    args = ap.parse_args()
    best = {"theano": {}, "theano_compat": {}}
    with tempfile.TemporaryDirectory() as cold:
        for side, key in (("theano", "theano"), ("ours", "theano_compat")):
            flags = f"base_compiledir={os.path.join(cold, side)}"
            best[key]["cold (MLP first call, empty compiledir)"] = run(side, args, flags, "mlp")["mlp first call"]
    for _ in range(args.rounds):
        for side, key in (("theano", "theano"), ("ours", "theano_compat")):
            for name, value in run(side, args).items():
                best[key][name] = min(value, best[key].get(name, value))
    print(f"{'case (one core, float32)':44s} {'Theano 1.0.5':>14s} {'theano_compat':>14s} {'ratio':>7s}")
    for name, ours in best["theano_compat"].items():
        theirs = best["theano"][name]
        unit, scale = ("us", 1e6) if name.startswith("scalar") and "first" not in name else \
            ("ms", 1e3) if "first" not in name and "cold" not in name else ("s", 1)
        print(f"{name:44s} {theirs * scale:12.2f}{unit:>2s} {ours * scale:12.2f}{unit:>2s} {ours / theirs:7.2f}")


if __name__ == "__main__":
    main()
