"""theano.printing: pp (Theano's infix form), debugprint (the indented tree), pydotprint (graphviz)."""
from .compat import integer_types, string_types  # noqa: F401  (Theano's six names)
import sys


from .printers import (VALID_ASSOC, DefaultPrinter, FunctionPrinter, IgnorePrinter, LeafPrinter,  # noqa: F401
                       OperatorPrinter, PatternPrinter, PPrinter, PrinterState, default_printer, greek,
                       leaf_printer, special)

from .compile.shared import SharedVariable  # noqa: E402,F401
from .config import config  # noqa: E402,F401
from .graph.nodes import Apply  # noqa: E402,F401
from .compile.function import Function  # noqa: E402,F401

use_ascii = True
# pydotprint draws with the graphviz package here, not pydot
pydot_imported = False
pydot_imported_msg = "Install the python package pydot or pydot-ng. Install graphviz."
default_colorCodes = {"GpuFromHost": "red", "HostFromGpu": "red", "Scan": "yellow", "Shape": "brown",
                      "IfElse": "magenta", "Elemwise": "#FFAABB", "Subtensor": "#FFAAFF", "Alloc": "#FFAA22",
                      "Output": "blue"}
pprint = PPrinter()  # Theano: theano.pp, theano.printing.pp/pprint and T.pprint are this one object
pp = pprint


def debugprint(obj, depth=-1, print_type=False, file=None, ids="CHAR", stop_on_name=False, done=None,
               print_storage=False):
    """theano.printing.debugprint: one line a node, inputs indented below, a repeated node by its id."""
    from .compile.function import Function
    outputs = obj.outputs if isinstance(obj, Function) else (obj if isinstance(obj, (list, tuple)) else [obj])
    lines, used_ids = [], {}
    for out in outputs:
        _debug_lines(out, "", "", depth, print_type, used_ids, lines, ids, stop_on_name)
    text = "".join(line + "\n" for line in lines)
    if file == "str":
        return text
    (file or sys.stdout).write(text)
    return file


def _debug_lines(var, prefix, prefix_child, depth, print_type, used_ids, lines, ids, stop_on_name):
    # Theano's compile.debugmode.debugprint, line for line.
    if depth == 0:
        return
    type_str = f" <{var.type}>" if print_type else ""
    node = var.owner
    if node is None:
        lines.append(f"{prefix}{var} {_id(var, used_ids, ids)}{type_str}")
        return
    already = node in used_ids
    idx = "" if len(node.outputs) == 1 else f".{var.index}"
    name = var.name or ""
    lines.append(f"{prefix}{node.op.describe(node)}{idx} {_id(node, used_ids, ids)}{type_str} '{name}'   ")
    if already or (stop_on_name and var.name is not None):
        return
    for k, i in enumerate(node.inputs):
        last = k == len(node.inputs) - 1
        _debug_lines(i, prefix_child + " |", prefix_child + ("  " if last else " |"), depth - 1, print_type,
                     used_ids, lines, ids, stop_on_name)


def _id(obj, used_ids, kind):
    if obj not in used_ids:
        n = len(used_ids)
        used_ids[obj] = "" if kind == "" else f"[id {n if kind == 'int' else _char_from_number(n)}]"
    return used_ids[obj]


def _char_from_number(number):
    """Theano's ids: base 26 in capital letters (A, B, ..., Z, BA, ...)."""
    text = "A" if number == 0 else ""
    while number:
        number, remainder = divmod(number, 26)
        text = chr(ord("A") + remainder) + text
    return text


def pydotprint(fct, outfile=None, format="png", **kwargs):
    """theano.printing.pydotprint: a picture of the graph, through graphviz when it is installed."""
    try:
        import graphviz
    except ImportError:
        raise RuntimeError("pydotprint needs the graphviz Python package and the graphviz programs: "
                           "pip install 'theano_compat[graphviz]' and apt-get install graphviz") from None
    from .compile.function import Function
    from .graph.nodes import toposort
    outputs = fct.outputs if isinstance(fct, Function) else (fct if isinstance(fct, (list, tuple)) else [fct])
    dot = graphviz.Digraph(format=format)
    names = {}

    def vid(v):
        if v not in names:
            names[v] = f"v{len(names)}"
            dot.node(names[v], f"{v.name or ''} {v.type}".strip(), shape="box")
        return names[v]
    for k, node in enumerate(toposort(outputs)):
        nid = f"n{k}"
        dot.node(nid, node.op.describe(node), shape="ellipse")
        for i in node.inputs:
            dot.edge(vid(i), nid)
        for o in node.outputs:
            dot.edge(nid, vid(o))
    outfile = outfile or f"theano.pydotprint.{format}"
    stem = outfile[:-(len(format) + 1)] if outfile.endswith("." + format) else outfile
    dot.render(stem, cleanup=True)
    print("The output file is available at", outfile)
    return outfile


class Print:
    """theano.printing.Print: an identity op in Theano that prints its value; here it returns x unchanged
    (values cannot be printed from inside a compiled step without host callbacks)."""

    def __init__(self, message="", attrs=("__str__",), global_fn=None):
        self.message = message

    def __call__(self, x):
        return x


class _TagGenerator:
    """Tags A, B, ..., Z, AA, AB, ... for min_informative_str and var_descriptor."""

    def __init__(self):
        self.cur_tag_number = 0

    def get_tag(self):
        rval = _char_from_number(self.cur_tag_number)
        self.cur_tag_number += 1
        return rval


def min_informative_str(obj, indent_level=0, _prev_obs=None, _tag_generator=None):
    """A short description of a graph: one tagged line per variable, a repeated one as <tag>."""
    _prev_obs = {} if _prev_obs is None else _prev_obs
    indent = " " * indent_level
    if id(obj) in _prev_obs:
        return indent + "<" + _prev_obs[id(obj)] + ">"
    _tag_generator = _tag_generator or _TagGenerator()
    cur_tag = _tag_generator.get_tag()
    _prev_obs[id(obj)] = cur_tag
    if hasattr(obj, "__array__"):
        name = "<ndarray>"
    elif getattr(obj, "name", None) is not None:
        name = obj.name
    elif getattr(obj, "owner", None) is not None:
        name = str(obj.owner.op)
        for ipt in obj.owner.inputs:
            name += "\n" + min_informative_str(ipt, indent_level + 1, _prev_obs, _tag_generator)
    else:
        name = str(obj)
    return indent + cur_tag + ". " + name


def var_descriptor(obj, _prev_obs=None, _tag_generator=None):
    """A description of a graph that identifies it (arrays by digest), memory addresses aside."""
    import hashlib
    _prev_obs = {} if _prev_obs is None else _prev_obs
    if id(obj) in _prev_obs:
        return "<" + _prev_obs[id(obj)] + ">"
    _tag_generator = _tag_generator or _TagGenerator()
    cur_tag = _tag_generator.get_tag()
    _prev_obs[id(obj)] = cur_tag
    if hasattr(obj, "__array__"):
        name = "<ndarray:strides=[" + ",".join(str(s) for s in obj.strides) + "],digest=" + \
            hashlib.sha256(obj).hexdigest() + ">"
    elif getattr(obj, "owner", None) is not None:
        name = str(obj.owner.op) + "(" + ",".join(
            var_descriptor(i, _prev_obs, _tag_generator) for i in obj.owner.inputs) + ")"
    elif getattr(obj, "name", None) is not None:
        name = obj.name
    else:
        name = str(obj)
        if " at 0x" in name:
            name = position_independent_str(obj)
    return cur_tag + "=" + name


def position_independent_str(obj):
    """A variable's description without its memory address."""
    from .graph.nodes import Variable
    if isinstance(obj, Variable):
        return "theano_var{type=" + str(obj.type) + "}"
    raise NotImplementedError()


def hex_digest(x):
    """A digest of an ndarray's bytes, strides and shape."""
    import hashlib
    import numpy as np
    assert isinstance(x, np.ndarray)
    return (hashlib.sha256(x.tobytes()).hexdigest() + "|strides=[" + ",".join(str(s) for s in x.strides) +
            "]|shape=[" + ",".join(str(s) for s in x.shape) + "]")


__all__ = ["pp", "pprint", "debugprint", "pydotprint", "Print"]

from .graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
