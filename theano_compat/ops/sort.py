"""sort and argsort (Theano's SortOp and ArgSortOp, axis=None sorting the flattened tensor)."""
import jax.numpy as jnp

from ..graph.ops import Primitive
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _axis(a, axis):
    from ..graph.nodes import Variable
    from .basic import get_scalar_constant_value
    if isinstance(axis, Variable):
        axis = int(get_scalar_constant_value(axis))
    axis = int(axis)
    if not -a.ndim <= axis < max(a.ndim, 1):
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {a.ndim}")
    return axis


def _sort_grad(inputs, outputs, gouts, axis, kind, order):
    """Theano's SortOp.grad: the output gradient gathered back through the inverse permutation."""
    from .basic import arange
    from .logic import switch, eq
    (a,), (gz,) = inputs, gouts
    idx = argsort(a, axis, kind=kind, order=order)
    rev_idx = argsort(idx, axis, kind=kind, order=order)
    ax = axis if axis >= 0 else a.ndim + axis
    indices = []
    for i in range(a.ndim):
        shape = [1] * a.ndim
        shape[i] = a.shape[i]
        expanded = arange(a.shape[i]).reshape(shape)
        indices.append(switch(eq(i, ax), rev_idx, expanded))
    return [gz[tuple(indices)]]


def _argsort_grad(inputs, outputs, gouts, axis, kind, order):
    from .math import zeros_like
    return [zeros_like(inputs[0])]


def _describe(name):
    return lambda node: "%s{%s, %s}" % (name, node.params["kind"], node.params["order"])


sort_op = Primitive("sort", lambda a, axis, kind, order: [a.type],
             lambda a, axis, kind, order: jnp.sort(a, axis=axis, stable=True), _sort_grad,
             describe=_describe("SortOp"))
argsort_op = Primitive("argsort", lambda a, axis, kind, order: [TensorType("int64", a.broadcastable)],
                lambda a, axis, kind, order: jnp.argsort(a, axis=axis, stable=True).astype("int64"), _argsort_grad,
                describe=_describe("ArgSortOp"))


def sort(a, axis=-1, kind="quicksort", order=None):
    """numpy.sort along axis (the flattened a for axis=None)."""
    a = as_tensor_variable(a)
    if axis is None:
        a, axis = a.flatten(), 0
    return sort_op(a, axis=_axis(a, axis), kind=kind, order=order)


def argsort(a, axis=-1, kind="quicksort", order=None):
    """numpy.argsort along axis (the flattened a for axis=None); int64 indices."""
    a = as_tensor_variable(a)
    if axis is None:
        a, axis = a.flatten(), 0
    return argsort_op(a, axis=_axis(a, axis), kind=kind, order=order)
