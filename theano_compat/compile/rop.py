"""theano.gradient.Rop: the Jacobian of f times eval_points, pushed forward node by node as Theano does.

Every node between f and the roots gets its R-operator applied, in Theano's order: roots other than wrt
carry zeros, so a graph that does not depend on wrt gives zeros, and an op without an R-operator raises.
A user's Op answers with its own `R_op`. A built-in op's R-operator is the transpose of its gradient rule:
with a cotangent u for one output, R = d<L(u), e>/du, which needs no rule of its own.
"""
import warnings

from ..graph.constants import as_tensor_variable
from ..graph.nodes import clone_replace, toposort
from ..graph.ops import Primitive
from ..graph.types import TensorType
from .gradient import DisconnectedInputError, _node_grads, _is_null, disconnected_type, grad


def Rop(f, wrt, eval_points, disconnected_outputs="raise", return_disconnected="zero"):
    """sum_j (d f[i] / d wrt[j]) eval_points[j] for each output f[i] (Theano's R operator)."""
    use_list, use_tuple = isinstance(f, list), isinstance(f, tuple)
    wrt = list(wrt) if isinstance(wrt, (list, tuple)) else [wrt]
    eval_points = list(eval_points) if isinstance(eval_points, (list, tuple)) else [eval_points]
    f = list(f) if isinstance(f, (list, tuple)) else [f]
    assert len(wrt) == len(eval_points)
    eval_points = [as_tensor_variable(e) for e in eval_points]
    for i, (w, e) in enumerate(zip(wrt, eval_points)):
        if w.ndim != e.ndim:
            raise ValueError("Element %d of wrt/eval_point have mismatched dimensionality: %d versus %d"
                             % (i, w.ndim, e.ndim))
    pushed = _push_forward(f, dict(zip(wrt, eval_points)))
    rval = []
    for out in f:
        r = pushed.get(out)
        if r is None:
            _disconnected(out, disconnected_outputs)
            r = _absent(out, return_disconnected)
        rval.append(r)
    if use_list or use_tuple:
        return list(rval) if use_list else tuple(rval)
    return rval[0]


def _push_forward(f, points):
    """variable -> its R-operator (None: disconnected), for every variable on the paths from the roots to f."""
    from ..ops.math import zeros_like
    zero = set()  # the R-operators known to be zeros (roots other than wrt, and what only they reach)
    for node in toposort(f, blockers=list(points)):
        for v in node.inputs:
            if v not in points and v.owner is None:
                points[v] = zeros_like(v) if isinstance(v.type, TensorType) else None
                zero.add(points[v])
        evs = [_same_type(v, points.get(v)) for v in node.inputs]
        if isinstance(node.op, Primitive) and all(e is None or e in zero for e in evs):
            outs = [zeros_like(o) if isinstance(o.type, TensorType) else None for o in node.outputs]
            zero.update(o for o in outs if o is not None)
        elif isinstance(node.op, Primitive):
            outs = [_transposed_rule(node, k, evs) for k in range(len(node.outputs))]
        else:
            outs = node.op.R_op(node.inputs, evs)
            outs = [outs[k] for k in range(len(node.outputs))]  # Theano indexes what R_op returned
        points.update(zip(node.outputs, outs))
    return points


def _same_type(v, e):
    """An eval point of v's dtype (Theano casts them so, rather than refusing the mismatch)."""
    if e is None or not isinstance(v.type, TensorType) or e.dtype == v.dtype:
        return e
    return e.astype(v.dtype)


def _transposed_rule(node, k, evs):
    """The R-operator of output k of a built-in op: d<L(u), e>/du for a cotangent u of that output."""
    from ..ops.math import zeros_like
    from ..ops.reductions import sum as tsum
    out = node.outputs[k]
    if not isinstance(out.type, TensorType):
        return None
    u = out.type()
    u.name = "rop_cotangent"
    ograds = [u if j == k else None for j in range(len(node.outputs))]
    lops = _node_grads(node, ograds)
    terms = [tsum(g * e) for g, e in zip(lops, evs) if g is not None and e is not None and not _is_null(g)]
    if not terms:
        return None
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    r = grad(total, u, disconnected_inputs="ignore")
    # the R-operator does not depend on the cotangent: its graph only reads u's shape
    return clone_replace([r], {u: zeros_like(out)})[0]


def _disconnected(out, policy):
    message = ("Rop method was asked to compute the gradient with respect to a variable that is not part of the "
               f"computational graph of variables in wrt, or is used only by a non-differentiable operator: {out}")
    if policy == "raise":
        raise DisconnectedInputError(message)
    if policy == "warn":
        warnings.warn(message, stacklevel=3)
    elif policy != "ignore":
        raise ValueError("Invalid value for keyword 'disconnected_inputs', valid values are 'ignore', 'warn' and "
                         "'raise'.")


def _absent(out, return_disconnected):
    from ..ops.math import zeros_like
    kind = return_disconnected.lower()
    if kind == "zero":
        return zeros_like(out)
    if kind == "none":
        return None
    if kind == "disconnected":
        return disconnected_type()
    raise ValueError("Invalid value for keyword 'return_disconnected', valid values are 'zero', 'None' and "
                     "'Disconnected'.")

