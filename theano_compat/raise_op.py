"""theano.raise_op: Theano's Raise op (the op-building API)."""
from .graph.nodes import Apply
from .graph.ops import Op


class Raise(Op):
    """Theano's Raise(msg, exc): an op whose perform raises exc(msg) (when the function runs, on the host)."""

    __props__ = ("msg", "exc")

    def __init__(self, msg="", exc=NotImplementedError):
        self.msg = msg
        self.exc = exc

    def __str__(self):
        return "Raise{%s(%s)}" % (self.exc, self.msg)

    def make_node(self, x):
        return Apply(self, [x], [x.type()])

    def perform(self, node, inputs, out_storage):
        raise self.exc(self.msg)
