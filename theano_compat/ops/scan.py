"""The scan op: Theano's loop, lowered to one lax.scan (lax.while_loop for `until`) inside the jitted step.

A scan node keeps its inner graph in a ScanSpec (its `spec` param). The inner graph is the graph `fn` built,
read as is: its placeholders (one per sequence tap, per output tap, per updated shared variable) and its free
variables (non-sequences, shared variables, any outer variable fn used) are bound to arrays at every step
and the graph is lowered with compile.lower.evaluate, the same loop that lowers the outer graph.

Node inputs:  n_steps, sequences, initial states (one per output with taps), updated shared variables, free
              variables.
Node outputs: one stacked output per user output (the initial taps excluded), the final value of each
              updated shared variable, and for `until` loops the number of steps that ran.
The number of steps is the op's static key (like a slice length), so a symbolic n_steps is resolved per call.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from ..compile import guard
from ..compile.lower import NeedsStatic, evaluate, schedule
from ..graph.nodes import Constant, toposort
from ..graph.ops import BUILT, Primitive, TheanoOp, is_tracer, may_fail, primitive_name
from ..graph.types import TensorType


class ScanSpec:
    """The inner graph of one scan and how its placeholders map to node inputs and outputs.

    seqs:   [(taps, placeholders)] per sequence;  outs: [(kind, taps, placeholders, inner output)] per output,
    kind in mit_sot / sit_sot / nit_sot;  shared: [(shared variable, inner update)];  free: [variable].
    """

    def __init__(self, seqs, outs, shared, free, condition, n_given, go_backwards, truncate_gradient, name,
                 mode=None):
        self.seqs, self.outs, self.shared, self.free = seqs, outs, shared, free
        self.condition = condition
        self.n_given, self.go_backwards = n_given, bool(go_backwards)
        self.truncate_gradient = int(truncate_gradient)
        self.name, self.mode = name, mode
        self.n_seqs, self.n_init = len(seqs), sum(1 for o in outs if o[0] != "nit_sot")
        self.n_shared = len(shared)
        self.inner_outputs = [o[3] for o in outs] + [u for _, u in shared] + \
            ([condition] if condition is not None else [])
        self.bound = [p for _, ps in seqs for p in ps] + [p for o in outs for p in o[2]] + \
            [s for s, _ in shared] + list(free)
        self.nodes = toposort(self.inner_outputs, blockers=self.bound)
        self.dyn_statics, dyn_roots = _dynamic_statics(self)
        offset = 1 + self.n_seqs + self.n_init + self.n_shared
        self.static_positions = [0] + [offset + k for k, v in enumerate(free) if v in dyn_roots]
        self.checked = any(may_fail(n) for n in self.nodes)
        self._scheduled = self._connection = None
        self._eager = {}

    @property
    def as_while(self):
        return self.condition is not None

    def lowered_nodes(self):
        if self._scheduled is None:
            self._scheduled = schedule(self.nodes, self.inner_outputs)
        return self._scheduled

    def split(self, args):
        """(n_steps, sequences, initial states, shared values, free values) of the node's arguments."""
        a = 1 + self.n_seqs
        b = a + self.n_init
        c = b + self.n_shared
        return args[0], list(args[1:a]), list(args[a:b]), list(args[b:c]), list(args[c:])

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_scheduled"], state["_eager"], state["_connection"] = None, {}, None
        return state


def _dynamic_statics(spec):
    """Inner nodes whose shape keys depend on free variables only: the scan's static key carries them."""
    placeholders = set(spec.bound) - set(spec.free)
    roots = {v: {v} for v in spec.bound}  # the bound variables whose *values* a variable depends on
    nodes, dyn_roots = [], set()
    for node in spec.nodes:  # in topological order
        if getattr(node.op, "static", None) is not None:
            positions = node.op.static_args(node) if node.op.static_args else range(len(node.inputs))
            r = set().union(*[roots.get(node.inputs[i], set()) for i in positions])
            if r and not (r & placeholders):
                nodes.append(node)
                dyn_roots |= r
        # a shape is known while tracing, whatever the values
        r = set() if primitive_name(node) == "shape" else set().union(*[roots.get(i, set()) for i in node.inputs])
        roots.update((o, r) for o in node.outputs)
    return nodes, dyn_roots


# --- the loop ---

def _strong(x, dtype=None):
    """x as a committed (not weakly typed) array of dtype: lax loops need carries of one exact type."""
    x = jnp.asarray(x)
    return lax.convert_element_type(x, dtype or x.dtype)


def _value(env, v):
    return env[v] if v in env else v.data if isinstance(v, Constant) else env[v]


def n_steps_of(spec, args):
    """The number of steps (Theano: n_steps if given, else the shortest sequence; checked like Scan.perform)."""
    n_arg, seqs = args[0], args[1:1 + spec.n_seqs]
    lengths = [a.shape[0] - (max(max(t), 0) - min(min(t), 0)) for (t, _), a in zip(spec.seqs, seqs)]
    if spec.n_given:
        n = int(np.asarray(n_arg))
        # Theano's optimizer shortens the loop to the sequences (FAST_RUN), it does not raise
        n = min([n] + lengths)
    else:
        n = min(lengths)
    if n < 0:
        raise IndexError("Scan was asked to run for negative number of step %d" % n)
    if n == 0:
        raise NotImplementedError("We didn't implemented yet the case where scan do 0 iteration")
    return n


def sequence_slices(spec, seqs, n):
    """One array of n slices per sequence tap, in the order of the placeholders."""
    xs = []
    for (taps, _), arr in zip(spec.seqs, seqs):
        lo, hi = min(min(taps), 0), max(max(taps), 0)
        length = arr.shape[0]
        for k in taps:
            start, end = k - lo, length - (hi - k)
            if spec.go_backwards:  # Theano: seq[start:end][::-1][:n]
                xs.append(jnp.flip(arr[end - n:end], axis=0))
            else:
                xs.append(arr[start:start + n])
    return xs


def initial_carry(spec, inits, shared):
    carry = []
    for (kind, taps, _, _), init in zip([o for o in spec.outs if o[0] != "nit_sot"], inits):
        carry.append(_strong(init) if kind == "sit_sot" else _strong(init[:-min(taps)]))
    return carry + [_strong(s) for s in shared]


def make_body(spec, free_vals, keys):
    """The step: (carry, slices) -> (new carry, per-step outputs, condition)."""
    nodes = spec.lowered_nodes()
    seq_ph = [p for _, ps in spec.seqs for p in ps]
    tapped = [o for o in spec.outs if o[0] != "nit_sot"]

    def body(carry, xs):
        env = dict(zip(spec.free, free_vals))
        env.update(zip(seq_ph, xs))
        for (kind, taps, phs, _), c in zip(tapped, carry):
            for tap, ph in zip(taps, phs):
                env[ph] = c if kind == "sit_sot" else c[-min(taps) + tap]
        env.update(zip([s for s, _ in spec.shared], carry[len(tapped):]))
        try:
            with guard.scope() as checks:  # value checks of a step come out as one more per-step output
                evaluate(nodes, env, keys)
        except NeedsStatic as e:
            raise NotImplementedError(
                f"scan: the step function uses {e.node.op.describe(e.node)}, whose output shape depends on a "
                "value that changes at every step; theano_compat compiles loops with static shapes (XLA) and "
                "does not support this") from None
        ys = [_strong(_value(env, o[3]), _dtype(o[3])) for o in spec.outs]
        if spec.checked:
            ys.append(guard.no_flag_row() if checks.flag() is None else checks.flag())
        new = []
        for (kind, taps, _, out), c in zip(tapped, carry):
            y = _strong(_value(env, out), c.dtype)
            new.append(y if kind == "sit_sot" else jnp.concatenate([c[1:], y[None]], axis=0))
        new += [_strong(_value(env, u), c.dtype) for (_, u), c in zip(spec.shared, carry[len(tapped):])]
        cond = None if spec.condition is None else jnp.asarray(_value(env, spec.condition)) != 0
        return new, ys, cond

    return body


def _dtype(v):
    return v.type.dtype if isinstance(v.type, TensorType) else None


def _check_shapes(spec, init, new):
    for a, b in zip(init, new):
        if a.shape != b.shape:
            raise ValueError(f"scan{'' if spec.name is None else ' ' + repr(spec.name)}: a recurrent state of "
                             f"shape {a.shape} became {b.shape} after one step; Theano's outputs_info must have "
                             "the shape of the value fn returns for it")


def run(spec, static, args, mode="scan"):
    """The scan's outputs from its arguments. mode: scan (lax.scan), while (lax.while_loop: stops at until),
    masked (lax.scan with the steps after until skipped: differentiable)."""
    out = _run(spec, static, args, mode)
    if not spec.checked:
        return out
    k = len(spec.outs)  # the per-step flags follow the per-step outputs
    guard.report_steps(out[k])
    return out[:k] + out[k + 1:]


def _run(spec, static, args, mode):
    n, inner_keys = static
    keys = dict(zip(spec.dyn_statics, inner_keys))
    _, seqs, inits, shared, free_vals = spec.split(args)
    xs = sequence_slices(spec, seqs, n)
    carry = initial_carry(spec, inits, shared)
    body = make_body(spec, free_vals, keys)
    if spec.as_while and mode == "while":
        return _run_while(spec, body, carry, xs, n)
    if spec.as_while:
        frozen = None
        if spec.truncate_gradient >= 0:
            stop = lax.stop_gradient
            frozen = make_body(spec, [stop(v) for v in free_vals], keys)
        return _run_masked(spec, body, carry, xs, n, frozen)
    k = spec.truncate_gradient
    n_frozen = n - k if 0 <= k < n else 0
    if n_frozen:  # truncated BPTT: no gradient flows into the first n - k steps (Theano's grad_steps)
        stop = lax.stop_gradient
        frozen = make_body(spec, [stop(v) for v in free_vals], keys)
        carry, ys_a = _scan(spec, frozen, [stop(c) for c in carry], [stop(x[:n_frozen]) for x in xs], n_frozen)
        carry = [stop(c) for c in carry]
        carry, ys_b = _scan(spec, body, carry, [x[n_frozen:] for x in xs], n - n_frozen)
        ys = [jnp.concatenate([a, b], axis=0) for a, b in zip(ys_a, ys_b)]
    else:
        carry, ys = _scan(spec, body, carry, xs, n)
    return tuple(ys) + tuple(carry[len(carry) - spec.n_shared:])


def _scan(spec, body, carry, xs, n):
    def step(c, x):
        new, ys, _ = body(c, x)
        _check_shapes(spec, c, new)
        return new, ys
    return lax.scan(step, carry, xs, length=n)


def _run_while(spec, body, carry, xs, n):
    shapes = jax.eval_shape(lambda c, x: body(c, x)[1], carry, [x[0] for x in xs])
    bufs = [jnp.zeros((n,) + s.shape, s.dtype) for s in shapes]

    def cond(state):
        i, _, _, done = state
        return (i < n) & ~done

    def step(state):
        i, c, b, _ = state
        new, ys, stop = body(c, [lax.dynamic_index_in_dim(x, i, keepdims=False) for x in xs])
        _check_shapes(spec, c, new)
        b = [lax.dynamic_update_index_in_dim(buf, y, i, 0) for buf, y in zip(b, ys)]
        return i + 1, new, b, stop

    i, carry, bufs, _ = lax.while_loop(cond, step, (jnp.asarray(0, "int64"), carry, bufs, jnp.asarray(False)))
    return tuple(bufs) + tuple(carry[len(carry) - spec.n_shared:]) + (i,)


def _run_masked(spec, body, carry, xs, n, frozen=None):
    """frozen: the body on stopped free values, for truncate_gradient: gradients flow only into the last
    truncate_gradient steps that ran, a count known after a first, gradient-free pass (Theano's grad scan
    runs backwards over the steps that ran)."""
    shapes = jax.eval_shape(lambda c, x: body(c, x)[1], carry, [x[0] for x in xs])
    first_live = jnp.asarray(0, "int64")
    if frozen is not None:
        stop = lax.stop_gradient
        ran = _run_while(spec, frozen, [stop(c) for c in carry], [stop(x) for x in xs], n)[-1]
        first_live = ran - spec.truncate_gradient

    def step(state, x):
        c, done, i = state

        def go(c, x):
            new, ys, stop = body(c, x)
            _check_shapes(spec, c, new)
            return new, ys, stop

        def go_frozen(c, x):
            stop = lax.stop_gradient
            new, ys, until = frozen([stop(v) for v in c], [stop(v) for v in x])
            return new, ys, until

        def skip(c, x):
            return list(c), [jnp.zeros(s.shape, s.dtype) for s in shapes], jnp.asarray(True)
        branch = jnp.where(done, 0, 1 if frozen is None else jnp.where(i < first_live, 2, 1))
        new, ys, stop = lax.switch(branch, [skip, go, go_frozen if frozen is not None else go], c, list(x))
        return (new, done | stop, i + 1), (ys, ~done)

    init = (carry, jnp.asarray(False), jnp.asarray(0, "int64"))
    (carry, _, _), (ys, ran) = lax.scan(step, init, xs, length=n)
    return tuple(ys) + tuple(carry[len(carry) - spec.n_shared:]) + (jnp.sum(ran).astype("int64"),)


# --- the op record ---

def scan_static(*args, spec):
    """(number of steps, shape keys of the inner nodes that depend on free variables)."""
    n = n_steps_of(spec, args)
    if not spec.dyn_statics:
        return n, ()
    return n, _inner_keys(spec, args)


def _inner_keys(spec, args):
    """Shape keys of the inner nodes that depend on free variables: one step evaluated on zero slices."""
    _, seqs, inits, shared, free_vals = spec.split(args)
    env = dict(zip(spec.free, free_vals))
    for (taps, phs), arr in zip(spec.seqs, seqs):
        env.update((p, np.zeros(arr.shape[1:], arr.dtype)) for p in phs)
    for (kind, taps, phs, _), init in zip([o for o in spec.outs if o[0] != "nit_sot"], inits):
        shape = init.shape if kind == "sit_sot" else init.shape[1:]
        env.update((p, np.zeros(shape, init.dtype)) for p in phs)
    env.update(zip([s for s, _ in spec.shared], shared))
    needed = toposort([i for node in spec.dyn_statics for i in node.inputs], blockers=spec.bound)
    evaluate(needed, env)
    return tuple(node.op.static(*[_value(env, i) for i in node.inputs], **node.params)
                 for node in spec.dyn_statics)


def _scan_static_args(node):
    return node.params["spec"].static_positions


def scan_lower(*args, spec, static):
    if not any(is_tracer(a) for a in args):
        out = _eager(spec, static, args)
    elif spec.as_while:
        out = run(spec, static, args, "while")
    else:
        from .scan_grad import forward_with_memo
        out = forward_with_memo(spec, static, args)
    return out[0] if len(out) == 1 else out


def _eager(spec, static, args):
    """Eager evaluation (the pre-pass of a value-dependent shape): one jitted loop per step count."""
    fn = spec._eager.get(static)
    if fn is None:
        mode = "while" if spec.as_while else "scan"
        fn = spec._eager[static] = jax.jit(lambda *a: run(spec, static, a, mode))
    return fn(*args)


def scan_infer(*inputs, spec):
    return output_types(spec)


def output_types(spec):
    types = []
    for kind, taps, phs, out in spec.outs:
        # Theano's Scan types every output from the step's result, not from the initial state (so a state
        # whose broadcast pattern the step changes makes T.grad fail, see check_broadcast)
        types.append(TensorType(out.dtype, (False,) + out.broadcastable))
    types += [s.type for s, _ in spec.shared]
    if spec.as_while:
        types.append(TensorType("int64", ()))
    return types


def _describe(node):
    name = node.params["spec"].name
    return "for{cpu,%s}" % (name if name is not None else "scan_fn")


def _scan_grad(inputs, outputs, ograds, spec):
    from .scan_grad import scan_grad
    return scan_grad(inputs, outputs, ograds, spec)


class Scan(TheanoOp):
    """Theano's Scan (scan_module.scan_op): theano.scan's node is of it; str() is Theano's for{cpu,name}. Its
    inner graph lives in the node's spec (node.params["spec"]), not in Theano's props."""

    def node_props(self, node):
        return {}


scan_op = Scan.record("scan", scan_infer, scan_lower, _scan_grad, static=scan_static, static_args=_scan_static_args,
             describe=_describe)
scan_op.checks = lambda node: node.params["spec"].checked


def apply_scan(spec, n_steps, sequences, inits, shared):
    """The scan node's outputs for a spec (inputs in the node's order)."""
    from ..graph.nodes import Apply
    inputs = [n_steps] + list(sequences) + list(inits) + list(shared) + list(spec.free)
    node = Apply.from_types(scan_op, inputs, output_types(spec), {"spec": spec})
    scan_op.dress(node)
    for hook in BUILT:  # Theano's test values, as for a node built by calling an op
        hook(node)
    return node.outputs


# --- until: the result holds only the steps that ran ---

def _prefix_lower(buf, n_ran, static):
    return buf[:static]


prefix_op = Primitive("scan_until_prefix", lambda buf, n: [buf.type], _prefix_lower,
               lambda inputs, outputs, gouts: [pad_op(gouts[0], inputs[0], inputs[1]), None],
               static=lambda buf, n: int(np.asarray(n)), static_args=lambda node: [1],
               describe=lambda node: "Subtensor{:int64:}")


def _pad_lower(g, buf, n_ran):
    return lax.dynamic_update_slice_in_dim(jnp.zeros(buf.shape, g.dtype), g, 0, axis=0)


pad_op = Primitive("scan_until_pad", lambda g, buf, n: [g.type], _pad_lower,
            lambda inputs, outputs, gouts: [prefix_op(gouts[0], inputs[2]), None, None],
            describe=lambda node: "IncSubtensor{Set;:int64:}")
