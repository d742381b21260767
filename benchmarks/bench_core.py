"""Foundation benchmarks: per-call overhead of a scalar function, and one SGD step of a 784-500-10 MLP.

Run: python benchmarks/bench_core.py   (prints a table; the README shows the latest numbers)
"""
from functools import partial

import jax
import jax.numpy as jnp
import numpy as np

import theano_compat as theano
import theano_compat.tensor as T
from harness import block, compare, first_call_time, table


def scalar_overhead():
    x, y = T.dscalar("x"), T.dscalar("y")
    f = theano.function([x, y], x * y ** 2)
    g = jax.jit(lambda a, b: a * b ** 2)
    f(2.0, 3.0), block(g(2.0, 3.0))
    ours, hand = compare(lambda: f(2.0, 3.0), lambda: np.asarray(g(2.0, 3.0)), repeats=200, inner=50)
    return ("(a) x * y ** 2, scalars, per call", ours, hand, "1.30")


def mlp_data(seed=0, n_in=784, n_hid=500, n_out=10, batch=128):
    rng = np.random.RandomState(seed)
    w1 = (rng.randn(n_in, n_hid) * 0.01).astype("float32")
    w2 = (rng.randn(n_hid, n_out) * 0.01).astype("float32")
    xb = rng.rand(batch, n_in).astype("float32")
    yb = rng.randint(0, n_out, batch).astype("int32")
    return w1, w2, np.zeros(n_hid, "float32"), np.zeros(n_out, "float32"), xb, yb


def theano_mlp(w1, w2, b1, b2):
    params = [theano.shared(v) for v in (w1, w2, b1, b2)]
    W1, W2, B1, B2 = params
    x, y = T.fmatrix("x"), T.ivector("y")
    p = T.nnet.softmax(T.dot(T.tanh(T.dot(x, W1) + B1), W2) + B2)
    cost = -T.mean(T.log(p)[T.arange(y.shape[0]), y])
    grads = T.grad(cost, params)
    lr = np.float32(0.01)
    return theano.function([x, y], cost, updates=[(p_, p_ - lr * g) for p_, g in zip(params, grads)])


def jax_mlp():
    def loss(params, x, y):
        w1, w2, b1, b2 = params
        p = jax.nn.softmax(jnp.tanh(x @ w1 + b1) @ w2 + b2)
        return -jnp.mean(jnp.log(p)[jnp.arange(y.shape[0]), y])

    @partial(jax.jit, donate_argnums=0)
    def step(params, x, y):
        cost, grads = jax.value_and_grad(loss)(params, x, y)
        return cost, tuple(p - jnp.float32(0.01) * g for p, g in zip(params, grads))
    return step


def mlp_step():
    w1, w2, b1, b2, xb, yb = mlp_data()
    f = theano_mlp(w1, w2, b1, b2)
    step = jax_mlp()
    state = {"p": tuple(jnp.asarray(v) for v in (w1, w2, b1, b2))}

    def hand():
        cost, state["p"] = step(state["p"], xb, yb)
        return np.asarray(cost)
    f(xb, yb), hand()
    ours, theirs = compare(lambda: f(xb, yb), hand, repeats=20, inner=5)
    return ("(b) MLP 784-500-10 SGD step, batch 128, f32", ours, theirs, "1.05")


def first_call():
    w1, w2, b1, b2, xb, yb = mlp_data(seed=1)
    ours = first_call_time(lambda: theano_mlp(w1, w2, b1, b2)(xb, yb))
    params = tuple(jnp.asarray(v) for v in (w1, w2, b1, b2))
    hand = first_call_time(lambda: np.asarray(jax_mlp()(params, xb, yb)[0]))
    return ("(c) MLP first call (build + trace + compile)", ours, hand, "1.50")


if __name__ == "__main__":
    table([scalar_overhead(), mlp_step(), first_call()])
