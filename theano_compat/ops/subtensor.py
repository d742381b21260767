"""Indexing: x[...] with ints, slices (symbolic bounds too), newaxis, Ellipsis, integer arrays and boolean
masks; set_subtensor and inc_subtensor on all of them (repeated indices accumulate, as in Theano).

An index is kept as a spec in the node's params: each entry is ("int", ref), ("slice", start, stop, step)
or ("array", ref), where a ref is None, a Python int, or ("in", k) for the node's input k. Symbolic slice
bounds whose values are only known at call time are resolved by the op's `static` hook: the slice
*lengths* become part of the compiled step's signature, the offsets stay dynamic (the minibatch pattern
`data[i * bs:(i + 1) * bs]` compiles once for every full batch and once for a trailing partial one).
"""
import jax.numpy as jnp
import numpy as np
from jax import lax

from ..graph import dtypes as D
from ..graph.nodes import Constant, Variable
from ..graph.ops import TheanoOp, is_tracer, primitive_name
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


# --- building the spec from a Python index ---

def _as_ref(v, inputs):
    if v is None or isinstance(v, (int, np.integer)):
        return None if v is None else int(v)
    v = as_tensor_variable(v)
    if v.ndim != 0 or v.dtype not in D.integer_dtypes:
        raise TypeError("Expected an integer")
    if isinstance(v, Constant):
        return int(v.data)
    inputs.append(v)
    return ("in", len(inputs) - 1)


def _is_advanced(entry):
    if isinstance(entry, (list, tuple, np.ndarray, float)):
        return True
    return isinstance(entry, Variable) and (entry.ndim > 0 or entry.dtype == "bool")


def _includes_bool(e):
    if isinstance(e, (np.bool_, bool)) or (hasattr(e, "dtype") and e.dtype == "bool"):
        return True
    if not isinstance(e, Variable) and isinstance(e, (list, tuple)):
        return any(_includes_bool(el) for el in e)
    return False


def build_spec(x, index):
    """(x with new axes inserted, spec, symbolic index inputs) for a Python index expression, following
    Theano's TensorVariable.__getitem__ (its checks, and its newaxis handling for basic indexing)."""
    from .shape import dimshuffle
    index = index if isinstance(index, tuple) else (index,)
    count, ellipses = 0, []
    for i, e in enumerate(index):
        if e is None:
            continue
        if e is Ellipsis:
            ellipses.append(i)
        elif _is_bool(e):
            count += e.ndim
        else:
            if _includes_bool(e):
                raise TypeError("TensorType does not support Python bools for indexing, such as "
                                "tensor[[True, False]]. To use a boolean mask, convert the mask to a NumPy array "
                                "first, e.g., tensor[numpy.array([True, False])].")
            count += 1
    if x.ndim < count:
        raise IndexError("too many indices for array")
    if len(ellipses) > 1:
        raise IndexError("an index can only have a single Ellipsis (`...`)")
    if ellipses:
        k = ellipses[0]
        index = index[:k] + (slice(None),) * (x.ndim - count) + index[k + 1:]
    index = tuple(np.array(e, dtype="int64") if (isinstance(e, (list, tuple)) and len(e) == 0) or
                  (isinstance(e, np.ndarray) and e.size == 0) else e for e in index)
    if any(e is None for e in index):
        order, k = [], 0
        advanced = any(_is_advanced(e) for e in index)
        for e in index:
            if e is None:
                order.append("x")
            else:
                order.append(k)
                k += 1
        if advanced:  # numpy's newaxis among advanced indices: keep the dimensions not indexed
            order += list(range(k, x.ndim))
        x = dimshuffle(x, order)  # Theano's basic indexing drops the dimensions after the index: may raise
        index = tuple(slice(None) if e is None else e for e in index)
    inputs, spec = [], []
    for e in index:
        if isinstance(e, slice):
            spec.append(("slice", _as_ref(e.start, inputs), _as_ref(e.stop, inputs), _as_ref(e.step, inputs)))
        elif _is_advanced(e):
            inputs.append(as_tensor_variable(e))
            spec.append(("array", ("in", len(inputs) - 1)))
        else:
            spec.append(("int", _as_ref(e, inputs)))
    return x, tuple(spec), inputs


def _is_bool(e):
    return (isinstance(e, Variable) and e.dtype == "bool") or (isinstance(e, np.ndarray) and e.dtype == bool)


def _bool_ndim(e):
    return e.ndim


# --- resolving a spec against values ---

def _val(ref, vals):
    return vals[ref[1]] if isinstance(ref, tuple) else ref


def _concrete(v):
    return v is None or not is_tracer(v)


def _static(x, *vals, spec):
    """What the compiled step must know at trace time: slice lengths and mask counts, never offsets."""
    key, dim = [], 0
    for entry in spec:
        kind, refs = entry[0], entry[1:]
        if kind == "slice":
            start, stop, step = (None if r is None else int(_val(r, vals)) for r in refs)
            if step == 0:
                raise ValueError("slice step cannot be zero")
            norm = slice(start, stop, step).indices(x.shape[dim])
            length = len(range(*norm))
            # A positive step only needs the length; a negative one keeps its bounds (rare, recompiles).
            key.append((length, norm[2]) if norm[2] > 0 else norm)
            dim += 1
        elif kind == "array":
            v = _val(refs[0], vals)
            key.append(int(np.count_nonzero(np.asarray(v))) if v.dtype == bool else None)
            dim += v.ndim if v.dtype == bool else 1
        else:
            key.append(None)
            dim += 1
    return tuple(key)


def _resolve(x, vals, spec, key):
    """A JAX index tuple for x; slices with traced bounds become index arrays of static length."""
    out, dim, dynamic = [], 0, False
    for entry, k in zip(spec, key or (None,) * len(spec)):
        kind, refs = entry[0], entry[1:]
        if kind == "int":
            v = _val(refs[0], vals)
            if _concrete(v):
                v = int(v)
                if not -x.shape[dim] <= v < x.shape[dim]:
                    raise IndexError(f"index {v} is out of bounds for axis {dim} with size {x.shape[dim]}")
            else:
                _check_bounds(v, x.shape[dim], dim, scalar=True)
            out.append(v)
            dim += 1
        elif kind == "slice":
            parts = [_val(r, vals) for r in refs]
            if all(_concrete(p) for p in parts):
                out.append(slice(*[None if p is None else int(p) for p in parts]))
            elif len(k) == 3:
                out.append(slice(*k))
            else:
                out.append(_dynamic_slice(x.shape[dim], parts[0], *k))
                dynamic = True
            dim += 1
        else:
            v = _val(refs[0], vals)
            if v.dtype == bool:
                for j, (size, msize) in enumerate(zip(x.shape[dim:dim + v.ndim], v.shape)):
                    if size != msize:
                        raise IndexError(f"boolean index did not match indexed array along dimension {dim + j}; "
                                         f"dimension is {size} but corresponding boolean dimension is {msize}")
                out.extend(jnp.nonzero(v, size=k) if k is not None else np.nonzero(np.asarray(v)))
                dim += v.ndim
            else:
                _check_bounds(v, x.shape[dim], dim)
                out.append(v)
                dim += 1
    arrays = [np.shape(i) for i in out if not isinstance(i, slice) and np.ndim(i) > 0]
    try:
        np.broadcast_shapes(*arrays)
    except ValueError:
        raise IndexError("shape mismatch: indexing arrays could not be broadcast together with shapes "
                         + " ".join(str(a) for a in arrays)) from None
    return _open_mesh(out, x.shape) if dynamic else tuple(out)


def _check_bounds(v, n, dim, scalar=False):
    """Theano raises IndexError for an index out of range (JAX would clamp it): its C Subtensor's message for
    a symbolic scalar index, numpy's (naming the first bad index) for an index array."""
    from ..compile.guard import check_range
    if _concrete(v):
        bad = np.asarray(v)[(np.asarray(v) < -n) | (np.asarray(v) >= n)]
        if bad.size:
            raise IndexError(f"index {int(bad.ravel()[0])} is out of bounds for axis {dim} with size {n}")
        return
    if scalar:
        check_range(v, -n, n, IndexError, "index out of bounds")
    else:
        check_range(v, -n, n, IndexError, f"index {{i}} is out of bounds for axis {dim} with size {n}", name="i")


def _dynamic_slice(n, lo, length, step):
    """Indices of a positive-step slice whose start is traced; its length is static."""
    if lo is None:
        first = 0
    else:
        first = jnp.clip(jnp.where(lo < 0, lo + n, lo), 0, n)
    return (first + jnp.arange(length) * step).astype("int64")


def _open_mesh(idx, shape):
    """Index arrays that combine as an outer product (numpy would broadcast them together instead)."""
    arrays = [i for i in idx if not isinstance(i, (slice, int)) and np.ndim(i) > 0]
    if len(arrays) == 1:
        return tuple(idx)
    mesh, k = [], 0
    n_axes = sum(1 for i in idx if isinstance(i, slice) or np.ndim(i) > 0)
    for dim, i in enumerate(idx):
        if isinstance(i, slice):
            i = jnp.arange(shape[dim])[i]
        elif np.ndim(i) == 0:
            mesh.append(i)
            continue
        elif i.dtype != jnp.int64 or i.ndim != 1:
            raise IndexError("theano_compat does not support advanced (array) indexing combined with "
                             "slices whose bounds are symbolic")
        mesh.append(i.reshape([-1 if a == k else 1 for a in range(n_axes)]))
        k += 1
    return tuple(mesh)


def _get_lower(x, *vals, spec, static=None):
    return jnp.asarray(x)[_resolve(x, vals, spec, static)]


# --- type rules ---

def _slice_keeps_broadcast(entry):
    _, start, stop, step = entry
    return start in (None, 0) and step in (None, 1) and (stop is None or (isinstance(stop, int) and stop > 0))


def _out_type(x, spec, inputs):
    bcast, dim, adv_done = [], 0, False
    arrays = [inputs[e[1][1]] for e in spec if e[0] == "array"]
    for entry in spec:
        if entry[0] == "int":
            dim += 1
        elif entry[0] == "slice":
            bcast.append(x.broadcastable[dim] and _slice_keeps_broadcast(entry))
            dim += 1
        else:
            idx = inputs[entry[1][1]]
            if not adv_done:
                bcast.extend(_advanced_bcast(arrays))
                adv_done = True
            dim += idx.ndim if idx.dtype == "bool" else 1
    bcast.extend(x.broadcastable[dim:])
    return TensorType(x.dtype, tuple(bcast))


def _advanced_bcast(arrays):
    int_arrays = [a for a in arrays if a.dtype != "bool"]
    nd = max([a.ndim for a in int_arrays] + [1 if any(a.dtype == "bool" for a in arrays) else 0])
    if len(int_arrays) == 1 and not any(a.dtype == "bool" for a in arrays):
        return int_arrays[0].broadcastable
    return (False,) * nd


def _check_index_dtypes(inputs):
    for v in inputs:
        if v.dtype not in D.integer_dtypes and v.dtype != "bool":
            raise TypeError(f"index must be integers or a boolean mask, got {v.type}")


def _slice_bound_positions(first):
    """The inputs a spec reads as slice bounds or masks: only those need values before tracing."""
    def positions(node):
        spec = node.params["spec"]
        refs = [r for e in spec if e[0] == "slice" for r in e[1:]]
        refs += [e[1] for e in spec if e[0] == "array" and node.inputs[first + e[1][1]].dtype == "bool"]
        return [first + r[1] for r in refs if isinstance(r, tuple)]
    return positions


# --- Theano's op classes: one record per direction (get, inc/set) serves the basic and advanced classes ---

def _idx_list(node):
    """Theano's Subtensor.idx_list of a node: each index input (constants too, as in Theano) is shown by its
    scalar type where theano.scalar provides it, else by its dtype; a slice keeps None for an absent bound."""
    first = 1 if primitive_name(node) == "subtensor" else 2

    def entry(ref):
        if ref is None:
            return None
        dtype = "int64" if isinstance(ref, int) else node.inputs[first + ref[1]].dtype
        try:
            from ..scalar import get_scalar_type
            return get_scalar_type(dtype)
        except Exception:  # noqa: BLE001 - theano.scalar's types not available: the dtype names the type
            return dtype
    return tuple(slice(*map(entry, e[1:])) if e[0] == "slice" else entry(e[1]) for e in node.params["spec"])


def _theano_class(node, classes):
    """Theano's class of an indexing node, from (basic, advanced-1, advanced, boolean): an index vector on one
    axis with full slices elsewhere is x.take (AdvancedSubtensor1); a boolean mask is the boolean class."""
    spec, first = node.params["spec"], 1 if primitive_name(node) == "subtensor" else 2
    arrays = [node.inputs[first + e[1][1]] for e in spec if e[0] == "array"]
    if not arrays:
        return classes[0]
    if any(a.dtype == "bool" for a in arrays):
        return classes[3]
    full = all(e == ("slice", None, None, None) for e in spec if e[0] != "array")
    return classes[1] if len(arrays) == 1 and arrays[0].ndim == 1 and full else classes[2]


def _index_from_idx_list(idx_list, inputs):
    """The Python index Theano's Subtensor(idx_list) means, its typed entries taken from `inputs` in order."""
    inputs = list(inputs)

    def take(e):
        return e if e is None or isinstance(e, (int, np.integer)) else inputs.pop(0)
    return tuple(slice(take(e.start), take(e.stop), take(e.step)) if isinstance(e, slice) else take(e)
                 for e in idx_list)


class Subtensor(TheanoOp):
    """Theano's Subtensor(idx_list): x[ints and slices] makes its nodes; Subtensor(idx_list)(x, *scalars)
    indexes x so (an idx_list entry that is not an int takes the next scalar input)."""

    @classmethod
    def from_props(cls, idx_list):
        return subtensor_op.constructed(lambda op, x, *idx: subtensor(x, _index_from_idx_list(op.idx_list, idx)),
                                        idx_list=tuple(idx_list))

    def node_class(self, node):
        return _theano_class(node, (Subtensor, AdvancedSubtensor1, AdvancedSubtensor, AdvancedBooleanSubtensor))

    def node_props(self, node):
        return {"idx_list": _idx_list(node)} if not any(e[0] == "array" for e in node.params["spec"]) else {}


class AdvancedSubtensor1(TheanoOp):
    """Theano's AdvancedSubtensor1: x[index_vector] (x.take on one axis) makes its nodes."""

    node_class, node_props = Subtensor.node_class, Subtensor.node_props

    @classmethod
    def from_props(cls):
        return subtensor_op.constructed(lambda op, x, ilist: subtensor(x, as_tensor_variable(ilist)))


class BaseAdvancedSubtensor(TheanoOp):
    """Theano's base class of AdvancedSubtensor and AdvancedBooleanSubtensor."""

    node_class, node_props = Subtensor.node_class, Subtensor.node_props

    @classmethod
    def from_props(cls):
        return subtensor_op.constructed(lambda op, x, *index: subtensor(x, index))


class AdvancedSubtensor(BaseAdvancedSubtensor):
    """Theano's AdvancedSubtensor: x[several index arrays] makes its nodes."""


class AdvancedBooleanSubtensor(BaseAdvancedSubtensor):
    """Theano's AdvancedBooleanSubtensor: x[boolean mask] makes its nodes."""


def _describe_get(node):
    cls = _theano_class(node, (Subtensor, AdvancedSubtensor1, AdvancedSubtensor, AdvancedBooleanSubtensor))
    return "Subtensor{%s}" % _spec_str(node) if cls is Subtensor else cls.__name__


subtensor_op = Subtensor.record("subtensor", lambda x, *idx, spec: [_out_type(x, spec, idx)], _get_lower, None,
                                static=_static, static_args=_slice_bound_positions(1), describe=_describe_get)


def _spec_str(node):
    # Theano: every index (constant or not) is a scalar input, shown by its type, e.g. "int64:int64:".
    parts = []
    for entry in node.params["spec"]:
        if entry[0] == "slice":
            parts.append(":".join("" if r is None else "int64" for r in entry[1:]))
        else:
            parts.append("int64")
    return ", ".join(parts)


def subtensor(x, index):
    """x[index] (Theano's Subtensor / AdvancedSubtensor)."""
    x, spec, inputs = build_spec(x, index)
    _check_index_dtypes(inputs)
    return subtensor_op(x, *inputs, spec=spec)


# --- set_subtensor / inc_subtensor ---

def _inc_lower(x, y, *vals, spec, set_instead, static=None):
    from .basic import c_cast
    idx = _resolve(x, vals, spec, static)
    x = jnp.asarray(x)
    basic = not any(e[0] == "array" for e in spec)
    if basic and not set_instead:
        _check_inplace_add(x.dtype, y, view_is_scalar=sum(e[0] == "int" for e in spec) == x.ndim)
    # Theano: y is converted to x's dtype as numpy assigns (set) or as the C code of AdvancedIncSubtensor1
    # casts (inc by an index vector): -1.5 into uint8 is 255, 2.5 is 2, on x86 as in numpy.
    y = c_cast(y, str(x.dtype))
    return x.at[idx].set(y) if set_instead else x.at[idx].add(y)


def _check_inplace_add(x_dtype, y, view_is_scalar):
    """Theano's IncSubtensor adds in place with numpy 1 (same_kind casting): where the sum's dtype cannot
    go back into x's, numpy raises UFuncTypeError. A 0-d y added to an array view counts by its value
    (numpy 1's value-based casting: uint8 view += int64 5 is fine, += -1 is not)."""
    y_dtype = np.dtype(y.dtype)
    if y.ndim or view_is_scalar or y_dtype.kind not in "iu" or np.dtype(x_dtype).kind not in "iu":
        _refuse_add(x_dtype, np.promote_types(x_dtype, y_dtype))
        return
    from ..compile.lower import runtime_check
    # By value, a non-negative integer is unsigned and a negative one signed: only a negative value into an
    # unsigned x (or one that does not fit int64's partner) makes the sum a type x cannot take back.
    if np.dtype(x_dtype).kind == "u":
        runtime_check(jnp.asarray(y) >= 0, TypeError, _cast_message(
            np.promote_types(x_dtype, np.int8 if y_dtype.kind == "i" else y_dtype), x_dtype))


def _refuse_add(x_dtype, out):
    if not np.can_cast(out, x_dtype, "same_kind"):
        raise TypeError(_cast_message(out, x_dtype))


def _cast_message(out, x_dtype):
    return (f"Cannot cast ufunc 'add' output from dtype('{np.dtype(out)}') to dtype('{np.dtype(x_dtype)}') "
            "with casting rule 'same_kind'")


def _inc_grad(inputs, outputs, gouts, spec, set_instead):
    x, y, idx = inputs[0], inputs[1], inputs[2:]
    (gz,) = gouts
    from ..config import config
    from .math import zeros_like
    if set_instead and any(e[0] == "array" and idx[e[1][1]].dtype == "bool" for e in spec):
        # Theano 1.0.5's AdvancedBooleanIncSubtensor.grad builds an AdvancedIncSubtensor, which refuses masks
        raise TypeError("AdvancedSubtensor does not support boolean masks for indexing. Use "
                        "AdvancedBooleanSubtensor instead.")
    if x.dtype in D.discrete_dtypes:
        gx = zeros_like(x, config.floatX)
        gy = zeros_like(y, config.floatX) if y.dtype in D.discrete_dtypes else zeros_like(y)
        return [gx, gy] + [None] * len(idx)
    gy = subtensor_op(gz, *idx, spec=spec)
    gx = inc_subtensor_op(gz, zeros_like(gy), *idx, spec=spec, set_instead=True) if set_instead else gz
    return [gx, _sum_to(gy, y)] + [None] * len(idx)


def _sum_to(g, y):
    """Gradient of y, broadcast into x[idx], summed back to y's shape."""
    from .reductions import sum as tsum, sum_to_type  # noqa: A004
    extra = g.ndim - y.ndim
    if extra > 0:
        g = tsum(g, axis=list(range(extra)))
    return sum_to_type(g, y)


_INC_CLASSES = None  # (IncSubtensor, AdvancedIncSubtensor1, AdvancedIncSubtensor, AdvancedBooleanIncSubtensor)


def _inc_class(node):
    return _theano_class(node, _INC_CLASSES)


def _inc_props(node):
    props = {"inplace": False, "set_instead_of_inc": node.params["set_instead"]}
    if not any(e[0] == "array" for e in node.params["spec"]):
        props["idx_list"] = _idx_list(node)
    return props


class IncSubtensor(TheanoOp):
    """Theano's IncSubtensor(idx_list, inplace, set_instead_of_inc): set_subtensor / inc_subtensor of a basic
    index make its nodes."""

    node_class, node_props = staticmethod(_inc_class), staticmethod(_inc_props)

    @classmethod
    def from_props(cls, idx_list, inplace=False, set_instead_of_inc=False, destroyhandler_tolerate_aliased=None):
        def build(op, x, y, *idx):
            return _inc(subtensor(x, _index_from_idx_list(op.idx_list, idx)), y, op.set_instead_of_inc)
        return inc_subtensor_op.constructed(build, idx_list=tuple(idx_list), inplace=inplace,
                                            set_instead_of_inc=set_instead_of_inc)


class AdvancedIncSubtensor1(TheanoOp):
    """Theano's AdvancedIncSubtensor1(inplace, set_instead_of_inc): inc/set of x[index_vector]."""

    node_class, node_props = staticmethod(_inc_class), staticmethod(_inc_props)

    @classmethod
    def from_props(cls, inplace=False, set_instead_of_inc=False):
        return inc_subtensor_op.constructed(lambda op, x, y, ilist: _inc(subtensor(x, as_tensor_variable(ilist)), y,
                                                                         op.set_instead_of_inc),
                                            inplace=inplace, set_instead_of_inc=set_instead_of_inc)


class BaseAdvancedIncSubtensor(TheanoOp):
    """Theano's base class of AdvancedIncSubtensor and AdvancedBooleanIncSubtensor."""

    node_class, node_props = staticmethod(_inc_class), staticmethod(_inc_props)

    @classmethod
    def from_props(cls, inplace=False, set_instead_of_inc=False):
        return inc_subtensor_op.constructed(lambda op, x, y, *index: _inc(subtensor(x, index), y,
                                                                          op.set_instead_of_inc),
                                            inplace=inplace, set_instead_of_inc=set_instead_of_inc)


class AdvancedIncSubtensor(BaseAdvancedIncSubtensor):
    """Theano's AdvancedIncSubtensor: inc/set of x[several index arrays]."""


class AdvancedBooleanIncSubtensor(BaseAdvancedIncSubtensor):
    """Theano's AdvancedBooleanIncSubtensor: inc/set of x[boolean mask]."""


_INC_CLASSES = (IncSubtensor, AdvancedIncSubtensor1, AdvancedIncSubtensor, AdvancedBooleanIncSubtensor)


def _describe_inc(node):
    cls, set_instead = _inc_class(node), node.params["set_instead"]
    if cls is IncSubtensor:
        return "IncSubtensor{%s;%s}" % ("Set" if set_instead else "Inc", _spec_str(node))
    if cls is AdvancedIncSubtensor1:
        return "AdvancedIncSubtensor1{no_inplace,%s}" % ("set" if set_instead else "inc")
    return "%s{inplace=False,  set_instead_of_inc=%s}" % (cls.__name__, set_instead)  # Theano's two spaces


inc_subtensor_op = IncSubtensor.record("inc_subtensor", lambda x, y, *idx, spec, set_instead: [x.type], _inc_lower,
                                       _inc_grad, static=lambda x, y, *vals, spec, set_instead: _static(x, *vals, spec=spec),
                                       static_args=_slice_bound_positions(2), describe=_describe_inc)


def _inc(x, y, set_instead, tolerate_inplace_aliasing=False, inplace=False):
    y = as_tensor_variable(y)
    node = x.owner
    if node is None or primitive_name(node) != "subtensor":
        raise TypeError("set_subtensor/inc_subtensor need x to be a subtensor of a variable, as in "
                        "T.set_subtensor(a[1:3], b)")
    base, idx = node.inputs[0], node.inputs[1:]
    if y.ndim > x.ndim:
        raise TypeError(f"Trying to increment a {x.ndim}-dimensional subtensor with a {y.ndim}-dimensional "
                        "value.")
    return inc_subtensor_op(base, y, *idx, spec=node.params["spec"], set_instead=set_instead)


def set_subtensor(x, y, inplace=False, tolerate_inplace_aliasing=False):
    """theano.tensor.set_subtensor(x[idx], y): a copy of x's base with x[idx] = y."""
    return _inc(x, y, True)


def inc_subtensor(x, y, inplace=False, set_instead_of_inc=False, tolerate_inplace_aliasing=False):
    """theano.tensor.inc_subtensor(x[idx], y): a copy of x's base with y added at idx."""
    return _inc(x, y, set_instead_of_inc)


def _subtensor_grad(inputs, outputs, gouts, spec, static=None):
    x, idx = inputs[0], inputs[1:]
    from ..config import config
    from .math import zeros_like
    if x.dtype in D.discrete_dtypes:  # Theano: an integer x gets floatX zeros
        return [zeros_like(x, config.floatX)] + [None] * len(idx)
    return [inc_subtensor_op(zeros_like(x), gouts[0], *idx, spec=spec, set_instead=False)] + [None] * len(idx)


subtensor_op.grad_rule = _subtensor_grad


def _has_value_checks(node):
    """Indices read at call time (symbolic ints, index arrays) are bounds-checked, as numpy does."""
    return any(e[0] == "array" or (e[0] == "int" and isinstance(e[1], tuple)) for e in node.params["spec"])


def _inc_checks(node):
    """...and a 0-d integer added into an unsigned array view is checked by value (_check_inplace_add)."""
    x, y = node.inputs[:2]
    spec = node.params["spec"]
    by_value = (not node.params["set_instead"] and y.ndim == 0 and y.dtype in D.integer_dtypes
                and x.dtype in D.uint_dtypes and not any(e[0] == "array" for e in spec)
                and sum(e[0] == "int" for e in spec) < x.ndim)
    return by_value or _has_value_checks(node)


subtensor_op.checks = _has_value_checks
inc_subtensor_op.checks = _inc_checks
