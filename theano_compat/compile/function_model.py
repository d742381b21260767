"""Theano's object model of a compiled function (theano.compile.function_module.Function), around the step.

What legacy code reads and writes on a function: the containers of its inputs (`f.input_storage`,
`f.container[x]`, shared with another function through In(value=f.container[x])), their values and state
(`f[x]`, `f['name'] = v`, `f.value`), `f.defaults`, `f.maker` (inputs, outputs, a FunctionGraph view),
`f.copy(...)`, pickling and deep copies (state kept, shared containers still shared), `f.trust_input`,
`f.free()`. None of it is on the per-call path: a call with all its arguments never reads a container.
"""
import copy as _copy
import sys

import jax
import numpy as np

from ..graph.nodes import Variable
from .container import Container

DUPLICATE = ["DUPLICATE"]  # Theano: the finder's entry for a name two inputs share
_MISSING = object()


def get_info_on_inputs(named_inputs, n_unnamed_inputs):
    """The explanation Theano adds to errors about a function's inputs."""
    def plural(n):
        return "s" if n > 1 else ""
    n_named = len(named_inputs)
    if n_named == 0:
        if n_unnamed_inputs == 0:
            return "The function is supposed to have no input."
        if n_unnamed_inputs == 1:
            return ("The function has a single input variable which has no name, and thus cannot be assigned "
                    "through a keyword argument (use 'name=...' in a Variable's constructor to give it a name).")
        return ("The function has %s inputs, but none of them is named, and thus they cannot be assigned through "
                "keyword arguments (use 'name=...' in a Variable's constructor to give it a name)."
                % n_unnamed_inputs)
    if n_unnamed_inputs == 0:
        return "The function has %s named input%s (%s)." % (n_named, plural(n_named), ", ".join(named_inputs))
    return ("The function has %s named input%s (%s), and %s unnamed input%s which thus cannot be accessed "
            "through keyword argument%s (use 'name=...' in a variable's constructor to give it a name)."
            % (n_named, plural(n_named), ", ".join(named_inputs), n_unnamed_inputs, plural(n_unnamed_inputs),
               plural(n_unnamed_inputs)))


def caller_name(depth):
    """Theano names an unnamed function after the file and line that compiled it."""
    frame = sys._getframe(depth)
    while frame is not None and "/theano_compat/" in frame.f_code.co_filename.replace("\\", "/"):
        frame = frame.f_back
    return None if frame is None else "%s:%d" % (frame.f_code.co_filename, frame.f_lineno)


def input_containers(ins):
    """One Container per explicit input: its default value (filtered by its type), or the container given
    as In(value=...) so that functions share it."""
    out = []
    for i in ins:
        value = i.value
        if isinstance(value, Variable) and hasattr(value, "container"):
            value = value.container  # In(x, value=shared_variable): its container
        if type(value) is Container:  # Theano: a new container on the same storage list
            out.append(Container(i.variable, value.storage, strict=i.strict, allow_downcast=i.allow_downcast,
                                 name=i.name))
            continue
        if isinstance(value, Container):
            out.append(value)
            continue
        c = Container(i.variable, [None], strict=i.strict, allow_downcast=i.allow_downcast, name=i.name)
        if value is not None:
            c.value = value
        out.append(c)
    return out


class _ValueAttribute:
    """f.value: dictionary-like access to the values of the inputs, by index, variable or name."""

    def __init__(self, f):
        self._f = f

    def __getitem__(self, item):
        c = self._f._find(item, for_get=True)
        return c.read() if hasattr(c, "read") else c.storage[0]

    def __setitem__(self, item, value):
        self._f[item] = value

    def __contains__(self, item):
        return self._f._has(item)


class _ContainerAttribute:
    """f.container: dictionary-like access to the inputs' containers (not settable)."""

    def __init__(self, f):
        self._f = f

    def __getitem__(self, item):
        return self._f._find(item, for_get=True)

    def __contains__(self, item):
        return self._f._has(item)


class FunctionModel:
    """The Theano-level attributes and methods of compile.function.Function (see the module doc)."""

    _trust_input = False
    profile = None

    # --- the inputs' containers ---

    def _finder(self):
        """{index, variable, name: container} over the explicit inputs and then the shared variables read, as
        Theano's finder (a name two inputs share maps to DUPLICATE)."""
        finder = {}
        for k, (spec, c) in enumerate(zip(self.maker.inputs, self.input_storage)):
            finder[k] = c
            finder[spec.variable] = c
            finder[spec.name] = DUPLICATE if spec.name in finder else c
        return finder

    @property
    def finder(self):
        return self._finder()

    @property
    def inv_finder(self):
        return {c: spec for spec, c in zip(self.maker.inputs, self.input_storage)}

    @property
    def input_storage(self):
        """The containers of the explicit inputs, then those of the shared variables the function reads."""
        return list(self._storage) + [i.value for i in self.maker.inputs[len(self._storage):]]

    def _has(self, item):
        try:
            return item in self._finder()
        except TypeError:
            return False

    def _find_spec(self, item):
        c = self._finder().get(item) if _hashable(item) else None
        return self.inv_finder.get(c) if isinstance(c, Container) else None

    def _find(self, item, for_get=False):
        finder = self._finder()
        try:
            c = finder[item]
        except (KeyError, TypeError):
            if for_get:
                raise TypeError("Unknown input or state: %s" % (item,)) from None
            named = [i.name for i in self.inputs if i.name is not None]
            raise TypeError("Unknown input or state: %s. %s" % (
                item, get_info_on_inputs(named, len(self.inputs) - len(named)))) from None
        if c is DUPLICATE:
            raise TypeError("Ambiguous name: %s - please check the names of the inputs of your function for "
                            "duplicates." % (item,))
        return c

    @property
    def output_storage(self):
        """One container per output, filled by `f.fn()` (Theano's VM wrote every call's outputs there; here
        only fn() does, so that a call keeps its one host transfer and nothing more)."""
        if "_output_storage" not in self.__dict__:
            self._output_storage = [Container(o.variable, [None]) for o in self.maker.outputs]
        return self._output_storage

    def fn(self):
        """Theano's `f.fn()`: run on the values held in the input containers, outputs into output_storage."""
        outs = self(*[c.value for c in self._storage])
        if self.maker.unpack_single:
            outs = [outs]
        for c, v in zip(self.output_storage, outs or []):
            c.storage[0] = v

    value = property(lambda self: _ValueAttribute(self), doc="dictionary-like access to the inputs' values")
    container = property(lambda self: _ContainerAttribute(self), doc="dictionary-like access to the inputs' "
                                                                     "containers")

    def __getitem__(self, item):
        return self.value[item]

    def __setitem__(self, item, value):
        spec = self._find_spec(item)
        if spec is not None and spec.shared:
            spec.variable.set_value(value, borrow=True)  # Theano's container keeps the filtered value
        else:
            self._find(item).value = value

    def __contains__(self, item):
        return self._has(item)

    @property
    def defaults(self):
        """[(required, refeed, value)] per input, as Theano's (value: the In's default, or a container)."""
        return [(i.value is None, i.value is not None and i.update is None and not isinstance(i.value, Container)
                 and not i.shared, i.value) for i in self.maker.inputs]

    @property
    def indices(self):
        return [[i, None, [i]] for i in self.maker.inputs]

    # --- reading and keeping the inputs' values (the call's slow path) ---

    def _bind(self, args, kwargs):
        """The step's input values from a call's arguments: positional, by name or variable, or defaults."""
        n = len(self.inputs)
        if len(args) + len(kwargs) > n:
            raise TypeError("Too many parameter passed to theano function")
        given = list(args) + [_MISSING] * (n - len(args))
        for key, value in kwargs.items():
            c = self._find(key)
            k = next((j for j, s in enumerate(self._storage) if s is c), None)
            if k is None:  # a shared variable's name: the function reads it, the caller cannot give it
                raise TypeError("Tried to provide value for implicit input: %s" % (key,))
            if given[k] is not _MISSING:
                raise TypeError("Multiple values for input: %s" % (key,))
            given[k] = value
        for k, value in enumerate(given):
            if value is not _MISSING and self.inputs[k].implicit:
                raise TypeError("Tried to provide value for implicit input: %s" % (self.inputs[k].variable,))
        values = [self._filter(k, v) for k, v in enumerate(given)]
        # Theano puts the defaults of inputs without update back after a call: f[a] = v lasts one call (one
        # that uses defaults here: a call giving every argument never reads the containers)
        for k, spec in enumerate(self.inputs):
            if spec.update is None and spec.value is not None and not isinstance(spec.value, (Container, Variable)):
                self._storage[k].value = spec.value
        return values

    def _filter(self, k, value):
        spec = self.inputs[k]
        if value is _MISSING:
            value = self._storage[k].storage[0]
            if value is None:
                raise TypeError("Missing required input: %s" % (spec.variable,))
        if self._trust_input:
            return _trusting(spec)(value)
        t = spec.variable.type
        if isinstance(value, jax.Array) and value.dtype == t.numpy_dtype and value.ndim == t.ndim:
            return value  # already on a device: no host round trip
        if value is None:  # Theano lets None through its filter, and the computation refuses it
            raise ValueError(f"expected an ndarray, not None (input {spec.variable} at index {k} of the theano "
                             "function)")
        try:
            return t.filter(value, strict=spec.strict, allow_downcast=spec.allow_downcast)
        except (TypeError, ValueError, AttributeError) as e:
            where = "theano function" + (' with name "%s"' % self.name if self.name else "")
            arg = "argument" + (' with name "%s"' % spec.name if spec.name else "")
            e.args = ("Bad input %s to %s at index %d (0-based). %s" % (arg, where, k, e.args[0]),) + e.args[1:]
            raise

    def _keep(self, k, value):
        """In(x, value=..., update=...): the update's value is x's value from now on (and in its container)."""
        self._storage[k].value = np.array(value)

    # --- trust_input ---

    @property
    def trust_input(self):
        """True: the arguments are taken as they are (numpy arrays of the inputs' types), unchecked."""
        return self._trust_input

    @trust_input.setter
    def trust_input(self, value):
        self._trust_input = bool(value)
        self._converters = [_trusting(i) if value else _converter_of(i) for i in self.inputs]

    # --- the maker ---

    @property
    def maker(self):
        view = self.__dict__.get("_maker_view")
        if view is None:
            from .maker import FunctionMaker
            view = self.__dict__["_maker_view"] = FunctionMaker.of(self)
        return view

    unpack_single = property(lambda self: self._single is True)
    return_none = False
    output_keys = property(lambda self: None if self._single in (True, False) else list(self._single))
    n_returned_outputs = property(lambda self: len(self.outputs))
    nodes_with_inner_function = property(lambda self: [n.op for n in self.maker.fgraph.apply_nodes
                                                       if hasattr(n.op, "local_outputs")])
    _check_for_aliased_inputs = property(lambda self: any(
        not i.shared and (i.borrow or i.mutable) for i in self.inputs))

    def get_shared(self):
        """The shared variables this function reads or updates."""
        return [i.variable for i in self.maker.inputs if i.implicit and i.shared]

    def sync_shared(self):
        """Wait until the shared variables' new values are computed."""
        for v in self.get_shared():
            block = getattr(v.container.value, "block_until_ready", None)
            if block is not None:
                block()

    def free(self):
        """Theano drops the intermediate results a function kept (allow_gc=False); XLA keeps none."""

    # --- copies and pickling ---

    def copy(self, share_memory=False, swap=None, delete_updates=False, name=None, profile=None):
        """A new function computing the same graph, with its own input containers (started from the inputs'
        defaults; shared containers stay shared). swap: {shared variable: another of the same type} used
        instead, in the graph and as update targets; delete_updates: no updates at all. share_memory is
        accepted (XLA keeps no intermediate storage to share)."""
        from .function import Function
        ins, outs, single, updates, givens, no_default_updates, old_name, on_unused = self._spec
        ins = [_copy.copy(i) for i in ins]
        swap = dict(swap or {})
        shared = self.get_shared()
        for old, new in swap.items():
            if old not in shared:
                raise ValueError("SharedVariable: %s not found" % old.name)
            _check_swap(old, new)
        givens = dict(givens, **{}) if isinstance(givens, dict) else dict(givens or {})
        givens.update(swap)
        if delete_updates:
            for i in ins:
                i.update = None
            updates, no_default_updates, on_unused = [], True, "ignore"
        else:
            updates = [(swap.get(t, t), v) for t, v in updates]
        if not name and self.name:
            name = self.name + " copy"
        # Theano: the copy's maker gets a list of outputs, so a copy of a one-output function returns a list
        return Function(ins, outs, False if single is True else single, updates, givens, no_default_updates,
                        name, on_unused)

    def __copy__(self):
        return self.copy()

    def __getstate__(self):
        return {"spec": self._spec, "storage": self._storage, "name": self.name, "trust_input": self._trust_input}

    def __setstate__(self, state):
        self._spec = state["spec"]
        self._storage = state["storage"]
        self.name = state["name"]
        self._build(*self._spec)
        if state.get("trust_input"):
            self.trust_input = True


def _check_swap(old, new):
    from .shared import SharedVariable
    assert isinstance(old, SharedVariable), ("Key of swap should be SharedVariable, given:", old, " type", type(old))
    assert isinstance(new, SharedVariable), ("Value of swap should be SharedVariable, given:", new, "type",
                                             type(old))
    assert old.type == new.type, ("Type of given SharedVariable conflicts with original one",
                                  "Type of given SharedVariable:", new.type, "Type of original SharedVariable:",
                                  old.type)


def _hashable(item):
    try:
        hash(item)
        return True
    except TypeError:
        return False


def _converter_of(spec):
    from .function import _converter
    return _converter(spec)


def _trusting(spec):
    """trust_input: an argument is used as it is; what is not an array of the input's type fails, as
    Theano's compiled code fails on it."""
    t = spec.variable.type
    dtype, ndim = getattr(t, "numpy_dtype", None), getattr(t, "ndim", None)

    def take(value):
        if getattr(value, "dtype", None) == dtype and getattr(value, "ndim", None) == ndim:
            return value
        raise ValueError("expected an ndarray (a %s given to a function with trust_input=True, whose input %s "
                         "takes an array of type %s as it is)" % (type(value).__name__, spec.variable, t))
    return take
