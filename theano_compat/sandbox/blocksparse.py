"""theano.sandbox.blocksparse: moved to theano.tensor.nnet.blocksparse."""
from ..tensor.nnet.blocksparse import (sparse_block_dot, sparse_block_gemv, sparse_block_gemv_inplace,  # noqa
                                        sparse_block_outer, sparse_block_outer_inplace)
