"""theano.gof.fg: FunctionGraph, the graph between a list of inputs and a list of outputs, and its errors.

A FunctionGraph owns its apply nodes (it clones the graph unless clone=False) and keeps their clients, so
code can walk it (toposort, clients, variables) and edit it (replace, change_input): Theano's optimizers are
built on that. Here XLA optimizes the compiled step, so no optimizer runs on it; the graph a compiled
function shows (f.maker.fgraph) is a read-only one, whose editing methods raise, naming themselves.
"""
from ..compile.errors import MissingInputError
from ..config import config  # noqa: F401  (Theano's module exports it)
from ..graph.nodes import Constant
from ..misc.ordered_set import OrderedSet
from . import graph
from .utils import get_variable_trace_string  # noqa: F401

NullType = None  # Theano: filled in lazily by theano.gof.null_type


class CachedConstantError(Exception):
    """A cached constant cannot be an input of a FunctionGraph."""


class InconsistencyError(Exception):
    """A change to the graph would break one of its invariants (Theano's destroy handler raises it)."""


class FunctionGraph:
    """The graph between `inputs` and `outputs`, with the clients of each variable (Theano's FunctionGraph)."""

    def __init__(self, inputs, outputs, features=None, clone=True, update_mapping=None, read_only=None):
        if clone:
            inputs, outputs = graph.clone(inputs, outputs)
        self._read_only = read_only
        self.execute_callbacks_time = 0
        self.execute_callbacks_times = {}
        self._features = []
        self.inputs, self.outputs = [], list(outputs)
        self.apply_nodes, self.variables = OrderedSet(), OrderedSet()
        self._clients = {}
        for inp in inputs:
            if inp.owner is not None:
                raise ValueError("One of the provided inputs is the output of an already existing node. If that is "
                                 "okay, either discard that input's owner or use graph.clone.")
            self._setup(inp)
            self.inputs.append(inp)
        for i, out in enumerate(self.outputs):
            self._import_r(out, reason="init")
            self._clients[out].append(("output", i))
        for feature in features or []:
            self.attach_feature(feature)
        self.update_mapping = update_mapping
        self.profile = None

    # --- reading ---

    def clients(self, r):
        """The (node, input index) pairs using r; ('output', i) for the graph's i-th output."""
        return self._clients.get(r, [])

    def toposort(self):
        """The apply nodes, each after the nodes computing its inputs (Theano's order)."""
        if len(self.apply_nodes) < 2:
            return list(self.apply_nodes)
        return graph.io_toposort(self.inputs, self.outputs, self.orderings())

    def orderings(self):
        """{node: nodes that must run before it} beyond the data dependencies, from the features."""
        ords = {}
        for feature in self._features:
            if hasattr(feature, "orderings"):
                for node, prereqs in feature.orderings(self).items():
                    ords.setdefault(node, []).extend(prereqs)
        return ords

    def check_integrity(self):
        """Raise if the clients, nodes and variables disagree with the graph."""
        nodes = set(graph.ops(self.inputs, self.outputs))
        if nodes != set(self.apply_nodes):
            raise Exception("The nodes are inappropriately cached. missing, in excess: ",
                            nodes - set(self.apply_nodes), set(self.apply_nodes) - nodes)
        for node in nodes:
            for i, v in enumerate(node.inputs):
                if (node, i) not in self.clients(v):
                    raise Exception("Inconsistent clients list.", (node, i), self.clients(v))

    def __str__(self):
        return "[%s]" % ", ".join(graph.as_string(self.inputs, self.outputs))

    __repr__ = __str__

    def clone(self, check_integrity=True):
        """A copy of this graph (and of its features)."""
        return self.clone_get_equiv(check_integrity)[0]

    def clone_get_equiv(self, check_integrity=True, attach_feature=True):
        """(a copy of this graph, {original variable or node: its copy})."""
        equiv = graph.clone_get_equiv(self.inputs, self.outputs)
        if check_integrity:
            self.check_integrity()
        copy = FunctionGraph([equiv[i] for i in self.inputs], [equiv[o] for o in self.outputs], clone=False,
                             update_mapping=self.update_mapping)
        if attach_feature:
            for feature in self._features:
                copy.attach_feature(feature)
        return copy, equiv

    # --- editing ---

    def add_input(self, input):
        """Make `input` (a root variable) an input of the graph."""
        self._writable("add_input")
        if input not in self.inputs:
            self.inputs.append(input)
            self._setup(input)

    def change_input(self, node, i, new_r, reason=None):
        """Make new_r the i-th input of node (node 'output': the graph's i-th output)."""
        self._writable("change_input")
        r = self.outputs[i] if node == "output" else node.inputs[i]
        if r.type != new_r.type:
            raise TypeError("The type of the replacement must be the same as the type of the original Variable.",
                            r, new_r, r.type, new_r.type, str(reason))
        if r is new_r:
            return
        if node == "output":
            self.outputs[i] = new_r
        else:
            node.inputs[i] = new_r
        self._import_r(new_r, reason=reason)
        self._clients[new_r].append((node, i))
        self._remove_client(r, (node, i))
        self.execute_callbacks("on_change_input", node, i, r, new_r, reason=reason)

    def replace(self, r, new_r, reason=None, verbose=None):
        """Use new_r wherever r is used (both of the same type)."""
        self._writable("replace")
        if r.type != new_r.type:
            from ..compile.debugmode import BadOptimization
            raise BadOptimization(r, new_r, None, None, str(reason) + ". The type of the replacement must be the "
                                  "same.", str(r.type), str(new_r.type))
        if r not in self.variables:
            return  # Theano: silently, a variable already replaced
        for node, i in list(self.clients(r)):
            self.change_input(node, i, new_r, reason=reason)

    def replace_all(self, pairs, reason=None):
        """replace() for each (r, new_r) pair."""
        for r, new_r in pairs:
            self.replace(r, new_r, reason=reason)

    def attach_feature(self, feature):
        """Add a feature (an object with optional on_attach/on_import/on_prune/on_change_input callbacks)."""
        if feature in self._features:
            return
        attach = getattr(feature, "on_attach", None)
        if attach is not None:
            attach(self)
        self._features.append(feature)

    def remove_feature(self, feature):
        try:
            self._features.remove(feature)
        except ValueError:
            return
        detach = getattr(feature, "on_detach", None)
        if detach is not None:
            detach(self)

    def execute_callbacks(self, name, *args, **kwargs):
        """Call `name` on every feature that has it."""
        for feature in self._features:
            fn = getattr(feature, name, None)
            if fn is not None:
                fn(self, *args, **kwargs)

    def collect_callbacks(self, name, *args):
        return {f: getattr(f, name)(self, *args) for f in self._features if hasattr(f, name)}

    def disown(self):
        """Forget every node and variable (Theano: before the graph is discarded)."""
        self._writable("disown")
        self.apply_nodes, self.variables, self._clients = OrderedSet(), OrderedSet(), {}
        self.inputs, self.outputs = [], []

    # --- bookkeeping ---

    def _writable(self, method):
        if self._read_only:
            raise NotImplementedError("FunctionGraph.%s: %s" % (method, self._read_only))

    def _setup(self, r):
        if r not in self._clients:
            self._clients[r] = []
            self.variables.add(r)

    def _import_r(self, r, reason=None):
        if r.owner is not None and r.owner not in self.apply_nodes:
            self._import_node(r.owner, reason=reason)
        elif r.owner is None and not isinstance(r, Constant) and r not in self.inputs:
            raise MissingInputError("Undeclared input", variable=r)
        self._setup(r)

    def _import_node(self, apply_node, reason=None):
        new_nodes = graph.io_toposort(list(self.variables), apply_node.outputs)
        for node in new_nodes:
            if node in self.apply_nodes:
                continue
            for k, r in enumerate(node.inputs):
                if r.owner is None and not isinstance(r, Constant) and r not in self.inputs and \
                        r not in self.variables:
                    raise MissingInputError(
                        "Input %d of the graph (indices start from 0), used to compute %s, was not provided and not "
                        "given a value. Use the Theano flag exception_verbosity='high', for more information on "
                        "this error." % (k, node), variable=r)
        for node in new_nodes:
            if node in self.apply_nodes:
                continue
            self.apply_nodes.add(node)
            for out in node.outputs:
                self._setup(out)
            for k, r in enumerate(node.inputs):
                self._setup(r)
                self._clients[r].append((node, k))
            self.execute_callbacks("on_import", node, reason=reason)

    def _remove_client(self, r, client):
        clients = self._clients.get(r, [])
        if client in clients:
            clients.remove(client)
        if clients or r in self.outputs or r.owner is None or r.owner not in self.apply_nodes:
            if not clients and r.owner is None and r not in self.inputs:
                self.variables.discard(r)
            return
        node = r.owner
        if any(self._clients.get(o) for o in node.outputs):
            return
        self.apply_nodes.discard(node)  # no output of the node is used any more: prune it
        for out in node.outputs:
            self.variables.discard(out)
            self._clients.pop(out, None)
        self.execute_callbacks("on_prune", node, reason="pruned")
        for k, v in enumerate(node.inputs):
            self._remove_client(v, (node, k))


__all__ = ["MissingInputError", "FunctionGraph", "InconsistencyError", "CachedConstantError"]
