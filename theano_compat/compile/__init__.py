"""theano.compile: shared variables, function inputs, and compiling graphs to one jitted JAX step."""
from .errors import MissingInputError, UnusedInputError
from .io import In, Out, Param
from .shared import SharedVariable, shared
from .function import function, Function
from .mode import Mode, FAST_RUN, FAST_COMPILE, get_default_mode

__all__ = ["In", "Out", "Param", "SharedVariable", "shared", "function", "Function", "Mode", "FAST_RUN",
           "FAST_COMPILE", "get_default_mode", "MissingInputError", "UnusedInputError"]
