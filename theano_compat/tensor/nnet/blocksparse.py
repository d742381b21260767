"""theano.tensor.nnet.blocksparse: products with a few blocks of a big block matrix (sparse_block_dot): Theano's
SparseBlockGemv / SparseBlockOuter ops (ops/blocksparse.py)."""
from ...gradient import grad_undefined  # noqa: F401
from ...tensor import discrete_dtypes  # noqa: F401
from ...graph.nodes import Apply  # noqa: F401
from ...ops.blocksparse import (SparseBlockGemv, SparseBlockOuter, sparse_block_gemv,  # noqa: F401
                                sparse_block_gemv_inplace, sparse_block_outer, sparse_block_outer_inplace)


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
