"""ifelse: Theano's lazy conditional. The node is Theano's (inputs: condition, then values, else values);
lowering makes it lazy: the nodes that only one branch needs move inside a lax.cond, so only the taken
branch runs.

The move is a lowering-only rewrite of the node list (compile.lower.REWRITES): each ifelse node is lowered
as a `lazy ifelse` node holding its branches' exclusive nodes. Branches whose shapes differ (Theano allows
it, lax.cond does not) are resolved like a value-dependent shape: the condition becomes the node's static
key, so the step is compiled per branch taken and only that branch is traced.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from ..compile import guard
from ..compile.lower import REWRITES, NeedsStatic, evaluate
from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Apply, Constant, toposort
from ..graph.ops import Primitive, is_tracer, may_fail, primitive_name
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _infer(cond, *branches, n_outs, name=None):
    return [TensorType(t.type.dtype, t.type.broadcastable) for t in branches[:n_outs]]


def _pick(cond):
    return bool(np.asarray(cond) != 0)


def _lower(cond, *branches, n_outs, name=None):
    thens, elses = branches[:n_outs], branches[n_outs:]
    if not is_tracer(cond):
        out = thens if _pick(cond) else elses
    else:
        _check_same_shapes([jnp.shape(t) for t in thens], [jnp.shape(e) for e in elses])
        out = lax.cond(jnp.asarray(cond) != 0, lambda: list(thens), lambda: list(elses))
    return out[0] if n_outs == 1 else tuple(out)


def _check_same_shapes(a, b):
    if list(map(tuple, a)) != list(map(tuple, b)):
        raise NotImplementedError(
            "ifelse: the two branches have different shapes (%s and %s) and the condition is only known "
            "inside a compiled loop; theano_compat cannot lower that (lax.cond needs equal shapes)" % (a, b))


def _grad(inputs, outputs, gouts, n_outs, name=None):
    """Theano's IfElse.grad: the output gradient goes to the branch taken, zeros to the other."""
    from .math import zeros_like
    cond, thens, elses = inputs[0], inputs[1:1 + n_outs], inputs[1 + n_outs:]
    float_k = [k for k in range(n_outs) if thens[k].dtype in D.float_dtypes]
    grads_then, grads_else = [None] * n_outs, [None] * n_outs
    if float_k:
        gs = [gouts[k] for k in float_k]
        g_t = apply_ifelse(cond, gs, [zeros_like(thens[k]) for k in float_k], name and name + "_grad_true")
        g_f = apply_ifelse(cond, [zeros_like(elses[k]) for k in float_k], gs, name and name + "_grad_false")
        for k, a, b in zip(float_k, g_t, g_f):
            grads_then[k], grads_else[k] = a, b
    # Theano: "condition + epsilon always triggers the same branch": a zero, connected gradient
    return [zeros_like(cond, dtype=config.floatX)] + grads_then + grads_else


def _describe(node):
    name = node.params.get("name")
    return "if{%s}" % ("" if name is None else name)


ifelse_op = Primitive("ifelse", _infer, _lower, _grad, describe=_describe)


def apply_ifelse(cond, thens, elses, name=None):
    """The outputs of one ifelse node (no type checks: the public ifelse() makes them)."""
    inputs = [as_tensor_variable(cond)] + [as_tensor_variable(v) for v in list(thens) + list(elses)]
    types = [TensorType(t.dtype, t.broadcastable) for t in inputs[1:1 + len(thens)]]
    return Apply.from_types(ifelse_op, inputs, types, {"n_outs": len(thens), "name": name}).outputs


# --- lowering: the lazy form ---

def _lazy_lower(cond, *cuts, state, static=None, **_):
    then_f, else_f = _branch(state, "then"), _branch(state, "else")
    if static is not None or not is_tracer(cond):
        out = (then_f if (static if static is not None else _pick(cond)) else else_f)(list(cuts))
        out = _report(state, out)
    else:
        shapes_t = jax.eval_shape(then_f, list(cuts))
        shapes_f = jax.eval_shape(else_f, list(cuts))
        if [s.shape for s in shapes_t] != [s.shape for s in shapes_f]:
            if state["nested"]:
                _check_same_shapes([s.shape for s in shapes_t], [s.shape for s in shapes_f])
            state["static"] = True  # from now on the condition is this node's static key
            raise NeedsStatic(state["node"])
        out = _report(state, lax.cond(jnp.asarray(cond) != 0, then_f, else_f, list(cuts)))
    return out[0] if len(out) == 1 else tuple(out)


def _checked(state):
    return any(may_fail(n) for which in ("then", "else") for n in state[which][0])


def _branch(state, which):
    nodes, outs = state[which]
    checked = _checked(state)

    def f(cut_values):
        env = dict(zip(state["cuts"], cut_values))
        with guard.scope() as s:  # a branch's value checks come out as one more output (compile/guard.py)
            evaluate(nodes, env)
        flag = [guard.no_flag_row() if s.flag() is None else s.flag()] if checked else []
        return [_strong(env[o] if o in env else o.data, o.type.dtype) for o in outs] + flag
    return f


def _report(state, out):
    if not _checked(state):
        return out
    guard.report(out[-1])
    return out[:-1]


def _strong(x, dtype):
    return lax.convert_element_type(jnp.asarray(x), dtype)


def _lazy_static(cond, *cuts, state, **_):
    return None if is_tracer(cond) else _pick(cond)


lazy_op = Primitive("lazy ifelse", None, _lazy_lower, static=_lazy_static,
             static_args=lambda node: [0] if node.params["state"]["static"] else [],
             describe=_describe, register=False)
lazy_op.checks = lambda node: _checked(node.params["state"])


def lazy_branches(nodes, outputs, nested=False):
    """Lower each ifelse node lazily: the nodes only one of its branches needs go into that branch."""
    if not any(primitive_name(n) == ifelse_op.name for n in nodes):
        return nodes
    nodes = list(nodes)
    i = len(nodes) - 1
    while i >= 0:
        node = nodes[i]
        if primitive_name(node) != ifelse_op.name:
            i -= 1
            continue
        n_outs = node.params["n_outs"]
        clients = _clients(nodes, outputs)
        then_set = _exclusive(nodes[:i], node, range(1, 1 + n_outs), clients)
        else_set = _exclusive(nodes[:i], node, range(1 + n_outs, 1 + 2 * n_outs), clients)
        then_nodes = [n for n in nodes[:i] if n in then_set]
        else_nodes = [n for n in nodes[:i] if n in else_set]
        thens, elses = node.inputs[1:1 + n_outs], node.inputs[1 + n_outs:]
        produced = {o for n in then_nodes + else_nodes for o in n.outputs}
        cuts = []
        for v in [i_ for n in then_nodes + else_nodes for i_ in n.inputs] + list(thens) + list(elses):
            if v not in produced and not isinstance(v, Constant) and v not in cuts:
                cuts.append(v)
        state = {"then": (lazy_branches(then_nodes, thens, True), list(thens)),
                 "else": (lazy_branches(else_nodes, elses, True), list(elses)),
                 "cuts": cuts, "static": False, "nested": nested, "n_outs": n_outs}
        wrapper = Apply.__new__(Apply)
        wrapper.op, wrapper.inputs, wrapper.outputs = lazy_op, [node.inputs[0]] + cuts, node.outputs
        wrapper.params = {"state": state, "name": node.params.get("name")}
        state["node"] = wrapper
        moved = then_set | else_set
        head = [n for n in nodes[:i] if n not in moved]
        nodes = head + [wrapper] + nodes[i + 1:]
        i = len(head) - 1
    return nodes


def _clients(nodes, outputs):
    clients = {}
    for n in nodes:
        for k, v in enumerate(n.inputs):
            clients.setdefault(v, []).append((n, k))
    for o in outputs:
        clients.setdefault(o, []).append((None, None))
    return clients


def _exclusive(before, node, positions, clients):
    """The nodes (among `before`) whose outputs only feed `node` at `positions`, directly or through others."""
    positions = set(positions)
    chosen = set()
    for m in reversed(before):
        if getattr(m.op, "static", None) is not None and not _shape_keys_known(m):
            continue  # its shape key may come from the pre-pass, which lowers the outer node list only
        uses = [c for o in m.outputs for c in clients.get(o, [])]
        if uses and all(c in chosen or (c is node and k in positions) for c, k in uses):
            chosen.add(m)
    return chosen


def _shape_keys_known(node):
    """True when the node's static arguments depend on constants and shapes only (known while tracing)."""
    positions = node.op.static_args(node) if node.op.static_args else range(len(node.inputs))
    args = [node.inputs[k] for k in positions]
    known = {}
    for n in toposort(args):
        ok = primitive_name(n) == "shape" or all(isinstance(i, Constant) or known.get(i, False) for i in n.inputs)
        known.update((o, ok) for o in n.outputs)
    return all(isinstance(a, Constant) or known.get(a, False) for a in args)


REWRITES.append(lazy_branches)
