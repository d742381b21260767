"""theano.gof.op: Theano's op base classes and the test-value helpers ops call."""
import warnings

from ..compat import PY3  # noqa: F401
from ..compile.ops import ops_with_inner_function  # noqa: F401
from ..config import config
from ..graph.ops import MethodNotDefined
from ..graph.nodes import Constant, Variable
from ..graph.ops import Op  # noqa: F401
from ..stand_ins import C_CODE_WHY, NoOpLinker, declare_noop, declare_unsupported
from .fg import FunctionGraph  # noqa: F401

declare_noop(globals(), C_CODE_WHY, NoOpLinker, classes="CLinkerObject CLinkerOp")
declare_unsupported(globals(), "Theano compiles C++ with it; XLA compiles the step here", classes="GCC_compiler")


def get_test_value(v):
    """The test value of v: a constant's data, a shared variable's value, or v.tag.test_value."""
    if not isinstance(v, Variable):
        from ..tensor.basic import as_tensor_variable
        v = as_tensor_variable(v)
    if isinstance(v, Constant):
        return v.value
    if hasattr(v, "get_value"):
        return v.get_value(borrow=True, return_internal_type=True)
    if not hasattr(v.tag, "test_value"):
        detailed = " To make this warning into an error, you can use the Theano flag compute_test_value='raise'"
        raise AttributeError("%s has no test value %s" % (v, detailed))
    return v.tag.test_value


def missing_test_message(msg):
    """Raise, warn or ignore, as config.compute_test_value says, that a test value is missing."""
    action = config.compute_test_value
    if action == "raise":
        raise AttributeError(msg)
    if action == "warn":
        warnings.warn(msg, stacklevel=2)


def debug_error_message(msg):
    """Raise (ValueError) or warn, as config.compute_test_value says."""
    action = config.compute_test_value
    assert action != "off"
    if action in ("raise", "ignore"):
        raise ValueError(msg)
    warnings.warn(msg, stacklevel=2)


def debug_assert(condition, msg=None):
    """AssertionError (or a warning, with compute_test_value='warn') unless condition holds."""
    if not condition:
        msg = msg or "debug_assert failed"
        if config.compute_test_value in ("raise", "ignore"):
            raise AssertionError(msg)
        warnings.warn(msg, stacklevel=2)


def get_debug_values(*args):
    """[] when compute_test_value is off; else the test values of args ([tuple] for several)."""
    if config.compute_test_value == "off":
        return []
    values = []
    for i, arg in enumerate(args):
        try:
            values.append(get_test_value(arg))
        except AttributeError:
            name = getattr(arg, "name", None)
            missing_test_message("Argument %i%s has no test value" % (i, "('%s')" % name if name else ""))
            return []
    return values if len(values) == 1 else [tuple(values)]


def _c_method(tag, f):
    f.__name__ = "c_" + tag
    return f


def simple_meth(tag):
    """A c_<tag>() method returning the op's code_sections[tag] (COp's C code files)."""
    def f(self):
        if tag in self.code_sections:
            return self.code_sections[tag]
        raise MethodNotDefined("c_" + tag, type(self), type(self).__name__)
    return _c_method(tag, f)


def apply_meth(tag):
    """A c_<tag>(node, name) method returning the op's code_sections[tag] with its macros."""
    def f(self, node, name):
        if tag in self.code_sections:
            define_macros, undef_macros = self.get_c_macros(node, name)
            return "\n".join(["", define_macros, self.code_sections[tag], undef_macros])
        raise MethodNotDefined("c_" + tag, type(self), type(self).__name__)
    return _c_method(tag, f)

from ..graph.ops import PureOp  # noqa: E402,F401  (Theano's module imports it)


class COp(Op):
    """Theano's COp(func_files, func_name): an op whose C code lives in files. Subclassable: the files are
    recorded and never compiled; the op works where it defines perform (XLA has no use for C code)."""

    def __init__(self, func_files=None, func_name=None):
        if isinstance(func_files, str):
            func_files = [func_files]
        self.func_files, self.func_name = list(func_files or []), func_name


from ..graph.ops import OpenMPOp  # noqa: E402,F401