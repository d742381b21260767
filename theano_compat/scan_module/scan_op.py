"""theano.scan_module.scan_op: Theano's Scan op class (the op-building API) and its module's helpers."""
from ..compat import integer_types, string_types  # noqa: F401  (Theano's six names)
from ..compile.function import function  # noqa: F401
from ..compile.io import In, Out  # noqa: F401
from ..compile.mode import AddFeatureOptimizer  # noqa: F401
from ..compile.profiling import ScanProfileStats  # noqa: F401
from ..config import config  # noqa: F401
from ..gof import NoOutputFromInplace  # noqa: F401
from ..gof.graph import Apply, io_connection_pattern  # noqa: F401
from ..gradient import grad_undefined  # noqa: F401
from ..stand_ins import noop_function
from ..tensor.basic import as_tensor_variable  # noqa: F401
from .scan_utils import forced_replace, safe_new  # noqa: F401

izip, xrange = zip, range
profile_printer = noop_function("profile_printer", "Theano's per-op profiler has no counterpart on one XLA step")

from ..compile.gradient import DisconnectedType, NullType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import PureOp  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import TensorType  # noqa: E402,F401  (Theano's module imports it)
from ..ops.scan import Scan  # noqa: E402,F401
from ..ops.shape import Shape_i  # noqa: E402,F401  (Theano's module imports it)
