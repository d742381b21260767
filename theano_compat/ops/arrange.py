"""Rearranging tensors, built as theano.tensor.basic / extra_ops build them (dimshuffle, alloc, reshape,
join, subtensor): transpose, swapaxes, the shape_pad family, squeeze, tile, repeat, roll, split, stacklists,
horizontal_stack and vertical_stack. Only Split and RepeatOp (per-element repeats) are ops of their own."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.nodes import Constant
from ..graph.ops import Primitive, PropsOp, TheanoOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


def transpose(x, axes=None):
    """Reorder the dimensions of x (default: reverse them); a full reversal of a named x is named x.T."""
    from .shape import dimshuffle_op
    x = _tensor(x)
    rev = list(range(x.ndim - 1, -1, -1))
    axes = rev if axes is None else list(axes)
    from .shape import _dimshuffle_order
    ret = dimshuffle_op(x, order=_dimshuffle_order(x, axes))
    if x.name and axes == rev:
        ret.name = x.name + ".T"
    return ret


def swapaxes(y, axis1, axis2):
    """swap axes of inputted tensor"""
    y = _tensor(y)
    li = list(range(y.ndim))
    li[axis1], li[axis2] = li[axis2], li[axis1]
    return y.dimshuffle(li)


def shape_padleft(t, n_ones=1):
    """Reshape `t` by left-padding the shape with `n_ones` 1s."""
    from .shape import dimshuffle_op, _dimshuffle_order
    t = _tensor(t)
    return dimshuffle_op(t, order=_dimshuffle_order(t, ["x"] * n_ones + list(range(t.ndim))))


def shape_padright(t, n_ones=1):
    """Reshape `t` by right-padding the shape with `n_ones` 1s."""
    from .shape import dimshuffle_op, _dimshuffle_order
    t = _tensor(t)
    return dimshuffle_op(t, order=_dimshuffle_order(t, list(range(t.ndim)) + ["x"] * n_ones))


def shape_padaxis(t, axis):
    """Reshape `t` by inserting 1 at the dimension `axis`."""
    from .shape import dimshuffle_op, _dimshuffle_order
    t = _tensor(t)
    ndim = t.ndim + 1
    if not -ndim <= axis < ndim:
        raise IndexError("axis {0} is out of bounds [-{1}, {1})".format(axis, ndim))
    if axis < 0:
        axis += ndim
    pattern = list(range(t.ndim))
    pattern.insert(axis, "x")
    return dimshuffle_op(t, order=_dimshuffle_order(t, pattern))


def squeeze(x):
    """Remove broadcastable dimensions from the shape of an array."""
    x = _tensor(x)
    return x.dimshuffle([i for i in range(x.ndim) if not x.broadcastable[i]])


class Tile(TheanoOp):
    """Theano's deprecated Tile(ndim) op; T.tile builds alloc, dimshuffle and reshape, as in Theano 1.0."""


def tile(x, reps, ndim=None):
    """Tile x according to reps (numpy.tile), built from alloc, dimshuffle and reshape as in Theano."""
    from .basic import alloc
    from .logic import switch, lt
    x = _tensor(x)
    if ndim is not None and ndim < x.ndim:
        raise ValueError("ndim should be equal or larger than x.ndim")
    if not isinstance(reps, (list, tuple)):
        reps_t = _tensor(reps)
        if reps_t.dtype not in D.discrete_dtypes:
            raise ValueError("elements of reps must be integer dtype")
        if reps_t.ndim == 0:
            reps = [reps]
        elif reps_t.ndim == 1:
            if ndim is None:
                raise ValueError("if reps is tensor.vector, you should specify the ndim")
            offset = ndim - reps_t.shape[0]
            from .checks import assert_
            from .logic import ge
            offset = assert_(offset, ge(offset, 0))
            reps = [switch(lt(i, offset), 1, reps_t[i - offset]) for i in range(ndim)]
        else:
            raise ValueError("the dimension of reps should not exceed 1")
    else:
        from ..graph.nodes import Variable
        if ndim is not None and len(reps) > ndim:
            raise ValueError("len(reps) should be equal or less than ndim")
        if not all(isinstance(r, (int, np.integer)) or (isinstance(r, Variable) and r.dtype in D.discrete_dtypes)
                   for r in reps):
            raise ValueError("elements of reps must be scalars of integer dtype")
    reps = list(reps)
    if ndim is None:
        ndim = max(len(reps), x.ndim)
    if len(reps) < ndim:
        reps = [1] * (ndim - len(reps)) + reps
    shape = [1] * (ndim - x.ndim) + [x.shape[i] for i in range(x.ndim)]
    y = alloc(x, *(reps + shape))
    y = y.dimshuffle(*np.arange(ndim * 2).reshape(2, ndim).transpose().flatten())
    return y.reshape([sh * reps[i] for i, sh in enumerate(shape)])


def roll(x, shift, axis=None):
    """numpy.roll as Theano builds it: the join of two slices."""
    from .join import join
    from .math import mod
    x = _tensor(x)
    if axis is None:
        if x.ndim > 1:
            return roll(x.flatten(), shift, axis=0).reshape(x.shape)
        axis = 0
    if axis < 0:
        axis += x.ndim
    shift = mod(shift, x.shape[axis])
    front = [slice(None)] * axis + [slice(-shift, None)] + [slice(None)] * (x.ndim - axis - 1)
    end = [slice(None)] * axis + [slice(0, -shift)] + [slice(None)] * (x.ndim - axis - 1)
    return join(axis, x[tuple(front)], x[tuple(end)])


def stacklists(arg):
    """Recursively stack lists of tensors to maintain similar structure."""
    from .join import stack
    if isinstance(arg, (tuple, list)):
        return stack(list(map(stacklists, arg)))
    return arg


def horizontal_stack(*args):
    """Stack 2-d tensors along their second axis."""
    from .join import concatenate
    assert len(args) >= 2
    for arg in args:
        assert arg.type.ndim == 2
    return concatenate(args, axis=1)


def vertical_stack(*args):
    from .join import concatenate
    assert len(args) >= 2
    for arg in args:
        assert arg.type.ndim == 2
    return concatenate(args, axis=0)


# --- Split: n outputs whose lengths along `axis` are the values of `splits` ---

def _split_static(x, axis, splits, n):
    splits = [int(s) for s in np.asarray(splits)]
    axis = int(axis)
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"Split.perform() with axis=({axis}) is invalid for x.shape==({x.shape})")
    if len(splits) != n:
        raise ValueError("In Split.perform(), len(splits) != len_splits.", (len(splits), n))
    if sum(splits) != x.shape[axis]:
        raise ValueError(f"The splits sum to {sum(splits)}, expected {x.shape[axis]}")
    if any(s < 0 for s in splits):
        raise ValueError("Split: you tried to make an ndarray with a negative number of elements.")
    return axis, tuple(splits)


def _split_lower(x, axis, splits, n, static):
    ax, sizes = static
    bounds = np.cumsum((0,) + sizes)
    index = [slice(None)] * x.ndim
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        index[ax] = slice(int(lo), int(hi))
        out.append(x[tuple(index)])
    return tuple(out) if n > 1 else out[0]


def _split_grad(inputs, outputs, gouts, n):
    from .join import join
    from .math import zeros_like
    from ..graph.null import undefined_grad
    x, axis, splits = inputs
    gs = [zeros_like(o) if g is None else g for o, g in zip(outputs, gouts)]
    if not isinstance(axis, Constant):
        raise TypeError("theano_compat does not support the gradient of split with a symbolic axis yet")
    return [join(int(axis.data), *gs), undefined_grad(axis, "Split"), undefined_grad(splits, "Split")]


class Split(TheanoOp):
    """Theano's Split(len_splits): T.split makes its nodes; Split(n)(x, axis, splits) is T.split."""

    @classmethod
    def from_props(cls, len_splits):
        return split_op.constructed(lambda op, x, axis, splits: split(x, splits, op.len_splits, axis),
                                    len_splits=int(len_splits))

    def node_props(self, node):
        return {"len_splits": node.params["n"]}


split_op = Split.record("split", lambda x, axis, splits, n: [x.type] * n, _split_lower, _split_grad, static=_split_static,
              static_args=lambda node: (1, 2), describe=lambda node: "Split{%d}" % node.params["n"])


def split(x, splits_size, n_splits, axis=0):
    """theano.tensor.split: n_splits pieces of x along axis, of the lengths splits_size."""
    from .basic import cast
    x = _tensor(x)
    axis = _tensor(axis)
    splits = _tensor(splits_size)
    if splits.broadcastable != (False,) or splits.dtype not in D.int_dtypes:
        raise TypeError("splits must have type tensor.lvector", splits.type)
    if axis.ndim != 0 or axis.dtype not in D.int_dtypes:
        raise TypeError("axis must have type lscalar", axis.type)
    out = split_op(x, axis, cast(splits, "int64"), n=int(n_splits))
    return out if isinstance(out, list) else [out]


# --- repeat (theano.tensor.extra_ops.repeat) ---

class RepeatOp(PropsOp):
    """Theano's RepeatOp(axis=None): (x, repeats) -> numpy.repeat(x, repeats, axis), repeats an integer
    scalar or vector (the flattened x for axis=None)."""

    param_names = ("axis",)

    @classmethod
    def from_props(cls, axis=None):
        return repeat_op.with_props(axis=axis)


def _repeat_infer(x, repeats, axis):
    from .basic import NotScalarConstantError, get_scalar_constant_value
    if repeats.dtype not in D.integer_dtypes:
        raise TypeError("repeats.dtype must be an integer.")
    if repeats.dtype == "uint64":
        raise TypeError("dtypes ('uint64',) are not supported by numpy.repeat for the 'repeats' parameter, ",
                        repeats.dtype)
    if axis is None:
        return [TensorType(x.dtype, (False,))]
    try:
        const_reps = get_scalar_constant_value(repeats)
    except NotScalarConstantError:
        const_reps = None
    bcast = list(x.broadcastable)
    if const_reps != 1:  # Theano: repeating once keeps the broadcastable pattern
        bcast[axis] = False
    return [TensorType(x.dtype, tuple(bcast))]


def _repeat_static(x, repeats, axis):
    reps = np.asarray(repeats)
    return int(reps) if reps.ndim == 0 else tuple(int(r) for r in reps)


def _repeat_lower(x, repeats, axis, static):
    n = x.size if axis is None else x.shape[axis]
    if isinstance(static, int):
        return jnp.repeat(x, static, axis=axis, total_repeat_length=n * static)
    if len(static) != n:
        raise ValueError(f"operands could not be broadcast together with shape ({n},) ({len(static)},)")
    return jnp.repeat(x, np.asarray(static), axis=axis, total_repeat_length=int(sum(static)))


def _repeat_grad(inputs, outputs, gouts, axis):
    """Theano's RepeatOp.grad: the sum over the repeated copies, for a scalar count only."""
    (x, repeats), (gz,) = inputs, gouts
    if repeats.ndim != 0:
        raise NotImplementedError("Theano's RepeatOp has no gradient for a vector of repeats (Theano 1.0.5 "
                                  "raises NotImplementedError too)")
    axis = x.ndim if axis is None else (axis + 1 if axis >= 0 else axis + x.ndim + 1)
    shape = [x.shape[k] for k in range(x.ndim)]
    shape.insert(axis, repeats)
    return [gz.reshape(shape, x.ndim + 1).sum(axis=axis), None]


repeat_op = RepeatOp.record("extra_ops.repeat", _repeat_infer, _repeat_lower, _repeat_grad, static=_repeat_static,
                            static_args=lambda node: (1,), describe=lambda node: "RepeatOp{axis=%s}" % node.params["axis"])


def repeat(x, repeats, axis=None):
    """Repeat elements of an array (numpy.repeat); a scalar count builds alloc + reshape as Theano does."""
    from .basic import alloc
    x = _tensor(x)
    repeats = _tensor(repeats)
    if repeats.ndim > 1:
        raise ValueError("The dimension of repeats should not exceed 1.")
    if repeats.ndim == 1 and not repeats.broadcastable[0]:
        if axis is not None and axis < 0:
            axis += x.ndim
        return RepeatOp(axis=axis)(x, repeats)
    if repeats.ndim == 1:
        repeats = repeats[0]
    if x.dtype == "uint64":
        raise TypeError("theano.tensor.repeat don't support dtype uint64")
    if axis is None:
        axis = 0
        x = x.flatten()
    else:
        if axis >= x.ndim:
            raise ValueError("Axis should not exceed x.ndim-1.")
        if axis < 0:
            axis = x.ndim + axis
    shape = [x.shape[i] for i in range(x.ndim)]
    shape_ = shape[:]
    shape_.insert(axis + 1, repeats)
    shape[axis] = shape[axis] * repeats
    dims_ = list(range(x.ndim))
    dims_.insert(axis + 1, "x")
    return alloc(x.dimshuffle(*dims_), *shape_).reshape(shape)
