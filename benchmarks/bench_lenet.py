"""One SGD step of the classic LeNet (deeplearning.net's convolutional_mlp.py): 28x28 inputs, conv 20 5x5
-> max-pool 2 -> tanh -> conv 50 5x5 -> max-pool 2 -> tanh -> 500 tanh units -> 10-way softmax, batch 500,
float32; theano_compat (theano.function with shared weights and `updates=`) against the same step written
by hand in JAX (jax.jit, lax.conv_general_dilated, reduce_window, jax.grad, donated parameters).

Run: python benchmarks/bench_lenet.py [repeats] [rounds]   (prints a table; target ratio <= 1.05)
The machine may be shared and noisy: the two are interleaved, repeated, and the best round's medians kept.
"""
import os
import sys
from functools import partial

os.environ.setdefault("THEANO_FLAGS", "floatX=float32")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from jax import lax  # noqa: E402

import theano_compat as theano  # noqa: E402
import theano_compat.tensor as T  # noqa: E402
from theano_compat.tensor.nnet import conv2d  # noqa: E402
from theano_compat.tensor.signal import pool  # noqa: E402
from harness import compare, first_call_time, table  # noqa: E402

BATCH, NKERNS, HIDDEN, LR = 500, (20, 50), 500, 0.1
SHAPES = [(NKERNS[0], 1, 5, 5), (NKERNS[0],), (NKERNS[1], NKERNS[0], 5, 5), (NKERNS[1],),
          (NKERNS[1] * 4 * 4, HIDDEN), (HIDDEN,), (HIDDEN, 10), (10,)]


def data(seed=0):
    """Initial weights (the tutorial's uniform fan-in/fan-out bounds) and one minibatch."""
    rng = np.random.RandomState(seed)
    params = []
    for shape in SHAPES:
        if len(shape) == 1:
            params.append(np.zeros(shape, "float32"))
            continue
        fan_in = np.prod(shape[1:]) if len(shape) == 4 else shape[0]
        fan_out = shape[0] * np.prod(shape[2:]) // 4 if len(shape) == 4 else shape[1]
        bound = np.sqrt(6.0 / (fan_in + fan_out))
        params.append(rng.uniform(-bound, bound, shape).astype("float32"))
    x = rng.rand(BATCH, 28 * 28).astype("float32")
    y = rng.randint(0, 10, BATCH).astype("int32")
    return params, x, y


def theano_step(params):
    """The tutorial's model and SGD step, written the Theano way."""
    W0, b0, W1, b1, W2, b2, W3, b3 = shared = [theano.shared(p, borrow=False) for p in params]
    x, y = T.matrix("x"), T.ivector("y")
    h = x.reshape((BATCH, 1, 28, 28))
    h = T.tanh(pool.pool_2d(conv2d(h, W0, filter_shape=SHAPES[0], input_shape=(BATCH, 1, 28, 28)), (2, 2),
                            ignore_border=True) + b0.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(pool.pool_2d(conv2d(h, W1, filter_shape=SHAPES[2], input_shape=(BATCH, NKERNS[0], 12, 12)),
                            (2, 2), ignore_border=True) + b1.dimshuffle("x", 0, "x", "x"))
    h = T.tanh(T.dot(h.flatten(2), W2) + b2)
    p_y_given_x = T.nnet.softmax(T.dot(h, W3) + b3)
    cost = -T.mean(T.log(p_y_given_x)[T.arange(y.shape[0]), y])
    grads = T.grad(cost, shared)
    updates = [(p, p - LR * g) for p, g in zip(shared, grads)]
    return theano.function([x, y], cost, updates=updates), shared


def _pool(h):
    return lax.reduce_window(h, -jnp.inf, lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")


def _conv(h, w):
    # Theano's conv2d is a true convolution: the filters are flipped
    return lax.conv_general_dilated(h, w[:, :, ::-1, ::-1], (1, 1), "VALID",
                                    dimension_numbers=("NCHW", "OIHW", "NCHW"))


def jax_loss(params, x, y, pool_fn=_pool):
    w0, b0, w1, b1, w2, b2, w3, b3 = params
    h = x.reshape(BATCH, 1, 28, 28)
    h = jnp.tanh(pool_fn(_conv(h, w0)) + b0[None, :, None, None])
    h = jnp.tanh(pool_fn(_conv(h, w1)) + b1[None, :, None, None])
    h = jnp.tanh(h.reshape(BATCH, -1) @ w2 + b2)
    logp = jax.nn.log_softmax(h @ w3 + b3)
    return -jnp.mean(logp[jnp.arange(y.shape[0]), y])


def make_jax_step(loss):
    @partial(jax.jit, donate_argnums=0)
    def step(params, x, y):
        cost, grads = jax.value_and_grad(loss)(params, x, y)
        return cost, tuple(p - jnp.float32(LR) * g for p, g in zip(params, grads))
    return step


jax_step = make_jax_step(jax_loss)


# The same hand-written step, but with max-pool's gradient computed as Theano's MaxPoolGrad (every element
# equal to its window's max gets the gradient) the way theano_compat lowers it, instead of XLA's
# select_and_scatter: it separates the cost of the pooling gradient from everything else.
@jax.custom_vjp
def _pool_theano_grad(h):
    return _pool(h)


def _pool_fwd(h):
    out = _pool(h)
    return out, (h, out)


def _pool_bwd(res, g):
    from theano_compat.ops.pool import max_pool_grad_lower
    h, out = res
    return (max_pool_grad_lower(h, out, g, (2, 2), True),)


_pool_theano_grad.defvjp(_pool_fwd, _pool_bwd)


def jax_loss_theano_pool(params, x, y):
    return jax_loss(params, x, y, _pool_theano_grad)


jax_step_theano_pool = make_jax_step(jax_loss_theano_pool)


def _runner(step, params, x, y):
    state = {"p": tuple(jnp.asarray(p) for p in params)}

    def run():
        cost, state["p"] = step(state["p"], x, y)
        return np.asarray(cost)
    return run


def main(repeats=5, rounds=3):
    params, x, y = data()
    f, shared = theano_step(params)
    hand = _runner(jax_step, params, x, y)
    hand_tp = _runner(jax_step_theano_pool, params, x, y)

    # Same numbers first: a few steps of each from the same start.
    costs = [[float(g()) for _ in range(3)] for g in (lambda: f(x, y), hand, hand_tp)]
    print("first costs: theano_compat %s, hand JAX %s, hand JAX (Theano pool grad) %s" % tuple(costs))
    ours, theirs = compare(lambda: f(x, y), hand, repeats=repeats, inner=1, rounds=rounds)
    ours2, theirs2 = compare(lambda: f(x, y), hand_tp, repeats=repeats, inner=1, rounds=rounds)
    rows = [("LeNet SGD step, batch 500, f32 (28x28, 20/50 5x5, 500)", ours, theirs, "1.05"),
            ("  same, hand JAX with MaxPoolGrad as theano_compat", ours2, theirs2, "-")]
    params1, _, _ = data(seed=1)
    rows.append(("LeNet first call (build + trace + compile)",
                 first_call_time(lambda: theano_step(params1)[0](x, y)),
                 first_call_time(lambda: np.asarray(make_jax_step(jax_loss)(tuple(jnp.asarray(p) for p in params1),
                                                                            x, y)[0])),
                 "-"))
    table(rows)
    print(f"ratio (step): {ours / theirs:.3f} against jax.grad's select_and_scatter, "
          f"{ours2 / theirs2:.3f} against the same pooling gradient")


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:3]])
