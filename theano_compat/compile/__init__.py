"""theano.compile: shared variables, function inputs, and compiling graphs to one jitted JAX step."""
from .errors import MissingInputError, UnusedInputError
from .io import In, Out, Param
from .shared import SharedVariable, shared
from .function import function, Function
from .mode import Mode, FAST_RUN, FAST_COMPILE, get_default_mode
from .pfunc import pfunc, rebuild_collect_shared
from .builders import OpFromGraph

__all__ = ["In", "Out", "Param", "SharedVariable", "shared", "function", "Function", "Mode", "FAST_RUN",
           "FAST_COMPILE", "get_default_mode", "MissingInputError", "UnusedInputError",
           "pfunc", "rebuild_collect_shared", "OpFromGraph"]
