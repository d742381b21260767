"""sort and argsort (Theano's SortOp and ArgSortOp, axis=None sorting the flattened tensor)."""
import jax.numpy as jnp

from ..graph.ops import PropsOp
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


class _Sorting(PropsOp):
    """SortOp's and ArgSortOp's construction: (kind, order=None), then (a, axis=-1) with axis=None sorting
    the flattened a. The axis is an input in Theano; a constant one is a node parameter here."""

    @classmethod
    def from_props(cls, kind, order=None):
        return cls.first_record.with_props(kind=kind, order=order)

    def make_node(self, a, axis=-1, **params):
        if params or not self.props:
            return super().make_node(a, **params)
        a = as_tensor_variable(a)
        if axis is None:
            a, axis = a.flatten(), 0
        return super().make_node(a, axis=_axis(a, axis), kind=self.kind, order=self.order)

    def __str__(self):
        return "%s{%s, %s}" % (type(self).__name__, self.kind, self.order) if self.props else type(self).__name__


class SortOp(_Sorting):
    """Theano's SortOp(kind, order=None): numpy.sort."""


class ArgSortOp(_Sorting):
    """Theano's ArgSortOp(kind, order=None): numpy.argsort, int64 indices."""


sort_op = SortOp.record("sort", lambda a, axis, kind, order: [a.type],
                        lambda a, axis, kind, order: jnp.sort(a, axis=axis, stable=True), _sort_grad,
                        describe=_describe("SortOp"))
argsort_op = ArgSortOp.record("argsort", lambda a, axis, kind, order: [TensorType("int64", a.broadcastable)],
                              lambda a, axis, kind, order: jnp.argsort(a, axis=axis, stable=True).astype("int64"),
                              _argsort_grad, describe=_describe("ArgSortOp"))


def sort(a, axis=-1, kind="quicksort", order=None):
    """numpy.sort along axis (the flattened a for axis=None)."""
    return SortOp(kind, order)(a, axis)


def argsort(a, axis=-1, kind="quicksort", order=None):
    """numpy.argsort along axis (the flattened a for axis=None); int64 indices."""
    return ArgSortOp(kind, order)(a, axis)
