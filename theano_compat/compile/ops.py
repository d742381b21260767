"""theano.compile.ops: the small ops every graph may hold (view_op, deep_copy_op, shape, specify_shape),
as_op, and the registries of their C code (accepted; XLA generates the code)."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
import importlib

from ..graph.types import TensorType
from ..ops.shape import shape
from ..stand_ins import C_CODE_WHY, noop_function
from ..ops.math import tensor_copy
from ..ops.checks import specify_shape

expandable_types = (TensorType,)
xrange = range


def view_op(x):
    """theano.compile.view_op: x, as a new variable of the same value."""
    return tensor_copy(x)


def deep_copy_op(x):
    """theano.compile.deep_copy_op: a copy of x (outputs here never alias their inputs anyway)."""
    return tensor_copy(x)


def shape_i(var, i, fgraph=None):
    """The i-th dimension of var's shape, as a symbolic int64 scalar."""
    return var.shape[i]


def shape_i_op(i):
    """An op-like callable giving the i-th dimension of its input's shape."""
    return lambda var: var.shape[i]


def load_back(mod, name):
    """The object `name` of module `mod` (how Theano's pickles find module-level objects)."""
    return getattr(importlib.import_module(mod), name)


register_view_op_c_code = noop_function("register_view_op_c_code", C_CODE_WHY)
register_deep_copy_op_c_code = noop_function("register_deep_copy_op_c_code", C_CODE_WHY)
register_shape_c_code = noop_function("register_shape_c_code", C_CODE_WHY)
register_shape_i_c_code = noop_function("register_shape_i_c_code", C_CODE_WHY)
register_rebroadcast_c_code = noop_function("register_rebroadcast_c_code", C_CODE_WHY)
register_specify_shape_c_code = noop_function("register_specify_shape_c_code", C_CODE_WHY)
ops_with_inner_function = {}
