"""Theano's SparseBlockGemv and SparseBlockOuter (nnet.blocksparse): products with a few blocks of a big block
matrix, as gathers of the blocks and one einsum (XLA fuses them). In-place variants are the same op here."""
import jax.numpy as jnp

from ..graph.constants import as_tensor_variable
from ..graph.dtypes import discrete_dtypes
from ..graph.ops import TheanoOp


class _BlockSparseOp(TheanoOp):
    @classmethod
    def from_props(cls, inplace=False):
        return cls.instance.with_props(inplace=bool(inplace))

    @classmethod
    def record(cls, name, *args, **kwargs):
        cls.instance = super().record(name, *args, describe=lambda node: str(node.op), **kwargs)
        return cls.instance

    def __str__(self):
        return "%s{inplace=%s}" % (type(self).__name__, getattr(self, "inplace", False))


class SparseBlockGemv(_BlockSparseOp):
    """op(o, W, h, inputIdx, outputIdx): o[b, j] + sum_i dot(h[b, i], W[inputIdx[b, i], outputIdx[b, j]])."""

    def make_node(self, o, W, h, inputIdx, outputIdx):
        o, W, h, inputIdx, outputIdx = (as_tensor_variable(v) for v in (o, W, h, inputIdx, outputIdx))
        for v, n, msg in ((o, 3, "The output o must be a 2D tensor"), (W, 4, "The weight matrix W must be a 4D tensor"),
                          (h, 3, "The input h must be a 3D tensor"),
                          (inputIdx, 2, "The input indices inputIdx must be a 2D tensor"),
                          (outputIdx, 2, "The output indices outputIdx must be a 2D tensor")):
            if v.ndim != n:
                raise TypeError(msg)  # Theano's messages, "2D" for o included
        assert inputIdx.type.dtype in discrete_dtypes
        assert outputIdx.type.dtype in discrete_dtypes
        return super().make_node(o, W, h, inputIdx, outputIdx)


class SparseBlockOuter(_BlockSparseOp):
    """op(o, x, y, xIdx, yIdx, alpha=1): o with outer(x[b, i], y[b, j]) added at (xIdx[b, i], yIdx[b, j])."""

    def make_node(self, o, x, y, xIdx, yIdx, alpha=None):
        import numpy as np
        from ..graph.constants import constant
        alpha = constant(np.asarray(1.0, dtype="float32")) if alpha is None else alpha
        return super().make_node(o, x, y, xIdx, yIdx, alpha)


def _gemv_lower(o, W, h, iIdx, oIdx):
    blocks = W[iIdx[:, :, None], oIdx[:, None, :]]  # (batch, iWin, oWin, iSize, oSize)
    return (o + jnp.einsum("bih,bijho->bjo", h, blocks)).astype(o.dtype)


def _gemv_grad(inputs, outputs, gouts):
    # Theano's SparseBlockGemv.grad
    from ..compile.gradient import undefined_grad
    from .math import zeros_like
    from .shape import dimshuffle
    o, W, h, iIdx, oIdx = inputs
    go = gouts[0]
    op = outputs[0].owner.op
    inplace = getattr(op, "inplace", False)
    w_grad = SparseBlockOuter(inplace)(zeros_like(W), h, go, iIdx, oIdx)
    h_grad = SparseBlockGemv(inplace)(zeros_like(h), dimshuffle(W, 1, 0, 3, 2), go, oIdx, iIdx)
    return [go, w_grad, h_grad, undefined_grad(iIdx, "SparseBlockGemv"), undefined_grad(oIdx, "SparseBlockGemv")]


def _outer_lower(o, x, y, xIdx, yIdx, alpha):
    # Theano quirk kept: its CPU perform ignores alpha (only the GPU op scales by it)
    outer = jnp.einsum("bix,bjy->bijxy", x, y)
    return o.at[xIdx[:, :, None], yIdx[:, None, :]].add(outer.astype(o.dtype))


SparseBlockGemv.record("nnet.blocksparse.SparseBlockGemv", lambda o, *rest: [o.type], _gemv_lower, _gemv_grad)
SparseBlockOuter.record("nnet.blocksparse.SparseBlockOuter", lambda o, *rest: [o.type], _outer_lower)
sparse_block_gemv = SparseBlockGemv(False)
sparse_block_gemv_inplace = SparseBlockGemv(True)
sparse_block_outer = SparseBlockOuter(False)
sparse_block_outer_inplace = SparseBlockOuter(True)
