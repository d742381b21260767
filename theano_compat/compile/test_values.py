"""Theano's test values (config.compute_test_value): each node built by calling an op computes its outputs'
`tag.test_value` from its inputs' (a constant's data, a shared variable's value, `var.tag.test_value`), so
shape and type errors show where the graph is written. The node is evaluated eagerly with the same lowering
the compiled step uses.

A missing test value on a variable the user made raises, warns or is ignored, as the flag says; a node whose
inputs include one computed where the shim keeps no test value (a scan's outputs, a random draw) is skipped.
"""
import warnings

import jax
import numpy as np

from ..config import config
from ..graph.nodes import Constant
from ..graph.ops import BUILT
from ..graph.types import TensorType

_MISSING = object()


def compute(node):
    """Give node's outputs their test values (a hook of every op call; nothing when the flag is 'off')."""
    mode = config.compute_test_value
    if mode == "off":
        return
    values = []
    for i, v in enumerate(node.inputs):
        value = _test_value(v)
        if value is _MISSING:
            if v.owner is not None or mode == "ignore":
                return
            from ..gof.utils import get_variable_trace_string
            msg = "Cannot compute test value: input %i (%s) of Op %s missing default value. %s" % (
                i, v, node, get_variable_trace_string(v))
            if mode == "warn":
                warnings.warn("Warning, " + msg, stacklevel=4)
                return
            raise ValueError(msg)
        values.append(value)
    if not all(isinstance(v.type, TensorType) for v in list(node.inputs) + list(node.outputs)):
        return  # random states and other non-tensor values are not computed ahead (a draw would advance them)
    from .lower import evaluate
    with jax.ensure_compile_time_eval():
        env = evaluate([node], dict(zip(node.inputs, values)))
    for out in node.outputs:
        out.tag.test_value = np.asarray(env[out], dtype=out.type.dtype)


def take_row(placeholders, outer, rows):
    """Give a scan's placeholders the test values of their first step: outer's rows (None: outer's own)."""
    if config.compute_test_value == "off":
        return
    value = _test_value(outer)
    if value is _MISSING:
        return
    for ph, row in zip(placeholders, rows):
        ph.tag.test_value = np.asarray(value if row is None else np.asarray(value)[row], dtype=ph.type.dtype)


def _test_value(v):
    if isinstance(v, Constant):
        return v.data
    if hasattr(v, "get_value"):
        return v.get_value(borrow=True, return_internal_type=True)
    if not hasattr(v.tag, "test_value"):
        return _MISSING
    try:
        return v.type.filter(v.tag.test_value)
    except Exception as e:
        from ..gof.utils import get_variable_trace_string
        e.args = ("\n".join(("For compute_test_value, one input test value does not have the requested type.\n"
                             + get_variable_trace_string(v) + "\nThe error when converting the test value to that "
                             "variable type:",) + tuple(str(a) for a in e.args)),)
        raise


BUILT.append(compute)
