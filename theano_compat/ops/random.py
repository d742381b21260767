"""RandomStreams' draws: the random state type (a JAX PRNG key) and one draw op per distribution.

Theano's RandomFunction pattern, kept as is: a draw takes the state and returns (new state, sample), and
RandomStreams makes the new state the default update of the shared state, so every call of a compiled
function advances it through theano.function's ordinary update path (no_default_updates, reseeding and
scan included). The numbers are JAX's threefry ones, not numpy's MT19937: same distributions, dtypes and
shapes as Theano, other values.
"""
import copy

import jax
import jax.numpy as jnp
import numpy as np

from ..graph.nodes import Apply, Variable
from ..graph.ops import Primitive, is_tracer
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable

IMPL = "threefry2x32"  # fixed, whatever jax_default_prng_impl says: a pickled state must mean one thing


def key_from_seed(seed):
    """The raw key (numpy uint32[2]) of an integer seed."""
    return np.asarray(jax.random.key_data(jax.random.key(int(seed), impl=IMPL)), dtype=np.uint32)


def key_from_numpy(rs):
    """A key derived from a numpy RandomState (without advancing it): one seed drawn from a copy."""
    return key_from_seed(copy.deepcopy(rs).randint(2 ** 30))


def _fresh_seed():
    return int(np.random.SeedSequence().generate_state(1)[0])


class RandomState:
    """The value of a random stream's state: a JAX PRNG key that can be reseeded like numpy's RandomState.

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
            self._shared.set_value(RandomState.from_key(key))
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
        return RandomState.from_key(self.key)

    def __deepcopy__(self, memo):
        return RandomState.from_key(self.key)

    def __getstate__(self):
        return {"key": self.key}

    def __setstate__(self, state):
        self._key = np.array(state["key"], dtype=np.uint32)
        self._shared = None

    def __eq__(self, other):
        return isinstance(other, RandomState) and bool(np.all(self.key == other.key))

    __hash__ = None

    def __repr__(self):
        return f"RandomState({IMPL} key={self.key.tolist()})"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"theano_compat's RandomState is a JAX key, not numpy's RandomState: it has seed, "
                             f"get_state and set_state, but no {name!r} (draw with RandomStreams, or with "
                             f"numpy.random.RandomState on the host)")


class RandomStateType:
    """The type of a random state variable (Theano's RandomStateType); its values are raw JAX keys."""

    Variable = None  # set below

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(RandomStateType)

    def __str__(self):
        return "RandomStateType"

    __repr__ = __str__

    def __call__(self, name=None):
        return self.Variable(self, name=name)

    make_variable = __call__

    def filter(self, data, strict=False, allow_downcast=None):
        """The raw key (numpy uint32[2]) for a RandomState, a numpy RandomState, or a key array."""
        if isinstance(data, RandomState):
            return data.key.copy()
        if isinstance(data, np.random.RandomState) and not strict:
            return key_from_numpy(data)
        if isinstance(data, jax.Array) and jax.dtypes.issubdtype(data.dtype, jax.dtypes.prng_key):
            data = jax.random.key_data(data)
        if hasattr(data, "__array__") and not isinstance(data, Variable):
            arr = np.asarray(data)
            if arr.dtype == np.uint32 and arr.shape == (2,):
                return arr
        raise TypeError(f"RandomStateType expected a RandomState (theano_compat's, seeded like numpy's) or a "
                        f"uint32[2] {IMPL} key, got {type(data).__name__}")

    def is_valid_value(self, a):
        try:
            self.filter(a, strict=True)
            return True
        except TypeError:
            return False

    @staticmethod
    def values_eq(a, b):
        return bool(np.all(random_state_type.filter(a) == random_state_type.filter(b)))


class RandomStateVariable(Variable):
    """A symbolic random state: the first input and output of every draw."""


RandomStateType.Variable = RandomStateVariable
random_state_type = RandomStateType()


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


def _make_draw_op(name, sampler, extra, extra_positions):
    def infer(r, shape, *args, dtype, bcast, ndim_added):
        return [random_state_type, TensorType(dtype, bcast)]

    def static(r, shape, *args, dtype, bcast, ndim_added):
        return tuple(int(s) for s in np.asarray(shape)), extra(*args)

    def static_args(node):
        return [1] + [2 + k for k in extra_positions(node.inputs[2:])]

    def lower(r, shape, *args, static, dtype, bcast, ndim_added):
        shape, values = static
        if shape and len(shape) + ndim_added != len(bcast):
            raise ValueError(f"Shape mismatch: self.outtype.ndim ({len(bcast)}) != len(shape) ({len(shape)}) + "
                             f"self.ndim_added ({ndim_added})")
        new_key, sub = _split(r)
        out = sampler(sub, shape, *args, extra=values, dtype=dtype)
        if out.ndim == 0 and len(bcast) > 0:  # Theano: numpy's scalar draw becomes a [1]*ndim array
            out = out.reshape((1,) * len(bcast))
        if out.ndim != len(bcast):
            raise ValueError(f'Shape mismatch: "out" should have dimension {len(bcast)}, but the value produced '
                             f'by "perform" has dimension {out.ndim}')
        return new_key, out.astype(dtype)

    def grad(inputs, outputs, gouts, **params):
        from ..compile.gradient import undefined_grad
        return [undefined_grad(i, name, "No gradient defined through raw random numbers op") for i in inputs]

    return Primitive(f"RandomFunction{{{name}}}", infer, lower, grad, static=static, static_args=static_args)


DRAW_OPS = {name: _make_draw_op(name, *spec) for name, spec in SAMPLERS.items()}


def draw(dist, r, shape, args, dtype, bcast, ndim_added=0):
    """Apply the draw op of `dist` to the state `r`: returns (new state variable, sample variable)."""
    if not isinstance(r.type, RandomStateType):
        raise TypeError(f"{dist}: the random state must be a RandomStateType variable, got {r.type}")
    op = DRAW_OPS[dist]
    params = dict(dtype=dtype, bcast=tuple(bool(b) for b in bcast), ndim_added=ndim_added)
    inputs = [r, shape] + list(args)
    node = Apply.from_types(op, inputs, op.infer(*inputs, **params), params)
    return node.outputs[0], node.outputs[1]


# --- PermuteRowElements (tensor.permute_row_elements), what shuffle_row_elements applies ---

def _permute_infer(x, y, inverse):
    n = max(x.ndim, y.ndim)
    xb = (True,) * (n - x.ndim) + x.broadcastable
    yb = (True,) * (n - y.ndim) + y.broadcastable
    return [TensorType(x.dtype, tuple(a and b for a, b in zip(xb, yb)))]


def _permute_lower(x, y, inverse):
    n = max(x.ndim, y.ndim)
    x = x.reshape((1,) * (n - x.ndim) + x.shape)
    y = y.reshape((1,) * (n - y.ndim) + y.shape)
    if inverse:
        y = jnp.argsort(y, axis=-1)
    lead = jnp.broadcast_shapes(x.shape[:-1], y.shape[:-1])
    x = jnp.broadcast_to(x, lead + x.shape[-1:])
    y = jnp.broadcast_to(y, lead + y.shape[-1:])
    return jnp.take_along_axis(x, y.astype("int64"), axis=-1)


def _permute_grad(inputs, outputs, gouts, inverse):
    # Theano's PermuteRowElements.grad: permute_row_elements(gz, y, eq(inverse, 0)), summed over the
    # dimensions x was broadcast along. Theano quirk (recorded from 1.0.5): that symbolic flag always acts
    # as true, so the gradient applies the inverse permutation whatever `inverse` was.
    from .reductions import sum as tsum
    (x, y), (gz,) = inputs, gouts
    gx = permute_row_elements(gz, y, True)
    if gx.ndim > x.ndim:
        gx = tsum(gx, axis=list(range(gx.ndim - x.ndim)))
    axes = [i for i, b in enumerate(x.broadcastable) if b and not gx.broadcastable[i]]
    return [tsum(gx, axis=axes, keepdims=True) if axes else gx, None]


permute_row_elements_op = Primitive("permute_row_elements", _permute_infer, _permute_lower, _permute_grad,
                             describe=lambda node: "PermuteRowElements")


def permute_row_elements(x, y, inverse=0):
    """tensor.permute_row_elements: each row (last axis) of x permuted by the matching row of y."""
    x, y = as_tensor_variable(x), as_tensor_variable(y)
    if y.dtype not in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        raise TypeError("permute_row_elements: y must be an integer tensor", y.type)
    return permute_row_elements_op(x, y, inverse=bool(inverse))
