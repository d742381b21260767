"""theano.compile.debugmode: DebugMode and its error classes. DebugMode cross-checks Theano's C and Python
implementations of every op; the step here has one implementation (XLA's), so DebugMode compiles and runs
as FAST_RUN does, and its errors exist for code that catches them."""
from ..config import config
from ..configparser import change_flags
from ..printing import debugprint
from ..stand_ins import noop
from .function import Function
from .mode import Mode
from .function_module import FunctionMaker, infer_reuse_pattern, std_fgraph
from .ops import ops_with_inner_function
from ..gof.link import raise_with_op
from ..compat import get_unbound_function
from .mode import register_mode
from itertools import product as itertools_product

izip, xrange = zip, range


@noop("Theano's cross-checks of its C and Python op implementations have no counterpart: one XLA step runs")
class DebugMode(Mode):
    """DebugMode(optimizer, stability_patience, check_c_code, check_py_code, ...): runs as FAST_RUN."""

    def __init__(self, optimizer="fast_run", stability_patience=None, check_c_code=None, check_py_code=None,
                 check_isfinite=None, check_preallocated_output=None, require_matching_strides=None,
                 linker=None):
        super().__init__(linker="c|py" if linker is None else linker, optimizer=optimizer)
        self.stability_patience, self.check_isfinite = stability_patience, check_isfinite


class DebugModeError(Exception):
    """Generic Exception raised to indicate an internal theano problem."""


class BadThunkOutput(DebugModeError):
    """Two implementations of an op gave different results (Theano's C vs Python check)."""


class BadOptimization(DebugModeError):
    """An optimization replaced a variable by one with a different value."""


class BadDestroyMap(DebugModeError):
    """An op modified an input it did not declare in its destroy_map."""


class BadViewMap(DebugModeError):
    """An op's output is a view of an input it did not declare in its view_map."""


class StochasticOrder(DebugModeError):
    """The graph's toposort was not deterministic."""


class InvalidValueError(DebugModeError):
    """An op produced a value its type does not accept."""


class DataDestroyed:
    """The marker DebugMode stores in place of a destroyed input."""


data_destroyed = DataDestroyed()
default_make_thunk = []


class NoDuplicateOptWarningFilter:
    """A logging filter that shows each optimizer warning once."""

    prev_msgs = set()

    def filter(self, record):
        msg = record.getMessage()
        if msg.startswith("Optimization Warning: "):
            if msg in self.prev_msgs:
                return False
            self.prev_msgs.add(msg)
        return True


def char_from_number(number):
    """Converts number to string by rendering it in base 26 using capital letters as digits."""
    rval = "A" if number == 0 else ""
    while number != 0:
        number, remainder = divmod(number, 26)
        rval = chr(ord("A") + remainder) + rval
    return rval


def check_eq(var, val1, val2):
    """Whether two values of var's type are equal (its values_eq_approx where it has one)."""
    approx = getattr(var.type, "values_eq_approx", None)
    if approx is not None:
        return approx(val1, val2)
    import numpy as np
    return bool(np.array_equal(np.asarray(val1), np.asarray(val2)))


from .ops import OutputGuard  # noqa: E402,F401  (Theano's module imports it)
