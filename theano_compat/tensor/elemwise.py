"""theano.tensor.elemwise: Theano's Elemwise, DimShuffle and reduction op classes (CAReduce and its
subclasses), whose instances the shim's tensor functions make."""

from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..ops.elementwise import Elemwise  # noqa: F401
from ..ops.reductions import (All, Any, CAReduce, CAReduceDtype, Prod, ProdWithoutZeros,  # noqa: F401
                              Sum)
from ..ops.shape import DimShuffle  # noqa: F401

__all__ = ["All", "Any", "CAReduce", "CAReduceDtype", "DimShuffle", "Elemwise", "Prod", "ProdWithoutZeros", "Sum"]


# The rest of Theano's theano.tensor.elemwise namespace.
from ..configparser import change_flags  # noqa: E402,F401
from ..config import config  # noqa: E402,F401
from ..graph.nodes import Apply  # noqa: E402,F401
from ..misc.frozendict import frozendict  # noqa: E402,F401
from ..printers import DefaultPrinter  # noqa: E402
from ..printing import pprint  # noqa: E402,F401
from .basic import as_tensor_variable  # noqa: E402,F401
from .var import TensorConstant, TensorVariable  # noqa: E402,F401

izip, xrange = zip, range


class DimShufflePrinter(DefaultPrinter):
    """Theano's printer of DimShuffle nodes (the shim's dimshuffle prints itself the same way)."""

from ..compile.gradient import DisconnectedType, NullType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import TensorType  # noqa: E402,F401  (Theano's module imports it)
from ..gof.op import COp, OpenMPOp  # noqa: E402,F401  (Theano's module imports it)
from ..gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)

from ..scalar.basic import get_scalar_type, upcast_out  # noqa: E402,F401
from ..scalar.ops import BinaryScalarOp  # noqa: E402


class MulWithoutZeros(BinaryScalarOp):
    """x * y, where a zero operand gives the other one (Theano's scalar op of ProdWithoutZeros)."""

    # Theano: "identity" is zero here, so that a reduction of zeros does not start from 1
    identity = 0.
    commutative = True
    associative = True

    def lower_node(self, node, args, keys):
        import jax.numpy as jnp
        from ..ops.elementwise import _astype
        dtype = node.outputs[0].type.dtype
        x, y = (_astype(a, dtype) for a in args)
        return _astype(jnp.where(x == 0, y, jnp.where(y == 0, x, x * y)), dtype)

    def impl(self, x, y):
        if x == 0:
            return y
        if y == 0:
            return x
        return x * y


mul_without_zeros = MulWithoutZeros(upcast_out, name="mul_without_zeros")
