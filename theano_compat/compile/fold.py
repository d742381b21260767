"""Constant folding on the host: a node whose inputs are known while tracing is computed with numpy.

Theano folds constant subgraphs before compiling; here such a node's lowering is traced to a jaxpr (no XLA
program) and the jaxpr is evaluated with numpy, primitive by primitive. Only primitives whose numpy result
is bit-for-bit XLA's are evaluated that way (IEEE arithmetic, comparisons, shape and integer operations);
anything else (transcendental functions, float sums, gathers, loops) falls back to JAX's eager evaluation,
which compiles a small program per primitive. A plain training function folds shapes, casts and scalar
arithmetic only, so its first call compiles exactly one XLA program.
"""
import jax
import numpy as np

from . import guard

try:
    from jax.extend.core import Literal
except ImportError:  # pragma: no cover
    from jax.core import Literal

_SMALL = 1 << 16  # an op that expands its inputs (alloc, arange, eye) is folded only up to this many elements


class _Unsupported(Exception):
    pass


def fold(lower, args, small_only=False):
    """lower(*args) for arguments known while tracing, without launching an XLA program where possible."""
    def traced():
        with guard.scope() as s:
            out = lower(*args)
        return out, s.flag()
    try:
        closed, shapes = jax.make_jaxpr(traced, return_shape=True)()
    except Exception:  # a lowering that needs Python values of its intermediates: evaluate it eagerly
        return _eager(lower, args)
    out_shapes, _ = shapes
    if any(isinstance(c, jax.core.Tracer) for c in closed.consts):
        return lower(*args)  # it captured values of an enclosing trace (a scan's step): not foldable here
    if small_only and any(np.prod(s.shape) > _SMALL for s in jax.tree_util.tree_leaves(out_shapes)):
        return lower(*args)  # stays in the compiled step (traced there, as a tracer)
    try:
        with np.errstate(all="ignore"):
            flat = _eval(closed.jaxpr, closed.consts)
    except _Unsupported:
        return _eager(lower, args)
    out, flag = jax.tree_util.tree_unflatten(jax.tree_util.tree_structure(shapes), flat)
    if flag is not None and flag[0] != 0:
        raise guard.exception_of(flag)
    return out


def _eager(lower, args):
    with jax.ensure_compile_time_eval():
        return lower(*args)


def _eval(jaxpr, consts, args=()):
    env = {}

    def read(v):
        return v.val if isinstance(v, Literal) else env[v]
    env.update(zip(jaxpr.constvars, consts))
    env.update(zip(jaxpr.invars, args))
    for eqn in jaxpr.eqns:
        rule = _RULES.get(eqn.primitive.name)
        if rule is None:
            raise _Unsupported(eqn.primitive.name)
        ins = [np.asarray(read(v)) for v in eqn.invars]
        outs = rule(*ins, **eqn.params)
        if not eqn.primitive.multiple_results:
            outs = [outs]
        for var, val, aval in zip(eqn.outvars, outs, (v.aval for v in eqn.outvars)):
            env[var] = np.asarray(val, dtype=aval.dtype).reshape(aval.shape)
    return [np.asarray(read(v)) for v in jaxpr.outvars]


def _call(*args, **params):
    closed = params.get("jaxpr") or params.get("call_jaxpr") or params.get("fun_jaxpr")
    if closed is None:
        raise _Unsupported("call")
    return _eval(closed.jaxpr, closed.consts, args)


def _int_only(fn):
    def rule(*args, **params):
        if any(a.dtype.kind in "fc" for a in args):
            raise _Unsupported("float")
        return fn(*args, **params)
    return rule


def _div(x, y):
    if x.dtype.kind in "iu":  # C division: rounds toward zero; x / 0 is left to XLA
        if np.any(y == 0):
            raise _Unsupported("div by zero")
        q = np.abs(x) // np.abs(y)
        return np.where((x < 0) != (y < 0), -q, q)
    return np.true_divide(x, y)


def _rem(x, y):
    if x.dtype.kind in "iu" and np.any(y == 0):
        raise _Unsupported("rem by zero")
    return np.fmod(x, y)


def _convert(x, new_dtype, **_):
    new = np.dtype(new_dtype)
    if x.dtype.kind == "c" and new.kind != "c":
        raise _Unsupported("complex to real")
    if x.dtype.kind == "f" and new.kind in "iu":  # XLA saturates and maps nan to 0: only the plain case here
        info = np.iinfo(new)
        if not np.all(np.isfinite(x)) or np.any(x < info.min) or np.any(x > info.max):
            raise _Unsupported("float to int out of range")
        return np.trunc(x).astype(new)
    if new.kind == "b":
        return x != 0
    return x.astype(new)


def _broadcast(x, shape, broadcast_dimensions, **_):
    expanded = [1] * len(shape)
    for i, d in enumerate(broadcast_dimensions):
        expanded[d] = x.shape[i]
    return np.broadcast_to(x.reshape(expanded), shape)


def _integer_pow(x, y, **_):
    # XLA's integer_pow: binary exponentiation by repeated multiplication, as jax lowers it
    if y == 0:
        return np.ones_like(x)
    acc, base, n = None, x, abs(y)
    while n:
        if n & 1:
            acc = base if acc is None else acc * base
        n >>= 1
        if n:
            base = base * base
    return np.reciprocal(acc) if y < 0 else acc


def _round(x, rounding_method, **_):
    if int(rounding_method) == 1:
        return np.round(x)  # half to even
    return np.where(x >= 0, np.floor(x + 0.5), np.ceil(x - 0.5)) if x.dtype.kind == "f" else x


def _reduce(fn):
    def rule(x, axes, **_):
        if x.dtype.kind in "fc" and fn not in (np.max, np.min):
            raise _Unsupported("float reduction")
        return fn(x, axis=tuple(axes))
    return rule


def _arg(fn):
    def rule(x, axes, index_dtype, **_):
        if x.dtype.kind == "f" and np.any(np.isnan(x)):
            raise _Unsupported("nan")
        return fn(x, axis=axes[0]).astype(index_dtype)
    return rule


def _slice(x, start_indices, limit_indices, strides, **_):
    strides = strides or (1,) * x.ndim
    return x[tuple(slice(a, b, s) for a, b, s in zip(start_indices, limit_indices, strides))]


def _dynamic_slice(x, *starts, slice_sizes, **_):
    starts = [int(np.clip(s, 0, n - k)) for s, n, k in zip(starts, x.shape, slice_sizes)]
    return x[tuple(slice(s, s + k) for s, k in zip(starts, slice_sizes))]


def _iota(dtype, shape, dimension, **_):
    ix = np.arange(shape[dimension], dtype=dtype)
    return _broadcast(ix, shape, (dimension,))


def _dot_general(x, y, dimension_numbers, **_):
    if x.dtype.kind in "fc" or y.dtype.kind in "fc":
        raise _Unsupported("float dot")
    (cx, cy), (bx, by) = dimension_numbers
    if bx or by:
        raise _Unsupported("batched dot")
    return np.tensordot(x, y, axes=(tuple(cx), tuple(cy)))


def _plain(fn):
    return lambda *args, **_: fn(*args)


_RULES = {name: _plain(fn) for name, fn in {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": _div, "rem": _rem, "neg": np.negative,
    "max": np.maximum, "min": np.minimum, "abs": np.abs, "sign": np.sign, "floor": np.floor, "ceil": np.ceil,
    "sqrt": np.sqrt, "square": lambda x: x * x, "is_finite": np.isfinite, "nextafter": np.nextafter,
    "copy": np.array, "copy_p": np.array, "stop_gradient": lambda x: x,
    "eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal, "gt": np.greater,
    "ge": np.greater_equal, "and": np.bitwise_and, "or": np.bitwise_or, "xor": np.bitwise_xor,
    "not": np.invert, "shift_left": _int_only(np.left_shift), "shift_right_arithmetic": _int_only(np.right_shift),
    "clamp": lambda lo, x, hi: np.minimum(np.maximum(x, lo), hi),
    "select_n": lambda which, *cases: np.choose(which.astype(np.int64), cases) if which.ndim else
    cases[int(which)],
    "optimization_barrier": lambda *xs: list(xs),
}.items()}
_RULES.update({
    "round": _round, "integer_pow": _integer_pow, "convert_element_type": _convert, "broadcast_in_dim": _broadcast,
    "reshape": lambda x, new_sizes, **_: x.reshape(new_sizes),
    "squeeze": lambda x, dimensions, **_: np.squeeze(x, axis=tuple(dimensions)),
    "expand_dims": lambda x, dimensions, **_: np.expand_dims(x, tuple(dimensions)),
    "transpose": lambda x, permutation, **_: np.transpose(x, permutation),
    "rev": lambda x, dimensions, **_: np.flip(x, tuple(dimensions)),
    "concatenate": lambda *xs, dimension, **_: np.concatenate(xs, axis=dimension),
    "stack": lambda *xs, axis, **_: np.stack(xs, axis=axis),
    "split": lambda x, sizes, axis, **_: np.split(x, np.cumsum(sizes)[:-1], axis=axis),
    "unstack": lambda x, axis, **_: list(np.moveaxis(x, axis, 0)),
    "iota": _iota, "slice": _slice, "dynamic_slice": _dynamic_slice,
    "reduce_sum": _reduce(np.sum), "reduce_prod": _reduce(np.prod), "reduce_max": _reduce(np.max),
    "reduce_min": _reduce(np.min), "reduce_and": _reduce(np.all), "reduce_or": _reduce(np.any),
    "argmax": _arg(np.argmax), "argmin": _arg(np.argmin), "dot_general": _dot_general,
    "jit": _call, "pjit": _call, "closed_call": _call, "custom_jvp_call": _call, "custom_vjp_call": _call,
})
