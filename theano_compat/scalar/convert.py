"""Between scalars and 0-d tensors: Theano's TensorFromScalar and ScalarFromTensor (tensor/basic.py ops).

Both are the identity on the 0-d array a scalar is lowered as; as_tensor_variable of a scalar variable goes
through tensor_from_scalar, as in Theano (registered with the graph core, which cannot import this layer).
"""
from ..graph import constants
from ..graph.nodes import Apply
from ..graph.ops import Op
from ..graph.types import TensorType
from .type import Scalar, get_scalar_type


class TensorFromScalar(Op):
    """A 0-d tensor from a scalar variable."""

    __props__ = ()

    def make_node(self, s):
        if not isinstance(getattr(s, "type", None), Scalar):
            raise TypeError("Input must be a Scalar type")  # Theano: an assert
        return Apply(self, [s], [TensorType(dtype=s.type.dtype, broadcastable=())()])

    def perform(self, node, inp, out_, params=None):
        out_[0][0] = __import__("numpy").asarray(inp[0])

    def lower_node(self, node, args, keys):
        return args[0]

    def infer_shape(self, node, in_shapes):
        return [()]

    def L_op(self, inputs, outputs, grads):
        (s,), (dt,) = inputs, grads
        if s.type.dtype in ("float16", "float32", "float64"):
            return [scalar_from_tensor(dt)]
        from ..gradient import grad_undefined
        return [grad_undefined(self, 0, s, "It is not defined to take the gradient through an integer")]


class ScalarFromTensor(Op):
    """A scalar variable from a 0-d tensor."""

    __props__ = ()

    def make_node(self, t):
        if not (isinstance(getattr(t, "type", None), TensorType) and t.type.broadcastable == ()):
            raise TypeError("Input must be a 0-d tensor")  # Theano: an assert
        return Apply(self, [t], [get_scalar_type(dtype=t.type.dtype).make_variable()])

    def perform(self, node, inp, out_, params=None):
        out_[0][0] = inp[0].flatten()[0]

    def lower_node(self, node, args, keys):
        return args[0]

    def infer_shape(self, node, in_shapes):
        return [()]

    def L_op(self, inputs, outputs, grads):
        return [tensor_from_scalar(grads[0])]


tensor_from_scalar = TensorFromScalar()
scalar_from_tensor = ScalarFromTensor()


def as_tensor_of(s):
    """The 0-d tensor of a scalar variable (the tensor itself when `s` was made from one)."""
    if s.owner is not None and isinstance(s.owner.op, ScalarFromTensor):
        return s.owner.inputs[0]
    return tensor_from_scalar(s)

constants.converters[Scalar] = tensor_from_scalar
