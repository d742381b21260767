"""theano.sandbox.blocksparse: moved to theano.tensor.nnet.blocksparse."""
from ..tensor.nnet.blocksparse import (SparseBlockGemv, SparseBlockOuter, sparse_block_dot,  # noqa: F401
                                        sparse_block_gemv, sparse_block_gemv_inplace, sparse_block_outer,
                                        sparse_block_outer_inplace)
