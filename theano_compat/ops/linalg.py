"""Products: dot (Theano's Dot for vectors and matrices, tensordot beyond), with Theano's gradient."""
import jax.numpy as jnp
from jax import lax

from ..graph import dtypes as D
from ..graph.ops import Op
from ..graph.types import TensorType

# float32 products must be float32 products: XLA would otherwise use TF32 on recent GPUs.
HIGHEST = lax.Precision.HIGHEST


def _dot_infer(x, y):
    if x.ndim not in (1, 2) or y.ndim not in (1, 2):
        raise TypeError(f"Dot takes vectors and matrices, got {x.type} and {y.type}")
    bcast = x.broadcastable[:-1] + y.broadcastable[1:] if y.ndim == 2 else x.broadcastable[:-1]
    return [TensorType(D.upcast(x.dtype, y.dtype), bcast)]


def _dot_lower(x, y):
    dtype = D.upcast(str(x.dtype), str(y.dtype))
    _check(x.shape, y.shape)
    return jnp.dot(x.astype(dtype), y.astype(dtype), precision=HIGHEST)


def _check(xs, ys):
    inner_y = ys[0] if len(ys) == 1 else ys[-2]
    if xs[-1] != inner_y:
        raise ValueError(f"shapes {xs} and {ys} not aligned: {xs[-1]} (dim {len(xs) - 1}) != {inner_y} (dim "
                         f"{max(0, len(ys) - 2)})")


def _dot_grad(inputs, outputs, gouts):
    (x, y), (gz,) = inputs, gouts
    if x.ndim == 1 and y.ndim == 1:
        return [gz * y, gz * x]
    if x.ndim == 1:  # v . M
        return [dot(y, gz), outer(x, gz)]
    if y.ndim == 1:  # M . v
        return [outer(gz, y), dot(x.T, gz)]
    return [dot(gz, y.T), dot(x.T, gz)]


dot_op = Op("dot", _dot_infer, _dot_lower, _dot_grad, describe=lambda node: "dot")
dot_op.pp = lambda node, args: f"({args[0]} \u00b7 {args[1]})"


def _tensordot_infer(x, y, axes):
    xa, ya = axes
    bcast = tuple(b for i, b in enumerate(x.broadcastable) if i not in xa) + \
        tuple(b for i, b in enumerate(y.broadcastable) if i not in ya)
    return [TensorType(D.upcast(x.dtype, y.dtype), bcast)]


def _tensordot_lower(x, y, axes):
    dtype = D.upcast(str(x.dtype), str(y.dtype))
    for a, b in zip(*axes):
        if x.shape[a] != y.shape[b]:
            raise ValueError(f"shape-mismatch for sum: {x.shape} and {y.shape} along axes {axes}")
    return jnp.tensordot(x.astype(dtype), y.astype(dtype), axes, precision=HIGHEST)


tensordot_op = Op("tensordot", _tensordot_infer, _tensordot_lower, None, describe=lambda node: "tensordot")


def tensordot(a, b, axes=2):
    """theano.tensor.tensordot: an int (last/first axes) or a pair of axis lists."""
    from ..tensor.basic import as_tensor_variable
    a, b = as_tensor_variable(a), as_tensor_variable(b)
    if isinstance(axes, int):
        xa, ya = tuple(range(a.ndim - axes, a.ndim)), tuple(range(axes))
    else:
        xa, ya = ([axes[0]] if isinstance(axes[0], int) else axes[0]), \
                 ([axes[1]] if isinstance(axes[1], int) else axes[1])
        xa, ya = tuple(int(i) % a.ndim for i in xa), tuple(int(i) % b.ndim for i in ya)
    if len(xa) != len(ya):
        raise ValueError("Axes to sum over must have the same length")
    return tensordot_op(a, b, axes=(xa, ya))


def dot(l, r):
    """theano.tensor.dot: Dot for vectors and matrices, tensordot over (last of l, second-last of r)
    beyond; a scalar operand multiplies."""
    from ..tensor.basic import as_tensor_variable
    l, r = as_tensor_variable(l), as_tensor_variable(r)
    if l.ndim == 0 or r.ndim == 0:
        return l * r
    if l.ndim <= 2 and r.ndim <= 2:
        return dot_op(l, r)
    return tensordot(l, r, [[l.ndim - 1], [max(0, r.ndim - 2)]])


def outer(x, y):
    """theano.tensor.outer: outer product of two vectors (flattened first)."""
    from .shape import dimshuffle, flatten
    if x.ndim != 1:
        x = flatten(x)
    if y.ndim != 1:
        y = flatten(y)
    return dot(dimshuffle(x, 0, "x"), dimshuffle(y, "x", 0))
