"""Joining tensors: join/concatenate and stack (Theano's Join, whose axis may be symbolic)."""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Constant
from ..graph.ops import TheanoOp
from ..graph.types import TensorType
from ..graph import constants
from ..graph.constants import as_tensor_variable


def _join_infer(axis, *tensors, const_axis):
    if not all(t.ndim for t in tensors):
        raise TypeError("Join cannot handle arguments of dimension 0. For joining scalar values, see @stack")
    ndim = tensors[0].ndim
    bcast = [False] * ndim
    if const_axis is not None:
        ax = const_axis
        if ax < -ndim:
            raise IndexError("Join axis %d out of bounds [0, %d)" % (ax, ndim))
        if ax < 0:
            ax += ndim
        # Theano: a dimension is broadcastable when any input is broadcastable there
        for t in tensors:
            for dim, b in enumerate(t.broadcastable):
                if dim != ax and b:
                    bcast[dim] = True
        if ax >= ndim:
            raise ValueError('Join argument "axis" is out of range (given input dimensions)')
    if any(t.ndim != ndim for t in tensors[1:]):
        raise TypeError("Join() can only join tensors with the same number of dimensions.")
    if axis.ndim != 0 or axis.dtype not in D.int_dtypes:
        raise TypeError("Axis could not be cast to an integer type", axis, axis.type)
    return [TensorType(D.upcast(*[t.dtype for t in tensors]), tuple(bcast))]


def _join_static(axis, *arrays, const_axis):
    return int(axis)


def _join_lower(axis, *arrays, const_axis, static=None):
    ax = const_axis if const_axis is not None else static
    ndim = arrays[0].ndim
    if ax < -ndim or ax >= ndim:
        raise IndexError("Join axis %d out of bounds [0, %d)" % (ax, ndim))
    ax %= ndim
    shapes = [a.shape for a in arrays]
    for s in shapes[1:]:
        if any(d0 != d for k, (d0, d) in enumerate(zip(shapes[0], s)) if k != ax):
            raise ValueError("all the input array dimensions except for the concatenation axis must match exactly",
                             shapes)
    dtype = D.upcast(*[str(a.dtype) for a in arrays])
    return jnp.concatenate([jnp.asarray(a).astype(dtype) for a in arrays], axis=ax)


def _join_grad(inputs, outputs, gouts, const_axis):
    from .arrange import split_op
    from .basic import patternbroadcast, make_vector
    from .math import zeros_like
    from .shape import shape
    axis, tensors = inputs[0], inputs[1:]
    (gz,) = gouts
    if outputs[0].dtype not in D.continuous_dtypes:
        return [None] + [zeros_like(t, config.floatX) for t in tensors]
    sizes = make_vector(*[shape(t)[axis] for t in tensors], dtype="int64")
    parts = split_op(gz, axis, sizes, n=len(tensors))
    parts = parts if isinstance(parts, list) else [parts]
    return [None] + [patternbroadcast(g, t.broadcastable) for t, g in zip(tensors, parts)]


class Join(TheanoOp):
    """Theano's Join(view=-1): T.join, T.concatenate and T.stack of tensors make its nodes; Join()(axis, *tensors)
    is T.join."""

    @classmethod
    def from_props(cls, view=-1):
        return join_op.constructed(lambda op, axis, *tensors: join(axis, *tensors), view=view)

    def node_props(self, node):
        return {"view": -1}


join_op = Join.record("join", _join_infer, _join_lower, _join_grad, static=_join_static, static_args=lambda node: (0,),
             describe=lambda node: "Join")
join_op.pp = lambda node, args: f"join({', '.join(args)})"


def join(axis, *tensors):
    """theano.tensor.join(axis, *tensors): the axis may be an int or a symbolic integer scalar."""
    if len(tensors) == 1:
        return as_tensor_variable(tensors[0])
    tensors = [as_tensor_variable(t) for t in tensors]
    axis_v = as_tensor_variable(axis)
    const_axis = int(np.asarray(axis_v.data)) if isinstance(axis_v, Constant) and axis_v.ndim == 0 else None
    if const_axis is None and axis_v.ndim == 0 and axis_v.dtype in D.int_dtypes:
        from .basic import get_scalar_constant_value, NotScalarConstantError
        try:
            const_axis = int(get_scalar_constant_value(axis_v))
        except NotScalarConstantError:
            pass
    return join_op(axis_v, *tensors, const_axis=const_axis)


def concatenate(tensor_list, axis=0):
    """theano.tensor.concatenate(tensor_list, axis=0)"""
    if not isinstance(tensor_list, (tuple, list)):
        raise TypeError("The 'tensors' argument must be either a tuple or a list, make sure you did not "
                        "forget () or [] around arguments of concatenate.", tensor_list)
    return join(axis, *tensor_list)


def stack(*tensors, **kwargs):
    """theano.tensor.stack(tensors, axis=0) (and the deprecated stack(*tensors)); scalars make a vector."""
    from ..graph.nodes import Variable
    from .arrange import shape_padaxis
    if not tensors and not kwargs:
        raise Exception("theano.tensor.stack(tensors, axis) must have at least one parameter")
    if not kwargs and not isinstance(tensors[0], (list, tuple)):
        axis = 0
    elif "tensors" in kwargs:
        tensors = kwargs["tensors"]
        axis = kwargs.get("axis", 0)
    else:
        if len(tensors) == 2:
            axis = tensors[1]
        else:
            axis = kwargs.get("axis", 0)
        tensors = tensors[0]
    if len(tensors) == 0:
        raise Exception("tensors is empty. You should at least provide one tensor to "
                        "theano.tensor.stack(tensors, axis).")
    if all(isinstance(t, (np.number, float, int, complex)) or (isinstance(t, Variable) and
                                                                isinstance(t.type, TensorType) and t.ndim == 0)
           for t in tensors):
        from .basic import make_vector
        tensors = [as_tensor_variable(t) for t in tensors]
        return make_vector(*tensors, dtype=D.upcast(*[t.dtype for t in tensors]))
    return join(axis, *[shape_padaxis(t, axis) for t in tensors])


constants.stack = stack  # as_tensor_variable([x, y]) stacks the variables with it
