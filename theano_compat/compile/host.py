"""Host code inside the compiled step: the one place where Python/numpy runs during a jitted call.

A user-written Op computes with numpy in its `perform`; XLA cannot compile that, so the step calls back
to the host there (jax.pure_callback: Theano treats ops as pure functions of their inputs, so XLA may
drop an unused one, as Theano's graph pruning does). A callback needs its output shapes while the step
is traced: they come from the op's `infer_shape`, or, for an op without one, from running it once on
the first call, which then runs eagerly (op by op, no compilation) and teaches the shapes to the trace
of the next call.

numpy's random generators (RandomStreams' faithful draws) are host_random.py, which calls back through
host_call too. No exception unwinds through XLA: a perform that raises, or a draw, returns the id under which
compile/guard.py keeps the exception (stash), reported through the step's flag (report_failure); the call
raises it after the step, which has rolled its updates back.
"""
import jax
import numpy as np

from ..graph.constants import constant
from ..graph.nodes import Variable, toposort
from ..graph.ops import MethodNotDefined, is_tracer
from ..graph.types import TensorType
from . import guard, mesh


class NeedsShapes(Exception):
    """Raised while tracing when a user Op's output shapes are not known yet: the call runs eagerly once."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


def host_call(fn, args, out_types, shapes, vectorize=False, catch=True):
    """fn(*numpy arrays) -> tuple of arrays, run on the host: now for concrete args, by callback in a trace.

    Traced with `catch` (fn may raise), it returns the outputs and one more: 0, or the id under which
    compile/guard.py keeps the exception fn raised; the caller hands that to report_failure outside any
    custom_vjp, and the call then raises the exception itself with every shared variable as it was. Without
    `catch`, fn reports its own failures (it must not raise)."""
    if not any(is_tracer(a) for a in args):
        return fn(*[np.asarray(a) for a in args])
    specs = tuple(jax.ShapeDtypeStruct(s, t.dtype) for s, t in zip(shapes, out_types))
    if not catch:
        return jax.pure_callback(lambda *a: fn(*[np.asarray(x) for x in a]), specs, *args,
                                 vmap_method="sequential" if vectorize else None)
    failed = jax.ShapeDtypeStruct((), np.int64)
    return tuple(jax.pure_callback(_reporting(fn, specs), specs + (failed,), *args,
                                   vmap_method="sequential" if vectorize else None))


def _reporting(fn, specs):
    def run(*arrays):
        try:
            return tuple(fn(*[np.asarray(a) for a in arrays])) + (np.int64(0),)  # numpy wants numpy's arrays
        except Exception as e:  # never unwound through XLA: the step's flag carries it (compile/guard.py)
            return tuple(np.zeros(s.shape, s.dtype) for s in specs) + (np.int64(guard.stash(e)),)
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
    if shapes is None:
        outs = call(*args)
    else:
        mesh.host_code(f"the user Op {node.op}'s perform")
        *outs, failed = _with_symbolic_vjp(node, call)(*args)
        guard.report_host_failure(failed)
    return outs[0] if len(node.outputs) == 1 else tuple(outs)


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
    env.update(zip(ograds, cts))  # the last cotangent, of the failure id, is not used
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


# --- a callback's exception: kept on the host (compile/guard.py), raised by the call once the step has run ---

stash = guard.stash


class Raised(Exception):
    """Stands for an exception a callback caught: making one with its id gives back that exception."""

    def __new__(cls, key):
        return guard.stashed(int(key))


def report_failure(failed):
    """`failed`: 0, or the id of the exception a callback stashed, which the call then raises (the step rolls
    its updates back)."""
    guard.report_host_failure(failed)
