"""RandomStreams' fast option (theano.config.randomstreams = 'threefry'): draws with JAX's threefry generator.

The state of such a random variable is a JAX PRNG key (ThreefryState) instead of numpy's RandomState: the
draws run on the device inside the compiled step, with Theano's distributions, dtypes and shapes but not
Theano's numbers. MRG_RandomStreams is the choice that is both fast and Theano's.
"""
import copy

import jax
import jax.numpy as jnp
import numpy as np

from ..graph.ops import is_tracer

FLAG = "randomstreams"

IMPL = "threefry2x32"  # fixed, whatever jax_default_prng_impl says: a pickled state must mean one thing


def key_from_seed(seed):
    """The raw key (numpy uint32[2]) of an integer seed."""
    return np.asarray(jax.random.key_data(jax.random.key(int(seed), impl=IMPL)), dtype=np.uint32)


def key_from_numpy(rs):
    """A key derived from a numpy RandomState (without advancing it): one seed drawn from a copy."""
    return key_from_seed(copy.deepcopy(rs).randint(2 ** 30))


def _fresh_seed():
    return int(np.random.SeedSequence().generate_state(1)[0])


class ThreefryState:
    """A random state of the threefry kind: a JAX PRNG key that can be reseeded like numpy's RandomState.

    Theano hands out the numpy RandomState itself with get_value(borrow=True), so seeding it reseeds the
    stream; such a borrowed state here is bound to its shared variable and does the same.
    """

    def __init__(self, seed=None):
        self._key = key_from_seed(_fresh_seed() if seed is None else seed)
        self._shared = None

    @classmethod
    def from_key(cls, key, shared=None):
        state = cls.__new__(cls)
        state._key = None if key is None else np.array(key, dtype=np.uint32)
        state._shared = shared
        return state

    @property
    def key(self):
        """The raw key, uint32[2] (threefry2x32)."""
        if self._shared is not None:
            return np.array(self._shared.container.value, dtype=np.uint32)
        return self._key

    def _set(self, key):
        if self._shared is not None:
            self._shared.set_value(ThreefryState.from_key(key))
        else:
            self._key = key

    def seed(self, seed=None):
        """Reset the key from an integer seed (a fresh random one for None)."""
        self._set(key_from_seed(_fresh_seed() if seed is None else seed))

    def get_state(self):
        return (IMPL, self.key.copy())

    def set_state(self, state):
        impl, key = state
        if impl != IMPL:
            raise ValueError(f"theano_compat random states are {IMPL} keys, not {impl}")
        self._set(np.array(key, dtype=np.uint32))

    def __copy__(self):
        return ThreefryState.from_key(self.key)

    def __deepcopy__(self, memo):
        return ThreefryState.from_key(self.key)

    def __getstate__(self):
        return {"key": self.key}

    def __setstate__(self, state):
        self._key = np.array(state["key"], dtype=np.uint32)
        self._shared = None

    def __eq__(self, other):
        return isinstance(other, ThreefryState) and bool(np.all(self.key == other.key))

    __hash__ = None

    def __repr__(self):
        return f"ThreefryState({IMPL} key={self.key.tolist()})"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"a threefry random state (the {FLAG}=threefry RandomStreams) is a JAX key, not "
                             f"numpy's RandomState: it has seed, get_state and set_state, but no {name!r}")


def _split(key_data):
    key = jax.random.wrap_key_data(jnp.asarray(key_data, dtype=jnp.uint32), impl=IMPL)
    new, sub = jax.random.split(key)
    return jax.random.key_data(new), sub


# --- the samplers: (key, shape, *args, extra) -> array; shape () means "from the arguments" (numpy's None) ---

def _float(dtype):
    return dtype if dtype in ("float16", "float32", "float64") else "float64"


def _auto(shape, *args):
    return tuple(shape) if shape else jnp.broadcast_shapes(*[jnp.shape(a) for a in args])


def _uniform(key, shape, low, high, extra, dtype):
    ct = _float(dtype)
    low, high = jnp.asarray(low).astype(ct), jnp.asarray(high).astype(ct)
    shape = _auto(shape, low, high)
    return low + (high - low) * jax.random.uniform(key, shape, ct)  # numpy: low + (high-low)*random_sample()


def _normal(key, shape, avg, std, extra, dtype):
    ct = _float(dtype)
    avg, std = jnp.asarray(avg).astype(ct), jnp.asarray(std).astype(ct)
    return avg + std * jax.random.normal(key, _auto(shape, avg, std), ct)


def _binomial(key, shape, n, p, extra, dtype):
    shape = _auto(shape, n, p)
    p = jnp.asarray(p).astype("float64")
    if not is_tracer(n):  # n known while tracing (the usual constant): n_max Bernoulli trials per draw
        n = np.asarray(n)
        n_max = int(n.max(initial=0))
        if n_max * int(np.prod(shape)) <= _MAX_TRIALS:
            u = jax.random.uniform(key, tuple(shape) + (n_max,), "float64")
            hits = (u < p[..., None]) & (np.arange(n_max) < n[..., None])
            return hits.sum(axis=-1)
    return jax.random.binomial(key, jnp.asarray(n).astype("float64"), p, shape)


_MAX_TRIALS = 1 << 22  # above this many uniforms, jax's own (slower to compile) binomial sampler


def _random_integers(key, shape, low, high, extra, dtype):
    low, high = jnp.asarray(low).astype("int64"), jnp.asarray(high).astype("int64")
    return jax.random.randint(key, _auto(shape, low, high), low, high + 1, dtype="int64")


def _choice(key, shape, a, replace, p, extra, dtype):
    a_value, replace = extra
    if p.shape[0] == 0 and not replace:  # a prefix of one permutation
        n = a_value if a_value is not None else a.shape[0]
        k = int(np.prod(shape))
        if k > n:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        picks = _shuffled_indices(key, (n,))[:k].reshape(tuple(shape))
        return picks if a_value is not None else jnp.asarray(a)[picks]
    p = None if p.shape[0] == 0 else jnp.asarray(p).astype("float64")
    return jax.random.choice(key, a if a_value is None else a_value, tuple(shape), replace, p)


def _shuffled_indices(key, shape):
    """Permutations of range(shape[-1]) along the last axis: argsort of 64-bit random sort keys (one sort;
    ties, at n**2 / 2**65, do not matter), much cheaper to compile than jax.random.permutation."""
    return jnp.argsort(jax.random.bits(key, shape, dtype="uint64"), axis=-1, stable=True)


def _poisson(key, shape, lam, extra, dtype):
    lam = jnp.asarray(lam).astype("float64")
    return jax.random.poisson(key, lam, _auto(shape, lam), dtype="int64")


def _permutation(key, shape, n, extra, dtype):
    return _shuffled_indices(key, tuple(shape) + (extra,))


def _multinomial(key, shape, n, pvals, extra, dtype):
    pvals = jnp.asarray(pvals).astype("float64")
    shape = _auto(shape, n, pvals[..., 0])
    if not is_tracer(n):  # n known while tracing: count n_max categorical draws per distribution
        n = np.asarray(n)
        n_max = int(n.max(initial=0))
        if n_max * int(np.prod(shape)) <= _MAX_TRIALS:
            # inverse CDF (jax.random.categorical is much slower to compile)
            cum = jnp.cumsum(jnp.broadcast_to(pvals, tuple(shape) + pvals.shape[-1:]), axis=-1)
            x = jax.random.uniform(key, tuple(shape) + (n_max,), "float64") * cum[..., -1:]
            cats = (x[..., None] >= cum[..., None, :-1]).sum(axis=-1)
            used = np.arange(n_max) < n[..., None]
            return ((cats[..., None] == jnp.arange(pvals.shape[-1])) & used[..., None]).sum(axis=-2)
    return jax.random.multinomial(key, jnp.asarray(n).astype("float64"), pvals, shape=shape + pvals.shape[-1:])


def _no_extra(*args):
    return None


def _choice_extra(a, replace, p):
    return (int(a) if np.ndim(a) == 0 else None, bool(replace))


def _permutation_extra(n):
    if np.ndim(n) != 0:
        raise ValueError("permutation: n must be a scalar", np.shape(n))
    return int(n)


# name: (sampler, extra(args) -> the argument values the shapes depend on, their positions among the args)
SAMPLERS = {
    "uniform": (_uniform, _no_extra, lambda args: []),
    "normal": (_normal, _no_extra, lambda args: []),
    "binomial": (_binomial, _no_extra, lambda args: []),
    "random_integers_helper": (_random_integers, _no_extra, lambda args: []),
    "choice_helper": (_choice, _choice_extra, lambda args: [0, 1] if args[0].ndim == 0 else [1]),
    "poisson": (_poisson, _no_extra, lambda args: []),
    "permutation_helper": (_permutation, _permutation_extra, lambda args: [0]),
    "multinomial_helper": (_multinomial, _no_extra, lambda args: []),
}


def lower(dist, key, shape, args, extra, dtype, ndim):
    """One draw: (new key, sample of `dtype`), the sample with ndim dimensions."""
    new_key, sub = _split(key)
    out = SAMPLERS[dist][0](sub, shape, *args, extra=extra, dtype=dtype)
    if out.ndim == 0 and ndim > 0:  # Theano: numpy's scalar draw becomes a [1]*ndim array
        out = out.reshape((1,) * ndim)
    if out.ndim != ndim:
        raise ValueError(f'Shape mismatch: "out" should have dimension {ndim}, but the value produced '
                         f'by "perform" has dimension {out.ndim}')
    return new_key, out.astype(dtype)


def filter_key(data, strict=False):
    """The raw key (numpy uint32[2]) for a ThreefryState, a numpy RandomState, or a key array."""
    if isinstance(data, ThreefryState):
        return data.key.copy()
    if isinstance(data, np.random.RandomState) and not strict:
        return key_from_numpy(data)
    if isinstance(data, jax.Array) and jax.dtypes.issubdtype(data.dtype, jax.dtypes.prng_key):
        data = jax.random.key_data(data)
    if hasattr(data, "__array__") and not hasattr(data, "owner"):
        arr = np.asarray(data)
        if arr.dtype == np.uint32 and arr.shape == (2,):
            return arr
    raise TypeError(f"a threefry random state must be a ThreefryState, a numpy RandomState or a uint32[2] "
                    f"{IMPL} key, got {type(data).__name__}")
