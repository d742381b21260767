"""Weak scaling of data_parallel: the per-device batch fixed, 1 -> N devices, for the MLP and LeNet of models.py.

    python benchmarks/bench_data_parallel.py [--devices 1,2,4,8] [--device cpu|cuda] [--steps 10]

Each row runs in its own process (the device count is fixed when JAX starts): `off` is the flag off (one
device, the ordinary step), then data_parallel=N with a global batch of N x the per-device batch. On a CPU the
devices are simulated (XLA_FLAGS=--xla_force_host_platform_device_count) and share the machine's cores, so the
table shows the partitioning's overhead, not a speed-up: ideal weak scaling on simulated devices is a time
per step growing like N / cores. On a GPU machine the 1-device row against `off` is the flag's own cost.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODELS = {"mlp": ("MLP 784-500-10", 32), "lenet": ("LeNet 20/50 5x5, 500 hidden", 16)}


def worker(model, batch, steps):
    sys.path.insert(0, HERE)
    import models
    case = models.mlp((784, 500, 10), batch) if model == "mlp" else models.lenet(batch)
    params, inputs = case.data(0)
    step = case.theano_step(params, inputs)
    step(), step()  # compile, warm
    times = []
    for _ in range(steps):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    print("JSON " + json.dumps({"median_ms": 1e3 * float(np.median(times))}))


def row(model, devices, batch, args):
    """The median time of a step of the global `batch` with data_parallel=devices ('off': the flag off)."""
    count = max(int(d) for d in args.devices.split(","))
    flags = [f"device={args.device}", "matmul_precision=float32"]
    if devices != "off":
        flags.append(f"data_parallel={devices}")
    env = dict(os.environ, PYTHONPATH=ROOT, THEANO_FLAGS=",".join(flags))
    if args.device == "cpu":
        env["XLA_FLAGS"] = f"--xla_force_host_platform_device_count={count}"
    out = subprocess.run([sys.executable, __file__, "--worker", model, str(batch), "--steps", str(args.steps)],
                         capture_output=True, text=True, env=env, check=True).stdout
    return json.loads(next(line[5:] for line in out.splitlines() if line.startswith("JSON ")))["median_ms"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", default="1,2,4,8")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--models", default="mlp,lenet")
    parser.add_argument("--worker", nargs=2, metavar=("MODEL", "BATCH"))
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker[0], int(args.worker[1]), args.steps)
    print("| model, per-device batch | data_parallel | global batch | ms / step | flag off, same batch | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for model in args.models.split(","):
        name, per_device = MODELS[model]
        for n in map(int, args.devices.split(",")):
            batch = per_device * n
            on, off = row(model, str(n), batch, args), row(model, "off", batch, args)
            print(f"| {name}, {per_device} | {n} | {batch} | {on:.2f} | {off:.2f} | {on / off:.2f} |", flush=True)


if __name__ == "__main__":
    main()
