"""Symbolic gradients by reverse accumulation over the graph (Theano's theano.gradient.grad).

The result is ordinary graph: each op's grad rule builds variables, so gradients print, compile, and
differentiate again like any other expression. An op without a hand-written rule gets an op whose
lowering calls jax.vjp on the forward lowering.
"""
import warnings
from functools import reduce

import jax
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Variable, ancestors
from ..graph.ops import REGISTRY, Primitive, TheanoOp
from ..graph.types import TensorType, Type
from ..graph.constants import as_tensor_variable
from ..graph.null import NullType, is_null as _is_null, undefined_grad  # noqa: F401  (theano.gradient's names)


class DisconnectedInputError(ValueError):
    """The gradient was asked with respect to a variable the cost does not depend on."""


class NullTypeGradError(TypeError):
    """A gradient on the path is undefined (Theano's NullType)."""


DisconnectedInputError.__module__ = "theano.gradient"
NullTypeGradError.__module__ = "theano.gradient"


def grad(cost, wrt, consider_constant=None, disconnected_inputs="raise", add_names=True, known_grads=None,
         return_disconnected="zero", null_gradients="raise"):
    """theano.grad: symbolic gradients of a scalar cost with respect to wrt (a variable or a list)."""
    if cost is None and known_grads is None:
        raise AssertionError("cost and known_grads can't both be None.")
    if cost is not None and cost.ndim != 0:
        raise TypeError("cost must be a scalar.")
    if isinstance(wrt, set):
        raise TypeError("wrt must not be a set. sets have no defined iteration order, so we can't return "
                        "gradients in a matching order.")
    many = isinstance(wrt, (list, tuple))
    wrt_list = list(wrt) if many else [wrt]
    for w in wrt_list:
        if not isinstance(w, Variable):
            raise TypeError(f"Expected Variable, got {w} of type {type(w)}")
    known = dict(known_grads or {})
    outputs = ([cost] if cost is not None else []) + list(known)
    grads = {}
    if cost is not None:
        g_cost = known.pop(cost, None)
        grads[cost] = g_cost if g_cost is not None else _float_ones_like(cost)
        if cost.dtype in D.continuous_dtypes:
            grads[cost] = grads[cost].astype(cost.dtype)
    grads.update({v: as_tensor_variable(g) for v, g in known.items()})
    clients = _clients(outputs, wrt_list, consider_constant or [])
    cost_name = cost.name if add_names and cost is not None else None
    acc = _Accumulator(clients, grads, cost_name)
    result = []
    for w in wrt_list:
        g = acc.grad_of(w)
        if _is_null(g):
            if null_gradients == "raise":
                raise NullTypeGradError("tensor.grad encountered a NaN. " + g.type.why_null)
        elif g is None:
            _handle_disconnected(w, disconnected_inputs)
            if return_disconnected == "zero":
                g = _float_zeros_like(w)
            elif return_disconnected == "Disconnected":
                g = disconnected_type()  # Theano: a DisconnectedType variable, where "None" gives None
            elif return_disconnected == "None":
                g = None
        result.append(g)
    return (tuple(result) if isinstance(wrt, tuple) else result) if many else result[0]


def _handle_disconnected(var, policy):
    message = ("grad method was asked to compute the gradient with respect to a variable that is not part of "
               f"the computational graph of the cost, or is used only by a non-differentiable operator: {var}")
    if policy == "warn":
        warnings.warn(message, stacklevel=3)
    elif policy == "raise":
        raise DisconnectedInputError(message)
    elif policy != "ignore":
        raise ValueError("Invalid value for keyword 'disconnected_inputs', valid values are 'ignore', 'warn' "
                         "and 'raise'.")


def _float_ones_like(x):
    from ..ops.math import ones_like
    return ones_like(x, dtype=x.dtype if x.dtype in D.float_dtypes else config.floatX)


def _float_zeros_like(x):
    from ..ops.math import zeros_like
    return zeros_like(x, dtype=x.dtype if x.dtype in D.float_dtypes else config.floatX)


def _clients(outputs, wrt, consider_constant):
    """var -> [(node, input index)] for the nodes on a path from wrt to the outputs; an op's
    connection_pattern (user ops, OpFromGraph) says which of its outputs each input reaches."""
    from ..graph.nodes import toposort
    blocked = set(consider_constant)
    depends = set(wrt)
    nodes = []
    for node in toposort(outputs, blockers=blocked):
        reached = [k for k, i in enumerate(node.inputs) if i in depends]
        if not reached or node.op in _STOP:
            continue
        pattern = _connection_pattern(node)
        outs = [o for j, o in enumerate(node.outputs) if pattern is None or any(pattern[k][j] for k in reached)]
        if outs:
            depends.update(outs)
            nodes.append((node, pattern))
    # backwards from the outputs, through the inputs connected to an output the outputs need
    needed, clients = set(outputs), {}
    for node, pattern in reversed(nodes):
        used = [j for j, o in enumerate(node.outputs) if o in needed]
        for k, i in enumerate(node.inputs):
            if i in depends and used and (pattern is None or any(pattern[k][j] for j in used)):
                needed.add(i)
                clients.setdefault(i, []).append((node, k))
    for terms in clients.values():
        terms.reverse()  # in the nodes' order, so that terms add up as before
    return clients


def _connection_pattern(node):
    if isinstance(node.op, Primitive) or not hasattr(node.op, "connection_pattern"):
        return None
    return node.op.connection_pattern(node)


_STOP = set()  # ops whose outputs carry no gradient (disconnected_grad)


class _Accumulator:
    def __init__(self, clients, grads, cost_name):
        self.clients, self.grads, self.cost_name = clients, grads, cost_name
        self.terms = {}

    def grad_of(self, var):
        if var in self.grads:
            return self.grads[var]
        terms, nulls = [], []
        for node, k in self.clients.get(var, []):
            term = self.node_terms(node)[k]
            if _is_null(term):
                nulls.append(term)
            elif term is not None:
                terms.append(term)
        g = nulls[0] if nulls else (reduce(lambda a, b: a + b, terms) if terms else None)
        if g is not None and not nulls and self.cost_name is not None and var.name is not None:
            g.name = f"(d{self.cost_name}/d{var.name})"
        self.grads[var] = g
        return g

    def node_terms(self, node):
        if node not in self.terms:
            ograds = [self.grad_of(o) for o in node.outputs]
            if all(g is None for g in ograds):
                self.terms[node] = [None] * len(node.inputs)
                return self.terms[node]
            nulls = [g if _is_null(g) else None for g in ograds]
            # an undefined (NullType) output gradient is not handed to the op: zeros stand in for it, and the
            # op's answer tells which inputs that output reaches
            ograds = [(_float_zeros_like(o) if isinstance(o.type, TensorType) else None) if n is not None
                      else g if g is None or o.dtype in D.discrete_dtypes or g.dtype == o.dtype else g.astype(o.dtype)
                      for o, g, n in zip(node.outputs, ograds, nulls)]
            terms = _node_grads(node, ograds)
            if any(n is not None for n in nulls):
                terms = _undefined_terms(node, terms, nulls)
            for k, term in enumerate(terms):
                if term is not None and not _is_null(term) and term.dtype not in D.float_dtypes:
                    raise TypeError(f"{node.op.describe(node)}.grad illegally  returned an integer-valued "
                                    f"variable. (Input index {k}, dtype {term.dtype})")
            self.terms[node] = terms
        return self.terms[node]


def _undefined_terms(node, terms, nulls):
    """Theano's rule: an input connected to an output whose gradient is undefined has an undefined gradient
    too (unless the op says it is disconnected, as Shape does for its input)."""
    pattern = _connection_pattern(node) or [[True] * len(node.outputs) for _ in node.inputs]
    out = list(terms)
    for k, term in enumerate(terms):
        if term is None:
            continue
        reached = [n for n, p in zip(nulls, pattern[k]) if n is not None and p]
        if reached:
            out[k] = reached[0]
    return out


def _node_grads(node, ograds):
    """The gradient terms of one node's inputs: a built-in op's rule, or a user's Op's L_op/grad."""
    op = node.op
    if isinstance(op, Primitive):
        # the rules take zeros for an output the cost does not depend on; a non-tensor output (a draw's
        # new random state) carries no gradient: it stays None
        ograds = [(_float_zeros_like(o) if isinstance(o.type, TensorType) else None) if g is None else g
                  for o, g in zip(node.outputs, ograds)]
        return list((op.grad_rule or vjp_grad)(node.inputs, node.outputs, ograds, **node.params))
    return _user_op_grads(node, ograds)


def _user_op_grads(node, ograds):
    """A user's Op's L_op, with Theano's use of its connection_pattern: inputs it declares unconnected to
    every output the cost uses are disconnected without asking the op, and its answer must agree."""
    op = node.op
    pattern = _connection_pattern(node) or [[True] * len(node.outputs) for _ in node.inputs]
    used = [g is not None for g in ograds]
    connected = [any(p and u for p, u in zip(row, used)) for row in pattern]
    if not any(connected):
        return [None] * len(node.inputs)
    # Theano hands the op a DisconnectedType variable for an output the cost does not use
    ograds = [disconnected_type() if g is None else g for g in ograds]
    terms = list(op.L_op(node.inputs, node.outputs, ograds))
    if len(terms) != len(node.inputs):
        raise ValueError(f"{op}.grad returned {len(terms)} gradients for {len(node.inputs)} inputs")
    for k, term in enumerate(terms):
        if term is None:
            # Theano refuses None here: it cannot tell "disconnected" from "forgot"
            raise TypeError(f"{op}.grad returned None for a gradient term, this is prohibited. Instead of None,"
                            "return zeros_like(input), disconnected_type(), or a NullType variable such as those "
                            "made with the grad_undefined or grad_unimplemented helper functions.")
        actual = not isinstance(term.type, DisconnectedType)
        if connected[k] and not actual:
            msg = f"{op}.grad returned DisconnectedType for input {k}."
            if hasattr(op, "connection_pattern"):
                raise TypeError(msg + " Its connection_pattern method does not allow this.")
            warnings.warn(msg + " You may want to implement a connection_pattern method for it.", stacklevel=4)
    # an input the op's connection_pattern does not connect to the outputs the cost uses contributes nothing
    # (Theano's graph walk never asks for it: its own ops declare finer patterns, e.g. `second`'s)
    return [None if isinstance(t.type, DisconnectedType) or not c else t for t, c in zip(terms, connected)]


class DisconnectedType:
    """The type of a gradient term saying the output does not depend on that input (theano.gradient)."""

    def __call__(self, name=None):
        return Variable(self, name=name)

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(DisconnectedType)

    def __str__(self):
        return "DisconnectedType"


DisconnectedType.__module__ = "theano.gradient"
disconnected_type = DisconnectedType()


# --- the generic rule: an op whose lowering is jax.vjp of the forward lowering ---

def _vjp_infer(*args, fwd, n_in, params):
    return [TensorType(i.dtype, i.broadcastable) for i in args[:n_in] if i.dtype in D.float_dtypes
            or i.dtype in D.complex_dtypes]


def _vjp_lower(*args, fwd, n_in, params):
    from ..graph.ops import lookup
    op = lookup(fwd)
    ins, gouts = args[:n_in], args[n_in:]
    diff = [k for k, a in enumerate(ins) if jax.numpy.issubdtype(a.dtype, jax.numpy.inexact)]

    def f(*d):
        full = list(ins)
        for k, v in zip(diff, d):
            full[k] = v
        return op.lower(*full, **dict(params))

    out, pullback = jax.vjp(f, *[ins[k] for k in diff])
    cot = gouts[0] if not isinstance(out, tuple) else tuple(gouts)
    res = pullback(jax.tree_util.tree_map(lambda o, g: g.astype(o.dtype), out, cot))
    return res[0] if len(res) == 1 else tuple(res)


vjp_op = Primitive("vjp", _vjp_infer, _vjp_lower, None, describe=lambda node: f"Grad{{{node.params['fwd']}}}")


def vjp_grad(inputs, outputs, ograds, **params):
    """Gradient of any op through jax.vjp of its lowering; integer inputs get no gradient."""
    fwd = outputs[0].owner.op
    if fwd.static is not None:
        raise TypeError(f"theano_compat has no gradient for {fwd.name} (its shapes depend on values)")
    fwd = fwd.name
    out = vjp_op(*inputs, *ograds, fwd=fwd, n_in=len(inputs), params=tuple(sorted(params.items())))
    outs = iter(out if isinstance(out, list) else [out])
    return [next(outs) if i.dtype in D.float_dtypes or i.dtype in D.complex_dtypes else None
            for i in inputs]


# --- gradient-shaping ops (theano.gradient) ---

class ViewOp(TheanoOp):
    """Theano's ViewOp (compile.ops): the identity; theano.compile.view_op and the gradient-shaping ops below
    (Theano's ViewOp subclasses) make its nodes. Defined here, below compile.ops, because the ops of this
    module subclass it."""

    @classmethod
    def from_props(cls):
        return cls.instance() if cls is not ViewOp else REGISTRY["view_op"]

    @classmethod
    def instance(cls):
        raise TypeError(f"theano_compat does not build {cls.__name__} ops from Theano's constructor; use the "
                        "theano.gradient function that makes them")


class ConsiderConstant(ViewOp):
    """Theano's ConsiderConstant: consider_constant(x); the gradient through it is zeros (Theano's grad)."""

    @classmethod
    def instance(cls):
        return _consider_constant


class ZeroGrad(ViewOp):
    """Theano's ZeroGrad: zero_grad(x); the gradient through it is zeros, the input stays connected."""

    @classmethod
    def instance(cls):
        return _zero


class DisconnectedGrad(ViewOp):
    """Theano's DisconnectedGrad: disconnected_grad(x); no gradient flows through it."""

    @classmethod
    def instance(cls):
        return _disconnected


class UndefinedGrad(ViewOp):
    """Theano's UndefinedGrad: undefined_grad(x); its gradient is a NullType (the record: ops/random_mrg.py)."""

    @classmethod
    def instance(cls):
        return REGISTRY["undefined_grad"]


class GradClip(ViewOp):
    """Theano's GradClip: grad_clip(x, lower, upper); clip_lower_bound / clip_upper_bound are its props."""

    def node_props(self, node):
        return {"clip_lower_bound": node.params["lo"], "clip_upper_bound": node.params["hi"]}

    def __str__(self):
        return "GradClip"


class GradScale(ViewOp):
    """Theano's GradScale: grad_scale(x, multiplier); multiplier is its prop (record: compile/grad_tools.py)."""

    def node_props(self, node):
        return {"multiplier": node.params["multiplier"]}

    def __str__(self):
        return "GradScale"


def _identity_op(cls, name, grad_rule):
    return cls.record(name, lambda x, **p: [x.type], lambda x, **p: x, grad_rule, describe=lambda node: cls.__name__)


view_op_record = _identity_op(ViewOp, "view_op", lambda inputs, outputs, gouts: [gouts[0]])
_disconnected = _identity_op(DisconnectedGrad, "disconnected_grad", lambda inputs, outputs, gouts: [None])
_STOP.add(_disconnected)
_zero = _identity_op(ZeroGrad, "zero_grad", lambda inputs, outputs, gouts: [_float_zeros_like(inputs[0])])
# Theano's ConsiderConstant.grad: zeros like the output gradient (connected), not a disconnection
_consider_constant = _identity_op(ConsiderConstant, "consider_constant",
                                  lambda inputs, outputs, gouts: [_float_zeros_like(inputs[0])])


def _clip_rule(inputs, outputs, gouts, lo, hi):
    from ..ops.math import clip
    return [clip(gouts[0], lo, hi)]


_grad_clip = GradClip.record("grad_clip", lambda x, lo, hi: [x.type], lambda x, lo, hi: x, _clip_rule,
                describe=lambda node: "GradClip")


def disconnected_grad(x):
    """x, through which no gradient flows (the input counts as disconnected)."""
    return _disconnected(x)


def consider_constant(x):
    """x, whose gradient is zeros (deprecated in Theano for zero_grad / disconnected_grad)."""
    warnings.warn("consider_constant() is deprecated, use zero_grad() or disconnected_grad() instead.",
                  stacklevel=3)
    return _consider_constant(x)


def zero_grad(x):
    """x, whose gradient is zero (the input stays connected)."""
    return _zero(x)


def grad_clip(x, lower_bound, upper_bound):
    """x, with its gradient clipped to [lower_bound, upper_bound]."""
    if lower_bound > upper_bound:
        raise ValueError("lower_bound should be smaller than upper_bound")
    return _grad_clip(x, lo=float(lower_bound), hi=float(upper_bound))
