"""Theano's stabilizing optimizations of the nnet ops, so values match Theano's *optimized* functions.

Theano compiles log(softmax(x)) as LogSoftmax, log(sigmoid(x)) as -softplus(-x), log(1 - sigmoid(x)) as
-softplus(x), log1p(exp(x)) as softplus(x), and crossentropy_categorical_1hot(softmax(x), y) as the fused
CrossentropySoftmaxArgmax1HotWithBias: finite for logits of any size. The nnet values also depend on three
of Theano's general tensor rewrites, done here too (they would belong in a core module): local_log1p
(log(1 - p) is log1p(-p): binary_crossentropy's last bits), local_mul_switch_sink / local_div_switch_sink
(elu's gradient at 800 is finite) and local_exp_over_1_plus_exp (log1p(exp(x))'s gradient).

All of it is a lowering-only rewrite (compile.lower.REWRITES): the nodes are lowered by the stable formula,
the graph itself stays as Theano builds it, so printing and T.grad (second derivatives included, which
Theano computes from its unoptimized first-derivative graph) are Theano's. The gradients get the same
treatment: SoftmaxGrad(a / sm, sm) lowers as the LogSoftmax gradient, SoftmaxGrad of a one-hot
crossentropy's gradient as CrossentropySoftmax1HotWithBiasDx, and sigmoid's gz * y * (1 - y) with the
divisions by y or 1 - y from a log's gradient cancelled, as Theano's optimizer does.
"""
import jax.numpy as jnp
import numpy as np

from ..compile.lower import REWRITES
from ..graph.ops import Primitive, primitive_name
from .nnet import sigmoid, sigmoid_lower, softplus_lower
from .nnet_softmax import logsoftmax_op, softmax_grad_op, softmax_op, softmax_with_bias_op
from .nnet_xent import (crossentropy_categorical_1hot_grad_op, crossentropy_categorical_1hot_op, dx_lower,
                        fused_xent_lower)


def _op_is(v, op):
    return v is not None and v.owner is not None and primitive_name(v.owner) == op.name


def _named(v, name):
    return v is not None and v.owner is not None and primitive_name(v.owner) == name


def _is_one(v):
    """A constant close to 1 (Theano's _is_1)."""
    from .basic import NotScalarConstantError, get_scalar_constant_value
    try:
        return bool(np.allclose(get_scalar_constant_value(v), 1))
    except NotScalarConstantError:
        return False


def _is_arange_of_len(rows, labels):
    """Theano's _check_rows_is_arange_len_labels: rows is arange(labels.shape[0])."""
    from .basic import NotScalarConstantError, get_scalar_constant_value
    if not _named(rows, "arange"):
        return False
    start, stop, step = rows.owner.inputs
    try:
        if get_scalar_constant_value(start) != 0 or get_scalar_constant_value(step) != 1:
            return False
    except NotScalarConstantError:
        return False
    return _named(stop, "subtensor") and stop.owner.params["spec"] == (("int", 0),) and \
        _named(stop.owner.inputs[0], "shape") and stop.owner.inputs[0].owner.inputs[0] is labels


def _indexed_xent(node, dtype):
    """Theano's local_advanced_indexing_crossentropy_onehot: log(softmax(x))[arange(y.shape[0]), y] is
    -crossentropy_softmax_argmax_1hot_with_bias(x, b, y)[0], so a bad label raises its ValueError."""
    if node.params["spec"] != (("array", ("in", 0)), ("array", ("in", 1))):
        return None
    log_p, rows, y = node.inputs
    if not (_named(log_p, "log") and log_p.ndim == 2 and y.ndim == 1 and y.dtype.startswith(("int", "uint"))
            and _is_arange_of_len(rows, y)):
        return None
    sm = log_p.owner.inputs[0]
    if _op_is(sm, softmax_op):
        return _stable_op, [sm.owner.inputs[0], y], dict(kind="neg_xent_softmax", dtype=dtype)
    if _op_is(sm, softmax_with_bias_op):
        return _stable_op, list(sm.owner.inputs) + [y], dict(kind="neg_xent_softmax_bias", dtype=dtype)
    return None


def _one_minus(v, forms=("sub", "add")):
    """sigmoid(x) when v is 1 - sigmoid(x) (or, with "add" in forms, 1 + -sigmoid(x)); else None."""
    if "sub" in forms and _named(v, "sub") and _is_one(v.owner.inputs[0]) and \
            _op_is(v.owner.inputs[1], sigmoid):
        return v.owner.inputs[1]
    if "add" in forms and _named(v, "add") and len(v.owner.inputs) == 2:
        for one, neg in (v.owner.inputs, v.owner.inputs[::-1]):
            if _is_one(one) and _named(neg, "neg") and _op_is(neg.owner.inputs[0], sigmoid):
                return neg.owner.inputs[0]
    return None


# --- gradients: Theano's cancellations, recognized in the graph its grad rules build ---

def _flat_sum(g):
    if _named(g, "add"):
        return [t for i in g.owner.inputs for t in _flat_sum(i)]
    return [g]


def _sigmoid_grad(node):
    """node = gz * y * (1.0 - y), sigmoid's gradient (y = sigmoid(x)): the divisions a log's gradient put in
    gz cancelled against y or 1 - y, as Theano's optimizer cancels them (d log(sigmoid(x)) = 1 - y)."""
    m, one_minus = node.inputs
    if not _named(m, "mul") or len(m.owner.inputs) != 2:
        return None
    gz, y = m.owner.inputs
    if not _op_is(y, sigmoid) or _one_minus(one_minus, forms=("sub",)) is not y:
        return None
    over_y, over_one_minus_y, kept = [], [], []
    for t in _flat_sum(gz):
        if _named(t, "true_div") and t.owner.inputs[1] is y:  # d log(y): a / y
            over_y.append(t.owner.inputs[0])
        elif _named(t, "neg") and _named(t.owner.inputs[0], "true_div") and \
                _one_minus(t.owner.inputs[0].owner.inputs[1]) is y:  # d log(1 - y), d log1p(-y): -(b / (1 - y))
            over_one_minus_y.append(t.owner.inputs[0].owner.inputs[0])
        else:
            kept.append(t)
    if not over_y and not over_one_minus_y:
        return None
    return _stable_op, [y] + over_y + over_one_minus_y + kept, dict(
        kind="sigmoid_grad", dtype=node.outputs[0].dtype, counts=(len(over_y), len(over_one_minus_y)))


def _sigmoid_grad_lower(y, rest, counts, dtype):
    y = jnp.asarray(y).astype(dtype)
    n_a, n_b = counts
    terms = [jnp.asarray(a).astype(dtype) * (1.0 - y) for a in rest[:n_a]]
    terms += [-(jnp.asarray(b).astype(dtype) * y) for b in rest[n_a:n_a + n_b]]
    if rest[n_a + n_b:]:
        terms.append(_sum_arrays(rest[n_a + n_b:], dtype) * y * (1.0 - y))
    return _sum_arrays(terms, dtype)


def _softmax_grad(node):
    """SoftmaxGrad(a / sm, sm) is LogSoftmax's gradient a - sum(a) * sm (local_logsoftmax_grad), and
    SoftmaxGrad(CrossentropyCategorical1HotGrad(g, sm, y), sm) is CrossentropySoftmax1HotWithBiasDx(g, sm, y)
    (local_softmax_grad_to_crossentropy_with_softmax_grad): finite where sm underflows to 0."""
    dy, sm = node.inputs
    if _named(dy, "true_div") and dy.owner.inputs[1] is sm and _op_is(sm, softmax_op):
        return _stable_op, [dy.owner.inputs[0], sm], dict(kind="logsoftmax_grad", dtype=node.outputs[0].dtype)
    if _op_is(dy, crossentropy_categorical_1hot_grad_op) and dy.owner.inputs[1] is sm:
        g, _, y = dy.owner.inputs
        return _stable_op, [g, sm, y], dict(kind="xent_dx", dtype=node.outputs[0].dtype)
    return None


# --- forward: lowering-only node replacements ---

class _Lowered:
    """A node list entry that computes an existing node's outputs by another op."""

    def __init__(self, op, inputs, outputs, params):
        self.op, self.inputs, self.outputs, self.params = op, list(inputs), list(outputs), params


def _log1p(arg, dtype):
    """Theano's local_log1p (tensor/opt.py): log(1 - x) is log1p(-x), log(1 + x + ...) is log1p(x + ...),
    which decides the last bits of binary_crossentropy (and all of log(1 - x) for tiny x)."""
    from .basic import NotScalarConstantError, get_scalar_constant_value
    if _named(arg, "sub"):
        try:
            one = get_scalar_constant_value(arg.owner.inputs[0])
        except NotScalarConstantError:
            return None
        if one != 1:
            return None
        return _stable_op, [arg.owner.inputs[1]], dict(kind="log1p_neg", dtype=dtype, arg_dtype=arg.dtype)
    if _named(arg, "add"):
        consts, rest = [], []
        for i in arg.owner.inputs:
            try:
                consts.append(get_scalar_constant_value(i)) if all(i.broadcastable) else rest.append(i)
            except NotScalarConstantError:
                rest.append(i)
        if consts and rest and np.allclose(np.sum(consts), 1):
            return _stable_op, rest, dict(kind="log1p_sum", dtype=dtype, arg_dtype=arg.dtype)
    return None


def _sink(node, dtype):
    """Theano's local_mul_switch_sink / local_div_switch_sink: a product (or quotient) with a factor
    switch(c, 0, y) is switch(c, 0, product with y), so that an inf or nan in the other factors stays
    where the switch selects 0 (the gradient of elu at 800). And exp(x) * (a / (1 + exp(x))), the
    gradient of log1p(exp(x)), is a * sigmoid(x) (local_exp_over_1_plus_exp)."""
    if primitive_name(node) == "true_div":
        factors, rest = [node.inputs[0]], [node.inputs[1]]
    else:
        factors, rest = _flat_product(node.outputs[0]), []
    for k, f in enumerate(factors):
        zero = _zero_branch(f)
        if zero is not None:
            cond, branch = f.owner.inputs[0], f.owner.inputs[2 if zero == 1 else 1]
            others = factors[:k] + factors[k + 1:]
            return _stable_op, [cond, branch] + others + rest, dict(kind="switch_sink", dtype=dtype, zero=zero,
                                                                    n_div=len(rest))
    if primitive_name(node) == "mul":
        for k, f in enumerate(factors):
            z = _exp_ratio(f)
            match = [j for j, e in enumerate(factors) if j != k and _named(e, "exp") and e.owner.inputs[0] is z]
            if z is not None and match:
                others = [e for j, e in enumerate(factors) if j not in (k, match[0])]
                return _stable_op, [f.owner.inputs[0], z] + others, dict(kind="exp_ratio", dtype=dtype)
    return None


def _num_den(v, top=False, depth=16):
    """(sign, numerator factors, denominator factors) of a tree of mul, true_div and neg nodes."""
    if depth == 0:
        return 1, [v], []
    if _named(v, "mul"):
        sign, num, den = 1, [], []
        for i in v.owner.inputs:
            s_, n_, d_ = _num_den(i, depth=depth - 1)
            sign, num, den = sign * s_, num + n_, den + d_
        return sign, num, den
    if _named(v, "true_div"):
        s1, n1, d1 = _num_den(v.owner.inputs[0], depth=depth - 1)
        s2, n2, d2 = _num_den(v.owner.inputs[1], depth=depth - 1)
        return s1 * s2, n1 + d2, d1 + n2
    if _named(v, "neg") and not top:
        s_, n_, d_ = _num_den(v.owner.inputs[0], depth=depth - 1)
        return -s_, n_, d_
    return 1, [v], []


def _cancel(node, dtype):
    """Theano's local_mul_canonizer, for what it decides here: a factor that is both in the numerator and
    the denominator of a product of quotients cancels (no inf * 0 where it underflows to 0)."""
    if node.outputs[0].dtype not in ("float32", "float64"):
        return None
    sign, num, den = _num_den(node.outputs[0], top=True)
    kept_num, kept_den, gone = list(num), [], []
    for d in den:
        match = next((k for k, n in enumerate(kept_num) if n is d), None)
        if match is None:
            kept_den.append(d)
        else:
            gone.append(kept_num.pop(match))
    if not gone:
        return None
    return _stable_op, kept_num + kept_den + gone, dict(kind="cancelled", dtype=dtype,
                                                         counts=(len(kept_num), len(kept_den), sign))


def _flat_product(v):
    if _named(v, "mul"):
        return [f for i in v.owner.inputs for f in _flat_product(i)]
    return [v]


def _zero_branch(f):
    """1 or 2 when f is switch(c, a, b) whose branch a (1) or b (2) is a constant 0; else None."""
    from .basic import NotScalarConstantError, get_scalar_constant_value
    if not _named(f, "switch"):
        return None
    for k in (1, 2):
        try:
            if get_scalar_constant_value(f.owner.inputs[k]) == 0:
                return k
        except NotScalarConstantError:
            pass
    return None


def _exp_ratio(f):
    """x when f is a / (1 + exp(x)); else None."""
    if not _named(f, "true_div") or not _named(f.owner.inputs[1], "add") or len(f.owner.inputs[1].owner.inputs) != 2:
        return None
    for one, e in (f.owner.inputs[1].owner.inputs, f.owner.inputs[1].owner.inputs[::-1]):
        if _is_one(one) and _named(e, "exp"):
            return e.owner.inputs[0]
    return None


def _sum_arrays(arrays, dtype):
    out = jnp.asarray(arrays[0]).astype(dtype)
    for a in arrays[1:]:
        out = out + jnp.asarray(a).astype(dtype)
    return out


def _product(arrays, dtype):
    out = jnp.asarray(arrays[0]).astype(dtype)
    for a in arrays[1:]:
        out = out * jnp.asarray(a).astype(dtype)
    return out


def _stable_lower(*arrays, kind, dtype, zero=None, n_div=0, arg_dtype=None, counts=None):
    if kind == "log1p_neg":
        out = jnp.log1p(-jnp.asarray(arrays[0]).astype(arg_dtype).astype(dtype))
    elif kind == "log1p_sum":
        out = jnp.log1p(_sum_arrays(arrays, arg_dtype).astype(dtype))
    elif kind == "sigmoid_grad":
        out = _sigmoid_grad_lower(arrays[0], arrays[1:], counts, dtype)
    elif kind == "logsoftmax_grad":
        a, sm = (jnp.asarray(v).astype(dtype) for v in arrays)
        out = a - jnp.sum(a, axis=1, keepdims=True) * sm
    elif kind == "xent_dx":
        out = dx_lower(*arrays)
    elif kind == "cancelled":  # sign * prod(num) / prod(den), in the shape of the whole product
        n_num, n_den, sign = counts
        shape = jnp.broadcast_shapes(*[jnp.shape(a) for a in arrays])
        out = _product(list(arrays[:n_num]) or [np.ones((), dtype)], dtype)
        if n_den:
            out = out / _product(arrays[n_num:n_num + n_den], dtype)
        out = jnp.broadcast_to(-out if sign < 0 else out, shape)
    elif kind == "switch_sink":
        cond, rest = arrays[0], arrays[1:]
        value = _product(rest[:len(rest) - n_div], dtype)
        if n_div:
            value = value / jnp.asarray(rest[-1]).astype(dtype)
        zeros = jnp.zeros((), dtype)
        out = jnp.where(cond, zeros, value) if zero == 1 else jnp.where(cond, value, zeros)
    elif kind == "exp_ratio":  # a / (1 + exp(x)) * exp(x) * others = a * sigmoid(x) * others
        a, x, others = arrays[0], arrays[1], arrays[2:]
        out = _product([a, sigmoid_lower(jnp.asarray(x))] + list(others), dtype)
    elif kind == "log_sigmoid":  # log(sigmoid(x)) = -softplus(-x)
        out = -softplus_lower(-jnp.asarray(arrays[0]))
    elif kind == "log_one_minus_sigmoid":  # log(1 - sigmoid(x)) = -softplus(x)
        out = -softplus_lower(jnp.asarray(arrays[0]))
    elif kind == "softplus":  # log1p(exp(x))
        out = softplus_lower(jnp.asarray(arrays[0]))
    elif kind in ("xent_softmax", "neg_xent_softmax"):  # crossentropy_categorical_1hot(softmax(x), y)
        out = fused_xent_lower(*arrays)[0]
    else:  # crossentropy_categorical_1hot(softmax_with_bias(x, b), y)
        x, b, y = arrays
        out = fused_xent_lower((x + b[None, :]).astype(x.dtype), y)[0]
    if kind.startswith("neg_"):
        out = -out
    return jnp.asarray(out).astype(dtype)


_stable_op = Primitive("nnet.stabilized", None, _stable_lower, register=False,
                describe=lambda node: f"stabilized{{{node.params['kind']}}}")
_stable_op.checks = lambda node: "xent" in node.params["kind"]  # the label bounds


_WATCHED = ("log", "log1p", "mul", "true_div", "nnet.softmax_grad", "subtensor")


def _replacement(node):
    """(op, inputs, params) computing node's outputs stably, or None."""
    name, (first, *_) = primitive_name(node), node.inputs
    if name not in _WATCHED and primitive_name(node) != crossentropy_categorical_1hot_op.name:
        return None
    dtype = node.outputs[0].dtype
    if name == "log":
        if _op_is(first, softmax_op):
            return logsoftmax_op, first.owner.inputs, {}
        if _op_is(first, sigmoid):
            return _stable_op, first.owner.inputs, dict(kind="log_sigmoid", dtype=dtype)
        s = _one_minus(first, forms=("sub",))
        if s is not None:
            return _stable_op, s.owner.inputs, dict(kind="log_one_minus_sigmoid", dtype=dtype)
        return _log1p(first, dtype)
    elif name == "log1p":
        # Theano 1.0.5 rewrites log1p(exp(x)), but not log1p(-sigmoid(x)) (its neg is canonicalized away
        # before the pattern can match): that one stays -inf where sigmoid(x) is 1.
        if _named(first, "exp"):
            return _stable_op, first.owner.inputs, dict(kind="softplus", dtype=dtype)
    elif name in ("mul", "true_div"):
        return (name == "mul" and len(node.inputs) == 2 and _sigmoid_grad(node)) or _sink(node, dtype) or \
            _cancel(node, dtype)
    elif primitive_name(node) == softmax_grad_op.name:
        return _softmax_grad(node)
    elif name == "subtensor":
        return _indexed_xent(node, dtype)
    elif primitive_name(node) == crossentropy_categorical_1hot_op.name:
        y = node.inputs[1]
        if _op_is(first, softmax_op):
            return _stable_op, [first.owner.inputs[0], y], dict(kind="xent_softmax", dtype=dtype)
        if _op_is(first, softmax_with_bias_op):
            return _stable_op, list(first.owner.inputs) + [y], dict(kind="xent_softmax_bias", dtype=dtype)
    return None


def stabilize(nodes, outputs):
    """The node list with Theano's stabilized forms in place of the unstable nodes."""
    out = []
    for node in nodes:
        found = _replacement(node) if isinstance(node.op, Primitive) and node.inputs else None
        out.append(node if found is None else _Lowered(found[0], found[1], node.outputs, found[2]))
    return out


REWRITES.insert(0, stabilize)  # before ifelse's branch moves, which only regroup nodes
