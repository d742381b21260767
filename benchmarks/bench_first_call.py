"""First call of a training function (build the graph, trace, compile, run once), in a fresh process:
cold (empty compiledir) and warm (the same script run again: compiled steps come from the compiledir), for
theano_compat and for the same step by hand in JAX (with JAX's persistent cache in a directory of its own).

    python benchmarks/bench_first_call.py [--device cpu|cuda] [--quick] [--precision float32]

Import time is reported apart (it is paid once per process, not per function).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def child(index, side, directory, device, quick, precision):
    t0 = time.perf_counter()
    os.environ["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"), f"device={device}",
                                                        "floatX=float32", f"base_compiledir={directory}",
                                                        f"matmul_precision={precision}"]))
    import jax
    import theano_compat  # noqa: F401
    sys.path.insert(0, HERE)
    from models import cases
    if side == "hand":
        jax.config.update("jax_compilation_cache_dir", os.path.join(directory, "hand"))
        jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    case = cases(quick)[index]
    params, inputs = case.data()
    t1 = time.perf_counter()
    if side == "ours":
        case.theano_step(params, inputs)()
    else:
        from jax import lax
        case.hand_step(params, inputs, lax.Precision.HIGHEST if precision == "float32" else None)()
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "first_call": t2 - t1}))


def run(index, side, directory, args):
    out = subprocess.run([sys.executable, __file__, "--child", str(index), side, directory, "--device",
                          args.device, "--precision", args.precision] + (["--quick"] if args.quick else []),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--precision", default="float32")
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        index, side, directory = args.child
        return child(int(index), side, directory, args.device, args.quick, args.precision)
    sys.path.insert(0, HERE)
    os.environ["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"), "floatX=float32"]))
    from models import cases
    print(f"{'case':52s} {'cold: ours':>11s} {'hand':>7s} {'ratio':>6s}   {'warm: ours':>11s} {'hand':>7s} "
          f"{'import':>7s}")
    for index, case in enumerate(cases(args.quick)):
        times = {}
        for side in ("ours", "hand"):
            with tempfile.TemporaryDirectory() as directory:
                times[side] = [run(index, side, directory, args) for _ in range(2)]
        (oc, ow), (hc, hw) = times["ours"], times["hand"]
        print(f"{case.name:52s} {oc['first_call']:10.2f}s {hc['first_call']:6.2f}s "
              f"{oc['first_call'] / hc['first_call']:6.2f}   {ow['first_call']:10.2f}s {hw['first_call']:6.2f}s "
              f"{ow['import']:6.2f}s", flush=True)
    import jax
    print(f"device: {args.device} ({jax.devices()[0].device_kind}), jax {jax.__version__}")


if __name__ == "__main__":
    main()
