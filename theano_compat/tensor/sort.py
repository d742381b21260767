"""theano.tensor.sort: sort and argsort; topk and its kin."""
from ..gradient import grad_undefined  # noqa: F401
from ..ops.basic import arange  # noqa: F401
from ..ops.math import mul  # noqa: F401
from ..ops.sort import ArgSortOp, SortOp, argsort, sort
from ..ops.subtensor import set_subtensor  # noqa: F401
from ..stand_ins import declare_unsupported

declare_unsupported(globals(), "Theano returns the k elements in numpy.partition's order (and refuses "
                    "sorted=True); not implemented in theano_compat: use sort/argsort and slice",
                    classes="TopKOp", functions="topk argtopk topk_and_argtopk")

__all__ = ["SortOp", "ArgSortOp", "TopKOp", "sort", "argsort", "topk", "argtopk", "topk_and_argtopk"]
