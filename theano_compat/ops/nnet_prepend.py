"""Theano's Prepend_scalar_constant_to_each_row and Prepend_scalar_to_each_row: a matrix with a first column
of one value (prepend_0_to_each_row, prepend_1_to_each_row, prepend_scalar_to_each_row make their nodes)."""
import jax.numpy as jnp

from ..graph.constants import as_tensor_variable
from ..graph.ops import TheanoOp
from .nnet_softmax import PropLessOp


def _check_matrix(mat):
    mat = as_tensor_variable(mat)
    if mat.type.broadcastable != (False, False):
        raise TypeError("Expected a matrix as input")
    return mat


def _prepend(val, mat):
    column = jnp.full((mat.shape[0], 1), val, dtype=mat.dtype)
    return jnp.concatenate([column, mat], axis=1)


class Prepend_scalar_constant_to_each_row(TheanoOp):
    """Prepend_scalar_constant_to_each_row(val)(mat): val is part of the op (printed as Theano's scalar
    constant, `{Constant{0.0}}`)."""

    @classmethod
    def from_props(cls, val=0):
        op = prepend_constant_op.with_props(val=val)
        op.__props__ = ()  # Theano's: all Prepend_scalar_constant_to_each_row ops compare equal
        return op

    def make_node(self, mat, **params):
        if params:
            return super().make_node(mat, **params)
        return super().make_node(_check_matrix(mat), val=self.val)

    def __str__(self):
        val = getattr(self, "val", 0)
        return "%s{%s}" % (type(self).__name__, f"Constant{{{val}}}" if isinstance(val, float) else val)


class Prepend_scalar_to_each_row(PropLessOp):
    """Prepend_scalar_to_each_row()(val, mat): val is a 0-d input."""

    def make_node(self, val, mat):
        mat = _check_matrix(mat)
        val = as_tensor_variable(val)
        assert val.ndim == 0
        return super().make_node(val, mat)


def _constant_grad(inputs, outputs, gouts, val):
    return [gouts[0][:, 1:]]


def _scalar_grad(inputs, outputs, gouts):
    # Theano returns goutput[:, 0], a vector for a 0-d input (its grad() then fails on the rank); the value
    # prepended to every row gets the sum of that column here.
    return [gouts[0][:, 0].sum().astype(inputs[0].dtype), gouts[0][:, 1:]]


prepend_constant_op = Prepend_scalar_constant_to_each_row.record(
    "nnet.prepend_scalar_constant_to_each_row", lambda mat, val: [mat.type], lambda mat, val: _prepend(val, mat),
    _constant_grad, describe=lambda node: "Prepend_scalar_constant_to_each_row{Constant{%s}}" % node.params["val"])
prepend_scalar_op = Prepend_scalar_to_each_row.record(
    "nnet.prepend_scalar_to_each_row", lambda val, mat: [mat.type], _prepend, _scalar_grad)


def prepend_scalar_to_each_row(val, mat):
    """mat with a first column of val."""
    if isinstance(val, float):
        val = as_tensor_variable(val)
    return prepend_scalar_op(val, mat)


def prepend_0_to_each_row(mat):
    """mat with a first column of zeros."""
    return Prepend_scalar_constant_to_each_row(0.)(mat)


def prepend_1_to_each_row(mat):
    """mat with a first column of ones."""
    return Prepend_scalar_constant_to_each_row(1.)(mat)
