"""Diagonals and identities: eye, identity_like, ExtractDiag (diagonal), AllocDiag, diag, and
theano.tensor.nlinalg's alloc_diag, extract_diag, diag and trace."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph.ops import REGISTRY, Primitive, TheanoOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


# --- Eye(n, m, k): a value-dependent shape ---

def _eye_infer(n, m, k, dtype):
    for v in (n, m, k):
        if v.ndim != 0:
            raise AssertionError("Eye takes scalar arguments")
    return [TensorType(dtype, (False, False))]


def _eye_grad(inputs, outputs, gouts, dtype):
    from ..graph.null import undefined_grad
    return [undefined_grad(i, "Eye") for i in inputs]


class MatrixOfDtype(TheanoOp):
    """An op class of Theano's whose one prop is the dtype of the matrix it makes from (n, m, k): Eye, Tri.
    Cls(dtype=floatX)(n, m, k) is the builder function `build`."""

    record_name = None

    @staticmethod
    def build(n, m, k, dtype):
        raise NotImplementedError

    @classmethod
    def from_props(cls, dtype=None):
        dtype = config.floatX if dtype is None else str(np.dtype(dtype))
        return REGISTRY[cls.record_name].constructed(lambda op, n, m, k: cls.build(n, m, k, dtype=op.dtype),
                                                     dtype=dtype)

    def node_props(self, node):
        return {"dtype": node.params["dtype"]}


class Eye(MatrixOfDtype):
    """Theano's Eye(dtype): T.eye makes its nodes; Eye(dtype)(n, m, k) is T.eye."""

    record_name = "eye"
    build = staticmethod(lambda n, m, k, dtype: eye(n, m, k, dtype))


eye_op = Eye.record("eye", _eye_infer, lambda n, m, k, dtype, static: jnp.eye(static[0], static[1], static[2], dtype=dtype),
            _eye_grad, static=lambda n, m, k, dtype: (int(n), int(m), int(k)),
            describe=lambda node: "Eye{dtype=%r}" % node.params["dtype"])
eye_op.expands = True


def eye(n, m=None, k=0, dtype=None):
    """A 2-D array with ones on the k-th diagonal and zeros elsewhere (dtype floatX by default)."""
    dtype = config.floatX if dtype is None else str(np.dtype(dtype))
    if m is None:
        m = n
    return eye_op(_tensor(n), _tensor(m), _tensor(k), dtype=dtype)


def identity_like(x):
    """eye(x.shape[0], x.shape[1], dtype=x.dtype)"""
    x = _tensor(x)
    return eye(x.shape[0], x.shape[1], k=0, dtype=x.dtype)


# --- ExtractDiag / AllocDiag ---

def _extract_infer(x, offset, axis1, axis2):
    if x.ndim < 2:
        raise ValueError("ExtractDiag needs an input with 2 or more dimensions", x)
    return [TensorType(x.dtype, (False,) * (x.ndim - 1))]


def _extract_grad(inputs, outputs, gouts, offset, axis1, axis2):
    from .math import zeros_like
    from .subtensor import set_subtensor
    (x,), (gz,) = inputs, gouts
    if x.ndim != 2:
        raise TypeError("theano_compat does not support the gradient of ExtractDiag beyond matrices (Theano "
                        "neither)")
    z = zeros_like(x)
    xdiag = alloc_diag_op(gz, offset=offset, axis1=0, axis2=1)
    return [set_subtensor(z[:xdiag.shape[0], :xdiag.shape[1]], xdiag)]


class ExtractDiag(TheanoOp):
    """Theano's ExtractDiag(offset, axis1, axis2, view): T.diagonal and T.diag of a matrix make its nodes."""

    @classmethod
    def from_props(cls, offset=0, axis1=0, axis2=1, view=False):
        return extract_diag_op.constructed(lambda op, x: diagonal(x, op.offset, op.axis1, op.axis2),
                                           offset=offset, axis1=axis1, axis2=axis2, view=view)

    def node_props(self, node):
        return dict(node.params, view=False)


class AllocDiag(TheanoOp):
    """Theano's AllocDiag(offset, axis1, axis2) (tensor.basic): T.diag of a vector makes its nodes."""

    @classmethod
    def from_props(cls, offset=0, axis1=0, axis2=1):
        return alloc_diag_op.constructed(lambda op, x: alloc_diag_op(_tensor(x), offset=op.offset, axis1=op.axis1,
                                                                     axis2=op.axis2),
                                         offset=offset, axis1=axis1, axis2=axis2)

    def node_props(self, node):
        return dict(node.params)


extract_diag_op = ExtractDiag.record("diagonal", _extract_infer,
                     lambda x, offset, axis1, axis2: jnp.diagonal(x, offset, axis1, axis2), _extract_grad,
                     describe=lambda node: "ExtractDiag{offset=%(offset)s, axis1=%(axis1)s, axis2=%(axis2)s, "
                                           "view=False}" % node.params)


def _alloc_diag_infer(d, offset, axis1, axis2):
    if d.ndim < 1:
        raise ValueError("AllocDiag needs an input with 1 or more dimensions", d.type)
    return [TensorType(d.dtype, (False,) * (d.ndim + 1))]


def _alloc_diag_lower(x, offset, axis1, axis2):
    a1, a2 = min(axis1, axis2), max(axis1, axis2)
    n = x.shape[-1] + abs(offset)
    result = jnp.zeros(x.shape[:-1] + (n, n), dtype=x.dtype)
    idx = np.arange(x.shape[-1])
    result = result.at[(Ellipsis, idx + max(0, -offset), idx + max(0, offset))].set(x)
    if x.ndim > 1:
        axes = list(range(x.ndim - 1))
        last = axes[-1]
        axes = axes[:a1] + [last + 1] + axes[a1:]
        axes = axes[:a2] + [last + 2] + axes[a2:]
        result = jnp.transpose(result, axes)
    return result


alloc_diag_op = AllocDiag.record("diag", _alloc_diag_infer, _alloc_diag_lower,
                   lambda inputs, outputs, gouts, offset, axis1, axis2: [
                       diagonal(gouts[0], offset=offset, axis1=axis1, axis2=axis2)],
                   describe=lambda node: "AllocDiag{offset=%(offset)s, axis1=%(axis1)s, axis2=%(axis2)s}"
                   % node.params)


def diagonal(a, offset=0, axis1=0, axis2=1):
    """numpy.diagonal (Theano's ExtractDiag)."""
    return extract_diag_op(_tensor(a), offset=offset, axis1=axis1, axis2=axis2)


def diag(v, k=0):
    """numpy.diag: a vector becomes a matrix with it on the k-th diagonal; a matrix gives its diagonal."""
    v = _tensor(v)
    if v.ndim == 1:
        return alloc_diag_op(v, offset=k, axis1=0, axis2=1)
    if v.ndim >= 2:
        return diagonal(v, offset=k)
    raise ValueError("Input must has v.ndim >= 1.")


def extract_diag(x):
    """theano.tensor.nlinalg.extract_diag: ExtractDiag() on x."""
    return diagonal(x)


def _nl_alloc_infer(x):
    if x.ndim != 1:
        raise TypeError("AllocDiag only works on vectors", x)
    return [TensorType(x.dtype, (False, False))]


nl_alloc_diag_op = Primitive("nlinalg.alloc_diag", _nl_alloc_infer, lambda x: jnp.diag(x),
                      lambda inputs, outputs, gouts: [extract_diag(gouts[0])], describe=lambda node: "AllocDiag")


def alloc_diag(x):
    """theano.tensor.nlinalg.alloc_diag: the square matrix with the vector x on its diagonal."""
    return nl_alloc_diag_op(_tensor(x))


def nlinalg_diag(x):
    """theano.tensor.nlinalg.diag: alloc_diag of a vector, extract_diag of a matrix."""
    xx = _tensor(x)
    if xx.ndim == 1:
        return alloc_diag(xx)
    if xx.ndim == 2:
        return extract_diag(xx)
    raise TypeError("diag requires vector or matrix argument", x)


def trace(X):
    """theano.tensor.nlinalg.trace: extract_diag(X).sum()"""
    return extract_diag(X).sum()
