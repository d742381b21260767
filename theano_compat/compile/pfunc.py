"""theano.compile.pfunc: pfunc (theano.function's implementation in Theano) and rebuild_collect_shared,
the graph cloning with replacements and shared-variable collection it rests on."""
from ..config import config  # noqa: F401
from ..graph.nodes import Constant, Variable
from .errors import UnusedInputError  # noqa: F401
from .function import function as orig_function
from .io import In, Out, Param  # noqa: F401
from .profiling import ProfileStats  # noqa: F401
from .shared import SharedVariable, shared


def iter_over_pairs(pairs):
    """The (key, value) pairs of a dict, or the pairs of a list."""
    return pairs.items() if isinstance(pairs, dict) else pairs


def pfunc(params, outputs=None, mode=None, updates=None, givens=None, no_default_updates=False,
          accept_inplace=False, name=None, rebuild_strict=True, allow_input_downcast=None, profile=None,
          on_unused_input=None, output_keys=None):
    """theano.function, as Theano implements it (params are Variables or In instances)."""
    if not isinstance(params, (list, tuple)):
        raise Exception("in pfunc() the first argument must be a list or a tuple")
    if not isinstance(no_default_updates, (bool, list)):
        raise TypeError("no_default_update should be either a boolean or a list")
    if updates and any(isinstance(v, Variable) for v in iter_over_pairs(updates)):
        raise ValueError("The updates parameter must be an OrderedDict/dict or a list of lists/tuples with 2 "
                         "elements")
    return orig_function(params, outputs, mode=mode, updates=updates, givens=givens,
                         no_default_updates=no_default_updates, accept_inplace=accept_inplace, name=name,
                         rebuild_strict=rebuild_strict, allow_input_downcast=allow_input_downcast,
                         profile=profile, on_unused_input=on_unused_input)


def _as_update(target, value):
    from ..tensor.basic import as_tensor_variable
    if not isinstance(value, Variable):
        value = as_tensor_variable(value, ndim=target.ndim) if hasattr(target, "ndim") else value
    if getattr(value, "type", None) != target.type:
        raise TypeError("An update must have the same type as the original shared variable (shared_var=%s, "
                        "shared_var.type=%s, update_val=%s, update_val.type=%s)." % (
                            target, target.type, value, getattr(value, "type", None)),
                        "If the difference is related to the broadcast pattern, you can call the "
                        "tensor.unbroadcast(var, axis_to_unbroadcast[, ...]) function to remove broadcastable "
                        "dimensions.")
    return value


def rebuild_collect_shared(outputs, inputs=None, replace=None, updates=None, rebuild_strict=True,
                           copy_inputs_over=True, no_default_updates=False):
    """(input variables, cloned outputs, [clone_d, update_d, update_expr, shared_inputs]): outputs cloned with
    `replace` applied, and the shared variables met on the way with their (default) updates."""
    if isinstance(outputs, tuple):
        outputs = list(outputs)
    clone_d, update_d, update_expr, shared_inputs = {}, {}, [], []

    def clone_v(v):
        if v in clone_d:
            return clone_d[v]
        if v.owner:
            node = v.owner
            if node not in clone_d:
                for i in node.inputs:
                    clone_v(i)
                new_inputs = [clone_d[i] for i in node.inputs]
                clone_d[node] = node if all(a is b for a, b in zip(new_inputs, node.inputs)) \
                    else node.clone_with_new_inputs(new_inputs)
                for old, new in zip(node.outputs, clone_d[node].outputs):
                    new.name = old.name
                    clone_d.setdefault(old, new)
            return clone_d.setdefault(v, v)
        if isinstance(v, SharedVariable):
            if v not in shared_inputs:
                shared_inputs.append(v)
            skip = no_default_updates is True or (isinstance(no_default_updates, list) and v in no_default_updates)
            if getattr(v, "default_update", None) is not None and not skip and v not in update_d:
                update_d[v] = _as_update(v, v.default_update)
                update_expr.append((v, update_d[v]))
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
    while i < len(update_expr):  # updates may bring in more shared variables with default updates
        v, v_update = update_expr[i]
        update_d[v] = clone_v(v_update)
        i += 1
    return input_variables, cloned_outputs, [clone_d, update_d, update_expr, shared_inputs]


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
