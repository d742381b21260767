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
    """theano.printing.debugprint: one line a node, children indented, repeated nodes by id."""
    from .compile.function import Function
    outputs = obj.outputs if isinstance(obj, Function) else (obj if isinstance(obj, (list, tuple)) else [obj])
    lines, ids_of = [], {}
    for out in outputs:
        _debug_lines(out, "", depth, print_type, ids_of, lines, ids)
    text = "\n".join(lines)
    if file == "str":
        return text
    (file or sys.stdout).write(text + "\n")
    return file


def _debug_lines(var, prefix, depth, print_type, ids_of, lines, id_kind):
    if depth == 0:
        return
    node = var.owner
    type_str = f" <{var.type}>" if print_type else ""
    if node is None:
        lines.append(f"{prefix}{_leaf_str(var)}{type_str}")
        return
    seen = node in ids_of
    if not seen:
        ids_of[node] = _make_id(len(ids_of), id_kind)
    out_idx = f".{var.index}" if len(node.outputs) > 1 else ""
    name = f" '{var.name}'" if var.name else ""
    lines.append(f"{prefix}{node.op.describe(node)}{out_idx} [id {ids_of[node]}]{name}{type_str}"
                 + ("" if not seen else ""))
    if seen:
        return
    for i in node.inputs:
        _debug_lines(i, prefix + " |", depth - 1, print_type, ids_of, lines, id_kind)


def _leaf_str(var):
    return str(var) if not isinstance(var, Constant) else str(var)


def _make_id(n, kind):
    if kind == "int":
        return str(n)
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


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
