"""theano.compile.pfunc: pfunc (what theano.function is in Theano) and rebuild_collect_shared, the graph
cloning with replacements that collects the shared variables met on the way and their (default) updates.
OpFromGraph builds its inner graph with it; theano.function applies the same rules in compile/function.py."""
from ..config import config  # noqa: F401  (Theano's module exports these names)
from ..graph.nodes import Constant, Variable
from ..graph.types import TensorType
from .errors import UnusedInputError  # noqa: F401
from .function import function as orig_function
from .io import In, Out, Param  # noqa: F401
from .profiling import ProfileStats  # noqa: F401
from .shared import SharedVariable, shared

__all__ = ["rebuild_collect_shared", "pfunc", "Param", "iter_over_pairs"]


def iter_over_pairs(pairs):
    """The (key, value) pairs of a dict, or the pairs of any iterable of pairs."""
    return pairs.items() if isinstance(pairs, dict) else pairs


def rebuild_collect_shared(outputs, inputs=None, replace=None, updates=None, rebuild_strict=True,
                           copy_inputs_over=True, no_default_updates=False):
    """(input variables, cloned outputs, [clone_d, update_d, update_expr, shared_inputs]).

    The outputs' graph cloned with `replace` applied (a replacement is cloned too, so it may not depend on
    a replaced variable); the shared variables met on the way, in order, with their default updates unless
    `no_default_updates` (True, or a list of the variables to skip); `updates` checked and cloned likewise.
    copy_inputs_over=False clones the root variables too, so the result shares nothing with the original.
    rebuild_strict=False lets a replacement change a type: the nodes after it are made again.
    """
    if isinstance(outputs, tuple):
        outputs = list(outputs)
    clone_d, update_d, update_expr, shared_inputs = {}, {}, [], []

    def clone_v(v):
        if v in clone_d:
            return clone_d[v]
        if v.owner is not None:
            node = v.owner
            if node not in clone_d:
                for i in node.inputs:
                    clone_v(i)
                clone_d[node] = _clone_node(node, [clone_d[i] for i in node.inputs], rebuild_strict)
                for old, new in zip(node.outputs, clone_d[node].outputs):
                    clone_d.setdefault(old, new)
            return clone_d.setdefault(v, v)
        if isinstance(v, SharedVariable):
            if v not in shared_inputs:
                shared_inputs.append(v)
            if _takes_default_update(v, no_default_updates) and v not in update_d:
                v_update = _as_default_update(v)
                update_d[v] = v_update
                update_expr.append((v, v_update))
        if not copy_inputs_over or (isinstance(v, Constant) and hasattr(v, "fgraph")):
            return clone_d.setdefault(v, v.clone())
        return clone_d.setdefault(v, v)

    for v_orig, v_repl in list(iter_over_pairs(replace or [])):
        if not isinstance(v_orig, Variable):
            raise TypeError("given keys must be Variable", v_orig)
        if not isinstance(v_repl, Variable):
            v_repl = shared(v_repl)
        if v_orig in clone_d:
            raise AssertionError(
                "When using 'givens' or 'replace' with several (old_v, new_v) replacement pairs, you can not have "
                "a new_v variable depend on an old_v one. For instance, givens = {a:b, b:(a+1)} is not allowed. "
                "Here, the old_v %s is used to compute other new_v's, but it is scheduled to be replaced by %s."
                % (v_orig, v_repl))
        clone_d[v_orig] = clone_v(v_repl)

    input_variables = [clone_d.setdefault(i, i if copy_inputs_over else i.clone()) for i in (inputs or [])]
    for v in input_variables:
        if isinstance(v, SharedVariable):
            raise TypeError("Cannot use a shared variable (%s) as explicit input. Consider substituting a "
                            "non-shared variable via the `givens` parameter" % v)

    for store_into, update_val in iter_over_pairs(updates or []):
        if not isinstance(store_into, SharedVariable):
            raise TypeError("update target must be a SharedVariable", store_into)
        if store_into in update_d:
            raise ValueError("this shared variable already has an update expression",
                             (store_into, update_d[store_into]))
        update_d[store_into] = _as_update(store_into, update_val)
        update_expr.append((store_into, update_d[store_into]))

    cloned_outputs = _clone_outputs(outputs, clone_v)
    i = 0
    while i < len(update_expr):  # an update may bring in more shared variables, with default updates
        v, v_update = update_expr[i]
        update_d[v] = clone_v(v_update)
        if v not in shared_inputs:
            shared_inputs.append(v)
        i += 1
    return input_variables, cloned_outputs, [clone_d, update_d, update_expr, shared_inputs]


def _takes_default_update(v, no_default_updates):
    if getattr(v, "default_update", None) is None:
        return False
    return no_default_updates is False or (isinstance(no_default_updates, list) and v not in no_default_updates)


def _as_default_update(v):
    value = v.default_update
    if not isinstance(value, Variable) or value.type != v.type:
        raise TypeError("an update must have the same type as the original shared variable",
                        (v, v.type, value, getattr(value, "type", None)))
    return value


def _as_update(target, value):
    """`value` as an update of the shared variable `target` (a constant of its type is accepted)."""
    try:
        return as_variable_of_type(target.type, value, allow_convert=False)
    except TypeError:
        raise TypeError(
            "An update must have the same type as the original shared variable (shared_var=%s, shared_var.type=%s,"
            " update_val=%s, update_val.type=%s)." % (target, target.type, value, getattr(value, "type", None)),
            "If the difference is related to the broadcast pattern, you can call the "
            "tensor.unbroadcast(var, axis_to_unbroadcast[, ...]) function to remove broadcastable dimensions."
        ) from None


def as_variable_of_type(type_, value, allow_convert=True):
    """Theano's Type.filter_variable: a value becomes a constant of the type; a variable must have the type,
    or, with allow_convert, be convertible to it (TensorType: a more broadcastable pattern)."""
    if not isinstance(value, Variable):
        if not isinstance(type_, TensorType):
            return type_.filter_variable(value)
        return TensorType.Constant(type_, type_.filter(value))
    if value.type == type_:
        return value
    if allow_convert:
        return _convert(type_, value)
    raise TypeError(f"Cannot convert Type {value.type} (of Variable {value}) into Type {type_}.")


def _clone_node(node, new_inputs, strict):
    """Theano's Apply.clone_with_new_inputs: a replacement of another type is converted to the old type when
    `strict` (TypeError if it cannot be), else the node is made again by its op, which infers new types."""
    remake = False
    for k, (cur, new) in enumerate(zip(node.inputs, new_inputs)):
        if cur.type != new.type:
            if strict:
                new_inputs[k] = _convert(cur.type, new)
            else:
                remake = True
    if remake:
        params = node.params
        if getattr(node.op, "elementwise", False):  # dtype and pattern were inferred: infer them again
            params = {k: v for k, v in params.items() if k not in ("dtype", "bcast")}
        return node.op.make_node(*new_inputs, **params)
    if all(a is b for a, b in zip(new_inputs, node.inputs)):
        return node
    return node.clone_with_new_inputs(new_inputs)


def _convert(t, new):
    """new as a variable of type t: Theano's TensorType.convert_variable accepts a more broadcastable one."""
    nt = new.type
    if getattr(t, "dtype", None) == getattr(nt, "dtype", 0) and getattr(t, "ndim", -1) == getattr(nt, "ndim", -2) \
            and all(b == nb or nb for b, nb in zip(t.broadcastable, nt.broadcastable)):
        from ..ops.basic import patternbroadcast
        return patternbroadcast(new, t.broadcastable)
    raise TypeError(f"Cannot convert Type {nt} (of Variable {new}) into Type {t}. You can try to manually "
                    f"convert {new} into a {t}.")


def _clone_outputs(outputs, clone_v):
    def one(v):
        if isinstance(v, Variable):
            return clone_v(v)
        if isinstance(v, Out):
            return Out(clone_v(v.variable), borrow=v.borrow)
        raise TypeError("Outputs must be theano Variable or Out instances. Received " + str(v) + " of type " +
                        str(type(v)))
    if isinstance(outputs, list):
        return [one(v) for v in outputs]
    if isinstance(outputs, (Variable, Out)):
        return one(outputs)
    if outputs is None:
        return []
    raise TypeError("output must be a theano Variable or Out instance (or list of them)", outputs)


def apply_givens_loosely(outs, updates, ins, replace):
    """theano.function(rebuild_strict=False): outputs, update pairs and In instances with `replace` applied,
    the nodes after a replacement of another type made again by their ops."""
    import copy
    stateful = [k for k, i in enumerate(ins) if i.update is not None]
    extended = list(outs) + [v for _, v in updates] + [ins[k].update for k in stateful]
    _, cloned, _ = rebuild_collect_shared(extended, replace=replace, rebuild_strict=False, no_default_updates=True)
    n, m = len(outs), len(updates)
    ins = list(ins)
    for k, update in zip(stateful, cloned[n + m:]):
        ins[k] = copy.copy(ins[k])
        ins[k].update = update
    return cloned[:n], [(t, v) for (t, _), v in zip(updates, cloned[n:n + m])], ins


def pfunc(params, outputs=None, mode=None, updates=None, givens=None, no_default_updates=False,
          accept_inplace=False, name=None, rebuild_strict=True, allow_input_downcast=None, profile=None,
          on_unused_input=None, output_keys=None):
    """theano.function, by its name in Theano's implementation: params are Variables or In instances."""
    if not isinstance(params, (list, tuple)):
        raise Exception("in pfunc() the first argument must be a list or a tuple")
    for p in params:
        if isinstance(p, Constant):
            raise TypeError("Constants not allowed in param list", p)
        if not isinstance(p, (Variable, In)):
            raise TypeError("Unknown parameter type: %s" % type(p))
    if output_keys is not None:
        outputs = dict(zip(output_keys, outputs))
    return orig_function(list(params), outputs, mode=mode, updates=updates, givens=givens,
                    no_default_updates=no_default_updates, accept_inplace=accept_inplace, name=name,
                    rebuild_strict=rebuild_strict, allow_input_downcast=allow_input_downcast, profile=profile,
                    on_unused_input=on_unused_input)
