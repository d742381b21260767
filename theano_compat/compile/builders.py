"""theano.compile.builders: OpFromGraph, an op whose computation is a graph (theano.OpFromGraph).

The op keeps its inner graph (`local_inputs` -> `local_outputs`, cloned by rebuild_collect_shared so it shares
nothing with the graph it was built from); shared variables the graph reads become extra inputs of every node.
It lowers to JAX by evaluating the inner graph with compile/lower.py's loop, inside the caller's step: no host
callback, one XLA program. Its gradient and R-operator are further OpFromGraphs built as Theano builds them
(overrides, NullType and DisconnectedType included), and JAX differentiating the lowering (scan's gradients)
gets the same gradient through a custom_vjp. `inline=True` changes nothing numerically here (XLA inlines every
call); the function's graph view (f.maker.fgraph) shows the inner graph in its place, as Theano's does.
"""
from collections import OrderedDict  # noqa: F401  (Theano's module exports these names)
from functools import partial, reduce  # noqa: F401

import jax
import numpy as np

from ..gof.graph import inputs as graph_inputs, io_connection_pattern
from ..graph.nodes import Apply, Variable, toposort
from ..graph.ops import Op, is_tracer
from ..graph.types import TensorType
from . import guard
from .gradient import DisconnectedType, NullType  # noqa: F401
from .mode import optdb  # noqa: F401
from .ops import ops_with_inner_function
from .pfunc import as_variable_of_type, orig_function, rebuild_collect_shared  # noqa: F401
from .shared import SharedVariable

izip = zip

__all__ = ["OpFromGraph", "inline_ofg_expansion"]


class OpFromGraph(Op):
    """An Op computing `outputs` from `inputs` (theano.OpFromGraph; see Theano's documentation)."""

    TYPE_ERR_MSG = ("L_op/gradient override should be (single or list of)'default' | OpFromGraph | callable | "
                    "Variable with NullType or DisconnectedType, got %s")
    STYPE_ERR_MSG = "Overriding Variable instance can only have type of DisconnectedType or NullType, got %s"
    LOP_TYPE_ERR_MSG = 'L_op type can only be "grad" or "lop", got %s.'
    OV_INP_LEN_ERR_MSG = "expect overrider with %d inputs, got %d"

    def __init__(self, inputs, outputs, inline=False, lop_overrides="default", grad_overrides="default",
                 rop_overrides="default", connection_pattern=None, name=None, **kwargs):
        if not isinstance(outputs, list):
            raise TypeError("outputs must be list, got %s" % type(outputs))
        for i in inputs + outputs:
            if not isinstance(i, Variable):
                raise TypeError("inputs and outputs must be Variable instances", i)
        if "updates" in kwargs or "givens" in kwargs:
            raise TypeError("updates and givens are not allowed here")
        self.is_inline = inline
        # The inner graph must not see shared variables (their gradient would be lost): each becomes an
        # input placeholder, and the shared variable an extra input of every node.
        self.shared_inputs = [v for v in graph_inputs(outputs) if isinstance(v, SharedVariable)]
        shared_vars = [v.type() for v in self.shared_inputs]
        local_inputs, local_outputs, [_, update_d, update_expr, shared_inputs] = rebuild_collect_shared(
            outputs, inputs=inputs + shared_vars, replace=dict(zip(self.shared_inputs, shared_vars)),
            copy_inputs_over=False)
        assert len(local_inputs) == len(inputs) + len(self.shared_inputs)
        assert not update_d and not update_expr and not shared_inputs
        self.local_inputs, self.local_outputs = local_inputs, local_outputs
        self.inputs, self.outputs = inputs, outputs
        self.kwargs = kwargs
        self.input_types = [inp.type for inp in inputs]
        self.output_types = [out.type for out in outputs]
        if lop_overrides != "default":
            if grad_overrides != "default":
                raise ValueError("lop_overrides and grad_overrides are mutually exclusive")
            self.set_lop_overrides(lop_overrides)
        elif grad_overrides != "default":
            self.set_grad_overrides(grad_overrides)
        else:
            self.set_lop_overrides("default")
        self.set_rop_overrides(rop_overrides)
        self._connection_pattern = connection_pattern
        if name is not None:
            assert isinstance(name, str), "name must be None or string object"
        self.name = name
        self._nodes = toposort(self.local_outputs, blockers=self.local_inputs)
        self._static_nodes = []  # inner nodes found to need value-dependent shape keys (see lower_node)

    def __eq__(self, other):
        return self is other  # Theano: "TODO: recognize a copy"

    def __hash__(self):
        return hash(type(self))

    def __str__(self):
        name = self.__class__.__name__ if self.name is None else self.name
        return "%s{inline=%s}" % (name, self.is_inline)

    # --- overrides (Theano's API) ---

    def set_grad_overrides(self, grad_overrides):
        """Set the gradient overrides (see help(theano.OpFromGraph)); replaces any earlier L_op override."""
        self._lop_op = grad_overrides
        self._lop_op_is_cached = False
        self._lop_type = "grad"
        self._lop_is_default = grad_overrides == "default"

    def set_lop_overrides(self, lop_overrides):
        """Set the L_op overrides (see help(theano.OpFromGraph)); replaces any earlier gradient override."""
        self._lop_op = lop_overrides
        self._lop_op_is_cached = False
        self._lop_type = "lop"
        self._lop_is_default = lop_overrides == "default"

    def set_rop_overrides(self, rop_overrides):
        """Set the R_op overrides (see help(theano.OpFromGraph))."""
        self._rop_op = rop_overrides
        self._rop_op_is_cached = False
        self._rop_is_default = rop_overrides == "default"

    def get_lop_op(self):
        """The OpFromGraph computing this op's input gradients (from inputs, outputs and output gradients)."""
        if not self._lop_op_is_cached:
            from .builders_grad import recompute_lop_op
            recompute_lop_op(self)
        return self._lop_op

    def get_rop_op(self):
        """The OpFromGraph computing this op's R-operator (from inputs and eval points)."""
        if not self._rop_op_is_cached:
            from .builders_grad import recompute_rop_op
            recompute_rop_op(self)
        return self._rop_op

    def L_op(self, inputs, outputs, output_grads):
        lop_op = self.get_lop_op()
        # Theano hands the gradient op a DisconnectedType variable, which it refuses (TypeError); an output
        # the cost does not use has a zero gradient
        output_grads = [o.zeros_like() if isinstance(g.type, DisconnectedType) else g
                        for o, g in zip(outputs, output_grads)]
        ret = lop_op(*(list(inputs) + list(outputs) + list(output_grads)), return_list=True)
        return [r if ov is None else ov for r, ov in zip(ret, self._lop_op_stypes_l)]

    def R_op(self, inputs, eval_points):
        rop_op = self.get_rop_op()
        ret = rop_op(*(list(inputs) + list(eval_points)), return_list=True)
        return [r if ov is None else ov for r, ov in zip(ret, self._rop_op_stypes_l)]

    # --- the node ---

    def make_node(self, *inputs):
        expected = len(self.local_inputs) - len(self.shared_inputs)
        if len(inputs) != expected:
            raise ValueError("Expected %d inputs, got %d" % (expected, len(inputs)))
        inputs = [as_variable_of_type(t, inp) for inp, t in zip(inputs, self.input_types)]
        node = Apply(self, list(inputs) + self.shared_inputs, [t() for t in self.output_types])
        node.local_inputs = self.local_inputs
        node.local_outputs = self.local_outputs
        return node

    def connection_pattern(self, node):
        """[input][output] -> whether the output depends on the input (given, or from the inner graph and
        the gradient's graph, as Theano computes it)."""
        if self._connection_pattern is not None:
            return self._connection_pattern
        inp_len, out_len = len(self.local_inputs), len(self.local_outputs)
        pattern = io_connection_pattern(self.local_inputs, self.local_outputs)
        lop_op = self.get_lop_op()
        grad_pattern = io_connection_pattern(lop_op.local_inputs[inp_len:], lop_op.local_outputs)
        for i, t in enumerate(self._lop_op_stypes_l):
            if t is not None and isinstance(t.type, DisconnectedType):
                for o in range(out_len):
                    pattern[i][o] = False
            for o in range(out_len):
                pattern[i][o] |= grad_pattern[o][i]
        return [list(row) for row in pattern]

    def infer_shape(self, node, shapes):
        """The output shapes, as graphs of the node's inputs."""
        from ..graph.nodes import clone_replace
        shape_graphs = [[o.shape[k] for k in range(o.ndim)] for o in self.local_outputs]
        flat = reduce(list.__add__, shape_graphs, [])
        cloned = clone_replace(flat, dict(zip(self.local_inputs, node.inputs))) if flat else []
        out, used = [], 0
        for s in shape_graphs:
            out.append(tuple(cloned[used:used + len(s)]))
            used += len(s)
        return out

    def prepare_node(self, node, storage_map, compute_map, impl):
        """Nothing to prepare: the inner graph is lowered with the step that calls it."""

    def perform(self, node, inputs, outputs):
        """The inner graph on numpy inputs (for code that calls perform itself)."""
        values = self.lower_node(node, [np.asarray(i) for i in inputs])
        values = values if isinstance(values, tuple) else (values,)
        for cell, value, out in zip(outputs, values, node.outputs):
            cell[0] = np.array(value, dtype=out.type.dtype)

    # --- lowering: the inner graph inside the caller's step ---

    def lower_node(self, node, args, keys=None):
        """The outputs' arrays: the inner graph evaluated on `args`, differentiable with this op's L_op."""
        inner_keys = self._inner_keys(node, args, keys)
        try:
            if any(is_tracer(a) for a in args) and all(isinstance(t, TensorType) for t in self.output_types):
                outs = _differentiable(self, inner_keys)(*args)
            else:
                outs = self._evaluate(args, inner_keys)
        except _NeedsOuterStatic:
            from .lower import NeedsStatic
            raise NeedsStatic(node) from None
        return outs[0] if len(outs) == 1 else tuple(outs)

    def _evaluate(self, args, inner_keys):
        from .lower import NeedsStatic, evaluate
        env = dict(zip(self.local_inputs, args))
        try:
            evaluate(self._nodes, env, inner_keys)
        except NeedsStatic as e:
            if e.node in self._static_nodes or e.node not in self._nodes:
                raise
            self._static_nodes.append(e.node)  # the caller resolves it through this op's own `static`
            raise _NeedsOuterStatic(e.node) from None
        return tuple(env[o] if o in env else o.data for o in self.local_outputs)

    def _inner_keys(self, node, args, keys):
        if not self._static_nodes:
            return None
        key = keys.get(node) if keys else None
        if key is None:
            if any(is_tracer(a) for a in args):
                from .lower import NeedsStatic
                raise NeedsStatic(node)
            key = self._static(*args)
        return dict(zip(self._static_nodes, key))

    def inner_may_fail(self):
        """Whether a call may fail in the inner graph (a value check, a user Op's perform)."""
        from ..graph.ops import may_fail
        return any(may_fail(n) for n in self._nodes)

    @property
    def static(self):
        """Like a built-in op's `static`: None unless the inner graph has shapes that depend on values."""
        return self._static if self._static_nodes else None

    static_args = None

    def _static(self, *args):
        """The shape keys of the inner nodes that need them, from concrete arguments."""
        from .lower import evaluate
        env = dict(zip(self.local_inputs, args))
        needed = toposort([i for n in self._static_nodes for i in n.inputs], blockers=self.local_inputs)
        with jax.ensure_compile_time_eval():
            evaluate(needed, env)
        return tuple(n.op.static(*[env[i] if i in env else i.data for i in n.inputs], **n.params)
                     for n in self._static_nodes)


class _NeedsOuterStatic(Exception):
    """Raised by an inner node: re-raised by the lowering as NeedsStatic of the OpFromGraph node."""

    def __init__(self, node):
        super().__init__(node)
        self.node = node


def _differentiable(op, inner_keys):
    """op's inner graph as a JAX function whose vjp is the op's own L_op (overrides included), as
    theano.grad would build it: JAX differentiating a lowering (scan's gradients) gets Theano's gradient.
    The inner graph's value checks come out as one more output, reported to the caller's step."""
    checked = op.inner_may_fail()

    def forward(*args):
        with guard.scope() as s:  # a custom_vjp body is its own trace: its checks leave it as an output
            outs = op._evaluate(args, inner_keys)
        flag = [guard.no_flag_row() if s.flag() is None else s.flag()] if checked else []
        return tuple(outs) + tuple(flag)

    def backward(args, cts):
        lop_op = op.get_lop_op()
        outs = op._evaluate(args, inner_keys)
        cts = cts[:len(outs)]
        values = lop_op._evaluate(list(args) + list(outs) + [jax.numpy.asarray(c) for c in cts], None)
        grads = []
        for a, g, ov in zip(args, values, op._lop_op_stypes_l):
            if not np.issubdtype(a.dtype, np.inexact):
                grads.append(np.zeros(np.shape(a), jax.dtypes.float0))  # JAX's cotangent of an integer
            elif ov is not None:
                grads.append(jax.numpy.zeros_like(a))
            else:
                grads.append(jax.numpy.asarray(g, dtype=a.dtype))
        return tuple(grads)

    fn = jax.custom_vjp(forward)
    fn.defvjp(lambda *args: (forward(*args), args), backward)

    def call(*args):
        out = fn(*args)
        if checked:
            guard.report(out[-1])
            out = out[:-1]
        return out
    return call


def inline_ofg_expansion(node):
    """Theano's local optimizer: the inner graph of an inline OpFromGraph node, on the node's inputs."""
    from ..graph.nodes import clone_replace
    op = node.op
    if not isinstance(op, OpFromGraph) or not op.is_inline:
        return False
    return clone_replace(op.local_outputs, dict(zip(op.local_inputs, node.inputs)))


# Theano lets DebugMode find the compiled inner function of such ops; here the graph is lowered in place
ops_with_inner_function[OpFromGraph] = "fn"
