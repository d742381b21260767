"""theano.compile: shared variables, function inputs, and compiling graphs to one jitted JAX step."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..config import config  # noqa: F401
from ..gof.graph import io_connection_pattern, is_same_graph  # noqa: F401
from .gradient import DisconnectedType, NullType  # noqa: F401
from .errors import MissingInputError, UnusedInputError
from . import test_values  # noqa: F401  (config.compute_test_value: a hook on every op call)
from .io import In, Out, Param, SymbolicInput, SymbolicOutput
from .shared import SharedVariable, shared
from .function import function, Function, function_dump
from .function_module import (DUPLICATE, NODEFAULT, AliasedMemoryError, FunctionMaker, alias_root, check_equal,
                              convert_function_input, fgraph_updated_vars, get_info_on_inputs,
                              infer_reuse_pattern, insert_deepcopy, orig_function, register_checker, std_fgraph,
                              view_tree_set)
from .mode import (FAST_COMPILE, FAST_RUN, OPT_FAST_COMPILE, OPT_FAST_RUN, OPT_FAST_RUN_STABLE, OPT_MERGE,
                   OPT_NONE, OPT_O2, OPT_O3, OPT_STABILIZE, OPT_UNSAFE, AddDestroyHandler, AddFeatureOptimizer,
                   Mode, PrintCurrentFunctionGraph, Supervisor, exclude, get_default_mode, get_mode,
                   instantiated_default_mode, local_useless, optdb, predefined_linkers, predefined_modes,
                   predefined_optimizers, register_linker, register_mode, register_optimizer)
from .ops import (DeepCopyOp, OutputGuard, Rebroadcast, Shape, Shape_i, SpecifyShape, ViewOp,  # noqa: F401
                  FromFunctionOp, as_op, deep_copy_op, ops_with_inner_function, register_deep_copy_op_c_code,
                  register_rebroadcast_c_code, register_shape_c_code, register_shape_i_c_code,
                  register_specify_shape_c_code, register_view_op_c_code, shape, specify_shape, view_op)
from .debugmode import DebugMode
from .monitormode import MonitorMode
from .pfunc import pfunc, rebuild_collect_shared
from .profiling import ProfileStats, ScanProfileStats
from .builders import OpFromGraph, inline_ofg_expansion
from ..graph.nodes import Variable
from .sharedvalue import shared_constructor
from . import builders, debugmode, function_module, io, mode, monitormode, ops, profiling, sharedvalue  # noqa

izip, xrange = zip, range

__all__ = ["In", "Out", "Param", "SharedVariable", "shared", "function", "Function", "Mode", "FAST_RUN",
           "FAST_COMPILE", "get_default_mode", "MissingInputError", "UnusedInputError", "pfunc",
           "rebuild_collect_shared", "DebugMode", "optdb", "OpFromGraph"]
