"""Side-by-side timing: a theano_compat function against the same computation hand-written with jax.jit,
in one process, interleaved so that both see the same machine state. (jax is imported where it is used: the
timing helpers also serve scripts that time Theano itself, under the oracle's Python, which has no jax.)"""
import platform
import statistics
import time

import numpy as np


def median_time(fn, repeats, inner=1):
    """Median seconds per call of fn() over `repeats` batches of `inner` calls."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    return statistics.median(times)


def first_call_time(make_and_call):
    """Seconds for building and calling once (trace + compile + run)."""
    t0 = time.perf_counter()
    make_and_call()
    return time.perf_counter() - t0


def compare(ours, theirs, repeats=30, inner=1, rounds=3):
    """Interleaved medians of two callables; returns (ours_s, theirs_s)."""
    a, b = [], []
    for _ in range(rounds):
        a.append(median_time(ours, repeats, inner))
        b.append(median_time(theirs, repeats, inner))
    return min(a), min(b)


def block(x):
    import jax
    return jax.block_until_ready(x)


def machine():
    import jax
    dev = jax.devices()[0]
    return f"{platform.processor() or platform.machine()}, {dev.platform} ({dev.device_kind}), jax {jax.__version__}"


def table(rows):
    """rows: (name, ours_s, hand_s, target). Prints and returns the ratios."""
    print(f"{'benchmark':44s} {'theano_compat':>14s} {'hand JAX':>12s} {'ratio':>7s} {'target':>7s}")
    for name, ours, hand, target in rows:
        print(f"{name:44s} {ours * 1e6:12.1f}us {hand * 1e6:10.1f}us {ours / hand:7.2f} {target:>7s}")
    print(f"machine: {machine()}")


__all__ = ["median_time", "first_call_time", "compare", "block", "table", "np"]
