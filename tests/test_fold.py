"""Constant folding on the host (compile/fold.py): a function's first call compiles one XLA program, and the
numpy evaluation of folded nodes gives XLA's numbers bit for bit."""
import contextlib

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax import lax

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat.compile.fold import fold


@contextlib.contextmanager
def compiles():
    """Count the XLA programs compiled (or loaded from the compiledir) inside the block."""
    events = []

    def listen(name, *_, **__):
        if name == "/jax/core/compile/backend_compile_duration":
            events.append(name)
    jax.monitoring.register_event_duration_secs_listener(listen)
    try:
        yield events
    finally:
        jax.monitoring.unregister_event_duration_listener(listen)


def test_a_training_function_compiles_one_program():
    rng = np.random.RandomState(0)
    n_in, n_hid, n_out, batch = 13, 7, 5, 11  # shapes no other test uses: nothing is cached in-process
    params = [theano.shared(rng.randn(*s).astype("float32")) for s in ((n_in, n_hid), (n_hid,), (n_hid, n_out))]
    W1, b1, W2 = params
    x, y = T.fmatrix("x"), T.ivector("y")
    h = T.tanh(T.dot(x.reshape((batch, 1, n_in)).flatten(2), W1) + b1)  # shapes folded: stack, ...
    p = T.nnet.softmax(T.dot(h, W2))
    cost = -T.mean(T.log(p)[T.arange(y.shape[0]), y]) + 0.001 * (W1 ** 2).sum()
    lr = np.float32(0.1)
    with compiles() as events:
        f = theano.function([x, y], cost, updates=[(v, v - lr * g) for v, g in zip(params, T.grad(cost, params))])
        f(rng.rand(batch, n_in).astype("float32"), rng.randint(0, n_out, batch).astype("int32"))
    assert len(events) == 1


CASES = {
    "int division truncates": lambda: lax.div(np.array([-7, 7, -8], "int64"), np.array([2, -2, 3], "int64")),
    "rem": lambda: lax.rem(np.array([-7.5, 7.0]), np.array([2.0, -2.0])),
    "integer_pow": lambda: lax.integer_pow(np.array([1.1, -3.7], "float32"), 7),
    "negative integer_pow": lambda: lax.integer_pow(np.array([1.1, 3.0]), -3),
    "casts": lambda: (jnp.asarray(np.array([2.7, -2.7], "float32")).astype("int32"),
                      jnp.asarray(np.array([1, 0, 3])).astype(bool), jnp.asarray(np.arange(3)).astype("float32")),
    "saturating cast (eager fallback)": lambda: jnp.asarray(np.array([1e10, np.nan])).astype("int32"),
    "arithmetic": lambda: np.float32(0.1) * np.arange(5, dtype="float32") / np.float32(3) + np.float32(1e-8),
    "shapes": lambda: jnp.transpose(jnp.broadcast_to(np.arange(6.0).reshape(2, 3)[:, None, :], (2, 4, 3)),
                                    (2, 0, 1))[1:, ::2],
    "select and compare": lambda: jnp.where(np.arange(4) > 1, np.arange(4.0), -np.arange(4.0)),
    "reductions": lambda: (jnp.max(np.arange(6.0).reshape(2, 3), axis=1), jnp.sum(np.arange(6).reshape(2, 3), 0),
                           jnp.argmax(np.array([1.0, 3.0, 3.0]))),
    "iota and concatenate": lambda: jnp.concatenate([jnp.arange(3), jnp.arange(2)]),
    "stack and split": lambda: (jnp.stack([np.int64(5), np.int64(-1)]), jnp.split(np.arange(6), [2]),
                                lax.unstack(np.arange(6).reshape(2, 3))),
    "round": lambda: (jnp.round(np.array([0.5, 1.5, -2.5])), lax.round(np.array([0.5, -1.5]))),
    "transcendental (eager fallback)": lambda: jnp.exp(np.array([0.1, 1.0], "float32")),
}


@pytest.mark.parametrize("name", CASES)
def test_folded_values_are_xla_values(name):
    with jax.ensure_compile_time_eval():
        want = CASES[name]()
    got = fold(lambda: CASES[name](), ())
    for g, w in zip(jax.tree_util.tree_leaves(got), jax.tree_util.tree_leaves(want)):
        assert np.asarray(g).dtype == np.asarray(w).dtype
        np.testing.assert_array_equal(np.asarray(g), np.asarray(w))


def test_exact_primitives_fold_without_xla():
    with compiles() as events:
        fold(lambda: lax.integer_pow(np.array([1.5, 2.5], "float32"), 3) + np.float32(2) * np.arange(2.0), ())
    assert events == []


def test_a_check_on_folded_values_raises_when_the_function_is_built():
    i = T.lscalar("i")
    f = theano.function([i], T.constant(np.arange(3))[T.constant(4) - 1] + i)
    with pytest.raises(IndexError):
        f(1)
