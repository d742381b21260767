"""Gradients through scan (BPTT): ops whose lowering is jax.vjp of the lowered loop.

T.grad of a scan gives a `scan_grad` node: inputs = the scan's inputs, its first output (see below) and the
output gradients; outputs = the gradients of the float inputs. Its lowering is the vjp of the loop, so the
backward pass is one reverse lax.scan, truncate_gradient included (the loop stops gradients itself, see
scan.run). The gradient of a scan_grad node is another scan_grad node one level up (jax.vjp of the vjp), so
higher-order gradients work.

Sharing the forward pass: once T.grad has been asked for a scan, its forward lowering runs the loop through
jax.vjp and keeps the pullback next to the output it returned, for the duration of the trace; the scan_grad
node (which takes that output as an input for this purpose) finds it there and runs only the backward pass,
as jax.grad would. Elsewhere (eager evaluation, another trace) the vjp recomputes the loop.
"""
import weakref

import jax
import numpy as np

from ..graph import dtypes as D
from ..graph.nodes import Apply, Constant, ancestors, inputs as graph_inputs
from ..graph.null import is_null, undefined_grad
from ..graph.ops import BUILT, Primitive, primitive_name
from ..graph.types import TensorType
from .scan import _inner_keys, run, scan_static

_PULLBACKS = {}  # id(forward output) -> (weak ref to it, its inputs, grad positions, pullback), while it lives


def _remember(out, args, diff, pullback):
    key = id(out)
    try:
        ref = weakref.ref(out, lambda _, key=key: _PULLBACKS.pop(key, None))
    except TypeError:
        return
    _PULLBACKS[key] = (ref, tuple(args), diff, pullback)


def _recall(out, args, diff):
    """The pullback kept with `out` (giving the gradients at positions `diff`), if it was computed from these
    very arrays (under a higher-order vjp the inputs are other tracers: the pullback would then miss its
    dependence on them, so it is recomputed)."""
    entry = _PULLBACKS.get(id(out))
    if entry is None or entry[0]() is not out or len(entry[1]) != len(args) or not set(diff) <= set(entry[2]):
        return None
    if not all(a is b for a, b in zip(entry[1], args)):
        return None
    _, _, known, pullback = entry

    def select(cts):
        grads = dict(zip(known, pullback(cts)))
        return [grads[k] for k in diff]
    return select


def _is_float(a):
    return str(getattr(a, "dtype", "")) in D.float_dtypes


def _is_float_var(v):
    return isinstance(v.type, TensorType) and v.type.dtype in D.float_dtypes


def forward_with_memo(spec, static, args):
    """The scan's outputs; when a gradient was asked for, computed through jax.vjp with the pullback kept."""
    diff = [k for k, a in enumerate(args) if _is_float(a)]
    if not spec.__dict__.get("wants_grad") or spec.checked or not diff:
        return run(spec, static, args)

    def f(*d):
        full = list(args)
        for k, v in zip(diff, d):
            full[k] = v
        outs = run(spec, static, full)
        return tuple(o for o in outs if _is_float(o)), tuple(o for o in outs if not _is_float(o))

    floats, pullback, rest = jax.vjp(f, *[args[k] for k in diff], has_aux=True)
    floats, rest = iter(floats), iter(rest)
    n_out = len(spec.outs) + spec.n_shared + (1 if spec.as_while else 0)
    kinds = [_is_float_dtype(t) for t in _out_dtypes(spec)][:n_out]
    outs = tuple(next(floats) if k else next(rest) for k in kinds)
    _remember(outs[0], args, diff, pullback)
    return outs


def _out_dtypes(spec):
    from .scan import output_types
    return [getattr(t, "dtype", None) for t in output_types(spec)]


def _is_float_dtype(dtype):
    return dtype in D.float_dtypes


class ScanFn:
    """The scan as a function of arrays: (static, args) -> outputs (differentiable: until loops run masked)."""

    def __init__(self, spec):
        self.spec = spec
        self.n_in = None

    def __call__(self, static, args):
        return run(self.spec, static, args, "masked" if self.spec.as_while else "scan")

    @property
    def root(self):
        return self


class VjpFn:
    """The vjp of `fwd`: args = fwd's n_in inputs, [the memo output], one cotangent per float output of fwd;
    returns the gradients of fwd's inputs at positions `diff`."""

    def __init__(self, fwd, n_in, diff, memo):
        self.fwd, self.n_in, self.diff, self.memo = fwd, n_in, list(diff), memo
        self.root = fwd.root
        self.root_n = fwd.root_n if isinstance(fwd, VjpFn) else n_in

    def __call__(self, static, args):
        primal = list(args[:self.n_in])
        cts = list(args[self.n_in + (1 if self.memo else 0):])
        pullback = _recall(args[self.n_in], primal, self.diff) if self.memo else None
        if pullback is None:
            def f(*d):
                full = list(primal)
                for k, v in zip(self.diff, d):
                    full[k] = v
                return tuple(o for o in self.fwd(static, full) if _is_float(o))
            outs, pullback = jax.vjp(f, *[primal[k] for k in self.diff])
            cts = [ct.astype(o.dtype) for ct, o in zip(cts, outs)]
        return tuple(pullback(tuple(cts)))


def _grad_lower(*args, fn, static):
    out = fn(static, args)
    return out[0] if len(out) == 1 else out


def _grad_static(*args, fn):
    spec = fn.root.spec
    if not spec.outs:
        return scan_static(*args[:fn.root_n], spec=spec)
    # The forward's first output (the memo input) is stacked over the steps: its length is the step count,
    # known while tracing, so a symbolic n_steps costs the gradient no pre-pass.
    n = args[fn.root_n].shape[0]
    return n, (_inner_keys(spec, args[:fn.root_n]) if spec.dyn_statics else ())


def _grad_static_args(node):
    spec = node.params["fn"].root.spec
    return spec.static_positions if not spec.outs else spec.static_positions[1:]


def _grad_describe(node):
    name = node.params["fn"].root.spec.name
    return "for{cpu,grad_of_%s}" % (name if name is not None else "scan_fn")


def _grad_of_grad(inputs, outputs, ograds, fn):
    memo = fn.n_in if fn.memo else None
    diff = [k for k, v in enumerate(inputs) if _is_float_var(v) and k != memo]
    return _apply_vjp(VjpFn(fn, len(inputs), diff, memo=False), list(inputs) + list(ograds), inputs, diff)


grad_op = Primitive("scan_grad", None, _grad_lower, _grad_of_grad, static=_grad_static, static_args=_grad_static_args,
             describe=_grad_describe)


def _apply_vjp(fn, node_inputs, wrt, diff):
    node = Apply.from_types(grad_op, node_inputs, [TensorType(wrt[k].type.dtype, wrt[k].type.broadcastable) for k in diff],
                 {"fn": fn})
    for hook in BUILT:  # Theano's test values, as for a node built by calling an op
        hook(node)
    grads = [None] * len(wrt)
    for k, g in zip(diff, node.outputs):
        grads[k] = g
    return grads


def scan_grad(inputs, outputs, ograds, spec):
    """The scan op's gradient rule: one scan_grad node computing every float input's gradient."""
    for (kind, taps, phs, _), out in zip(spec.outs, outputs):
        if kind != "nit_sot":
            check_broadcast(out, phs[0])
    float_outs = [k for k, o in enumerate(outputs) if _is_float_var(o)]
    wanted = [k for k in float_outs if not _is_zeros_of(ograds[k], outputs[k])]
    connected = set().union(*[connection(spec)[k] for k in wanted]) if wanted else set()
    diff = [k for k, v in enumerate(inputs) if _is_float_var(v) and k in connected]
    if not diff:
        return [None] * len(inputs)
    undefined = undefined_positions(spec)
    if undefined and any(k in undefined for k in diff):
        op = "for{cpu,%s}" % (spec.name if spec.name is not None else "scan_fn")

        def why(k):
            if undefined[k] is not THROUGH_SHARED:
                return undefined[k]
            return (f"This variable is Null because the grad method for input {k} ({inputs[k]}) of the {op} op is "
                    "mathematically undefined. Depends on a shared variable")
        return [undefined_grad(v, "scan", why(k)) if k in undefined and k in diff else None
                for k, v in enumerate(inputs)]
    spec.wants_grad = True
    fn = VjpFn(ScanFn(spec), len(inputs), diff, memo=True)
    return _apply_vjp(fn, list(inputs) + [outputs[0]] + [ograds[k] for k in float_outs], inputs, diff)


THROUGH_SHARED = "through_shared"


def undefined_positions(spec):
    """{scan input position: why} for the inputs whose gradient is undefined. Theano differentiates the step
    symbolically, so an undefined gradient inside it (a draw's parameters) reaches every input it depends
    on, through the steps; the loop's jax.vjp cannot tell, so the step's own graph is asked once."""
    if getattr(spec, "_undefined", None) is not None:
        return spec._undefined
    from ..compile.gradient import grad  # the gradient algorithm is the compile layer's
    position, state_of = _positions(spec)
    inner = [o for o in [o[3] for o in spec.outs] + [u for _, u in spec.shared] if _is_float_var(o)]
    wrt = list(position)
    try:
        grads = grad(cost=None, known_grads={o: o.type() for o in inner}, wrt=wrt, disconnected_inputs="ignore",
                     null_gradients="return", return_disconnected="None")
    except Exception:  # noqa: BLE001 - a step the symbolic gradient cannot walk: the loop's vjp decides
        grads = [None] * len(wrt)
    undefined = {}
    deps = connection(spec)
    # (Theano's scan turns an updated tensor shared variable into a recurrent output: only the others, random
    # states, are its "shared outputs")
    updated = {sh for sh, _ in spec.shared if not isinstance(sh.type, TensorType)}
    for v, g in zip(wrt, grads):
        if g is None:
            continue
        if is_null(g):
            why = g.type.why_null
        elif updated.intersection(graph_inputs([g])):
            # Theano's quirk: a gradient that reads a random state the loop updates is undefined
            # ("through_shared" in its Scan.L_op)
            why = THROUGH_SHARED
        else:
            continue
        undefined.setdefault(position[v], why)
        if v in state_of:  # undefined for the state is undefined for all its output depends on
            for k in deps[state_of[v]]:
                undefined.setdefault(k, why)
    spec._undefined = undefined
    return undefined


def check_broadcast(v1, v2):
    """Theano's Scan.make_node check, met by the gradient's scan: an output's history (v1) against the
    variable standing for one step of it in the step function (v2), on their trailing axes."""
    size = min(v1.ndim, v2.ndim)
    for n, (b1, b2) in enumerate(zip(v1.broadcastable[-size:], v2.broadcastable[-size:])):
        if b1 != b2:
            a1, a2 = n + size - v1.ndim + 1, n + size - v2.ndim + 1
            raise TypeError(
                "The broadcast pattern of the output of scan (%s) is inconsistent with the one provided in "
                "`output_info` (%s). The output on axis %d is `%r`, but it is `%r` on axis %d in `output_info`. "
                "This can happen if one of the dimension is fixed to 1 in the input, while it is still variable in "
                "the output, or vice-verca. You have to make them consistent, e.g. using theano.tensor."
                "{patternbroadcast,unbroadcast,addbroadcast}." % (v1.type, v2.type, a1, b1, b2, a2))


def _is_zeros_of(g, out):
    """True for the zeros T.grad puts in for an output the cost does not depend on."""
    node = g.owner
    if node is None or primitive_name(node) != "second" or node.inputs[0] is not out:
        return False
    value = node.inputs[1]
    while value.owner is not None and primitive_name(value.owner) == "dimshuffle":
        value = value.owner.inputs[0]
    return isinstance(value, Constant) and not np.any(value.data)


def _positions(spec):
    """The step's variables -> the position of the scan input they stand for; state placeholders (and
    shared variables) -> the index of the output that carries them."""
    position = {}
    k = 1
    for _, phs in spec.seqs:
        position.update((p, k) for p in phs)
        k += 1
    state_of = {}  # placeholder of a recurrent output -> that output's index
    for j, (kind, _, phs, _) in enumerate(spec.outs):
        if kind != "nit_sot":
            position.update((p, k) for p in phs)
            state_of.update((p, j) for p in phs)
            k += 1
    for j, (s, _) in enumerate(spec.shared):
        position[s] = k
        state_of[s] = len(spec.outs) + j
        k += 1
    for v in spec.free:
        position[v] = k
        k += 1
    return position, state_of


def connection(spec):
    """For each node output, the node inputs it depends on (Theano's connection_pattern), through the steps."""
    if getattr(spec, "_connection", None) is not None:
        return spec._connection
    position, state_of = _positions(spec)
    inner = [o[3] for o in spec.outs] + [u for _, u in spec.shared]
    direct = [{v for v in ancestors([o], blockers=spec.bound) if v in position} for o in inner]
    deps = [{position[v] for v in d} for d in direct]
    changed = True
    while changed:  # a state's dependencies flow into every output that reads the state
        changed = False
        for j, d in enumerate(direct):
            for v in d:
                if v in state_of and not deps[state_of[v]] <= deps[j]:
                    deps[j] |= deps[state_of[v]]
                    changed = True
    if spec.as_while:
        deps.append(set())
    spec._connection = deps
    return deps
