"""Variables, constants and apply nodes: the symbolic graph, and the walks over it."""
import itertools

import numpy as np


class Node:
    """theano.gof.graph.Node: the common base class of Apply and Variable (a node of the bipartite graph)."""

    __slots__ = ()

    def get_parents(self):
        raise NotImplementedError()


class Variable(Node):
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


class Apply(Node):
    """One application of an op to input variables, producing output variables (theano.gof.Apply).

    Apply(op, inputs, outputs) as in Theano: the outputs are fresh variables, which become this node's. A
    built-in op's parameters for this application (dtype, axis, ...) are `params`.
    """

    def __init__(self, op, inputs, outputs):
        if not isinstance(inputs, (list, tuple)):
            raise TypeError("The inputs of an Apply must be a list or tuple")
        if not isinstance(outputs, (list, tuple)):
            raise TypeError("The output of an Apply must be a list or tuple")
        for i in inputs:
            if not isinstance(i, Variable):
                raise TypeError(f"The 'inputs' argument to Apply must contain Variable instances, not {i}")
        self.op = op
        self.inputs = list(inputs)
        self.params = {}
        self.tag = _Tag()
        self.outputs = []
        for k, out in enumerate(outputs):
            if not isinstance(out, Variable):
                raise TypeError("The 'outputs' argument to Apply must contain Variable instances with no owner, "
                                f"not {out}")
            if out.owner is None:
                out.owner, out.index = self, k
            elif out.owner is not self or out.index != k:
                raise ValueError("All output variables passed to Apply must belong to it.")
            self.outputs.append(out)

    @classmethod
    def from_types(cls, op, inputs, output_types, params):
        """A node with a fresh output variable of each type, for a built-in op's application."""
        node = cls(op, inputs, [t.make_variable() for t in output_types])
        node.params = params
        return node

    def __str__(self):
        return f"{self.op.describe(self)}({', '.join(map(str, self.inputs))})"

    __repr__ = __str__

    def clone(self):
        """The same op on the same inputs, with new outputs (Theano: Apply.clone)."""
        return self.clone_with_new_inputs(self.inputs)

    def clone_with_new_inputs(self, inputs, strict=True):
        node = type(self)(self.op, list(inputs), [o.type.make_variable() for o in self.outputs])
        node.params = self.params
        return node

    def default_output(self):
        """The output that op(...) returns (Theano: Apply.default_output)."""
        do = getattr(self.op, "default_output", None)
        if do is None:
            if len(self.outputs) == 1:
                return self.outputs[0]
            raise AttributeError(f"{self.op}.default_output should be an output index.")
        return self.outputs[do]

    out = property(default_output)
    nin = property(lambda self: len(self.inputs))
    nout = property(lambda self: len(self.outputs))

    def get_parents(self):
        return list(self.inputs)

    def run_params(self):
        return self.params


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
