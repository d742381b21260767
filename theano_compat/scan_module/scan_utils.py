"""theano.scan_module.scan_utils: until, and how scan reads what fn returns; OrderedUpdates (theano.updates)."""
import warnings
from collections import OrderedDict

import numpy as np

from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..compile.shared import SharedVariable
from ..graph.constants import as_tensor_variable
from ..graph.nodes import Constant, Variable

__all__ = ["until", "get_updates_and_outputs", "OrderedUpdates", "clone", "equal_computations"]


def clone(output, replace=None, strict=True, share_inputs=True, copy_inputs=None):
    """theano.clone: a copy of output's graph with the variables of `replace` substituted."""
    from ..graph.nodes import clone_replace
    outs = output if isinstance(output, (list, tuple)) else [output]
    cloned = clone_replace(outs, dict(replace or {}), share_inputs=share_inputs)
    return cloned if isinstance(output, (list, tuple)) else cloned[0]


class until:
    """Returned by a scan's fn (last) to stop the loop after the step where `condition` is true."""

    def __init__(self, condition):
        self.condition = as_tensor_variable(condition)
        assert self.condition.ndim == 0


class OrderedUpdates(OrderedDict):
    """Shared variable -> new value (theano.updates.OrderedUpdates); `+` is the union of two of them."""

    def __init__(self, *key, **kwargs):
        if key and isinstance(key[0], dict) and len(key[0]) > 1 and not isinstance(key[0], OrderedDict):
            warnings.warn("Initializing an `OrderedUpdates` from a non-ordered dictionary with 2+ elements "
                          "could make your code non-deterministic. You can use an OrderedDict that is "
                          "available at theano.compat.OrderedDict for python 2.6+.")
        super().__init__(*key, **kwargs)
        for k in self:
            if not isinstance(k, SharedVariable):
                raise TypeError("OrderedUpdates keys must inherit from SharedVariable", k)

    def __setitem__(self, key, value):
        if not isinstance(key, SharedVariable):
            raise TypeError("OrderedUpdates keys must inherit from SharedVariable", key)
        return super().__setitem__(key, value)

    def update(self, other=None):
        if other is None:
            return
        if isinstance(other, dict) and len(other) > 1 and not isinstance(other, OrderedDict):
            warnings.warn("Updating an `OrderedUpdates` with a non-ordered dictionary with 2+ elements could "
                          "make your code non-deterministic", stacklevel=2)
        for key, val in OrderedDict(other).items():
            if key in self:
                if self[key] is val:
                    continue
                raise KeyError("Collision", key)
            self[key] = val

    def __add__(self, other):
        rval = OrderedUpdates()
        rval.update(self)
        rval.update(other)
        return rval

    def __radd__(self, other):
        rval = OrderedUpdates()
        rval.update(other)
        rval.update(self)
        return rval


def get_updates_and_outputs(ls):
    """Theano's scan_utils.get_updates_and_outputs: (condition, outputs, updates) of what fn returned."""
    def is_outputs(elem):
        return (isinstance(elem, (list, tuple)) and all(isinstance(x, Variable) for x in elem)) or \
            isinstance(elem, Variable)

    def is_updates(elem):
        if isinstance(elem, dict):
            if not isinstance(elem, OrderedDict) and len(elem) > 1:
                warnings.warn("Expected OrderedDict or OrderedUpdates, got " + str(type(elem)) +
                              ". This can make your script non-deterministic.")
            return True
        return isinstance(elem, (list, tuple)) and all(isinstance(x, (list, tuple)) and len(x) == 2
                                                       for x in elem)

    def is_condition(elem):
        return isinstance(elem, until)

    def _list(x):
        return list(x) if isinstance(x, (list, tuple)) else [x]

    def _filter(x):
        if isinstance(x, (list, tuple)):
            return all(_filter(y) for y in x)
        if isinstance(x, dict):
            return all(_filter(y) for y in x.items())
        return isinstance(x, (Variable, until))

    if not _filter(ls):
        raise ValueError("The return value of your scan lambda expression may only be made of lists, tuples, "
                         "or dictionaries containing Theano variables (or `theano.scan_module.until` objects "
                         "for conditions). In particular if you need to use constant values, you can use "
                         "`tensor.constant` to turn them into Theano variables.")
    if is_outputs(ls):
        return None, _list(ls), OrderedDict()
    if is_updates(ls):
        return None, [], OrderedDict(ls)
    error_msg = "Scan cannot parse the return value of your lambda expression, which is: %s" % (ls,)
    if not isinstance(ls, (list, tuple)):
        raise ValueError(error_msg)
    ls = list(ls)
    if len(ls) == 2:
        if is_outputs(ls[0]):
            if is_updates(ls[1]):
                return None, _list(ls[0]), OrderedDict(ls[1])
            if is_condition(ls[1]):
                return ls[1].condition, _list(ls[0]), OrderedDict()
            raise ValueError(error_msg)
        if is_updates(ls[0]):
            if is_outputs(ls[1]):
                raise ValueError("The return value of the lambda function has been restricted. you have to "
                                 "always return first the outputs (if any), afterwards the updates (if any) and "
                                 "at the end the conclusion")
            if is_condition(ls[1]):
                return ls[1].condition, [], OrderedDict(ls[0])
        raise ValueError(error_msg)
    if len(ls) == 3 and is_outputs(ls[0]) and is_updates(ls[1]) and is_condition(ls[2]):
        return ls[2].condition, _list(ls[0]), OrderedDict(ls[1])
    raise ValueError(error_msg)


def _same_constant(x, y):
    return x.type == y.type and np.array_equal(np.asarray(x.data), np.asarray(y.data), equal_nan=False)


def _same_op(nx, ny):
    """Two apply nodes apply the same op (Theano compares ops by their __props__; params are ours)."""
    if nx.op != ny.op:
        return False
    px, py = getattr(nx, "params", None), getattr(ny, "params", None)
    try:
        return bool(px == py)
    except Exception:  # noqa: BLE001 - array-valued params: compare their reprs
        return repr(px) == repr(py)


def _leaves_equal(dx, dy, common):
    if isinstance(dx, Constant) and isinstance(dy, Constant):
        return _same_constant(dx, dy)
    return (dx, dy) in common or dx is dy


def equal_computations(xs, ys, in_xs=None, in_ys=None):
    """Whether xs and ys compute the same thing, in_xs[k] standing for in_ys[k] (scan_utils's helper)."""
    assert len(xs) == len(ys)
    in_xs, in_ys = in_xs or [], in_ys or []
    for x, y in zip(xs, ys):
        if bool(x.owner) != bool(y.owner):
            return False
        if x.owner and x.owner.outputs.index(x) != y.owner.outputs.index(y):
            return False
        if x not in in_xs and x.type != y.type:
            return False
    if len(in_xs) != len(in_ys) or any(a.type != b.type for a, b in zip(in_xs, in_ys)):
        return False
    common, different = set(zip(in_xs, in_ys)), set()
    for x, y in zip(xs, ys):
        if not x.owner and not _leaves_equal(x, y, common):
            return False

    def compare_nodes(nx, ny):
        if not _same_op(nx, ny) or len(nx.inputs) != len(ny.inputs) or len(nx.outputs) != len(ny.outputs):
            return False
        pairs = list(zip(nx.outputs, ny.outputs))
        if any(p in different for p in pairs):
            return False
        if all(p in common for p in pairs):
            return True
        for dx, dy in zip(nx.inputs, ny.inputs):
            if (dx, dy) in common:
                continue
            if dx.owner and dy.owner and dx.owner.outputs.index(dx) == dy.owner.outputs.index(dy):
                if not compare_nodes(dx.owner, dy.owner):
                    different.add((dx, dy))
                    return False
            elif dx.owner is None and dy.owner is None:
                if not _leaves_equal(dx, dy, common):
                    return False
            else:
                return False
        common.update(pairs)
        return True
    return all(compare_nodes(x.owner, y.owner) for x, y in zip(xs, ys) if x.owner)


# --- the rest of Theano's scan_utils helpers ---
from ..compile.pfunc import rebuild_collect_shared  # noqa: E402,F401
from ..gof import Validator  # noqa: E402,F401
from ..ops.basic import get_scalar_constant_value  # noqa: E402
from ..stand_ins import declare_unsupported  # noqa: E402

izip, xrange = zip, range
DEPRECATED_ARG = object()
declare_unsupported(globals(), "a helper of Theano's Scan op internals (its inner graph and optimizations); "
                    "scan here lowers to one lax.scan", classes="scan_args",
                    functions="compress_outs scan_can_remove_outs infer_shape map_variables traverse")


def hash_listsDictsTuples(x):
    """A hash of nested lists, tuples and dicts."""
    hash_value = 0
    if isinstance(x, dict):
        for k, v in x.items():
            hash_value ^= hash_listsDictsTuples(k) ^ hash_listsDictsTuples(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            hash_value ^= hash_listsDictsTuples(v)
    else:
        hash_value ^= hash(x)
    return hash_value


def isNaN_or_Inf_or_None(x):
    """Whether x is None, NaN or Inf (a value, or a variable whose constant value is), or a string."""
    is_none = x is None
    try:
        is_nan, is_inf = bool(np.isnan(x)), bool(np.isinf(x))
    except Exception:  # noqa: BLE001 - not a number
        is_nan = is_inf = False
    if not is_nan and not is_inf:
        try:
            val = get_scalar_constant_value(x)
            is_inf, is_nan = bool(np.isinf(val)), bool(np.isnan(val))
        except Exception:  # noqa: BLE001 - not a constant
            is_nan = is_inf = False
    is_str = isinstance(x, Constant) and isinstance(x.data, str)
    return is_none or is_nan or is_inf or is_str


def safe_new(x, tag="", dtype=None):
    """A new variable of x's type (cast to dtype), named x's name + tag; constants are cloned."""
    from ..tensor.basic import as_tensor_variable
    if isinstance(x, Constant):
        return x.clone() if not dtype or x.dtype == dtype else x.astype(dtype)
    try:
        x = as_tensor_variable(x)
    except TypeError:
        pass
    if dtype and x.dtype != dtype:
        x = x.astype(dtype)
    nw_x = x.type()
    nw_x.name = x.name + tag if getattr(x, "name", None) is not None else None
    return nw_x


def reconstruct_graph(inputs, outputs, tag=None):
    """(new inputs, outputs rebuilt on them): a copy of the graph with fresh input variables."""
    from ..gof.graph import inputs as graph_inputs
    nw_inputs = [safe_new(x, tag or "") for x in inputs]
    givens = OrderedDict(zip(inputs, nw_inputs))
    for inp in graph_inputs(outputs):
        if isinstance(inp, Constant):
            givens[inp] = inp.clone()
    return nw_inputs, clone(outputs, replace=givens)


def forced_replace(out, x, y):
    """out with every subgraph computing what x computes replaced by y."""
    from collections import deque
    if out is None:
        return None
    visited, queue, to_replace = set(), deque([out]), []
    while queue:
        graph = queue.popleft()
        if graph in visited:
            continue
        visited.add(graph)
        if equal_computations([graph], [x]):
            to_replace.append((graph, y))
        elif graph.owner:
            queue.extendleft(graph.owner.inputs)
    return clone(out, replace=to_replace) if to_replace else out


def expand_empty(tensor_var, size):
    """tensor_var with `size` more rows (uninitialized in Theano, zeros here) at the end of its first axis."""
    from ..tensor import alloc, set_subtensor, zeros_like  # noqa: F401
    if size == 0:
        return tensor_var
    shapes = [tensor_var.shape[k] for k in range(tensor_var.ndim)]
    empty = alloc(np.asarray(0, dtype=tensor_var.dtype), *([size + shapes[0]] + shapes[1:]))
    return set_subtensor(empty[:shapes[0]], tensor_var)
