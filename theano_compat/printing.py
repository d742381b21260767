"""theano.printing: pp (Theano's infix form), debugprint (the indented tree), pydotprint (graphviz)."""
import sys

from .graph.nodes import Constant

_GREEK = {n: chr(c) for n, c in (("alpha", 945), ("beta", 946), ("gamma", 947), ("delta", 948),
                                  ("epsilon", 949))}


def pp(*args):
    """theano.pp: a graph as Theano's pretty printer writes it."""
    return pprint(*args)


def pprint(var, memo=None):
    memo = {} if memo is None else memo
    if var in memo:
        return memo[var]
    node = var.owner
    if node is None:
        text = _GREEK.get(var.name, str(var))
    else:
        args = [pprint(i, memo) for i in node.inputs]
        printer = getattr(node.op, "pp", None)
        text = printer(node, args) if printer else f"{_pp_name(node)}({', '.join(args)})"
    memo[var] = text
    return text


def _pp_name(node):
    # Theano's FunctionPrinter uses the scalar op's name for elementwise ops, str(op) otherwise.
    name = node.op.describe(node)
    if name.startswith("Elemwise{") and name.endswith(",no_inplace}"):
        return name[len("Elemwise{"):-len(",no_inplace}")]
    return name


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


__all__ = ["pp", "pprint", "debugprint", "pydotprint", "Print"]
