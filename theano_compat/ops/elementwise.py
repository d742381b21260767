"""Elementwise ops (Theano's Elemwise over scalar ops): broadcasting, dtype rule, lowering, gradient, printing.

Each op is one `elementwise(...)` call. Inputs of lower rank are padded on the left with broadcastable
dimensions by a DimShuffle node, as Theano's Elemwise.make_node does, so gradients and printing see
Theano's graph. The lowering casts to the declared dtype, since JAX promotes differently from Theano.
"""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import REGISTRY, TheanoOp, is_tracer
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _infer(*inputs, dtype, bcast, **params):
    return [TensorType(dtype, tuple(all(bs) for bs in zip(*bcast)))]


def _check_shapes(name, bcast, arrays):
    """Theano refuses to broadcast a dimension it does not know to be broadcastable (ValueError)."""
    shapes = [a.shape for a in arrays]
    out = [next((n for n in sizes if n != 1), 1) for sizes in zip(*shapes)]
    for k, (shape, pattern) in enumerate(zip(shapes, bcast)):
        for dim, (size, b) in enumerate(zip(shape, pattern)):
            if size != out[dim] and (size != 1 or not b):
                raise ValueError(f"Input dimension mis-match. (input[{k}].shape[{dim}] = {size}, output shape"
                                 f"[{dim}] = {out[dim]}) in Elemwise{{{name}}} with input shapes {shapes}")


def _astype(a, dtype):
    """Cast, keeping constants (untraced values) numpy arrays, so ops can still see them as constants."""
    return jnp.asarray(a).astype(dtype) if is_tracer(a) else np.asarray(a).astype(dtype, copy=False)


class ScalarOp:
    """The scalar op an elementwise op applies (theano.scalar's add, exp, ...): named as in Theano."""

    def __init__(self, name, nin=None):
        self.name = name
        self.nin = nin

    def __str__(self):
        return self.name

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, ScalarOp) and other.name == self.name

    def __hash__(self):
        return hash((ScalarOp, self.name))


class Elemwise(TheanoOp):
    """Theano's Elemwise: T.add, T.exp, ... are its instances, one per scalar op.

    Calling one pads lower-rank inputs with broadcastable dimensions (a DimShuffle node, as Theano's
    Elemwise.make_node does, so gradients and printing see Theano's graph) and types the output with the
    op's Theano dtype rule.
    """

    inplace_pattern = {}
    nfunc_spec = None

    @classmethod
    def from_props(cls, scalar_op, inplace_pattern=None, name=None, nfunc_spec=None, openmp=None):
        # Theano: Elemwise(scalar.add) is T.add; in-place patterns are an optimisation XLA makes itself
        if hasattr(scalar_op, "make_elemwise"):  # theano.scalar's ops know their elementwise op
            return scalar_op.make_elemwise()
        op = REGISTRY.get(getattr(scalar_op, "name", None))
        if not isinstance(op, Elemwise):
            raise TypeError(f"theano_compat has no elementwise op for the scalar op {scalar_op}")
        return op

    def make_node(self, *inputs, **params):
        from .shape import pad_left
        if "dtype" in params:  # an application whose type rule was already applied
            return super().make_node(*inputs, **params)
        unknown = set(params) - set(self.param_names)
        if unknown:
            raise TypeError(f"{self.name}() got an unexpected keyword argument {sorted(unknown)[0]!r}")
        inputs = [as_tensor_variable(i) for i in inputs]
        ndim = max(i.ndim for i in inputs)
        inputs = [pad_left(i, ndim - i.ndim) for i in inputs]
        return super().make_node(*inputs, dtype=self.rule(*[i.dtype for i in inputs]),
                                 bcast=tuple(i.broadcastable for i in inputs), **params)

    theano_name = None  # Theano names some Elemwise ops themselves: sigmoid, softplus, ...

    def __str__(self):
        # Theano names T's ops after the tensor function (abs_, not the scalar op's str Abs); a per-node copy
        # (TheanoOp.dress) prints its node's (cast: Elemwise{Cast{int64}})
        return self.__dict__.get("_str") or self.theano_name or f"Elemwise{{{self.name},no_inplace}}"


def elementwise(name, fn, rule, grad, symbol=None, pp=None, cast_inputs=True, compute=None, params=(),
                scalar_name=None):
    """Register the elementwise op `name` (an Elemwise) and return it; calling it builds, e.g. `exp(x)`.

    rule: Theano's output-type rule on input dtypes; grad(inputs, output, gz, **params) -> per-input
    gradients, to which Theano's sum over broadcast dimensions is applied here for every op (and Theano's
    zeros for an op with a discrete output). cast_inputs computes in the output dtype, as Theano's C code
    does (and not in JAX's promoted type: int32 / float32 is float64); compute(*dtypes) names another
    dtype to compute in. params: keyword parameters of the builder, handed to fn and grad.
    scalar_name(params): the scalar op's name where it depends on the params.
    """
    upcasts_constants = rule in (D.upcast_out, D.upgrade_to_float, D.true_div_out)

    def lower(*arrays, dtype, bcast, **kw):
        _check_shapes(name, bcast, arrays)
        if upcasts_constants:
            # Theano's local_upcast_elemwise_constant_inputs: a scalar constant input of an op that upcasts
            # anyway is cast to the output dtype first, so int32 * 2.5 computes in float64, not C's float32.
            arrays = [_astype(a, dtype) if not is_tracer(a) and np.size(a) == 1 else a for a in arrays]
        if compute is not None:
            work = compute(*[str(a.dtype) for a in arrays])
            arrays = [_astype(a, work) for a in arrays]
        elif cast_inputs:
            arrays = [_astype(a, dtype) for a in arrays]
        return _astype(fn(*arrays, **kw), dtype)

    def describe(node):
        shown = scalar_name(node.params) if scalar_name else name
        return f"Elemwise{{{shown},no_inplace}}"

    op = Elemwise.record(name, _infer, lower, grad=_broadcast_grad(grad), describe=describe)
    op.pp = pp or (_operator_pp(symbol) if symbol else None)
    op.elementwise = True
    op.rule = rule
    op.param_names = tuple(params)
    op.scalar_op = ScalarOp(name)
    op.__doc__ = f"Elementwise {name} (Theano's tensor.{name})."
    return op


def _operator_pp(symbol):
    def pp(node, args):
        return f"({symbol}{args[0]})" if len(args) == 1 else "(" + f" {symbol} ".join(args) + ")"
    return pp


def _broadcast_grad(grad):
    def full_grad(inputs, outputs, gouts, dtype, bcast, **params):
        from .reductions import sum_to_type
        grads = grad(inputs, outputs[0], gouts[0], **params)
        if dtype not in D.continuous_dtypes:
            # Theano's Elemwise.L_op: a discrete output gives obviously-zero gradients
            grads = [g if g is None or not hasattr(g.type, "broadcastable") else _zeros(i)
                     for g, i in zip(grads, inputs)]
        return [None if g is None else g if not hasattr(g.type, "broadcastable") else sum_to_type(g, i)
                for g, i in zip(grads, inputs)]
    return full_grad


def _zeros(x):
    from .math import zeros_like
    from ..config import config
    z = zeros_like(x)
    return z.astype(config.floatX) if x.dtype not in D.continuous_dtypes else z
