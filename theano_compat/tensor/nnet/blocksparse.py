"""theano.tensor.nnet.blocksparse: products with a few blocks of a big block matrix (sparse_block_dot),
as gathers of the blocks and dense products (XLA fuses them)."""
from ...gradient import grad_undefined  # noqa: F401
from ...tensor import discrete_dtypes  # noqa: F401
from ...graph.nodes import Apply  # noqa: F401


def sparse_block_gemv(o, W, h, inputIdx, outputIdx):
    """o[b, j] + sum_i dot(h[b, i], W[inputIdx[b, i], outputIdx[b, j]]) (Theano's SparseBlockGemv)."""
    from ...tensor import patternbroadcast
    blocks = W[inputIdx.dimshuffle(0, 1, "x"), outputIdx.dimshuffle(0, "x", 1)]  # (batch, i, j, in, out)
    return patternbroadcast(o + (h.dimshuffle(0, 1, "x", 2, "x") * blocks).sum(axis=(1, 3)), o.broadcastable)


def sparse_block_outer(o, x, y, xIdx, yIdx, alpha=None):
    """o with alpha * outer(x[b, i], y[b, j]) added to its block (xIdx[b, i], yIdx[b, j]) (SparseBlockOuter)."""
    from ...tensor import constant, inc_subtensor
    alpha = constant(1.0, dtype=o.dtype) if alpha is None else alpha
    outer = x.dimshuffle(0, 1, "x", 2, "x") * y.dimshuffle(0, "x", 1, "x", 2) * alpha
    return inc_subtensor(o[xIdx.dimshuffle(0, 1, "x"), yIdx.dimshuffle(0, "x", 1)], outer)


sparse_block_gemv_inplace = sparse_block_gemv
sparse_block_outer_inplace = sparse_block_outer


def sparse_block_dot(W, h, inputIdx, b, outputIdx):
    """The output blocks outputIdx of h (its blocks inputIdx) times the block matrix W, plus the biases b."""
    from ...tensor import as_tensor_variable
    W, h, b = (as_tensor_variable(v) for v in (W, h, b))
    inputIdx, outputIdx = as_tensor_variable(inputIdx), as_tensor_variable(outputIdx)
    assert inputIdx.ndim == h.ndim - 1
    assert outputIdx.ndim == inputIdx.ndim
    if h.ndim == 2:
        h, inputIdx, outputIdx = h.dimshuffle("x", 0, 1), inputIdx.dimshuffle("x", 0), outputIdx.dimshuffle("x", 0)
    from ...tensor import patternbroadcast
    o = patternbroadcast(b.take(outputIdx, axis=0), outputIdx.broadcastable + b.broadcastable[1:])
    return sparse_block_gemv(o, W, h, inputIdx, outputIdx)

from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
