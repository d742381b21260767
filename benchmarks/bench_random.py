"""What RandomStreams' draws cost: a dropout MLP SGD step and an RBM CD-1 step, side by side in one process.

    python benchmarks/bench_random.py [--theano] [--repeat 20]

Each step is timed with RandomStreams (numpy's generator, Theano's numbers: the dropout masks are drawn
before the step, the RBM's samples by callback since the step computes their probabilities), RandomStreams
with theano.config.randomstreams='threefry' (JAX's generator on the device), MRG_RandomStreams, the same
step without random draws, and the step written by hand with jax.jit and jax.random. With --theano the
same steps also run on Theano 1.0.5 (../shared/theano-oracle, its own process, right after ours), whose
costs the faithful mode must reproduce and whose time it must not exceed.

The builders take the theano module as an argument: under the oracle's Python this file runs as
`bench_random.py --theano-only` and prints Theano's timings as JSON.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

import numpy as np

from harness import machine, median_time

HERE = pathlib.Path(__file__).resolve().parent
N_IN, N_HID, N_OUT, BATCH, RBM_BATCH = 784, 500, 10, 128, 20
LR = np.float32(0.01)


def data(seed=0):
    rng = np.random.RandomState(seed)
    return {"w1": (rng.randn(N_IN, N_HID) * 0.01).astype("float32"),
            "w2": (rng.randn(N_HID, N_OUT) * 0.01).astype("float32"),
            "x": rng.rand(BATCH, N_IN).astype("float32"), "y": rng.randint(0, N_OUT, BATCH).astype("int32"),
            "v": (rng.rand(RBM_BATCH, N_IN) > 0.5).astype("float32")}


def dropout_mlp(theano, srng, d):
    """theano.function([x, y], cost) of an MLP SGD step, with dropout masks on x and h unless srng is None."""
    T = theano.tensor
    params = [theano.shared(v) for v in (d["w1"], d["w2"], np.zeros(N_HID, "float32"), np.zeros(N_OUT, "float32"))]
    W1, W2, B1, B2 = params
    x, y = T.fmatrix("x"), T.ivector("y")
    xd = x if srng is None else x * T.cast(srng.binomial(n=1, p=0.8, size=x.shape), "float32")
    h = T.tanh(T.dot(xd, W1) + B1)
    hd = h if srng is None else h * T.cast(srng.binomial(n=1, p=0.5, size=h.shape), "float32")
    p = T.nnet.softmax(T.dot(hd, W2) + B2)
    cost = -T.mean(T.log(p)[T.arange(y.shape[0]), y])
    grads = T.grad(cost, params)
    return theano.function([x, y], cost, updates=[(q, q - LR * g) for q, g in zip(params, grads)])


def rbm_cd1(theano, srng, d):
    """theano.function([v], cost) of an RBM CD-1 step: binomial samples of probabilities the step computes."""
    T = theano.tensor
    W = theano.shared(d["w1"], name="W")
    hb, vb = theano.shared(np.zeros(N_HID, "float32")), theano.shared(np.zeros(N_IN, "float32"))
    v = T.fmatrix("v")
    ph = T.nnet.sigmoid(T.dot(v, W) + hb)
    h = ph if srng is None else srng.binomial(size=ph.shape, n=1, p=ph, dtype="float32")
    pv = T.nnet.sigmoid(T.dot(h, W.T) + vb)
    v1 = pv if srng is None else srng.binomial(size=pv.shape, n=1, p=pv, dtype="float32")
    ph1 = T.nnet.sigmoid(T.dot(v1, W) + hb)
    lr = np.float32(0.1 / RBM_BATCH)
    updates = [(W, W + lr * (T.dot(v.T, ph) - T.dot(v1.T, ph1))), (hb, hb + lr * (ph - ph1).sum(axis=0)),
               (vb, vb + lr * (v - v1).sum(axis=0))]
    return theano.function([v], T.mean((v - pv) ** 2), updates=updates)


STEPS = {"dropout MLP 784-500-10 SGD step, batch 128, f32": (dropout_mlp, ("x", "y")),
         "RBM 784-500 CD-1 step, batch 20, f32": (rbm_cd1, ("v",))}


def theano_timings(theano, RandomStreams, repeat):
    """{step: {variant: seconds}, step + ' costs': the first three costs} for one theano module."""
    d, out = data(), {}
    for name, (build, args) in STEPS.items():
        values = [d[a] for a in args]
        for variant, srng in (("RandomStreams", RandomStreams(1)), ("no draws", None)):
            f = build(theano, srng, d)
            if variant == "RandomStreams":
                out[name + " costs"] = [float(f(*values)) for _ in range(3)]
            else:
                f(*values)
            out.setdefault(name, {})[variant] = median_time(lambda: f(*values), repeat, inner=5)
    return out


# --- hand-written JAX: jax.jit with jax.random, parameters donated ---

def hand_steps(d):
    import jax
    import jax.numpy as jnp

    def mlp_loss(p, x, y, key):
        k1, k2 = jax.random.split(key)
        x = x * jax.random.bernoulli(k1, 0.8, x.shape).astype(x.dtype)
        h = jnp.tanh(x @ p[0] + p[2])
        h = h * jax.random.bernoulli(k2, 0.5, h.shape).astype(h.dtype)
        prob = jax.nn.softmax(h @ p[1] + p[3])
        return -jnp.mean(jnp.log(prob)[jnp.arange(y.shape[0]), y])

    def mlp(p, key, x, y):
        key, sub = jax.random.split(key)
        cost, g = jax.value_and_grad(mlp_loss)(p, x, y, sub)
        return tuple(a - LR * b for a, b in zip(p, g)), key, cost

    def rbm(p, key, v):
        W, hb, vb = p
        key, k1, k2 = jax.random.split(key, 3)
        ph = jax.nn.sigmoid(v @ W + hb)
        h = jax.random.bernoulli(k1, ph).astype(v.dtype)
        pv = jax.nn.sigmoid(h @ W.T + vb)
        v1 = jax.random.bernoulli(k2, pv).astype(v.dtype)
        ph1 = jax.nn.sigmoid(v1 @ W + hb)
        lr = jnp.float32(0.1 / RBM_BATCH)
        new = (W + lr * (v.T @ ph - v1.T @ ph1), hb + lr * (ph - ph1).sum(0), vb + lr * (v - v1).sum(0))
        return new, key, jnp.mean((v - pv) ** 2)

    zeros = np.zeros
    start = {"mlp": (d["w1"], d["w2"], zeros(N_HID, "float32"), zeros(N_OUT, "float32")),
             "rbm": (d["w1"], zeros(N_HID, "float32"), zeros(N_IN, "float32"))}
    fns = {"mlp": jax.jit(mlp, donate_argnums=(0, 1)), "rbm": jax.jit(rbm, donate_argnums=(0, 1))}
    calls = {}
    for kind, args in (("mlp", (d["x"], d["y"])), ("rbm", (d["v"],))):
        state = {"p": tuple(jnp.asarray(a) for a in start[kind]), "key": jax.random.key(1)}

        def call(kind=kind, args=args, state=state):
            state["p"], state["key"], cost = fns[kind](state["p"], state["key"], *args)
            return np.asarray(cost)
        calls[kind] = call
    return calls


def ours(repeat):
    sys.path.insert(0, str(HERE.parent))
    import theano_compat as theano
    from theano_compat.sandbox.rng_mrg import MRG_RandomStreams
    from theano_compat.tensor.shared_randomstreams import RandomStreams

    d, hand = data(), hand_steps(data())
    rows = {}
    for (name, (build, args)), kind in zip(STEPS.items(), ("mlp", "rbm")):
        values = [d[a] for a in args]
        fns = {}
        for variant, make in (("RandomStreams", lambda: RandomStreams(1)), ("threefry", lambda: RandomStreams(1)),
                              ("MRG_RandomStreams", lambda: MRG_RandomStreams(1)), ("no draws", lambda: None)):
            theano.config.randomstreams = "threefry" if variant == "threefry" else "numpy"
            fns[variant] = build(theano, make(), d)
        theano.config.randomstreams = "numpy"
        fns["hand JAX (jax.random)"] = None
        costs = [float(fns["RandomStreams"](*values)) for _ in range(3)]
        for f in fns.values():
            if f is not None:
                f(*values)
        hand[kind]()
        times = {k: [] for k in fns}
        for _ in range(3):  # interleaved rounds, so every variant sees the same machine state
            for k, f in fns.items():
                call = hand[kind] if f is None else (lambda f=f: f(*values))
                times[k].append(median_time(call, repeat, inner=5))
        rows[name] = {k: min(v) for k, v in times.items()}
        rows[name + " costs"] = costs
    rows["machine"] = f"{machine()}, {os.cpu_count()} cores"
    return rows


def oracle_run_sh():
    for base in (HERE.parent.parent, HERE.parent.parent.parent):
        p = base / "shared" / "theano-oracle" / "run.sh"
        if p.exists():
            return p
    return None


def theano_side(repeat):
    run = oracle_run_sh()
    if run is None:
        print("no ../shared/theano-oracle beside this checkout: Theano's side is skipped")
        return None
    proc = subprocess.run(["bash", str(run), str(HERE / "bench_random.py"), "--theano-only", "--repeat",
                           str(repeat)], capture_output=True, text=True, env=dict(os.environ, THEANO_FLAGS=""))
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        print("the oracle run failed:", proc.stderr[-2000:])
        return None
    return json.loads(lines[-1])


def report(rows, theirs):
    for name in STEPS:
        times = rows[name]
        hand = times["hand JAX (jax.random)"]
        print(f"\n{name}")
        print(f"  {'variant':34s} {'ms/step':>9s} {'/ hand JAX':>11s}" + (f" {'/ Theano':>9s}" if theirs else ""))
        for k, v in times.items():
            rel = f" {v / theirs[name]['RandomStreams']:9.2f}" if theirs else ""
            print(f"  {k:34s} {v * 1e3:9.2f} {v / hand:11.2f}{rel}")
        extra = times["RandomStreams"] - times["no draws"]
        print(f"  cost of the draws (RandomStreams - no draws): {extra * 1e3:.2f} ms")
        if theirs:
            t = theirs[name]
            print(f"  Theano 1.0.5: {t['RandomStreams'] * 1e3:.2f} ms/step, {t['no draws'] * 1e3:.2f} without draws "
                  f"(draws: {(t['RandomStreams'] - t['no draws']) * 1e3:.2f} ms)")
            same = np.allclose(rows[name + " costs"], theirs[name + " costs"], rtol=1e-5)
            print(f"  first three costs {'equal Theano' if same else 'DIFFER from Theano'}'s: "
                  f"{rows[name + ' costs']} vs {theirs[name + ' costs']}")
    print(f"\nmachine: {rows['machine']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--theano", action="store_true", help="also time the steps on Theano 1.0.5 (the oracle)")
    ap.add_argument("--theano-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    if args.theano_only:
        import theano
        from theano.tensor.shared_randomstreams import RandomStreams
        print(json.dumps(theano_timings(theano, RandomStreams, args.repeat)))
        return
    rows = ours(args.repeat)
    report(rows, theano_side(args.repeat) if args.theano else None)


if __name__ == "__main__":
    main()
