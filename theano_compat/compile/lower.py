"""Lowering a graph to JAX: a short loop over the nodes in topological order with a dict of values.

The loop runs while jax.jit traces a function's step, once per input signature; at call time no Python
walks the graph. Ops whose output shapes depend on input values (see graph.ops.Op.static) get their
shape keys from a small eager pre-pass over just the scalars that decide them.
"""
import jax

from ..graph.nodes import Constant, toposort
from ..graph.ops import is_tracer


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
        if op.static is None:
            out = op.lower(*args, **node.params)
        else:
            out = op.lower(*args, static=static_key(node, args, keys), **node.params)
        if len(node.outputs) == 1:
            env[node.outputs[0]] = out
        else:
            env.update(zip(node.outputs, out))
    return env


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
        env = evaluate(self.nodes, env)
        return {node: node.op.static(*[env[i] if i in env else _constant(i) for i in node.inputs],
                                     **node.params) for node in self.static_nodes}


def make_step(roots, outputs, update_values, nodes):
    """The pure step: (root values) -> (outputs, new values of the updated shared variables)."""

    def step(root_values, keys):
        env = dict(zip(roots, root_values))
        for c in constants:
            env[c] = c.data
        evaluate(nodes, env, keys)
        return tuple(env[o] for o in outputs), tuple(env[u] for u in update_values)

    constants = {i for node in nodes for i in node.inputs if isinstance(i, Constant)}
    constants |= {o for o in list(outputs) + list(update_values) if isinstance(o, Constant)}
    return step


def jit_step(step, keys, n_inputs, n_updated, donate):
    """jax.jit of the step for one set of shape keys. Arguments are flat and positional (the fast path of
    a jitted call): the inputs, then the updated shared values (donated), then the other shared values."""

    def run(*args):
        return step(args, keys)

    donated = tuple(range(n_inputs, n_inputs + n_updated)) if donate else ()
    return jax.jit(run, donate_argnums=donated)
