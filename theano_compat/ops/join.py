"""Joining tensors: join/concatenate and stack (Theano's Join)."""
import jax.numpy as jnp

from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType


def _join_infer(*tensors, axis):
    ndim = tensors[0].ndim
    if any(t.ndim != ndim for t in tensors):
        raise TypeError("Join() can only join tensors with the same number of dimensions.")
    if not -ndim <= axis < ndim:
        raise IndexError(f"Join axis {axis} out of bounds [0, {ndim})")
    axis %= ndim
    bcast = [all(bs) for bs in zip(*[t.broadcastable for t in tensors])]
    if len(tensors) > 1:
        bcast[axis] = False
    return [TensorType(D.upcast(*[t.dtype for t in tensors]), tuple(bcast))]


def _join_lower(*arrays, axis):
    dtype = D.upcast(*[str(a.dtype) for a in arrays])
    return jnp.concatenate([a.astype(dtype) for a in arrays], axis=axis)


def _join_grad(inputs, outputs, gouts, axis):
    from .basic import patternbroadcast
    from .subtensor import subtensor
    from .shape import shape
    grads, offset = [], 0
    ax = axis % outputs[0].ndim
    for t in inputs:
        end = offset + shape(t)[ax]
        index = (slice(None),) * ax + (slice(offset, end),)
        g = subtensor(gouts[0], index)
        grads.append(patternbroadcast(g, t.broadcastable) if t.dtype in D.float_dtypes else None)
        offset = end
    return grads


join_op = Op("join", _join_infer, _join_lower, _join_grad, describe=lambda node: "Join")
join_op.pp = lambda node, args: f"join({node.params['axis']}, {', '.join(args)})"


def join(axis, *tensors):
    """theano.tensor.join(axis, *tensors)"""
    from ..tensor.basic import as_tensor_variable
    tensors = [as_tensor_variable(t) for t in tensors]
    if len(tensors) == 1:
        return tensors[0]
    return join_op(*tensors, axis=int(axis))


def concatenate(tensor_list, axis=0):
    """theano.tensor.concatenate(tensor_list, axis=0)"""
    if not isinstance(tensor_list, (tuple, list)):
        raise TypeError("The 'tensors' argument must be either a tuple or a list, make sure you did not "
                        "forget () or [] around arguments of concatenate.", tensor_list)
    return join(axis, *tensor_list)


def stack(*tensors, axis=0):
    """theano.tensor.stack(tensors, axis=0): a new axis; scalars stack into a vector."""
    from ..tensor.basic import as_tensor_variable
    from .shape import dimshuffle
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tensors[0]
    if not tensors:
        raise ValueError("No tensor arguments provided")
    tensors = [as_tensor_variable(t) for t in tensors]
    if all(t.ndim == 0 for t in tensors):
        from .basic import make_vector
        return make_vector(*tensors)
    axis = axis % (tensors[0].ndim + 1)
    order = list(range(axis)) + ["x"] + list(range(axis, tensors[0].ndim))
    return join(axis, *[dimshuffle(t, order) for t in tensors])
