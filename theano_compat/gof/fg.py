"""theano.gof.fg: FunctionGraph (a graph between inputs and outputs) and Theano's graph errors."""
from ..compile.errors import MissingInputError
from ..config import config  # noqa: F401
from ..misc.ordered_set import OrderedSet
from .utils import get_variable_trace_string  # noqa: F401

NullType = None  # Theano: filled in lazily by theano.gof.null_type


class CachedConstantError(Exception):
    """A cached constant cannot be an input of a FunctionGraph."""


class InconsistencyError(Exception):
    """A change to the graph would break one of its invariants (Theano's destroy handler raises it)."""


class FunctionGraph:
    """The graph between `inputs` and `outputs`: its apply nodes, variables, clients and toposort.

    A read-only view: Theano's optimizers rewrite their FunctionGraph in place; XLA optimizes here, so
    replace() and the feature machinery are not provided.
    """

    def __init__(self, inputs, outputs, features=None, clone=True, update_mapping=None):
        from . import graph
        if clone:
            inputs, outputs = graph.clone(inputs, outputs)
        self.inputs, self.outputs = list(inputs), list(outputs)
        self.update_mapping = update_mapping
        self.features = list(features or [])
        missing = [v for v in graph.inputs(self.outputs, blockers=self.inputs)
                   if v not in self.inputs and not _is_constant_like(v)]
        if missing:
            raise MissingInputError("An input of the graph, used to compute %s, was not provided and not given "
                                    "a value. Use the Theano flag exception_verbosity='high', for more "
                                    "information on this error." % missing[0])
        self.apply_nodes = OrderedSet(graph.io_toposort(self.inputs, self.outputs))
        self.variables = OrderedSet(self.inputs)
        self.clients_map = {v: [] for v in self.inputs}
        for node in self.apply_nodes:
            for i, v in enumerate(node.inputs):
                self.variables.add(v)
                self.clients_map.setdefault(v, []).append((node, i))
            for v in node.outputs:
                self.variables.add(v)
                self.clients_map.setdefault(v, [])
        for i, v in enumerate(self.outputs):
            self.clients_map.setdefault(v, []).append(("output", i))

    def toposort(self):
        from . import graph
        return graph.io_toposort(self.inputs, self.outputs)

    def clients(self, r):
        """(node or 'output', input index) pairs using r."""
        return self.clients_map.get(r, [])

    def orderings(self):
        return {}

    def check_integrity(self):
        return None

    def __str__(self):
        from . import graph
        return "[%s]" % ", ".join(graph.as_string(self.inputs, self.outputs))

    def __repr__(self):
        return self.__str__()


def _is_constant_like(v):
    from ..graph.nodes import Constant
    from ..compile.shared import SharedVariable
    return isinstance(v, (Constant, SharedVariable))


__all__ = ["MissingInputError", "FunctionGraph", "InconsistencyError", "CachedConstantError"]
