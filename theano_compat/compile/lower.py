"""Lowering a graph to JAX: a short loop over the nodes in topological order with a dict of values.

The loop runs while jax.jit traces a function's step, once per input signature; at call time no Python
walks the graph. Ops whose output shapes depend on input values (see graph.ops.Primitive.static) get their
shape keys from a small eager pre-pass over just the scalars that decide them.

Nodes whose inputs are all known while tracing are folded there, as Theano folds constants; compile/fold.py
computes them with numpy, so that a function's first call compiles one XLA program, not one per folded op.
Call-time value checks (`runtime_check`) are compile/guard.py's.
"""
import numpy as np

from ..graph.nodes import Constant, toposort
from ..graph.ops import Primitive, is_tracer
from .fold import fold
from .guard import runtime_check  # noqa: F401  (the ops' entry point for value checks)
from .host import lower_perform


class NeedsStatic(Exception):
    """Raised while tracing when an op needs concrete values that only the call provides."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


def evaluate(nodes, env, keys=None):
    """Compute every node's outputs into env (variable -> array)."""
    for node in nodes:
        args = [env[v] if v in env else _constant(v) for v in node.inputs]
        op = node.op
        if not any(is_tracer(a) for a in args) and _folds(op, node):
            # Theano's constant folding: a node of constants is computed now, and stays a constant for the
            # nodes after it (Theano's local_mul_zero and friends rely on seeing constants). Ops whose
            # output can be much larger than their inputs (alloc, eye, ...) are folded only when it is small.
            out = fold(lambda *a: _lower(op, node, a, keys), args,
                       small_only=not op.do_constant_folding(node))
        else:
            out = _lower(op, node, args, keys)
        if len(node.outputs) == 1:
            env[node.outputs[0]] = out
        else:
            env.update(zip(node.outputs, out))
    return env


def _folds(op, node):
    """Whether a node of known inputs is folded: as the op says (Theano's do_constant_folding), and also an
    op that declines because its output may be large (alloc, arange, eye), when the output is small."""
    return op.do_constant_folding(node) or getattr(op, "expands", False)


def _lower(op, node, args, keys):
    if not isinstance(op, Primitive):
        lower_node = getattr(op, "lower_node", None)  # an op lowered from its own graph (OpFromGraph)
        return lower_node(node, args, keys) if lower_node else lower_perform(node, args)  # else: perform
    if op.static is None:
        return op.lowering(*args, **node.params)
    return op.lowering(*args, static=static_key(node, args, keys), **node.params)


def _constant(v):
    if isinstance(v, Constant):
        return v.data
    from .errors import MissingInputError
    raise MissingInputError(f"Input of the graph not provided: {v}")


def static_key(node, args, keys):
    positions = node.op.static_args(node) if node.op.static_args else range(len(args))
    if any(is_tracer(args[i]) for i in positions):
        if keys is None or node not in keys:
            raise NeedsStatic(node)
        return keys[node]
    return node.op.static(*args, **node.params)


class Prepass:
    """Eagerly computes the shape keys of the value-dependent nodes from the call's inputs."""

    def __init__(self, static_nodes):
        self.static_nodes = list(static_nodes)
        needed = [i for node in self.static_nodes for i in node.inputs]
        self.nodes = toposort(needed)

    def keys(self, env):
        # Arguments may be plain Python scalars (the fastest to pass to the jitted step); the lowerings
        # evaluated eagerly here want arrays.
        env = {v: np.asarray(x) if isinstance(x, (int, float)) else x for v, x in env.items()}
        env = evaluate(self.nodes, env)
        return {node: node.op.static(*[env[i] if i in env else _constant(i) for i in node.inputs],
                                     **node.params) for node in self.static_nodes}


# Lowering-only rewrites of a node list, (nodes, outputs) -> nodes; ifelse registers the one that moves the
# nodes only one branch needs into its lax.cond. The graph itself is never changed.
REWRITES = []


def schedule(nodes, outputs):
    """The node list to lower for `outputs`, after the registered lowering rewrites."""
    for rewrite in REWRITES:
        nodes = rewrite(list(nodes), list(outputs))
    return nodes


def make_step(roots, outputs, update_values, nodes, constrain=None):
    """The pure step: (root values) -> (outputs, new values of the updated shared variables).

    constrain: {variable: function of its traced value} applied where the variable is computed (a data
    parallel placement's sharding constraints, compile/mesh.py)."""
    nodes = schedule(nodes, list(outputs) + list(update_values))
    if constrain:
        return _constrained_step(roots, outputs, update_values, nodes, constrain)

    def step(root_values, keys):
        env = dict(zip(roots, root_values))
        for c in constants:
            env[c] = c.data
        evaluate(nodes, env, keys)
        return tuple(env[o] for o in outputs), tuple(env[u] for u in update_values)

    constants = {i for node in nodes for i in node.inputs if isinstance(i, Constant)}
    constants |= {o for o in list(outputs) + list(update_values) if isinstance(o, Constant)}
    return step


def _constrained_step(roots, outputs, update_values, nodes, constrain):
    """make_step's step with constraints: the node list cut after each node computing a constrained variable."""
    segments, start = [], 0
    for k, node in enumerate(nodes):
        after = [o for o in node.outputs if o in constrain]
        if after:
            segments.append((nodes[start:k + 1], after))
            start = k + 1
    segments.append((nodes[start:], []))
    at_roots = [r for r in roots if r in constrain]
    constants = {i for node in nodes for i in node.inputs if isinstance(i, Constant)}
    constants |= {o for o in list(outputs) + list(update_values) if isinstance(o, Constant)}

    def step(root_values, keys):
        env = dict(zip(roots, root_values))
        for c in constants:
            env[c] = c.data
        for r in at_roots:
            env[r] = constrain[r](env[r])
        for segment, after in segments:
            evaluate(segment, env, keys)
            for v in after:
                env[v] = constrain[v](env[v])
        return tuple(env[o] for o in outputs), tuple(env[u] for u in update_values)
    return step
