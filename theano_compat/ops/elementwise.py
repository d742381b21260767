"""Elementwise ops (Theano's Elemwise over scalar ops): broadcasting, dtype rule, lowering, gradient, printing.

Each op is one `elementwise(...)` call. Inputs of lower rank are padded on the left with broadcastable
dimensions by a DimShuffle node, as Theano's Elemwise.make_node does, so gradients and printing see
Theano's graph. The lowering casts to the declared dtype, since JAX promotes differently from Theano.
"""
import jax.numpy as jnp

from ..graph.ops import Op
from ..graph.types import TensorType


def _infer(*inputs, dtype, bcast):
    return [TensorType(dtype, tuple(all(bs) for bs in zip(*bcast)))]


def _check_shapes(name, bcast, arrays):
    """Theano refuses to broadcast a dimension it does not know to be broadcastable (ValueError)."""
    shapes = [a.shape for a in arrays]
    out = [max(s) for s in zip(*shapes)]
    for k, (shape, pattern) in enumerate(zip(shapes, bcast)):
        for dim, (size, b) in enumerate(zip(shape, pattern)):
            if size != out[dim] and (size != 1 or not b):
                raise ValueError(f"Input dimension mis-match. (input[{k}].shape[{dim}] = {size}, output shape"
                                 f"[{dim}] = {out[dim]}) in Elemwise{{{name}}} with input shapes {shapes}")


def elementwise(name, fn, rule, grad, symbol=None, pp=None, cast_inputs=True):
    """Register the elementwise op `name` and return its builder, e.g. `exp(x)`.

    rule: Theano's output-type rule on input dtypes; grad(inputs, output, gz) -> per-input gradients, to
    which Theano's sum over broadcast dimensions is applied here for every op. cast_inputs computes in the
    output dtype, as Theano's C code does (and not in JAX's promoted type: int32 / float32 is float64).
    """
    def lower(*arrays, dtype, bcast):
        _check_shapes(name, bcast, arrays)
        if cast_inputs:
            arrays = [a.astype(dtype) for a in arrays]
        return jnp.asarray(fn(*arrays)).astype(dtype)

    op = Op(name, _infer, lower, grad=_broadcast_grad(grad),
            describe=lambda node: f"Elemwise{{{name},no_inplace}}")
    op.pp = pp or (_operator_pp(symbol) if symbol else None)

    def build(*inputs):
        from ..tensor.basic import as_tensor_variable
        from .shape import pad_left
        inputs = [as_tensor_variable(i) for i in inputs]
        ndim = max(i.ndim for i in inputs)
        inputs = [pad_left(i, ndim - i.ndim) for i in inputs]
        return op(*inputs, dtype=rule(*[i.dtype for i in inputs]), bcast=tuple(i.broadcastable for i in inputs))

    build.__name__ = build.__qualname__ = name
    build.__doc__ = f"Elementwise {name} (Theano's tensor.{name})."
    build.op = op
    return build


def _operator_pp(symbol):
    def pp(node, args):
        return f"({symbol}{args[0]})" if len(args) == 1 else "(" + f" {symbol} ".join(args) + ")"
    return pp


def _broadcast_grad(grad):
    def full_grad(inputs, outputs, gouts, **params):
        from .reductions import sum_to_type
        grads = grad(inputs, outputs[0], gouts[0])
        return [None if g is None else sum_to_type(g, i) for g, i in zip(grads, inputs)]
    return full_grad
