"""The benchmark models, each written twice: the Theano way (theano.function with shared weights and
updates=) and by hand in JAX (jax.jit, jax.value_and_grad, donated parameters), the same computation.

A case is `Case(name, data, theano_step, hand_step)`:
  data(seed) -> (params, inputs): numpy arrays, float32
  theano_step(params, inputs) -> a callable running one SGD step on `inputs`, returning the loss as numpy
      (the host sync Theano's API implies); its precision is the matmul_precision flag's when it is built
  hand_step(params, inputs, precision) -> the same by hand; `precision` is the lax.Precision of every product
      and convolution (HIGHEST: faithful float32; None: JAX's default, TF32 on a GPU). Parameters and inputs
      live on the device theano_compat uses (the device flag).
"""
from dataclasses import dataclass
from functools import partial
from typing import Callable

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.scan_module import scan
from theano_compat.tensor.nnet import conv2d
from theano_compat.tensor.signal import pool

LR = np.float32(0.01)


@dataclass
class Case:
    name: str
    data: Callable
    theano_step: Callable
    hand_step: Callable


def _hand_runner(loss, params, inputs):
    @partial(jax.jit, donate_argnums=0)
    def step(p, *xs):
        cost, grads = jax.value_and_grad(loss)(p, *xs)
        return tuple(a - LR * g for a, g in zip(p, grads)), cost
    device = _theano_device()
    state = {"p": tuple(jax.device_put(a, device) for a in params)}
    xs = tuple(jax.device_put(x, device) for x in inputs)

    def run(*_):
        state["p"], cost = step(state["p"], *xs)
        return np.asarray(cost)
    return run


def _theano_device():
    from theano_compat.compile import placement
    return placement.current().device


def _sgd(params, cost):
    return [(p, p - LR * g) for p, g in zip(params, T.grad(cost, params))]


def _nll(p_y, y):
    return -T.mean(T.log(p_y)[T.arange(y.shape[0]), y])


def _hand_nll(logits, y):
    return -jnp.mean(jax.nn.log_softmax(logits)[jnp.arange(y.shape[0]), y])


# --- MLP: tanh hidden layers, softmax output, negative log-likelihood ---

def mlp(sizes, batch):
    def data(seed=0):
        rng = np.random.RandomState(seed)
        params = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            params += [(rng.randn(n_in, n_out) / np.sqrt(n_in)).astype("float32"), np.zeros(n_out, "float32")]
        x = rng.rand(batch, sizes[0]).astype("float32")
        y = rng.randint(0, sizes[-1], batch).astype("int32")
        return params, (x, y)

    def theano_step(params, inputs):
        shared = [theano.shared(p) for p in params]
        x, y = T.fmatrix("x"), T.ivector("y")
        h = x
        for k in range(0, len(shared) - 2, 2):
            h = T.tanh(T.dot(h, shared[k]) + shared[k + 1])
        p_y = T.nnet.softmax(T.dot(h, shared[-2]) + shared[-1])
        cost = _nll(p_y, y)
        f = theano.function([x, y], cost, updates=_sgd(shared, cost))
        return lambda: f(*inputs)

    def hand_step(params, inputs, precision):
        def loss(p, x, y):
            h = x
            for k in range(0, len(p) - 2, 2):
                h = jnp.tanh(jnp.dot(h, p[k], precision=precision) + p[k + 1])
            return _hand_nll(jnp.dot(h, p[-2], precision=precision) + p[-1], y)
        return _hand_runner(loss, params, inputs)
    name = "MLP " + "-".join(map(str, sizes)) + f", batch {batch}"
    return Case(name, data, theano_step, hand_step)


# --- LeNet (deeplearning.net's convolutional_mlp.py): conv 5x5, max-pool 2, tanh, twice; 500 tanh; softmax ---

def lenet(batch, nkerns=(20, 50), hidden=500):
    shapes = [(nkerns[0], 1, 5, 5), (nkerns[0],), (nkerns[1], nkerns[0], 5, 5), (nkerns[1],),
              (nkerns[1] * 4 * 4, hidden), (hidden,), (hidden, 10), (10,)]

    def data(seed=0):
        rng = np.random.RandomState(seed)
        params = []
        for shape in shapes:
            if len(shape) == 1:
                params.append(np.zeros(shape, "float32"))
                continue
            fan_in = np.prod(shape[1:]) if len(shape) == 4 else shape[0]
            fan_out = shape[0] * np.prod(shape[2:]) // 4 if len(shape) == 4 else shape[1]
            bound = np.sqrt(6.0 / (fan_in + fan_out))
            params.append(rng.uniform(-bound, bound, shape).astype("float32"))
        return params, (rng.rand(batch, 28 * 28).astype("float32"), rng.randint(0, 10, batch).astype("int32"))

    def theano_step(params, inputs):
        W0, b0, W1, b1, W2, b2, W3, b3 = shared = [theano.shared(p) for p in params]
        x, y = T.fmatrix("x"), T.ivector("y")
        h = x.reshape((batch, 1, 28, 28))
        h = T.tanh(pool.pool_2d(conv2d(h, W0, filter_shape=shapes[0], input_shape=(batch, 1, 28, 28)), (2, 2),
                                ignore_border=True) + b0.dimshuffle("x", 0, "x", "x"))
        h = T.tanh(pool.pool_2d(conv2d(h, W1, filter_shape=shapes[2], input_shape=(batch, nkerns[0], 12, 12)),
                                (2, 2), ignore_border=True) + b1.dimshuffle("x", 0, "x", "x"))
        h = T.tanh(T.dot(h.flatten(2), W2) + b2)
        cost = _nll(T.nnet.softmax(T.dot(h, W3) + b3), y)
        f = theano.function([x, y], cost, updates=_sgd(shared, cost))
        return lambda: f(*inputs)

    def hand_step(params, inputs, precision):
        def conv(h, w):  # Theano's conv2d is a true convolution: the filters are flipped
            return lax.conv_general_dilated(h, w[:, :, ::-1, ::-1], (1, 1), "VALID", precision=precision,
                                            dimension_numbers=("NCHW", "OIHW", "NCHW"))

        def maxpool(h):
            return lax.reduce_window(h, -jnp.inf, lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")

        def loss(p, x, y):
            w0, b0, w1, b1, w2, b2, w3, b3 = p
            h = x.reshape(batch, 1, 28, 28)
            h = jnp.tanh(maxpool(conv(h, w0)) + b0[None, :, None, None])
            h = jnp.tanh(maxpool(conv(h, w1)) + b1[None, :, None, None])
            h = jnp.tanh(jnp.dot(h.reshape(batch, -1), w2, precision=precision) + b2)
            return _hand_nll(jnp.dot(h, w3, precision=precision) + b3, y)
        return _hand_runner(loss, params, inputs)
    return Case(f"LeNet 20/50 5x5, 500 hidden, batch {batch}", data, theano_step, hand_step)


# --- tanh RNN through theano.scan, squared error, BPTT ---

def rnn(steps, batch, hidden, n_in=None):
    n_in = n_in or hidden

    def data(seed=0):
        rng = np.random.RandomState(seed)
        params = [(rng.randn(n_in, hidden) / np.sqrt(n_in)).astype("float32"),
                  (rng.randn(hidden, hidden) / np.sqrt(hidden)).astype("float32"), np.zeros(hidden, "float32")]
        X = rng.randn(steps, batch, n_in).astype("float32")
        Y = (rng.rand(steps, batch, hidden) * 2 - 1).astype("float32")
        return params, (X, Y)

    def theano_step(params, inputs):
        Wx, Wh, b = shared = [theano.shared(p) for p in params]
        X, Y = T.tensor3("X", dtype="float32"), T.tensor3("Y", dtype="float32")
        h0 = T.zeros((X.shape[1], Wh.shape[0]), dtype="float32")
        h, _ = scan(lambda x_t, h_prev: T.tanh(T.dot(x_t, Wx) + T.dot(h_prev, Wh) + b), sequences=X,
                    outputs_info=h0)
        cost = T.mean((h - Y) ** 2)
        f = theano.function([X, Y], cost, updates=_sgd(shared, cost))
        return lambda: f(*inputs)

    def hand_step(params, inputs, precision):
        def loss(p, X, Y):
            Wx, Wh, b = p

            def cell(h, x_t):
                h = jnp.tanh(jnp.dot(x_t, Wx, precision=precision) + jnp.dot(h, Wh, precision=precision) + b)
                return h, h
            _, hs = lax.scan(cell, jnp.zeros((X.shape[1], Wh.shape[0]), X.dtype), X)
            return jnp.mean((hs - Y) ** 2)
        return _hand_runner(loss, params, inputs)
    return Case(f"tanh RNN scan + BPTT, L={steps} B={batch} H={hidden}", data, theano_step, hand_step)


def cases(quick=False):
    """The issue's cases; `quick` shrinks the big ones to what a 2-core CPU runs in seconds."""
    if quick:
        return [mlp((784, 500, 10), 128), mlp((784, 1024, 1024, 10), 256), lenet(100), rnn(50, 32, 128)]
    return [mlp((784, 500, 10), 128), mlp((784, 4096, 4096, 10), 2048), lenet(500), rnn(100, 64, 512)]
