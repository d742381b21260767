"""numpy's generators in the compiled step: RandomStreams' draws with Theano's numbers (host.py's other half).

A random state of the numpy kind is a numpy RandomState on the host: the user's object, held by the shared
variable's GeneratorContainer, updated in place once a call has succeeded (so a RandomState borrowed with
get_value(borrow=True) stays the live one, as in Theano). Inside the step a state is data: its MT19937 state
in WORDS uint32 words. A draw is a function from (state, arguments) to (new state, sample): Theano's
RandomFunction.perform on a scratch RandomState loaded with that state. So the step stays pure: states
thread through scan, the updates and no_default_updates like any value; a failed call commits nothing;
XLA may run a draw again (a vjp recomputing a loop) and gets the same numbers.

Where a draw runs, measured on the project's CPU machine (jax 0.10.2): a jitted call ~6-10 us, a
jax.pure_callback ~100-200 us (more with more operands), numpy's binomial ~10-20 ns per element.
* Ahead of the step (AheadDraws), for a draw whose arguments follow from constants and the shapes of the
  function's arguments (a dropout mask: size h.shape, constant p): the host draws before dispatch, passes
  the sample in, and commits the new state after the call succeeded. No callback; the step keeps its
  buffer donation and needs no failure check (numpy refuses the arguments before anything runs).
* By callback (draw), where the step computes the arguments (an RBM's binomial(p=sigmoid(...)), draws
  inside scan): values known while tracing are bound rather than passed, and an exception numpy raises is
  stashed and raised by the call after the step (host.report_failure), with no state committed.
Only get_state reveals a RandomState's cached gaussian, slowly (a Python loop over the key), so a shared
state enters the step as its key and position (a ctypes view of numpy's mt19937_state) and KEEPs the
cache: the normal draws, the only ones that use it, read it from the live generator.
"""
import ctypes
import itertools
import threading
import weakref
from typing import Callable, NamedTuple

import jax
import numpy as np

from ..graph.nodes import Constant, inputs as graph_inputs, toposort
from ..graph.ops import Primitive, is_tracer, primitive_name
from ..graph.types import TensorType
from . import mesh
from .host import Raised, host_call, report_failure, stash

WORDS = 628  # key[624], pos, has_gauss (0, 1 or KEEP), the cached gaussian (a float64 in two words)
KEEP = 2  # the gaussian cache is the live generator's, unread: the last two words name its holder
_STATE = ctypes.c_uint32 * 625  # numpy's mt19937_state: uint32 key[624]; int pos
_HOLDERS = weakref.WeakValueDictionary()
_HANDLES = itertools.count(1)


class GeneratorContainer:
    """Holds a shared numpy RandomState: storage[0] is the user's RandomState, as in Theano's Container.

    A compiled step reads and writes `value`, the generator's state as words: a call changes the
    RandomState in place, once the call has succeeded, so a borrowed RandomState stays the live one.
    """

    def __init__(self, random_state):
        self.storage = [random_state]
        self._handle = next(_HANDLES)
        _HOLDERS[self._handle] = self

    @property
    def value(self):
        words = np.empty(WORDS, np.uint32)
        words[:625] = _mt(self.storage[0])
        words[625] = KEEP
        words[626:].view(np.uint64)[0] = self._handle
        return words

    @value.setter
    def value(self, words):
        unpack(words, self.storage[0])

    def __getstate__(self):
        return {"storage": self.storage}

    def __setstate__(self, state):
        self.__init__(state["storage"][0])


def _mt(rs):
    """The live MT19937 key and position of a RandomState, as a uint32[625] view (BitGenerator.ctypes)."""
    return np.ctypeslib.as_array(_STATE.from_address(rs._bit_generator.ctypes.state_address))


def pack(rs):
    """A RandomState's whole state as WORDS uint32 words."""
    words = np.empty(WORDS, np.uint32)
    words[:625] = _mt(rs)
    _, _, _, has_gauss, gauss = rs.get_state()
    words[625] = has_gauss
    words[626:].view(np.float64)[0] = gauss
    return words


def _with_gauss(words):
    """words with the gaussian cache read from the live generator where they KEEP it."""
    if words[625] != KEEP:
        return words
    words = np.array(words)
    _, _, _, words[625], gauss = _HOLDERS[int(words[626:].view(np.uint64)[0])].storage[0].get_state()
    words[626:].view(np.float64)[0] = gauss
    return words


def unpack(words, rs):
    """Put the state `words` into the RandomState rs (in place) and return rs; with KEEP, rs keeps its own
    gaussian cache."""
    words = np.asarray(words, dtype=np.uint32)
    if words[625] == 1:
        rs.set_state(("MT19937", words[:624], int(words[624]), 1, float(words[626:].view(np.float64)[0])))
        return rs
    if words[625] == 0:
        rs.seed(0)  # the quick way to clear the gaussian cache; the key and position are copied next
    _mt(rs)[:] = words[:625]
    return rs


def random_state(words):
    """A new RandomState in the state `words` (a random state the step returns to the user)."""
    return unpack(_with_gauss(np.asarray(words, dtype=np.uint32)), np.random.RandomState(0))


_SCRATCH = threading.local()  # per thread, one RandomState the draws load states into


def _scratch():
    rs = getattr(_SCRATCH, "rs", None)
    if rs is None:
        rs = _SCRATCH.rs = np.random.RandomState(0)
    return rs


class HostDraw(NamedTuple):
    """One numpy draw: perform(random_state, *args) -> sample of out_type and out_shape; gaussian: it may
    use the generator's cached gaussian (normal draws)."""
    perform: Callable
    out_type: TensorType
    out_shape: tuple
    gaussian: bool


def _draw(spec, words, arrays):
    """(new state words, sample): spec's draw from the generator whose state is `words`."""
    rs = _scratch()
    if spec.gaussian:
        words = _with_gauss(words)
        unpack(words, rs)
    else:  # the other draws read and change only the key and position
        _mt(rs)[:] = words[:625]
    out = spec.perform(rs, *arrays)
    new = np.array(words)
    new[:625] = _mt(rs)
    if spec.gaussian:
        _, _, _, new[625], gauss = rs.get_state()
        new[626:].view(np.float64)[0] = gauss
    return new, out


def draw(state, args, spec):
    """(new state, sample) of the HostDraw `spec` from `state` (words): by callback inside a trace.

    A callback costs per operand and result: values known while tracing are bound, not passed, and the
    failure id rides in one more word after the new state."""
    traced = [k for k, a in enumerate(args) if is_tracer(a)]
    known = [None if is_tracer(a) else np.asarray(a) for a in args]

    def run(words, *arrays):
        bound = list(known)
        for k, a in zip(traced, arrays):
            bound[k] = a
        new = np.empty(WORDS + 1, np.uint32)
        try:
            new[:WORDS], out = _draw(spec, words, bound)
            new[WORDS] = 0
        except Exception as e:  # never unwind through XLA: the call raises it (report_failure)
            new[:WORDS], new[WORDS] = words, stash(e)
            out = np.zeros(spec.out_shape, spec.out_type.dtype)
        return new, out

    operands = [state] + [jax.lax.stop_gradient(args[k]) for k in traced]  # draws have no gradient
    if any(is_tracer(o) for o in operands):
        mesh.host_code("RandomStreams' numpy draws computed inside the step (randomstreams=numpy)")
    types = [TensorType("uint32", (False,)), spec.out_type]
    new, out = host_call(run, operands, types, [(WORDS + 1,), spec.out_shape], vectorize=True, catch=False)
    if is_tracer(new):
        report_failure(new[WORDS])
    elif new[WORDS]:
        raise Raised(new[WORDS])
    return new[:WORDS], out


# --- draws made ahead of the step ---
#
# A draw whose arguments depend only on constants and on the shapes of the step's arguments (a dropout
# mask of size h.shape and constant p) needs no callback: the host makes it before the step (with the same
# _draw) and passes its sample in as an argument; its state is committed on the host once the call has
# succeeded (and not at all where the function does not update it). The argument values are found once
# per shape signature, by tracing the few nodes that compute them (jax.eval_shape).

class AheadDraws:
    """The draws of one function made before its step, with the step's `updates` (less the states this
    commits) and extra arguments `roots`, given by `draw(values)` for the call's input values."""

    def __init__(self, draws, nodes, inputs, updates, outputs):
        self.draws = draws
        made = [o for node in draws for o in node.outputs]
        commits = {(node.inputs[0], node.outputs[0]) for node in draws}
        self._commits = [(t, v) for t, v in updates if (t, v) in commits and hasattr(t, "container")]
        self.updates = [u for u in updates if u not in self._commits]
        reached = set(graph_inputs(list(outputs) + [v for _, v in self.updates], blockers=list(inputs) + made))
        self.roots = [o for o in made if o in reached]
        needed = [i for node in draws for i in node.inputs]
        self._nodes = [n for n in toposort(needed, blockers=inputs) if n in nodes]
        self._roots = [v for v in graph_inputs(needed, blockers=inputs) if not isinstance(v, Constant)]
        self._inputs = {v: k for k, v in enumerate(inputs)}
        # the roots whose shapes decide the arguments (not the states drawn from)
        used = {i for n in self._nodes for i in (n.inputs[1:] if getattr(n.op, "on_host", None) else n.inputs)}
        self._shaped = [v for v in self._roots if v in used]
        self._specs = {}  # shapes of the roots that matter -> [(HostDraw, argument values)] per draw
        self._pending = []

    def _value(self, v, values):
        return values[self._inputs[v]] if v in self._inputs else v.container.value

    def draw(self, values):
        """The extra arguments of this call (drawn now); the states to commit wait for commit()."""
        sig = tuple(getattr(self._value(v, values), "shape", ()) for v in self._shaped)
        specs = self._specs.get(sig)
        if specs is None:
            specs = self._specs[sig] = self._discover([self._value(v, values) for v in self._roots])
        env = {}
        for node, (spec, args) in zip(self.draws, specs):
            r = node.inputs[0]
            env[node.outputs[0]], env[node.outputs[1]] = _draw(spec, env[r] if r in env else
                                                               self._value(r, values), args)
        self._pending = [(t, env[v]) for t, v in self._commits]
        return [env[v] for v in self.roots]

    def commit(self):
        """After a successful call: the drawn states become the shared generators' states."""
        for target, words in self._pending:
            target.container.value = words
        self._pending = []

    def _discover(self, values):
        from .lower import evaluate
        found = []

        def trace(*abstract):
            env = evaluate(self._nodes, dict(zip(self._roots, abstract)))
            found.extend([env[i] if i in env else i.data for i in node.inputs[1:]] for node in self.draws)
        jax.eval_shape(trace, *values)
        if any(is_tracer(v) for args in found for v in args):  # not foreseen by _known_ahead: compute
            with jax.ensure_compile_time_eval():
                env = evaluate(self._nodes, dict(zip(self._roots, values)))
            found = [[env[i] if i in env else i.data for i in node.inputs[1:]] for node in self.draws]
        return [(node.op.host_draw(node, args), [np.asarray(v) for v in args[1:]])
                for node, args in zip(self.draws, found)]


def plan_ahead(outputs, updates, inputs):
    """The AheadDraws of a function (its outputs, update pairs and input variables), or None."""
    nodes = toposort(list(outputs) + [v for _, v in updates], blockers=inputs)
    roots = set(graph_inputs(list(outputs) + [v for _, v in updates], blockers=inputs))
    known, states, draws = _known_ahead(nodes, roots), set(roots), []
    # a draw that decides a value-dependent shape stays in the step: the function's pre-pass computes such
    # shapes from the graph, before anything is drawn
    deciding = set(toposort([node.inputs[k] for node in nodes if isinstance(node.op, Primitive) and node.op.static
                             for k in _static_positions(node)], blockers=inputs))
    for node in nodes:
        on_host = getattr(node.op, "on_host", None)
        if on_host and on_host(node) and node not in deciding and node.inputs[0] in states and \
                all(i in known for i in node.inputs[1:]):
            draws.append(node)
            states.add(node.outputs[0])
    return AheadDraws(draws, set(nodes), inputs, updates, outputs) if draws else None


def _known_ahead(nodes, roots):
    """The variables whose values follow from constants and the shapes of the roots alone (as they do while
    the step is traced: shapes are static there, and nodes of known values are folded)."""
    value, shaped = set(), set(roots)
    for node in nodes:
        for i in node.inputs:
            if isinstance(i, Constant):
                value.add(i)
                shaped.add(i)
        op = node.op
        if not isinstance(op, Primitive) or not all(i in shaped for i in node.inputs):
            continue
        if op.static is not None:  # a shape that depends on values: known only with those values
            if not all(node.inputs[k] in value for k in _static_positions(node)):
                continue
        shaped.update(node.outputs)
        if primitive_name(node) == "shape" or (all(i in value for i in node.inputs) and
                                               op.do_constant_folding(node)):
            value.update(node.outputs)
    return value


def _static_positions(node):
    return node.op.static_args(node) if node.op.static_args else range(len(node.inputs))
