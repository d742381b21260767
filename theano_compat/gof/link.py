"""theano.gof.link: Theano's linkers (accepted as mode arguments; XLA links the step) and Container."""
from ..compile.shared import Container
from ..graph.types import TensorType  # noqa: F401
from ..stand_ins import LINKER_WHY, NoOpLinker, declare_noop, unsupported_function
from .utils import undef

izip = zip
declare_noop(globals(), LINKER_WHY, NoOpLinker, classes="Linker LocalLinker PerformLinker WrapLinker")


def WrapLinkerMany(linkers, wrappers):
    """A WrapLinker calling every wrapper (accepted; XLA links the step)."""
    return WrapLinker(linkers, wrappers)


def gc_helper(node_list):
    """(every variable computed by node_list, the last node using each input)."""
    last_user, computed = {}, set()
    for node in node_list:
        for v in node.inputs:
            last_user[v] = node
        computed.update(node.outputs)
    return computed, last_user


def add_clear_storage(f, computed, storage_map):
    """Give thunk f a clear_storage() emptying the storage of the computed variables."""
    def clear_storage():
        for c in computed:
            storage_map[c][0] = None
    f.clear_storage = clear_storage


def raise_with_op(node, thunk=None, exc_info=None, storage_map=None):
    """Re-raise the current exception with the apply node that raised it attached (Theano's hints)."""
    import sys
    exc_type, exc_value, exc_trace = exc_info or sys.exc_info()
    exc_value.__op_instance__ = node
    exc_value.__thunk_trace__ = getattr(node.outputs[0].tag, "trace", ())
    raise exc_value.with_traceback(exc_trace)


def log_thunk_trace(value, f=None):
    """Print where the op that raised `value` was defined (when raise_with_op recorded it)."""
    import sys
    import traceback
    out = f or sys.stderr
    trace = getattr(value, "__thunk_trace__", None)
    if trace:
        print("log_thunk_trace: There was a problem executing an Op.", file=out)
        for line in traceback.format_list(trace[0] if isinstance(trace[0], list) else trace):
            print("log_thunk_trace: %s" % line.strip(), file=out)


def thunk_hook(type, value, trace):
    """sys.excepthook that logs the thunk trace first."""
    import sys
    log_thunk_trace(value)
    sys.__excepthook__(type, value, trace)


map_storage = unsupported_function("theano.gof.link.map_storage", "thunk storage belongs to Theano's linkers; "
                                   "XLA runs the step")
streamline = unsupported_function("theano.gof.link.streamline", "thunk streams belong to Theano's linkers; "
                                  "XLA runs the step")

from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
