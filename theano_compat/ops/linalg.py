"""Products: dot (Theano's Dot for vectors and matrices, tensordot beyond), with Theano's gradient."""
import jax.numpy as jnp
import numpy as np

from ..graph import dtypes as D
from ..graph.ops import Primitive, TheanoOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def product_precision():
    """The lax.Precision of float products and convolutions: the step's matmul_precision, read while tracing."""
    from ..compile.target import precision
    return precision()


def _dot_infer(x, y):
    for k, v in enumerate((x, y)):
        if v.ndim not in (1, 2):
            raise TypeError("theano.tensor.Dot: input %d (0-indexed) must have ndim of 1 or 2, %d given. Consider "
                            "calling theano.tensor.dot instead." % (k, v.ndim))
    bcast = x.broadcastable[:-1] + y.broadcastable[-1:] if y.ndim == 2 else x.broadcastable[:-1]
    return [TensorType(D.upcast(x.dtype, y.dtype), bcast)]


def _dot_lower(x, y):
    dtype = D.upcast(str(x.dtype), str(y.dtype))
    _check(x.shape, y.shape)
    if dtype == "bool":  # numpy: a bool dot product is an "or" of "and"s
        return jnp.dot(x.astype("int64"), y.astype("int64")) != 0
    return jnp.dot(x.astype(dtype), y.astype(dtype), precision=product_precision())


def _check(xs, ys):
    inner_y = ys[0] if len(ys) == 1 else ys[-2]
    if xs[-1] != inner_y:
        raise ValueError(f"shapes {xs} and {ys} not aligned: {xs[-1]} (dim {len(xs) - 1}) != {inner_y} (dim "
                         f"{max(0, len(ys) - 2)})")


def _dot_grad(inputs, outputs, gouts):
    from .basic import patternbroadcast
    (x, y), (gz,) = inputs, gouts
    if gz.ndim == 0:
        xgrad, ygrad = gz * y, gz * x
    elif x.ndim == 1:  # v . M
        xgrad, ygrad = dot(gz, y.T), outer(x.T, gz)
    elif y.ndim == 1:  # M . v
        xgrad, ygrad = outer(gz, y.T), dot(x.T, gz)
    else:
        xgrad, ygrad = dot(gz, y.T), dot(x.T, gz)
    if xgrad.broadcastable != x.broadcastable:
        xgrad = patternbroadcast(xgrad, x.broadcastable)
    if ygrad.broadcastable != y.broadcastable:
        ygrad = patternbroadcast(ygrad, y.broadcastable)
    return [xgrad, ygrad]


class Dot(TheanoOp):
    """Theano's Dot (tensor.basic): T.dot of vectors and matrices makes its nodes; Dot()(a, b) is that dot."""

    @classmethod
    def from_props(cls):
        return dot_op.constructed(lambda op, a, b: dot_op(a, b))

    def __str__(self):
        return "dot"


dot_op = Dot.record("dot", _dot_infer, _dot_lower, _dot_grad, describe=lambda node: "dot")
dot_op.pp = lambda node, args: f"({args[0]} \\dot {args[1]})"  # Theano's printing.special['middle_dot']


def _pack(axes):
    return [int(axes)] if isinstance(axes, (int, np.integer)) else [int(a) for a in axes]


def _tensordot_as_dot(a, b, axes, dot, batched):
    """Theano's tensordot (and batched_tensordot): dimshuffles and reshapes around one matrix product."""
    from .basic import patternbroadcast
    from .join import concatenate
    a, b = as_tensor_variable(a), as_tensor_variable(b)
    if not np.isscalar(axes) and len(axes) != 2:
        raise ValueError("Axes should be an integer or a list/tuple of len 2 (%s was provided)" % str(axes))
    if np.isscalar(axes):
        axes = int(axes)
        for name, operand in (("a", a), ("b", b)):
            if axes > operand.ndim:
                raise ValueError("axes can not be larger than the dimension of %s (%s.ndim=%i, axes=%i)"
                                 % (name, name, operand.ndim, axes))
            if batched and axes == operand.ndim:
                raise ValueError("axes to sum over must not include the batch axis of %s (%s.ndim=%i, axes=%i)"
                                 % (name, name, operand.ndim, axes))
        batch_axes = 1 if batched else 0
        a_out, b_out = slice(0, a.ndim - axes), slice(batch_axes + axes, b.ndim)
        outshape = concatenate([a.shape[a_out], b.shape[b_out]])
        outbcast = a.broadcastable[a_out] + b.broadcastable[b_out]
        a_shape, b_shape = [1, 1], [1, 1]
        for i in range(axes):
            a_shape[1] *= a.shape[-(i + 1)]
            b_shape[0] *= b.shape[batch_axes + i]
        for i in range(a.ndim - axes - batch_axes):
            a_shape[0] *= a.shape[batch_axes + i]
        for i in range(b.ndim - axes - batch_axes):
            b_shape[1] *= b.shape[-(i + 1)]
        if batched:
            a_shape.insert(0, a.shape[0])
            b_shape.insert(0, b.shape[0])
        out = dot(a.reshape(a_shape), b.reshape(b_shape)).reshape(outshape, len(outbcast))
        return patternbroadcast(out, outbcast)
    axes = [_pack(ax) for ax in axes]
    if len(axes[0]) != len(axes[1]):
        raise ValueError("Axes elements must have the same length.")
    for i, (name, operand) in enumerate((("a", a), ("b", b))):
        if len(axes[i]) > operand.ndim:
            raise ValueError("axes[%i] should be array_like with length less than the dimensions of %s (%s.ndim=%i, "
                             "len(axes[0])=%i)." % (i, name, name, operand.ndim, len(axes[i])))
        if len(axes[i]) > 0 and np.max(axes[i]) >= operand.ndim:
            raise ValueError("axes[%i] contains dimensions greater than or equal to %s.ndim (%s.ndim=%i, "
                             "max(axes[0])=%i)." % (i, name, name, operand.ndim, np.max(np.array(axes[i]))))
        if batched and 0 in axes[i]:
            raise ValueError("axes to sum over must not contain the batch axis (axes[%i]=%s)" % (i, axes[i]))
    batch_axes = [0] if batched else []
    other = [[x for x in range(operand.ndim) if x not in axes[i] and x not in batch_axes]
             for i, operand in enumerate((a, b))]
    return _tensordot_as_dot(a.dimshuffle(batch_axes + other[0] + axes[0]),
                             b.dimshuffle(batch_axes + axes[1] + other[1]), len(axes[0]), dot=dot, batched=batched)


def tensordot(a, b, axes=2):
    """numpy.tensordot, reduced to one matrix product as Theano does it."""
    return _tensordot_as_dot(a, b, axes, dot=dot, batched=False)


def batched_tensordot(x, y, axes=2):
    """tensordot over each pair x[i], y[i] of the leading (batch) axis."""
    return _tensordot_as_dot(x, y, axes, dot=batched_dot, batched=True)


# --- BatchedDot ---

def _bdot_infer(x, y):
    for k, v in enumerate((x, y)):
        if v.ndim not in (2, 3):
            raise TypeError("theano.tensor.blas.BatchedDot: input %d (0-indexed) must have ndim of 2 or 3, %d given. "
                            "Consider calling theano.tensor.batched_dot instead." % (k, v.ndim))
    bcast = (x.broadcastable[0] or y.broadcastable[0],) + x.broadcastable[1:-1] + y.broadcastable[2:]
    return [TensorType(D.upcast(x.dtype, y.dtype), bcast)]


def _bdot_lower(x, y):
    if x.shape[0] != y.shape[0]:
        raise TypeError("theano.tensor.blas.BatchedDot: inputs must have the same size in axis 0, but have sizes "
                        f"[{x.shape[0]}, {y.shape[0]}].")
    inner_y = y.shape[1]
    if x.shape[-1] != inner_y:
        raise ValueError(f"shapes {x.shape} and {y.shape} not aligned for a batched dot product")
    dtype = D.upcast(str(x.dtype), str(y.dtype))
    x, y = x.astype(dtype), y.astype(dtype)
    sub_x = "bi" if x.ndim == 2 else "bni"
    sub_y = "bi" if y.ndim == 2 else "bim"
    out = "b" + sub_x[1:-1] + sub_y[2:]
    return jnp.einsum(f"{sub_x},{sub_y}->{out}", x, y, precision=product_precision())


def _bdot_grad(inputs, outputs, gouts):
    from .basic import patternbroadcast
    (x, y), (gz,) = inputs, gouts
    if gz.ndim == 1:
        xgrad, ygrad = gz.dimshuffle(0, "x") * y, gz.dimshuffle(0, "x") * x
    elif x.ndim == 2 and y.ndim == 3:
        xgrad = batched_dot(gz, y.dimshuffle(0, 2, 1))
        ygrad = x.dimshuffle(0, 1, "x") * gz.dimshuffle(0, "x", 1)
    elif x.ndim == 3 and y.ndim == 2:
        xgrad = gz.dimshuffle(0, 1, "x") * y.dimshuffle(0, "x", 1)
        ygrad = batched_dot(x.dimshuffle(0, 2, 1), gz)
    else:
        xgrad = batched_dot(gz, y.dimshuffle(0, 2, 1))
        ygrad = batched_dot(x.dimshuffle(0, 2, 1), gz)
    if xgrad.broadcastable != x.broadcastable:
        xgrad = patternbroadcast(xgrad, x.broadcastable)
    if ygrad.broadcastable != y.broadcastable:
        ygrad = patternbroadcast(ygrad, y.broadcastable)
    return [xgrad, ygrad]


batched_dot_op = Primitive("batched_dot", _bdot_infer, _bdot_lower, _bdot_grad, describe=lambda node: "BatchedDot")


def batched_dot(a, b):
    """batched_dot(a, b)[i] = dot(a[i], b[i]) (an elementwise product when either is a vector)."""
    from .basic import cast
    a, b = as_tensor_variable(a), as_tensor_variable(b)
    if a.ndim == 0:
        raise TypeError("a must have at least one (batch) axis")
    if b.ndim == 0:
        raise TypeError("b must have at least one (batch) axis")
    if a.ndim == 1:
        return a.dimshuffle(*([0] + ["x"] * (b.ndim - 1))) * b
    if b.ndim == 1:
        return a * b.dimshuffle(*([0] + ["x"] * (a.ndim - 1)))
    if a.ndim > 3 or b.ndim > 3:
        return batched_tensordot(a, b, [[a.ndim - 1], [np.maximum(1, b.ndim - 2)]])
    dtype = D.upcast(a.dtype, b.dtype)
    return batched_dot_op(cast(a, dtype), cast(b, dtype))


def dot(l, r):
    """theano.tensor.dot: Dot for vectors and matrices, tensordot over (last of l, second-last of r)
    beyond; a scalar operand multiplies."""
    l, r = as_tensor_variable(l), as_tensor_variable(r)
    if l.ndim == 0 or r.ndim == 0:
        return l * r
    if l.ndim > 2 or r.ndim > 2:
        return tensordot(l, r, [[l.ndim - 1], [np.maximum(0, r.ndim - 2)]])
    return dot_op(l, r)


def outer(x, y):
    """theano.tensor.outer: outer product of two vectors (flattened first)."""
    from .shape import dimshuffle, flatten
    if x.ndim != 1:
        x = flatten(x)
    if y.ndim != 1:
        y = flatten(y)
    return dot(dimshuffle(x, 0, "x"), dimshuffle(y, "x", 0))
