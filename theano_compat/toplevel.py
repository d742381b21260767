"""The rest of the `theano` namespace: the top-level names of Theano 1.0.5 beyond the core ones that
theano_compat/__init__.py binds (linkers, FunctionGraph, change_flags, the logging helpers, ...)."""
import logging

from . import compat, configdefaults, configparser, misc, scalar, updates  # noqa: F401
from .compile.function import function_dump
from .compile.ops import as_op
from .compile.function_module import FunctionMaker
from .compile.io import SymbolicInput, SymbolicOutput
from .compile.mode import predefined_linkers, predefined_modes, predefined_optimizers
from .compile.profiling import ProfileStats
from .compile.shared import Container
from .configparser import change_flags
from .gof import CLinker, DualLinker, OpWiseCLinker
from .gof.fg import FunctionGraph, InconsistencyError
from .gof.op import OpenMPOp  # noqa: F401
from .gof.link import Linker, LocalLinker, PerformLinker
from .gof.utils import object2
from .gradient import Lop, Rop, subgraph_grad
from .graph.nodes import Variable
from .misc.safe_asarray import _asarray  # noqa: F401  (theano._asarray, which Theano's tests use)
from .stand_ins import declare_unsupported

PY3 = True
theano_logger = logging.getLogger("theano")
declare_unsupported(globals(), "Theano's own test suite is not part of theano_compat", functions="test")


def has_handlers(logger):
    """Whether the logger (or an ancestor it propagates to) has handlers."""
    return logger.hasHandlers()


def disable_log_handler(logger=theano_logger, handler=None):
    """Remove Theano's default stderr handler from its logger."""
    for h in list(logger.handlers) if handler is None else [handler]:
        logger.removeHandler(h)


def get_scalar_constant_value(v):
    """The constant value of a scalar graph (NotScalarConstantError otherwise), as theano.tensor's."""
    from .tensor import get_scalar_constant_value as tensor_constant_value
    return tensor_constant_value(v)


def sparse_grad(var):
    """Theano marks an AdvancedSubtensor1 so its gradient is sparse; the gradient's values are the same
    dense here, so var is returned as it is."""
    if not isinstance(var, Variable) or var.owner is None:
        raise TypeError("sparse_grad expects the result of an advanced indexing (x[idx_vector])", var)
    return var


__all__ = ["as_op", "compat", "configparser", "misc", "scalar", "updates", "function_dump", "FunctionMaker",
           "SymbolicInput", "SymbolicOutput", "predefined_linkers", "predefined_modes", "predefined_optimizers",
           "ProfileStats", "Container", "change_flags", "CLinker", "DualLinker", "OpWiseCLinker", "FunctionGraph",
           "InconsistencyError", "Linker", "LocalLinker", "PerformLinker", "object2", "Lop", "Rop",
           "subgraph_grad", "PY3", "has_handlers", "disable_log_handler", "get_scalar_constant_value",
           "sparse_grad", "test", "OpenMPOp"]
