"""theano.compile.function_module: Function and the helpers Theano builds it with."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..config import config  # noqa: F401
from ..gof.graph import is_same_graph  # noqa: F401
from ..stand_ins import declare_unsupported, noop_function
from .errors import UnusedInputError
from .function import Function, function as orig_function
from .function_model import DUPLICATE, get_info_on_inputs  # noqa: F401
from .maker import FunctionMaker  # noqa: F401
from .io import In, SymbolicInput, SymbolicOutput  # noqa: F401
from .mode import Supervisor  # noqa: F401
from .ops import deep_copy_op, ops_with_inner_function, view_op  # noqa: F401

izip, xrange = zip, range
NODEFAULT = ["NODEFAULT"]
_CHECKERS = []
_INTERNAL = "Theano's function-building machinery (FunctionGraph rewriting, storage, in-place views); " \
            "theano.function compiles one XLA step instead"
declare_unsupported(globals(), _INTERNAL, functions="std_fgraph fgraph_updated_vars infer_reuse_pattern view_tree_set")
insert_deepcopy = noop_function("insert_deepcopy", "outputs of the XLA step never alias its inputs")


class AliasedMemoryError(Exception):
    """Memory is aliased that should not be."""


def alias_root(v):
    """The variable v is a view of (through view_map/destroy_map), or v itself."""
    if v.owner is None:
        return v
    outpos = v.owner.outputs.index(v)
    views = getattr(v.owner.op, "view_map", {}).get(outpos, []) + \
        getattr(v.owner.op, "destroy_map", {}).get(outpos, [])
    if len(views) > 1:
        raise NotImplementedError(str(v) + " is a view/destroyed version of more then one inputs. Currently, we "
                                  "only support the case where an output is a view or a destroyed version of "
                                  "one input.")
    return alias_root(v.owner.inputs[views[0]]) if views else v


def register_checker(checker):
    """Add a value comparison check_equal tries first."""
    _CHECKERS.insert(0, checker)


def check_equal(x, y):
    """Whether x == y, by the first registered checker that accepts them."""
    for checker in _CHECKERS:
        try:
            return checker(x, y)
        except Exception:  # noqa: BLE001 - Theano tries the next checker
            continue
    return x == y


def convert_function_input(input):
    """An input shortcut (Variable, (name, var), (var, value), ((var, update), value), ...) as an In."""
    from ..graph.nodes import Constant, Variable
    if isinstance(input, SymbolicInput):
        return input
    if isinstance(input, Constant):
        raise TypeError("A Constant instance is not a legal function input", input)
    if isinstance(input, Variable):
        return In(input)
    if not isinstance(input, (list, tuple)) or not input:
        raise TypeError("Nonsensical input specification: %s" % (input,))
    orig, name = input, None
    if isinstance(input[0], str):
        name, input = input[0], input[1:]
    update = value = None
    if isinstance(input[0], (list, tuple)):
        if len(input[0]) != 2 or len(input) != 2:
            raise TypeError("Invalid input syntax: %s (check documentation or use an In instance)" % (orig,))
        (variable, update), value = input
    elif isinstance(input[0], Variable) and len(input) in (1, 2):
        variable, value = input[0], (input[1] if len(input) == 2 else None)
    else:
        raise TypeError("The input specification is not valid: %s" % (input,))
    if value is not None and isinstance(value, (Variable, SymbolicInput)):
        raise TypeError("The value for input %s should not be a Variable or SymbolicInput instance (got: %s)"
                        % (variable, value))
    return In(variable, name=name, value=value, update=update)


__all__ = ["Function", "UnusedInputError", "AliasedMemoryError"]
