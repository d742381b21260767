"""theano.gof.graph: graph walking helpers."""
from ..graph.nodes import Apply, Constant, Variable, ancestors, clone_replace, inputs, toposort

__all__ = ["Apply", "Constant", "Variable", "ancestors", "clone_replace", "inputs", "toposort"]
