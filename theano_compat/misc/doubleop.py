"""theano.misc.doubleop: the DoubleOp of Theano's "extending" tutorial (an Op subclass, built on theano.Op)."""
from ..graph.constants import as_tensor_variable
from ..graph.nodes import Apply
from ..graph.ops import Op


class DoubleOp(Op):
    """Double each element of a tensor (the example of Theano's "extending Theano" tutorial): its perform
    runs on the host; grad, R_op and infer_shape as the tutorial writes them."""

    def __eq__(self, other):
        return type(self) == type(other)

    def __hash__(self):
        return hash(type(self))

    def __str__(self):
        return self.__class__.__name__

    def make_node(self, x):
        x = as_tensor_variable(x)
        return Apply(self, [x], [x.type()])

    def perform(self, node, inputs, output_storage):
        output_storage[0][0] = inputs[0] * 2

    def infer_shape(self, node, i0_shapes):
        return i0_shapes

    def grad(self, inputs, output_grads):
        return [output_grads[0] * 2]

    def R_op(self, inputs, eval_points):
        # eval_points[0] is None where no differentiable path reaches the input
        if eval_points[0] is None:
            return eval_points
        return self.grad(inputs, eval_points)
