"""FunctionMaker: what Theano code reads as `f.maker` (inputs, outputs, fgraph, mode), and Theano's way of
building a function from SymbolicInputs (`FunctionMaker(inputs, outputs).create()`).

`f.maker.fgraph` is a read-only FunctionGraph of the graph the step computes: the explicit inputs and then the
shared variables as its inputs, the outputs and then the updates as its outputs (`update_mapping` pairs them),
inline OpFromGraphs shown as their inner graphs, as in Theano. It is the graph before XLA optimizes it,
where Theano's is after its own optimizer: no Composite or in-place ops appear.
"""
from ..graph.nodes import toposort
from .io import In, SymbolicInput, SymbolicOutput


class FunctionMaker:
    """Theano's FunctionMaker: a function's inputs (SymbolicInputs, shared variables last), outputs and graph."""

    def __init__(self, inputs, outputs, mode=None, accept_inplace=False, function_builder=None, profile=None,
                 on_unused_input=None, fgraph=None, output_keys=None, name=None):
        from .mode import get_mode
        self.inputs = [i if isinstance(i, SymbolicInput) else In(i) for i in inputs]
        self.expanded_inputs = self.inputs
        single = not isinstance(outputs, (list, tuple))
        self.outputs = [o if isinstance(o, SymbolicOutput) else SymbolicOutput(o)
                        for o in ([outputs] if single else outputs)]
        self.unpack_single, self.return_none = single, outputs is None
        self.mode = get_mode(mode)
        self.accept_inplace, self.profile, self.name = accept_inplace, profile, name
        self.on_unused_input, self.output_keys = on_unused_input, output_keys
        self.function_builder = function_builder
        self._fgraph, self._function = fgraph, None

    @classmethod
    def of(cls, function):
        """The maker of a compiled function: its In instances, then one per shared variable it reads."""
        outs, updates = function._graph
        n = function._n_outs
        maker = cls.__new__(cls)
        update_of = dict(updates)
        maker.inputs = list(function.inputs) + [
            In(sv, value=sv.container, mutable=sv in update_of, borrow=True, update=update_of.get(sv),
               shared=True, implicit=True) for sv in _shared_order(outs, updates)]
        maker.expanded_inputs = maker.inputs
        maker.outputs = [SymbolicOutput(o) for o in outs[:n]]
        maker.unpack_single, maker.return_none = function._single is True, False
        maker.output_keys = function.output_keys
        maker.mode = _mode(function)
        maker.accept_inplace, maker.profile, maker.name = False, None, function.name
        maker.on_unused_input = function._spec[7]
        maker.function_builder = type(function)
        maker._fgraph, maker._function = None, function
        return maker

    @property
    def fgraph(self):
        if self._fgraph is None:
            self._fgraph = self._graph_view()
        return self._fgraph

    def _graph_view(self):
        from ..gof.fg import FunctionGraph
        f = self._function
        n_explicit = len(f.inputs) if f is not None else len(self.inputs)
        outs = list(f._graph[0]) if f is not None else [o.variable for o in self.outputs] + [
            i.update for i in self.inputs[:n_explicit] if i.update is not None]
        mapping, k = {}, len(outs)
        for j, i in enumerate(self.inputs):
            if i.update is not None:
                if j >= n_explicit:
                    outs.append(i.update)
                    mapping[k] = j
                    k += 1
        stateful = [j for j, i in enumerate(self.inputs[:n_explicit]) if i.update is not None]
        n_plain = len(outs) - len(mapping) - len(stateful)
        mapping.update({n_plain + m: j for m, j in enumerate(stateful)})
        outs = expand_inline(outs)
        return FunctionGraph([i.variable for i in self.inputs], outs, clone=False, update_mapping=mapping,
                             read_only="f.maker.fgraph shows the graph theano_compat compiled into one XLA step; "
                                       "changing it would not change the function")

    def create(self, input_storage=None, trustme=False, storage_map=None):
        """The function (Theano: the linked Function); the shared inputs' updates become its updates."""
        from .function import function
        explicit = [i for i in self.inputs if not getattr(i, "shared", False)]
        updates = [(i.variable, i.update) for i in self.inputs if getattr(i, "shared", False) and i.update is not None]
        outputs = self.outputs[0] if self.unpack_single else list(self.outputs)
        if self.output_keys is not None:
            outputs = dict(zip(self.output_keys, self.outputs))
        return function(explicit, outputs, mode=self.mode, updates=updates, no_default_updates=True,
                        name=self.name, on_unused_input=self.on_unused_input)


def _shared_order(outs, updates):
    """The shared variables of the graph in Theano's order (rebuild_collect_shared's): as met depth-first
    through the outputs, then through each update, its target after it."""
    from ..gof.graph import inputs as graph_inputs
    from .shared import SharedVariable
    order = [v for v in graph_inputs(list(outs)) if isinstance(v, SharedVariable)]
    for target, value in updates:
        order += [v for v in graph_inputs([value]) if isinstance(v, SharedVariable) and v not in order]
        if target not in order:
            order.append(target)
    return order


def _mode(function):
    from .mode import get_mode
    try:
        return get_mode(None)
    except Exception:  # noqa: BLE001 - a mode that cannot be built is not worth failing a view for
        return None


def expand_inline(outputs):
    """outputs with every inline OpFromGraph node replaced by its inner graph (Theano's inline_ofg_expansion)."""
    from .builders import OpFromGraph, inline_ofg_expansion
    nodes = toposort(list(outputs))
    if not any(isinstance(n.op, OpFromGraph) and n.op.is_inline for n in nodes):
        return list(outputs)
    memo = {}
    for node in nodes:
        new_inputs = [memo.get(i, i) for i in node.inputs]
        if isinstance(node.op, OpFromGraph) and node.op.is_inline:
            expanded = inline_ofg_expansion(_WithInputs(node, new_inputs))
            memo.update(zip(node.outputs, expand_inline(expanded)))
        elif any(a is not b for a, b in zip(new_inputs, node.inputs)):
            memo.update(zip(node.outputs, node.clone_with_new_inputs(new_inputs).outputs))
    return [memo.get(o, o) for o in outputs]


class _WithInputs:
    """A node seen with other inputs (what inline_ofg_expansion reads: op and inputs)."""

    def __init__(self, node, inputs):
        self.op, self.inputs, self.outputs = node.op, inputs, node.outputs
