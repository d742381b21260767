"""theano.function: a graph compiled to one jitted pure step, with shared state threaded through it."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
import warnings
from collections import OrderedDict

import jax
import numpy as np

from ..config import config, matmul_precision
from ..graph.constants import as_tensor_variable
from ..graph.nodes import Constant, Variable, clone_replace, inputs as graph_inputs, toposort
from ..graph.null import NullType
from ..graph.types import TensorType
from . import cache, guard, placement
from .errors import MissingInputError, UnusedInputError
from .io import In, Out
from .function_model import FunctionModel, caller_name, input_containers
from .host import NeedsShapes
from .host_random import plan_ahead
from .lower import NeedsStatic, Prepass, make_step
from .mode import get_mode
from .shared import SharedVariable
from .step import Executable, finish


def function(inputs, outputs=None, mode=None, updates=None, givens=None, no_default_updates=False,
             accept_inplace=False, name=None, rebuild_strict=True, allow_input_downcast=None, profile=None,
             on_unused_input=None):
    """Compile `outputs` as a function of `inputs`, applying `updates` to shared variables on each call.

    mode and profile are accepted and change nothing: XLA compiles every function the same way.
    """
    if not isinstance(inputs, (list, tuple)):
        raise Exception("Input variables of a Theano function should be contained in a list, even when "
                        "there is a single input.")
    get_mode(mode)
    if not isinstance(no_default_updates, (bool, list)):
        raise TypeError("no_default_update should be either a boolean or a list")
    if name is None:
        name = caller_name(1)  # Theano: the file and line that compiled the function
    ins = [_as_in(i, allow_input_downcast) for i in inputs]
    _check_duplicates(ins)
    keys = list(outputs) if isinstance(outputs, dict) else None
    if keys is not None:
        outputs = [outputs[k] for k in keys]
    single = outputs is not None and not isinstance(outputs, (list, tuple))
    outs = [] if outputs is None else ([outputs] if single else list(outputs))
    outs = [_as_output(o) for o in outs]
    pairs = _update_pairs(updates)
    replace = _givens_pairs(givens, [i.variable for i in ins], rebuild_strict)
    if not rebuild_strict and replace:  # a replacement may change types: the graph is made again around it
        from .pfunc import apply_givens_loosely
        outs, pairs, ins = apply_givens_loosely(outs, pairs, ins, replace)
        replace = {}
    return Function(ins, outs, single if keys is None else keys, pairs, replace, no_default_updates, name,
                    on_unused_input or config.on_unused_input)


def _check_duplicates(ins):
    seen = {}
    for k, i in enumerate(ins):
        if i.variable in seen:
            raise UnusedInputError(f"Variable {i.variable} is used twice in inputs to theano.function, at indices "
                                   f"{seen[i.variable]} and {k}.  This would result in values provided for it "
                                   "being ignored. Please do not duplicate variables in the inputs list.")
        seen[i.variable] = k


def _as_in(i, allow_input_downcast):
    i = i if isinstance(i, In) else In(i) if isinstance(i, Variable) else None
    if i is None:
        raise TypeError("Unknown input type: expected a Variable or an In instance")
    if isinstance(i.variable, SharedVariable):
        raise TypeError(f"Cannot use a shared variable ({i.variable}) as explicit input. Consider "
                        "substituting a non-shared variable via the `givens` parameter")
    if isinstance(i.variable, Constant):
        raise TypeError(f"Cannot use a constant ({i.variable}) as an input of a function")
    if i.allow_downcast is None:
        i.allow_downcast = allow_input_downcast
    return i


def _as_output(o):
    o = o.variable if isinstance(o, Out) else o
    if not isinstance(o, Variable):
        raise TypeError(f"Outputs must be theano Variable or Out instances. Received {o} of type {type(o)}")
    return o


def _update_pairs(updates):
    if updates is None:
        return []
    if isinstance(updates, dict) and not isinstance(updates, OrderedDict) and len(updates) > 1:
        warnings.warn("The parameter 'updates' of theano.function() expects an OrderedDict, got "
                      f"{type(updates)}. Using a standard dictionary here results in non-deterministic "
                      "behavior.", stacklevel=3)
    items = list(updates.items()) if isinstance(updates, dict) else list(updates)
    pairs, seen = [], set()
    for item in items:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise ValueError("The updates parameter must be an OrderedDict/dict or a list of lists/tuples with 2 "
                             "elements")
        var, value = item
        if not isinstance(var, SharedVariable):
            raise TypeError("update target must be a SharedVariable", var)
        if var in seen:
            raise ValueError("this shared variable already has an update expression", (var, value))
        seen.add(var)
        value = value if isinstance(value, Variable) else as_tensor_variable(value)
        if value.type != var.type:
            value = _convert_update(var, value)
        pairs.append((var, value))
    return pairs


def _convert_update(var, value):
    from ..graph.nodes import Constant as C
    if isinstance(value, C) and value.type.dtype != var.type.dtype:
        try:
            return C(var.type, var.type.filter(value.data))
        except TypeError:
            pass
    raise TypeError(f"An update must have the same type as the original shared variable (shared_var={var}, "
                    f"shared_var.type={var.type}, update_val={value}, update_val.type={value.type}).",
                    "If the difference is related to the broadcast pattern, you can call the "
                    "tensor.unbroadcast(var, axis_to_unbroadcast[, ...]) function to remove broadcastable "
                    "dimensions.")


def _givens_pairs(givens, input_vars, strict=True):
    from ..ops.basic import patternbroadcast
    from .shared import shared
    if givens is None:
        return {}
    items = list(givens.items()) if isinstance(givens, dict) else list(givens)
    out = {}
    for old, new in items:
        if not isinstance(old, Variable):
            raise TypeError("given keys must be Variable", old)
        if old in input_vars:
            raise RuntimeError(
                f"You are trying to replace variable '{old}' through the `givens` parameter, but this variable is "
                "an input to your function. Replacing inputs is currently forbidden because it has no effect. One "
                "way to modify an input `x` to a function evaluating f(x) is to define a new input `y` and use "
                "`theano.function([y], f(x), givens={x: g(y)})`. Another solution consists in using "
                "`theano.clone`, e.g. like this: `theano.function([x], theano.clone(f(x), replace={x: g(x)}))`.")
        if not isinstance(new, Variable):
            new = shared(new)
        if new.type != old.type and strict:
            if new.dtype != old.dtype or new.ndim != old.ndim or \
                    any(b and not nb for b, nb in zip(old.broadcastable, new.broadcastable)):
                raise TypeError("Trying to replace a variable with a variable of a different type: "
                                f"{old} ({old.type}) with {new} ({new.type})")
            new = patternbroadcast(new, old.broadcastable)
        out[old] = new
    return out


class Function(FunctionModel):
    """A compiled Theano function: call it with the inputs' values (Theano's object model: function_model.py)."""

    def __init__(self, ins, outs, single, updates, givens, no_default_updates, name, on_unused_input):
        self.name = name
        self._spec = (ins, outs, single, updates, givens, no_default_updates, name, on_unused_input)
        self._storage = input_containers(ins)  # the explicit inputs' defaults and state
        self._build(*self._spec)

    # --- building ---

    def _build(self, ins, outs, single, updates, givens, no_default_updates, name, on_unused_input):
        targets = [u for u, _ in updates]
        self._n_outs = len(outs)
        self._stateful = [k for k, i in enumerate(ins) if i.update is not None]
        outs = outs + [ins[k].update for k in self._stateful]
        new_graph = clone_replace(outs + [v for _, v in updates], givens)
        outs, update_values = new_graph[:len(outs)], new_graph[len(outs):]
        updates = list(zip(targets, update_values))
        updates += _default_updates(outs + update_values, updates, no_default_updates, givens,
                                    [i.variable for i in ins])
        self.inputs = ins
        self._graph = (outs, updates)  # what f.maker shows
        self._single = single
        self._input_vars = [i.variable for i in ins]
        everything = outs + [v for _, v in updates]
        roots = graph_inputs(everything, blockers=self._input_vars)
        self._check_roots(roots, on_unused_input)
        # numpy draws whose arguments the host knows before the call are made then, their states committed
        # after it (compile/host_random.py): the step takes what they drew as arguments
        self._ahead = plan_ahead(outs, updates, self._input_vars)
        blockers = self._input_vars
        if self._ahead is not None:
            updates, blockers = self._ahead.updates, self._input_vars + self._ahead.roots
            everything = outs + [v for _, v in updates]
            roots = graph_inputs(everything, blockers=blockers)
        shared_roots = [r for r in roots if isinstance(r, SharedVariable)]
        target_set = {t for t, _ in updates}
        self._updated = [s for s in shared_roots if s in target_set]
        self._readonly = [s for s in shared_roots if s not in target_set]
        update_of = dict(updates)
        # The updated shared variables the step reads come first, in the order of its arguments, so that
        # each new value lines up with the old one it replaces (donation, roll-back); then the others.
        updated = set(self._updated)
        self._targets = self._updated + [t for t, _ in updates if t not in updated]
        self._drawn = blockers[len(self._input_vars):]  # after the shared values: what was drawn ahead
        nodes = toposort(everything, blockers=blockers)
        self._placement = placement.current()
        self._step = make_step(self._input_vars + self._updated + self._readonly + self._drawn, outs,
                               [update_of[t] for t in self._targets], nodes,
                               self._placement.plan(self._input_vars, list(givens.values()), nodes))
        self._shared = self._updated + self._readonly  # the step's arguments after the inputs, in order
        self._precision = matmul_precision()  # Theano reads its flags when it compiles
        cache.activate()
        self._static_nodes = []
        self._prepass = None
        self._compiled = {}
        self._fast = None
        self._guarded = False
        self.outputs = outs[:self._n_outs]
        self._fetchers = [_fetcher(o) for o in self.outputs]
        self._converters = [_converter(i) for i in ins]

    def _check_roots(self, roots, on_unused_input):
        root_set = set(roots)
        self._check_unused(root_set, on_unused_input)
        for r in roots:
            if r.owner is not None or isinstance(r, (Constant, SharedVariable)) or r in self._input_vars:
                continue
            if isinstance(r.type, NullType):  # an undefined gradient as an output (Theano's FunctionGraph)
                raise TypeError("Computation graph contains a NaN. " + r.type.why_null)
            raise MissingInputError(
                f"Input 0 of the graph (indices start from 0), used to compute the outputs, was not "
                f"provided and not given a value ({r}). Use the Theano flag exception_verbosity='high', for more "
                f"information on this error.", variable=r)

    def _check_unused(self, root_set, on_unused_input):
        for k, v in enumerate(self._input_vars):
            if v in root_set or on_unused_input == "ignore":
                continue
            msg = (f"theano.function was asked to create a function computing outputs given certain inputs, "
                   f"but the provided input variable at index {k} is not part of the computational graph "
                   f"needed to compute the outputs: {v}.\n")
            if on_unused_input == "warn":
                warnings.warn(msg, stacklevel=4)
            elif on_unused_input == "raise":
                raise UnusedInputError(msg + "To make this error into a warning, you can pass the parameter "
                                       "on_unused_input='warn' to theano.function. To disable it completely, "
                                       "use on_unused_input='ignore'.")
            else:
                raise ValueError(f"Invalid value for keyword on_unused_input of theano.function: "
                                 f"'{on_unused_input}'.\nValid values are 'raise', 'warn', and 'ignore'.")

    # --- calling ---

    def __call__(self, *args, **kwargs):
        if kwargs or len(args) != len(self._converters):
            values = self._bind(args, kwargs)
        else:
            try:
                values = [convert(a) for convert, a in zip(self._converters, args)]
            except (TypeError, ValueError, AttributeError):
                values = self._bind(args, kwargs)  # again, for Theano's error message
        shared = [s.container.value for s in self._shared]
        if self._ahead is not None:
            shared += self._ahead.draw(values)
        fast = self._fast
        try:
            if fast is not None and (not self._guarded or fast.passes(values, shared)):
                outs, new, flag, olds = fast.host(*values, *shared)
            else:
                outs, new, flag, olds = self._call_slow(values, shared)
        except NeedsShapes:
            # A user Op without infer_shape met input shapes it has not seen: this call runs op by op,
            # which teaches the next trace its output shapes.
            (outs, new), flag = self._step(list(values) + list(shared), None), None
        if flag is not None:
            outs = self._settle(outs, new, flag, olds)
        for target, value in zip(self._targets, new):
            target.container.value = value
        if self._ahead is not None:
            self._ahead.commit()
        if self._stateful:
            outs = self._keep_state(outs)
        fetch = self._fetchers
        if self._single is True:
            return fetch[0](outs[0])  # a fresh, writeable array, as Theano returns
        if self._single:
            return {k: f(o) for k, f, o in zip(self._single, fetch, outs)}
        return [f(o) for f, o in zip(fetch, outs)]

    def _settle(self, outs, new, flag, olds):
        """A call whose step can fail: its flag and outputs come back in one transfer; on failure every
        shared variable keeps (gets back) its value and Theano's error is raised."""
        failed, outs, flag = finish(flag, outs)
        guard.settle(failed)
        if failed:  # the step rolled its updates back; a variable it does not read was not donated: kept
            for target, value, old in zip(self._updated, new, olds):
                target.container.value = value if old is None else old
            raise guard.exception_of(flag)
        return outs

    def _call_slow(self, values, shared):
        """The first call (tracing), and every call of a step whose shapes depend on values."""
        while True:
            try:
                exe = self._executable(values, shared)
                result = exe.prepare(values, shared)(*values, *shared)
                break
            except NeedsStatic as e:  # the trace met a value-dependent shape: resolve it ahead of the step
                self._static_nodes.append(e.node)
                self._prepass = Prepass(self._static_nodes)
                self._compiled.clear()
        if self._prepass is None:
            self._fast = exe  # one compiled step serves every later call
            self._guarded = exe.guarded
        return result

    def _keep_state(self, outs):
        """In(x, value=..., update=...): the update's value is x's default in the next call."""
        n = self._n_outs
        for k, value in zip(self._stateful, outs[n:]):
            self._keep(k, value)
        return outs[:n]

    def _executable(self, values, shared):
        key = ()
        keys = None
        if self._prepass is not None:
            keys = self._prepass.keys(dict(zip(self._input_vars + self._shared, values + shared)))
            key = tuple(keys[n] for n in self._static_nodes)
        exe = self._compiled.get(key)
        if exe is None:
            exe = self._compiled[key] = Executable(self._step, keys, self._input_vars, self._updated,
                                                   self._readonly + self._drawn, self._placement, self._precision)
        return exe


def _fetcher(output):
    """How an output's value reaches the caller: a fresh numpy array, or the user's value of a random state."""
    t = output.type
    return np.array if isinstance(t, TensorType) else getattr(t, "value", np.array)


def _converter(spec):
    """The per-call conversion of one argument: the common cases without Theano's full filter."""
    if spec.implicit:
        return _refuse  # Theano: no argument for an implicit input (the slow path says so)
    t = spec.variable.type
    if not isinstance(t, TensorType):  # a random state, ...: the type's filter
        return lambda value: t.filter(value, strict=spec.strict, allow_downcast=spec.allow_downcast)
    dtype, ndim, strict, downcast = t.numpy_dtype, t.ndim, spec.strict, spec.allow_downcast
    plain = not any(t.broadcastable)
    python_scalar = {"f": float, "i": int}.get(dtype.kind) if ndim == 0 and dtype.itemsize == 8 else None
    numpy_scalar = dtype.type if ndim == 0 else None

    def convert(value):
        kind = type(value)
        if kind is np.ndarray:
            if value.dtype == dtype and value.ndim == ndim and plain:
                return value
        elif kind is numpy_scalar:  # np.float32(0.1) into a float32 scalar: exactly the declared type
            return value
        elif kind is python_scalar and not strict and (kind is float or -2 ** 63 <= value < 2 ** 63):
            # A Python float into float64 (an int into int64) is exact; handed to the jitted step as it is,
            # which is its fastest argument (the step casts to the declared dtype).
            return value
        elif isinstance(value, jax.Array) and value.dtype == dtype and value.ndim == ndim and plain:
            return value  # already on a device: no host round trip
        return t.filter(value, strict=strict, allow_downcast=downcast)

    if python_scalar is float and not strict:  # a float64 scalar: the common cases first, in one test
        def convert_float(value):
            kind = type(value)
            return value if kind is float or kind is numpy_scalar else convert(value)
        return convert_float
    return convert


def _refuse(value):
    raise TypeError("implicit input")


def _default_updates(graph, updates, no_default_updates, givens, blockers=()):
    """Theano's default_update mechanism: shared variables in the graph that carry one get it applied."""
    if no_default_updates is True:
        return []
    frozen = set(no_default_updates or [])
    done = {t for t, _ in updates}
    extra, frontier = [], list(graph)
    while frontier:
        found = []
        for r in graph_inputs(frontier, blockers=blockers):  # not through an input of the function
            if isinstance(r, SharedVariable) and r.default_update is not None and r not in done \
                    and r not in frozen:
                done.add(r)
                value = clone_replace([r.default_update], givens)[0]
                if value.type != r.type:
                    value = _convert_update(r, value)
                extra.append((r, value))
                found.append(value)
        frontier = found
    return extra


# The module theano.compile.function also holds these in Theano.
from .dump import function_dump  # noqa: E402,F401
from .pfunc import pfunc  # noqa: E402,F401
orig_function = function
