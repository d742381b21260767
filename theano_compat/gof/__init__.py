"""theano.gof: the graph classes, under Theano's old module path."""
from ..graph.nodes import Apply, Constant, Variable
from ..graph.ops import MethodNotDefined, Op, PureOp
from ..graph.types import Generic, PureType, Type, generic
from . import fg, graph

__all__ = ["Apply", "Constant", "Variable", "Op", "PureOp", "Type", "PureType", "Generic", "generic",
           "MethodNotDefined", "fg", "graph"]
