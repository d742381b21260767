"""theano.gof: the graph classes, under Theano's old module path."""
from ..graph.nodes import Apply, Constant, Variable
from ..graph.ops import Op
from . import fg, graph

__all__ = ["Apply", "Constant", "Variable", "Op", "fg", "graph"]
