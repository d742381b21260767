"""Variables, constants and apply nodes: the symbolic graph, and the walks over it."""
import itertools

import numpy as np


class Variable:
    """A symbolic value of some type; `owner` is the Apply node that computes it (None for a root)."""

    _ids = itertools.count()

    def __init__(self, type, owner=None, index=None, name=None):
        self.type = type
        self.owner = owner
        self.index = index
        self.name = name
        self.tag = _Tag()
        self.auto_name = f"auto_{next(self._ids)}"

    def __str__(self):
        if self.name is not None:
            return self.name
        if self.owner is not None:
            op = self.owner.op
            if len(self.owner.outputs) == 1:
                return f"{op.describe(self.owner)}.0"
            return f"{op.describe(self.owner)}.{self.index}"
        return f"<{self.type}>"

    def __repr__(self):
        return str(self)

    def get_parents(self):
        return [self.owner] if self.owner is not None else []

    def clone(self):
        """A new root variable of the same type and name (Theano: Variable.clone)."""
        cp = self.__class__(self.type, name=self.name)
        cp.tag = self.tag
        return cp

    def eval(self, inputs_to_values=None):
        """Compile (once per set of inputs) and run a function computing this variable."""
        from ..compile.function import function
        inputs_to_values = inputs_to_values or {}
        inputs = tuple(inputs_to_values)
        cache = self.__dict__.setdefault("_eval_cache", {})
        if inputs not in cache:
            cache[inputs] = function(list(inputs), self)
        return cache[inputs](*[inputs_to_values[i] for i in inputs])

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_eval_cache", None)
        return state


class Constant(Variable):
    """A root variable with a fixed value (`.data`)."""

    def __init__(self, type, data, name=None):
        super().__init__(type, name=name)
        self.data = type.filter(data)

    @property
    def value(self):
        return self.data

    def __str__(self):
        # Theano: a constant prints its value, never its name; a uniform array as "(shape) of value".
        flat = self.data.ravel()
        if self.data.ndim > 0 and flat.size and bool((flat == flat[0]).all()):
            text = f"{self.data.shape} of {flat[0]}"
        else:
            text = str(self.data)
        if len(text) > 20:
            text = text[:10] + ".." + text[-10:]
        return f"{self.__class__.__name__}{{{text}}}"

    def clone(self):
        return self  # constants are shared between clones, as in Theano


class Apply:
    """One application of an op to input variables, with its output variables and the op's parameters."""

    def __init__(self, op, inputs, output_types, params):
        self.op = op
        self.inputs = list(inputs)
        self.params = params
        self.outputs = [t.Variable(t, owner=self, index=i) for i, t in enumerate(output_types)]

    def __str__(self):
        return f"{self.op.describe(self)}({', '.join(map(str, self.inputs))})"

    def clone_with_new_inputs(self, inputs):
        return Apply(self.op, inputs, [o.type for o in self.outputs], self.params)

    @property
    def out(self):
        return self.outputs[0]


class _Tag:
    """Free-form annotations (Theano's `var.tag`), e.g. `tag.test_value`."""


def ancestors(outputs, blockers=()):
    """Every variable the outputs depend on, stopping at the blockers."""
    blockers = set(blockers)
    seen, stack, order = set(), list(outputs), []
    while stack:
        v = stack.pop()
        if v in seen:
            continue
        seen.add(v)
        order.append(v)
        if v.owner is not None and v not in blockers:
            stack.extend(v.owner.inputs)
    return order


def inputs(outputs, blockers=()):
    """The root variables of the graph (theano.gof.graph.inputs)."""
    return [v for v in ancestors(outputs, blockers) if v.owner is None or v in blockers]


def toposort(outputs, blockers=()):
    """The apply nodes computing `outputs`, each after the nodes it depends on."""
    order, done = [], set()
    blockers = set(blockers)
    for out in outputs:
        stack = [(out, False)]
        while stack:
            v, expanded = stack.pop()
            node = v.owner
            if node is None or v in blockers or node in done:
                continue
            if expanded:
                done.add(node)
                order.append(node)
                continue
            stack.append((v, True))
            stack.extend((i, False) for i in reversed(node.inputs) if i.owner is not None and i.owner not in done)
    return order


def clone_replace(outputs, replace=None, share_inputs=True):
    """Copies of `outputs` with the variables of `replace` substituted (theano.clone)."""
    memo = {}
    for old, new in (replace or {}).items():
        memo[old] = new
    for node in toposort(list(outputs), blockers=memo):
        new_inputs = [memo.get(i, i) if share_inputs or i.owner is not None else memo.setdefault(i, i.clone())
                      for i in node.inputs]
        if all(a is b for a, b in zip(new_inputs, node.inputs)):
            continue
        new_node = node.clone_with_new_inputs(new_inputs)
        for old, new in zip(node.outputs, new_node.outputs):
            new.name = old.name
            new.tag = old.tag
            memo[old] = new
    return [memo.get(o, o) for o in outputs]


def is_constant_value(v, value):
    """True when `v` is a constant equal to `value` everywhere (for Theano's printing and grad shortcuts)."""
    return isinstance(v, Constant) and bool(np.all(v.data == value))
