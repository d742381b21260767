"""RandomStreams' draws: the random state types and one draw op per distribution (Theano's RandomFunction).

Theano's RandomFunction pattern, kept as is: a draw takes the state and returns (new state, sample), and
RandomStreams makes the new state the default update of the shared state, so every call of a compiled
function advances it through theano.function's ordinary update path (no_default_updates, reseeding and
scan included).

A state is of one of two kinds, and a draw op lowers according to the kind of its state:
* "numpy" (Theano's, the default): the value is a numpy RandomState, and the draw is Theano's own
  RandomFunction.perform (ops/random_numpy.py), run on the host by compile/host_random.py, so the numbers
  are Theano's. Inside the compiled step the state is its MT19937 state as words.
* "threefry" (the fast option, theano.config.randomstreams='threefry'): the value is a JAX key and the
  draw runs on the device (ops/random_threefry.py), with Theano's distributions but other numbers.
"""
import jax.numpy as jnp
import numpy as np

from ..compile import host_random
from ..graph.constants import as_tensor_variable
from ..graph.nodes import Apply, Variable
from ..graph.ops import Primitive, TheanoOp
from ..graph.types import TensorType
from . import random_numpy, random_threefry

KINDS = ("numpy", "threefry")


class RandomStateType:
    """Theano's RandomStateType: the type of a random state variable, of the numpy or the threefry kind.

    `filter` gives the value as a compiled step sees it: a numpy RandomState's packed MT19937 words, or a
    threefry key (both uint32 vectors).
    """

    Variable = None  # set below

    def __init__(self, kind="numpy"):
        if kind not in KINDS:
            raise ValueError(f"Invalid value ({kind!r}) for configuration variable \"{random_threefry.FLAG}\". "
                             f"Valid options are {KINDS}")
        self.kind = kind

    def __eq__(self, other):
        return type(other) is type(self) and other.kind == self.kind

    def __hash__(self):
        return hash((RandomStateType, self.kind))

    def __str__(self):
        return "RandomStateType"

    def __repr__(self):
        return "RandomStateType" if self.kind == "numpy" else "RandomStateType(threefry)"

    def __call__(self, name=None):
        return self.Variable(self, name=name)

    make_variable = __call__

    def filter(self, data, strict=False, allow_downcast=None):
        if self.kind == "threefry":
            return random_threefry.filter_key(data, strict)
        if type(data) is np.random.RandomState:  # Theano: exactly numpy's RandomState
            return host_random.pack(data)
        if isinstance(data, np.ndarray) and data.dtype == np.uint32 and data.shape == (host_random.WORDS,):
            return data
        raise TypeError(f"RandomStateType expected a numpy.random.RandomState, got {type(data).__name__}")

    def is_valid_value(self, a):
        if self.kind == "numpy":
            return type(a) is np.random.RandomState
        try:
            self.filter(a, strict=True)
            return True
        except TypeError:
            return False

    def values_eq(self, a, b):
        return bool(np.array_equal(self.filter(a), self.filter(b)))

    def value(self, words):
        """The user's value of a step's state: a new RandomState (or ThreefryState) in that state."""
        if self.kind == "threefry":
            return random_threefry.ThreefryState.from_key(np.asarray(words))
        return host_random.random_state(words)


class RandomStateVariable(Variable):
    """A symbolic random state: the first input and output of every draw."""


RandomStateType.Variable = RandomStateVariable
random_state_type = RandomStateType("numpy")
threefry_state_type = RandomStateType("threefry")


class DrawOp(Primitive):
    """The draw op of one numpy function (`dist`, a key of random_numpy.FUNCTIONS); node params: dtype and
    bcast (the sample's type), ndim_added (Theano's), kind (the state's)."""

    def __init__(self, dist, infer, lower, grad, static, static_args):
        super().__init__(f"RandomFunction{{{dist}}}", infer, lower, grad, static=static, static_args=static_args)
        self.dist = dist

    def on_host(self, node):
        """Whether compile/host_random.py draws this node (the numpy kind)."""
        return node.params["kind"] == "numpy"

    checks = on_host  # numpy may refuse the values (p > 1, ...): the call must be able to raise

    def host_draw(self, node, values):
        """The HostDraw of a numpy-kind node, from the values of its inputs after the state."""
        p = node.params
        size, n = self.static(None, *values, **p)
        return _host_draw(self.dist, size, n, [np.shape(a) for a in values[1:]], p["dtype"], p["bcast"],
                          p["ndim_added"])

    def __reduce__(self):
        # as its function: a draw op made at run time (a RandomFunction of another method) unpickles too
        return _draw_op, (random_numpy.FUNCTIONS[self.dist],)


def _draw_op(fn):
    return DRAW_OPS[define_draw(fn)]


def _make_draw_op(dist):
    def infer(r, shape, *args, dtype, bcast, ndim_added, kind):
        return [r.type, TensorType(dtype, bcast)]

    def static(r, shape, *args, dtype, bcast, ndim_added, kind):
        size = tuple(int(s) for s in np.asarray(shape))
        if kind == "threefry":
            return size, random_threefry.SAMPLERS[dist][1](*args)
        return size, _numpy_static(dist, args)

    def static_args(node):
        if node.params["kind"] == "threefry":
            return [1] + [2 + k for k in random_threefry.SAMPLERS[dist][2](node.inputs[2:])]
        return [1, 2] if dist == "permutation_helper" else [1]

    def lower(r, shape, *args, static, dtype, bcast, ndim_added, kind):
        size, values = static
        if kind == "threefry":
            _check_ndim(size, ndim_added, len(bcast))
            return random_threefry.lower(dist, r, size, args, values, dtype, len(bcast))
        spec = _host_draw(dist, size, values, [np.shape(a) for a in args], dtype, bcast, ndim_added)
        return host_random.draw(r, args, spec)

    def grad(inputs, outputs, gouts, **params):
        from ..graph.null import undefined_grad
        return [undefined_grad(i, dist, "No gradient defined through raw random numbers op") for i in inputs]

    return DrawOp(dist, infer, lower, grad, static, static_args)


def _check_ndim(size, ndim_added, ndim):
    if size and len(size) + ndim_added != ndim:
        raise ValueError(f"Shape mismatch: self.outtype.ndim ({ndim}) != len(shape) ({len(size)}) + "
                         f"self.ndim_added ({ndim_added})")


def _host_draw(dist, size, n, arg_shapes, dtype, bcast, ndim_added):
    """What the host runs for one numpy draw (Theano's perform), with the shape it returns."""
    ndim = len(bcast)
    _check_ndim(size, ndim_added, ndim)
    out_shape = random_numpy.out_shape(dist, size, arg_shapes, n, ndim)

    def perform(random_state, *arrays):
        return random_numpy.perform(dist, random_state, size, arrays, dtype, ndim, ndim_added)
    gaussian = dist not in random_numpy.NO_GAUSSIAN
    return host_random.HostDraw(perform, TensorType(dtype, bcast), out_shape, gaussian)


def _numpy_static(dist, args):
    if dist != "permutation_helper":
        return None
    n = np.asarray(args[0])
    assert n.shape == ()  # Theano's permutation_helper
    return int(n)


DRAW_OPS = {dist: _make_draw_op(dist) for dist in random_numpy.FUNCTIONS}


def define_draw(fn):
    """The name of the draw op for fn(random_state, *args, size) (Theano's RandomFunction), made if new."""
    dist = fn.__name__
    if random_numpy.FUNCTIONS.setdefault(dist, fn) is not fn and getattr(np.random.RandomState, dist, None) \
            is not fn:
        raise ValueError(f"RandomFunction: another draw function is already named {dist!r}")
    if dist not in DRAW_OPS:
        DRAW_OPS[dist] = _make_draw_op(dist)
    return dist


def draw(dist, r, shape, args, dtype, bcast, ndim_added=0):
    """Apply the draw op of `dist` to the state `r`: returns (new state variable, sample variable)."""
    if not isinstance(r.type, RandomStateType):
        raise TypeError(f"{dist}: the random state must be a RandomStateType variable, got {r.type}")
    op = DRAW_OPS[dist]
    params = dict(dtype=dtype, bcast=tuple(bool(b) for b in bcast), ndim_added=ndim_added, kind=r.type.kind)
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


class PermuteRowElements(TheanoOp):
    """Theano's PermuteRowElements: T.permute_row_elements makes its nodes; PermuteRowElements()(x, y, inverse)."""

    @classmethod
    def from_props(cls):
        return permute_row_elements_op.constructed(lambda op, x, y, inverse=0: permute_row_elements(x, y, inverse))


permute_row_elements_op = PermuteRowElements.record("permute_row_elements", _permute_infer, _permute_lower, _permute_grad,
                             describe=lambda node: "PermuteRowElements")


def permute_row_elements(x, y, inverse=0):
    """tensor.permute_row_elements: each row (last axis) of x permuted by the matching row of y."""
    x, y = as_tensor_variable(x), as_tensor_variable(y)
    if y.dtype not in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        raise TypeError("permute_row_elements: y must be an integer tensor", y.type)
    return permute_row_elements_op(x, y, inverse=bool(inverse))
