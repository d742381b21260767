"""Host code inside the compiled step: the one place where Python/numpy runs during a jitted call.

A user-written Op computes with numpy in its `perform`; XLA cannot compile that, so the step calls back
to the host there (jax.pure_callback: Theano treats ops as pure functions of their inputs, so XLA may
drop an unused one, as Theano's graph pruning does). A callback needs its output shapes while the step
is traced: they come from the op's `infer_shape`, or, for an op without one, from running it once on
the first call, which then runs eagerly (op by op, no compilation) and teaches the shapes to the trace
of the next call.

numpy's random generators (RandomStreams' faithful draws) are host_random.py, which calls back through
host_call too. A perform that raises fails the step, and the call raises its exception
(reraise_host_failure); a draw instead returns the id of the exception it stashed (stash), and
report_failure makes the call raise it once the step has run, with no update committed.
"""
import itertools

import jax
import numpy as np

from ..graph.constants import constant
from ..graph.nodes import Variable, toposort
from ..graph.ops import MethodNotDefined, is_tracer
from ..graph.types import TensorType


class NeedsShapes(Exception):
    """Raised while tracing when a user Op's output shapes are not known yet: the call runs eagerly once."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


_FAILED = []  # exceptions raised by host code during the current call


def reraise_host_failure():
    """After a step failed: raise the exception host code raised in it (Theano's class and message)."""
    if _FAILED:
        error = _FAILED[-1]
        _FAILED.clear()
        raise error


def host_call(fn, args, out_types, shapes, vectorize=False):
    """fn(*numpy arrays) -> tuple of arrays, run on the host: now for concrete args, by callback in a trace."""
    if not any(is_tracer(a) for a in args):
        return fn(*[np.asarray(a) for a in args])
    specs = tuple(jax.ShapeDtypeStruct(s, t.dtype) for s, t in zip(shapes, out_types))
    return jax.pure_callback(_reporting(fn), specs, *args, vmap_method="sequential" if vectorize else None)


def _reporting(fn):
    def run(*arrays):
        try:
            return fn(*[np.asarray(a) for a in arrays])  # JAX hands the callback its arrays: numpy wants numpy's
        except Exception as e:
            _FAILED.append(e)  # XLA only reports that the callback failed: the call raises this instead
            raise
    return run


# --- a user's Op ---

def lower_perform(node, args):
    """The lowering of a node of a user-written Op: its `perform`, on the host."""
    for v in list(node.inputs) + list(node.outputs):
        if not isinstance(v.type, TensorType):
            raise TypeError(f"{node.op}: a value of type {v.type} cannot be computed inside a compiled XLA step "
                            "(theano_compat supports user Ops whose inputs and outputs are tensors)")
    in_shapes = tuple(tuple(a.shape) for a in args)
    shapes = None if all(not is_tracer(a) for a in args) else _output_shapes(node, in_shapes)

    def run(*arrays):
        outs = _perform(node, arrays)
        _learn(node, in_shapes, outs, shapes)
        return outs

    def call(*arrays):
        return tuple(host_call(run, arrays, [o.type for o in node.outputs], shapes, vectorize=True))
    outs = call(*args) if shapes is None else _with_symbolic_vjp(node, call)(*args)
    return outs[0] if len(node.outputs) == 1 else outs


def _with_symbolic_vjp(node, call):
    """The host call, differentiable by JAX (scan's and jacobian's gradients are jax.vjp of a lowering):
    its backward pass lowers the op's own symbolic gradient, as theano.grad would build it."""
    fn = jax.custom_vjp(call)
    fn.defvjp(lambda *args: (call(*args), args), lambda args, cts: _lowered_grads(node, args, cts))
    return fn


def _lowered_grads(node, args, cts):
    from .gradient import _node_grads
    from .lower import evaluate
    ograds = [o.type() for o in node.outputs]
    grads = _node_grads(node, ograds)
    env = dict(zip(node.inputs, args))
    env.update(zip(ograds, cts))
    live = [g for g in grads if g is not None and isinstance(g.type, TensorType)]
    env = evaluate(toposort(live), env)
    out = []
    for g, x, a in zip(grads, node.inputs, args):
        if not np.issubdtype(a.dtype, np.inexact):
            out.append(np.zeros(a.shape, jax.dtypes.float0))  # JAX's cotangent of an integer input
        elif g is None or not isinstance(g.type, TensorType):
            out.append(jax.numpy.zeros_like(a))
        else:
            out.append(jax.numpy.asarray(env[g] if g in env else g.data, dtype=a.dtype))
    return tuple(out)


def _perform(node, arrays):
    op = node.op
    inputs = [np.array(a) if op.destroy_map else np.asarray(a) for a in arrays]
    storage = [[None] for _ in node.outputs]
    try:
        params = op.get_params(node)
    except MethodNotDefined:
        op.perform(node, inputs, storage)
    else:
        op.perform(node, inputs, storage, params)
    outs = []
    for k, (cell, out) in enumerate(zip(storage, node.outputs)):
        if cell[0] is None:
            raise ValueError(f"{op}.perform did not compute output {k} ({out})")
        value = np.asarray(cell[0], dtype=out.type.dtype)
        if value.ndim != out.type.ndim:
            raise TypeError(f"{op}.perform returned a {value.ndim}-d value for output {k}, whose type {out.type} "
                            f"is {out.type.ndim}-d")
        outs.append(value)
    return tuple(outs)


def _learn(node, in_shapes, outs, expected):
    got = tuple(o.shape for o in outs)
    if expected is not None and got != tuple(expected):
        raise ValueError(f"{node.op}.perform returned outputs of shapes {got}, where "
                         f"{'its infer_shape' if _has_infer_shape(node.op) else 'an earlier call'} gave "
                         f"{tuple(expected)} for inputs of shapes {in_shapes}. Give the op an infer_shape that "
                         "says its output shapes.")
    node.tag.__dict__.setdefault("learned_shapes", {})[in_shapes] = got


def _output_shapes(node, in_shapes):
    if _has_infer_shape(node.op):
        shapes = node.op.infer_shape(node, [tuple(constant(n, dtype="int64") for n in s) for s in in_shapes])
        return tuple(tuple(_as_int(d) for d in s) for s in shapes)
    learned = getattr(node.tag, "learned_shapes", {}).get(in_shapes)
    if learned is None:
        raise NeedsShapes(node)
    return learned


def _has_infer_shape(op):
    return callable(getattr(op, "infer_shape", None))


def _as_int(d):
    """One entry of infer_shape's answer (an int, or a graph of constants) as a Python int."""
    if not isinstance(d, Variable):
        return int(d)
    from .lower import evaluate
    with jax.ensure_compile_time_eval():
        env = evaluate(toposort([d]), {})
    return int(np.asarray(env[d] if d in env else d.data))


# --- a callback's exception: kept on the host, raised by the call once the step has run ---

_STASHED = {}
_IDS = itertools.count(1)


def stash(exc):
    """Keep a callback's exception: its id (a nonzero uint32) to return through the step."""
    key = next(_IDS) % ((1 << 32) - 1) or next(_IDS)  # a nonzero uint32
    _STASHED[key] = exc
    return key


class Raised(Exception):
    """Stands for an exception a callback caught: making one with its id gives back that exception."""

    def __new__(cls, key):
        return _STASHED.pop(int(key), None) or RuntimeError("a host callback failed; its exception was lost")


def report_failure(failed):
    """`failed`: 0, or the id of the exception a callback stashed, which the call then raises (after the
    step: the updates are not committed)."""
    from .lower import runtime_check
    runtime_check(failed == 0, Raised, "{id}", id=failed)
