"""Forward + BPTT SGD step of a tanh RNN: theano.scan + T.grad via theano.function, against the same step
written by hand with jax.jit + lax.scan + jax.value_and_grad, side by side in one process.

    python benchmarks/bench_rnn.py [--steps 100] [--batch 32] [--hidden 256] [--repeat 30]

Prints the median time per SGD step of each and their ratio (target: theano_compat <= 1.1x hand-written).
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
from jax import lax  # noqa: E402

import theano_compat as theano  # noqa: E402
import theano_compat.tensor as T  # noqa: E402
from theano_compat.scan_module import scan  # noqa: E402  (theano.scan once the lead exports it)

LR = np.float32(0.01)


def init_params(n_in, n_h, seed=0):
    rs = np.random.RandomState(seed)
    return {"Wx": (rs.randn(n_in, n_h) / np.sqrt(n_in)).astype("float32"),
            "Wh": (rs.randn(n_h, n_h) / np.sqrt(n_h)).astype("float32"),
            "b": np.zeros(n_h, "float32")}


def theano_step(params):
    """theano.function([X, Y], cost, updates=SGD) with the recurrence in theano.scan."""
    Wx, Wh, b = (theano.shared(params[k], name=k) for k in ("Wx", "Wh", "b"))
    X, Y = T.tensor3("X", dtype="float32"), T.tensor3("Y", dtype="float32")
    h0 = T.zeros((X.shape[1], Wh.shape[0]), dtype="float32")
    h, _ = scan(lambda x_t, h_prev: T.tanh(T.dot(x_t, Wx) + T.dot(h_prev, Wh) + b), sequences=X,
                outputs_info=h0)
    cost = T.mean((h - Y) ** 2)
    grads = T.grad(cost, [Wx, Wh, b])
    f = theano.function([X, Y], cost, updates=[(p, p - LR * g) for p, g in zip((Wx, Wh, b), grads)])
    return f, (Wx, Wh, b)


def jax_step():
    """The same SGD step by hand: jax.jit of value_and_grad over lax.scan, parameters donated."""
    def loss(p, X, Y):
        def cell(h, x_t):
            h = jnp.tanh(x_t @ p["Wx"] + h @ p["Wh"] + p["b"])
            return h, h
        h0 = jnp.zeros((X.shape[1], p["Wh"].shape[0]), X.dtype)
        _, hs = lax.scan(cell, h0, X)
        return jnp.mean((hs - Y) ** 2)

    def step(p, X, Y):
        cost, g = jax.value_and_grad(loss)(p, X, Y)
        return jax.tree_util.tree_map(lambda a, b: a - LR * b, p, g), cost
    return jax.jit(step, donate_argnums=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--inputs", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    rs = np.random.RandomState(1)
    X = rs.randn(args.steps, args.batch, args.inputs).astype("float32")
    Y = (rs.rand(args.steps, args.batch, args.hidden) * 2 - 1).astype("float32")
    params = init_params(args.inputs, args.hidden)

    f, shared = theano_step(params)
    step = jax_step()
    jp = {k: jnp.asarray(v) for k, v in params.items()}
    Xd, Yd = jax.device_put(X), jax.device_put(Y)

    # same numbers first: three SGD steps each from the same parameters
    costs_t = [float(f(X, Y)) for _ in range(3)]
    costs_j = []
    for _ in range(3):
        jp, c = step(jp, Xd, Yd)
        costs_j.append(float(c))
    assert np.allclose(costs_t, costs_j, rtol=1e-4), (costs_t, costs_j)
    assert np.allclose(shared[1].get_value(), np.asarray(jp["Wh"]), rtol=1e-3, atol=1e-5)

    times = {"theano_compat (theano.function)": [], "hand-written jax.jit": []}
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        t = time.perf_counter()
        np.asarray(f(Xd, Yd))
        times["theano_compat (theano.function)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        jp, c = step(jp, Xd, Yd)
        np.asarray(c)
        times["hand-written jax.jit"].append(time.perf_counter() - t)

    med = {k: float(np.median(v)) for k, v in times.items()}
    print(f"tanh RNN SGD step: seq {args.steps}, batch {args.batch}, inputs {args.inputs}, hidden "
          f"{args.hidden}, float32, {jax.devices()[0].platform}, median of {args.repeat}")
    print(f"{'implementation':<34}{'median ms/step':>16}")
    for k, v in med.items():
        print(f"{k:<34}{v * 1e3:>16.2f}")
    ratio = med["theano_compat (theano.function)"] / med["hand-written jax.jit"]
    print(f"{'ratio theano_compat / jax':<34}{ratio:>16.3f}")


if __name__ == "__main__":
    main()
