"""theano.d3viz.formatting: how d3viz labels nodes (Theano builds pydot graphs; pydot is not a dependency
of theano_compat, so the graph-building parts raise, naming pydot, as Theano does without it)."""
from ..compile.function import Function  # noqa: F401
from ..stand_ins import declare_unsupported

pydot_imported = False
pydot_imported_msg = "Install the python package pydot or pydot-ng. Install graphviz."
declare_unsupported(globals(), "d3viz draws with pydot, which theano_compat does not use (theano.printing."
                    "pydotprint draws with graphviz)", classes="PyDotFormatter",
                    functions="dict_to_pdnode apply_profile")


def dtype_to_char(dtype):
    """Theano's one-letter code of a dtype (d for float64, f for float32, ...)."""
    dtype_char = {"complex64": "c", "complex128": "z", "float32": "f", "float64": "d", "int8": "b", "int16": "w",
                  "int32": "i", "int64": "l"}
    return dtype_char.get(dtype, "X")


def broadcastable_to_str(b):
    """A broadcastable pattern as Theano names it (scalar, vector, row, col, matrix), else ''."""
    named = {(): "scalar", (False,): "vector", (False, True): "col", (True, False): "row", (False, False): "matrix"}
    return named.get(tuple(b), "")


def type_to_str(t):
    """A tensor type as a short string: <dtype letter><broadcastable name>, or the dtype."""
    if not hasattr(t, "broadcastable"):
        return str(t)
    s = broadcastable_to_str(t.broadcastable)
    return str(t.dtype) if s == "" else dtype_to_char(t.dtype) + s


def var_label(var, precision=3):
    """A variable's label: its name, a constant's value, else its type."""
    import numpy as np
    from ..graph.nodes import Constant
    if var.name is not None:
        return var.name
    if isinstance(var, Constant):
        h = np.asarray(var.data)
        is_const = h.ndim == 0
        dstr = np.array2string(np.array([h]) if is_const else h, precision=precision)
        if "\n" in dstr:
            dstr = dstr[:dstr.index("\n")]
        return dstr.replace("[", "").replace("]", "") if is_const else dstr
    return type_to_str(var.type)


def var_tag(var):
    """[file, line, source] where the variable was created, when its trace was recorded."""
    import os
    tag = var.tag
    if hasattr(tag, "trace") and len(tag.trace) and len(tag.trace[0]) == 4:
        path, line, _, src = tag.trace[0][-1] if isinstance(tag.trace[0][0], (tuple, list)) else tag.trace[0]
        path = os.path.basename(path).replace("<", "").replace(">", "")
        return [path, line, src.encode()]
    return None


def apply_label(node):
    """An apply node's label: its op's name."""
    return node.op.__class__.__name__
