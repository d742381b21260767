"""theano.tensor.xlogx: x * log(x) and x * log(y) with 0 * log(0) = 0, and their scalar ops."""
from ..ops.special import xlogx, xlogy0
from ..scalar.ops import BinaryScalarOp, UnaryScalarOp, linked_op
from ..scalar.rules import upgrade_to_float

XlogX, scalar_xlogx = linked_op("XlogX", "xlogx.xlogx", UnaryScalarOp, "theano.tensor.xlogx", upgrade_to_float,
                                "scalar_xlogx")
XlogY0, scalar_xlogy0 = linked_op("XlogY0", "xlogx.xlogy0", BinaryScalarOp, "theano.tensor.xlogx", upgrade_to_float,
                                  "scalar_xlogy0")

__all__ = ["xlogx", "xlogy0"]
from ..ops.elementwise import Elemwise  # noqa: E402,F401  (Theano's module imports it)
