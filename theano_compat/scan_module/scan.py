"""theano.scan_module.scan: scan() with Theano 1.0's argument conventions.

scan() calls `fn` once on placeholder variables to build the inner graph, finds the shared variables it
uses (and their updates: returned by fn, or their default_update), and applies one scan op
(theano_compat/ops/scan.py), lowered to a lax.scan inside the function's jitted step.
"""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
import logging
from collections import OrderedDict

import numpy as np

from ..compile import test_values
from ..compile.errors import MissingInputError
from ..compile.shared import SharedVariable
from ..graph import dtypes as D
from ..graph.nodes import Constant, Variable, inputs as graph_inputs, toposort
from ..graph.types import TensorType
from ..ops.scan import ScanSpec, apply_scan, prefix_op
from .scan_utils import OrderedUpdates, get_updates_and_outputs
from ..graph.constants import as_tensor_variable

_logger = logging.getLogger("theano.scan_module.scan")

__all__ = ["scan"]


def _wrap(x):
    return [] if x is None else list(x) if isinstance(x, (list, tuple)) else [x]


def _as_var(x):
    return x if isinstance(x, Variable) else as_tensor_variable(x)


def _slice_name(base, k):
    name = getattr(base, "name", None)
    if name is None:
        return None
    return name + ("[t+%d]" % k if k > 0 else "[t]" if k == 0 else "[t%d]" % k)


def _fixed_steps(n_steps):
    if isinstance(n_steps, (float, int, np.integer, np.floating)) and not isinstance(n_steps, bool):
        return None if not np.isfinite(n_steps) else int(n_steps)
    if isinstance(n_steps, Constant) and np.ndim(n_steps.data) == 0:
        return int(n_steps.data)
    return None


def _not_given(n_steps):
    if n_steps is None:
        return True
    if isinstance(n_steps, Constant):
        n_steps = n_steps.data
    if isinstance(n_steps, Variable):
        return False
    try:
        return bool(np.isnan(n_steps) or np.isinf(n_steps))
    except TypeError:
        return isinstance(n_steps, str)


def scan(fn, sequences=None, outputs_info=None, non_sequences=None, n_steps=None, truncate_gradient=-1,
         go_backwards=False, mode=None, name=None, profile=False, allow_gc=None, strict=False,
         return_list=False):
    """theano.scan: apply fn over sequences and recurrent outputs; returns (outputs, updates)."""
    seqs, outs_info = _wrap(sequences), _wrap(outputs_info)
    non_seqs = [_as_var(v) for v in _wrap(non_sequences)]
    n_fixed = _fixed_steps(n_steps)
    if hasattr(n_steps, "dtype") and str(n_steps.dtype) not in D.integer_dtypes:
        raise ValueError(" n_steps must be an int. dtype provided is %s" % n_steps.dtype)

    # Step 1: sequences and outputs as dictionaries (Theano's defaults)
    for i, s in enumerate(seqs):
        if not isinstance(s, dict):
            seqs[i] = OrderedDict([("input", s), ("taps", [0])])
        else:
            s["taps"] = [0] if s.get("taps", None) is None else _wrap(s["taps"])
        seqs[i]["input"] = _as_var(seqs[i]["input"])
    for i, o in enumerate(outs_info):
        if o is None:
            outs_info[i] = OrderedDict()
            continue
        if isinstance(o, dict) and o.get("return_steps", None) is not None:
            raise ValueError("Using `return_steps` has been deprecated. Simply select the entries you need "
                             "using a subtensor. Scan will optimize memory consumption, so do not worry about "
                             "that.")
        if not isinstance(o, dict):
            outs_info[i] = OrderedDict([("initial", o), ("taps", [-1])])
        elif o.get("initial", None) is None and o.get("taps", None) is not None:
            raise ValueError("If you are using slices of an output you need to provide a initial state for it",
                             o)
        elif o.get("initial", None) is not None and o.get("taps", None) is None:
            if "taps" in o:
                _logger.warning("Output %s ( index %d) has a initial state but taps is explicitly set to None ",
                                getattr(o["initial"], "name", "None"), i)
            o["taps"] = [-1]
        elif o.get("taps", None) is not None:
            taps = _wrap(o["taps"])
            if len(taps) > len(set(taps)):
                raise ValueError("All the taps must be different in  `outputs_info`", o)
            if any(t >= 0 for t in taps):
                raise ValueError("All the tap values must be smaller than 0.", o)
            o["taps"] = taps
        if outs_info[i].get("initial", None) is not None:
            outs_info[i]["initial"] = _as_var(outs_info[i]["initial"])

    # Step 2: the placeholders fn is called with
    seq_specs, seq_args = [], []
    for s in seqs:
        taps, var = s["taps"], s["input"]
        phs = [TensorType(var.dtype, var.broadcastable[1:])(_slice_name(var, k)) for k in taps]
        test_values.take_row(phs, var, [k - min(taps) for k in taps])  # Theano: the first step's slices
        seq_specs.append((list(taps), phs))
        seq_args += phs
    out_args, taps_of = [], []
    for o in outs_info:
        taps = o.get("taps", None)
        init = o.get("initial", None)
        if taps == [-1]:
            ph = init.type()
            if getattr(init, "name", None) is not None:
                ph.name = init.name + "[t-1]"
            test_values.take_row([ph], init, [None])
            out_args.append([ph])
        elif taps:
            if any(t > 0 for t in taps):
                raise ValueError("Can not use future taps of outputs", o)
            if init.ndim == 0:
                raise ValueError("The initial state of an output with taps %s must have one more dimension "
                                 "than the output (the taps are its rows)" % (taps,))
            phs = [TensorType(init.dtype, init.broadcastable[1:])(_slice_name(init, k)) for k in taps]
            test_values.take_row(phs, init, [k - min(taps) for k in taps])
            out_args.append(phs)
        else:
            out_args.append([])
        taps_of.append(taps)

    if n_fixed in (1, -1):
        return _single_step(fn, seqs, outs_info, non_seqs, return_list)
    if not seqs and _not_given(n_steps):
        raise ValueError("No information about the number of steps provided. Either provide a value for "
                         "n_steps argument of scan or provide an input sequence")

    condition, outputs, updates = get_updates_and_outputs(
        fn(*(seq_args + [a for args in out_args for a in args] + non_seqs)))
    if not (len(outputs) == len(outs_info) or outs_info == []):
        raise ValueError("Please provide None as outputs_info for any output that does not feed back into "
                         "scan (i.e. it behaves like a map) ")
    if outs_info == []:
        outs_info = [OrderedDict() for _ in outputs]
        out_args = [[] for _ in outputs]
        taps_of = [None] * len(outputs)
    outputs = [_as_var(o) for o in outputs]

    # Step 3: shared variables updated in the loop (returned by fn, or their default_update)
    shared = _shared_updates(updates, outputs + ([condition] if condition is not None else []), non_seqs)
    shared = _theano_order(shared, outputs + ([condition] if condition is not None else []), updates)
    shared_vars = [s for s, _ in shared]
    placeholders = seq_args + [a for args in out_args for a in args]
    inner = outputs + [u for _, u in shared] + ([condition] if condition is not None else [])
    roots = graph_inputs(inner, blockers=set(placeholders) | set(non_seqs))
    if strict:  # Theano: set(non_sequences), so a lone variable (not in a list) is iterated, and fails
        set(non_sequences if non_sequences is not None else [])
    used = graph_inputs(outputs + ([condition] if condition is not None else []),
                        blockers=set(placeholders) | set(non_seqs))
    _check_update_inputs([u for _, u in shared], placeholders + non_seqs + used)
    free = []
    for v in non_seqs + roots:
        if v in free or v in shared_vars or v in placeholders or isinstance(v, Constant):
            continue
        if strict and isinstance(v, SharedVariable) and v not in non_seqs:
            raise MissingInputError("ScanOp is missing an input: %s" % repr(v))
        free.append(v)

    # Step 4: the outputs' kinds, checked against their initial states (Theano's Scan.make_node)
    out_specs, inits = [], []
    for k, (o, out, phs, taps) in enumerate(zip(outs_info, outputs, out_args, taps_of)):
        if not taps:
            out_specs.append(("nit_sot", [], [], out))
            continue
        init = o["initial"]
        _check_state(init, phs[0], out, k)
        out_specs.append(("sit_sot" if taps == [-1] else "mit_sot", list(taps), phs, out))
        inits.append(init)

    if n_fixed is not None or not _not_given(n_steps):
        n_var, n_given = as_tensor_variable(n_steps), True
        from ..ops.basic import cast
        n_var = cast(n_var, "int64")
    else:
        n_var, n_given = as_tensor_variable(np.int64(0)), False

    spec = ScanSpec(seq_specs, out_specs, shared, free, condition, n_given, go_backwards, truncate_gradient,
                    name, mode)
    node_outs = apply_scan(spec, n_var, [s["input"] for s in seqs], inits, shared_vars)
    results = node_outs[:len(out_specs)]
    if condition is not None:
        results = [prefix_op(r, node_outs[-1]) for r in results]
    update_map = OrderedUpdates()
    for var, final in zip(shared_vars, node_outs[len(out_specs):len(out_specs) + len(shared)]):
        update_map[var] = final
    if not results:
        return None, update_map
    if return_list is not True and len(results) == 1:
        return results[0], update_map
    return results, update_map


def _check_update_inputs(update_values, known):
    """Theano's scan takes as free inputs only what the outputs (and until) use: an update of a shared
    variable that needs another symbolic input fails when its dummy function is compiled (a Theano quirk the
    users of its MissingInputError rely on)."""
    known = set(known)
    for node in toposort(update_values, blockers=known):
        for k, r in enumerate(node.inputs):
            if r.owner is None and r not in known and not isinstance(r, (Constant, SharedVariable)):
                raise MissingInputError(
                    "Input %d of the graph (indices start from 0), used to compute %s, was not provided and not given "
                    "a value. Use the Theano flag exception_verbosity='high', for more information on this error."
                    "\nPlease pass this variable to the scan's inner function. Do not forget to also pass it to the "
                    "`non_sequences` attribute of scan." % (k, node), variable=r)


def _single_step(fn, seqs, outs_info, non_seqs, return_list):
    """Theano: with n_steps 1 (or -1) fn is applied once to the first slices, without a loop."""
    from ..ops.basic import unbroadcast
    from ..tensor import shape_padleft
    args = [s["input"][k - min(min(s["taps"]), 0)] for s in seqs for k in s["taps"]]
    for o in outs_info:
        taps = o.get("taps", None)
        if taps == [-1]:
            args.append(o["initial"])
        elif taps:
            args += [o["initial"][k - min(taps)] for k in taps]
    args += non_seqs
    condition, outputs, updates = get_updates_and_outputs(fn(*args))
    if condition is not None:
        _logger.warning("When the number of steps is fixed and equal to 1, the provided stopping condition, "
                        "%s is ignored", condition)
    outputs = [unbroadcast(shape_padleft(o), 0) if isinstance(o.type, TensorType) else o for o in outputs]
    if return_list is not True and len(outputs) == 1:
        outputs = outputs[0]
    return outputs, updates


def _check_state(init, ph, out, k):
    """Theano's Scan.make_node checks of a recurrent output against its initial state."""
    if out.dtype != ph.dtype:
        raise ValueError(
            "When compiling the inner function of scan the following error has been encountered: The initial "
            "state (`outputs_info` in scan nomenclature) of variable %s (argument number %d) has dtype %s, while "
            "the result of the inner function (`fn`) has dtype %s. This can happen if the inner function of "
            "scan results in an upcast or downcast." % (init, k, ph.dtype, out.dtype))
    if out.ndim != ph.ndim:
        raise ValueError(
            "When compiling the inner function of scan (the function called by scan in each of its "
            "iterations) the following error has been encountered: The initial state (`outputs_info` in scan "
            "nomenclature) of variable %s (argument number %d) has %d dimension(s), while the corresponding "
            "variable in the result of the inner function of scan (`fn`) has %d dimension(s) (it should be one "
            "less than the initial state). For example, if the inner function of scan returns a vector of size "
            "d and scan uses the values of the previous time-step, then the initial state in scan should be a "
            "matrix of shape (1, d). The first dimension of this matrix corresponds to the number of previous "
            "time-steps that scan uses in each of its iterations. In order to solve this issue if the two "
            "varialbe currently have the same dimensionality, you can increase the dimensionality of the "
            "variable in the initial state of scan by using dimshuffle or shape_padleft. "
            % (init, k, ph.ndim + 1, out.ndim))


def _shared_updates(updates, graph, non_seqs):
    """[(shared variable, inner update)]: fn's updates, then the default updates of the shared variables the
    step uses (Theano's scan finds both through a dummy theano.function, in which the non-sequences are
    stand-ins: a draw passed as a non-sequence is drawn once, outside the loop)."""
    from ..compile.function import _update_pairs
    pairs = _update_pairs(updates) if updates else []
    done = {s for s, _ in pairs}
    frontier = list(graph) + [u for _, u in pairs]
    while frontier:
        found = []
        for r in graph_inputs(frontier, blockers=set(non_seqs)):
            if r not in non_seqs and isinstance(r, SharedVariable) and r.default_update is not None and r not in done:
                done.add(r)
                value = r.default_update
                if value.type != r.type:
                    raise TypeError("An update must have the same type as the original shared variable "
                                    f"(shared_var={r}, shared_var.type={r.type}, update_val={value}, "
                                    f"update_val.type={value.type}).")
                pairs.append((r, value))
                found.append(value)
        frontier = found
    return pairs


def _theano_order(pairs, outputs, updates):
    """The updates in the order Theano's scan returns them: shared variables by first appearance in its dummy
    function (outputs, then fn's updates), the random states (not tensors) before the tensors."""
    order, seen = [], set()
    stack = list(reversed(list(outputs) + [v for kv in updates.items() for v in kv]))
    while stack:
        v = stack.pop()
        if v in seen:
            continue
        seen.add(v)
        if v.owner is not None:
            stack.extend(reversed(v.owner.inputs))
        elif isinstance(v, SharedVariable):
            order.append(v)
    rank = {v: k for k, v in enumerate(order)}
    return sorted(pairs, key=lambda p: (isinstance(p[0].type, TensorType), rank.get(p[0], len(rank))))


# The rest of Theano's theano.scan_module.scan namespace.
from ..compile.function import function  # noqa: E402,F401
from ..config import config  # noqa: E402,F401
from .scan_utils import safe_new, traverse  # noqa: E402,F401

ifilter, izip, xrange = filter, zip, range
