"""The weight gradient of a convolution as an op of its own (abstract_conv.conv{2,3}d_grad_wrt_weights),
and bilinear upsampling (a transposed convolution whose image shape comes from the input's shape).

Both lower through ops/conv.py's array functions: the weight gradient is jax.vjp of the forward
convolution with respect to the filters (the convolution is linear in them, so the zero filters it is
linearized at do not matter); the upsampling calls conv_grad_inputs_lower with the shapes the traced input
has. Their gradients are the generic jax.vjp of these lowerings.
"""
import jax
import jax.numpy as jnp

from ..graph.ops import Primitive
from ..graph.types import TensorType
from .conv import conv_grad_inputs_lower, conv_lower, conv_output_shape, normalize_params


def _gw_infer(img, topgrad, convdim, filter_shape, border_mode, subsample, filter_flip, filter_dilation,
              num_groups, unshared):
    if img.ndim != 2 + convdim:
        raise TypeError(f"img must be {2 + convdim}D tensor")
    if topgrad.ndim != 2 + convdim:
        raise TypeError(f"topgrad must be {2 + convdim}D tensor")
    return [TensorType(img.dtype, (False,) * len(filter_shape))]


def _gw_lower(img, topgrad, convdim, filter_shape, border_mode, subsample, filter_flip, filter_dilation,
              num_groups, unshared):
    # Theano: the filters' count and channels may be None, read from the output gradient and the image
    filter_shape = (topgrad.shape[1] if filter_shape[0] is None else filter_shape[0],
                    img.shape[1] // num_groups if filter_shape[1] is None else filter_shape[1]) + filter_shape[2:]
    expected = conv_output_shape(img.shape, filter_shape, border_mode, subsample, filter_dilation)
    if tuple(expected) != tuple(topgrad.shape):
        raise ValueError(f"invalid filter_shape for gradWeights: the given filter_shape would produce an output "
                         f"of shape {tuple(expected)}, but the given topgrad has shape {tuple(topgrad.shape)}")

    def forward(kern):
        return conv_lower(img, kern, border_mode, subsample, filter_flip, filter_dilation, num_groups, unshared)

    _, vjp = jax.vjp(forward, jnp.zeros(filter_shape, img.dtype))
    return vjp(topgrad.astype(img.dtype))[0]


grad_weights_op = Primitive("AbstractConv_gradWeights", _gw_infer, _gw_lower,
                     describe=lambda node: "AbstractConv%dd_gradWeights{convdim=%d, border_mode=%r, subsample=%s, "
                     "filter_flip=%s, imshp=None, kshp=%s, filter_dilation=%s, num_groups=%d, unshared=%s}" % (
                         node.params["convdim"], node.params["convdim"], node.params["border_mode"],
                         node.params["subsample"], node.params["filter_flip"], node.params["filter_shape"],
                         node.params["filter_dilation"], node.params["num_groups"], node.params["unshared"]))


def grad_wrt_weights(input, output_grad, filter_shape, convdim, border_mode, subsample, filter_flip,
                     filter_dilation, num_groups=1, unshared=False):
    """The gradient of a convolution with respect to filters of filter_shape (constant ints)."""
    from ..tensor.basic import as_tensor_variable
    from .conv import _static_shape
    input, output_grad = as_tensor_variable(input), as_tensor_variable(output_grad)
    border_mode, subsample, dilation, num_groups = normalize_params(
        convdim, border_mode, subsample, filter_dilation, num_groups, unshared)
    kshp = _static_shape(filter_shape, len(filter_shape), "filter_shape")
    if any(k is None for k in kshp[2:]):
        raise ValueError("the spatial dimensions of filter_shape must be constant ints for the weight gradient")
    return grad_weights_op(input, output_grad, convdim=convdim, filter_shape=kshp, border_mode=border_mode,
                           subsample=subsample, filter_flip=bool(filter_flip), filter_dilation=dilation,
                           num_groups=num_groups, unshared=bool(unshared))


# --- bilinear upsampling: Theano's transposed convolutions, with shapes from the traced input ---

def _up_infer(x, kern, ratio, use_1d):
    # Theano: the transposed convolutions give the kernel's dtype (floatX)
    return [TensorType(kern.dtype, (x.broadcastable[0], x.broadcastable[1], False, False))]


def _up_lower(x, kern, ratio, use_1d):
    batch, channels, row, col = x.shape
    up = x.reshape(-1, 1, row, col)
    up = jnp.concatenate((up[:, :, :1, :], up, up[:, :, -1:, :]), axis=2)
    up = jnp.concatenate((up[:, :, :, :1], up, up[:, :, :, -1:]), axis=3)
    pad = 2 * ratio - (ratio - 1) // 2 - 1
    n = up.shape[0]
    if use_1d:
        rows = conv_grad_inputs_lower(up, kern[None, None, :, None], (n, 1, row * ratio, col + 2),
                                      border_mode=(pad, 0), subsample=(ratio, 1))
        out = conv_grad_inputs_lower(rows, kern[None, None, None, :], (n, 1, row * ratio, col * ratio),
                                     border_mode=(0, pad), subsample=(1, ratio))
    else:
        out = conv_grad_inputs_lower(up, kern[None, None, :, :], (n, 1, row * ratio, col * ratio),
                                     border_mode=(pad, pad), subsample=(ratio, ratio))
    return out.reshape(batch, channels, row * ratio, col * ratio).astype(kern.dtype)


upsampling_op = Primitive("bilinear_upsampling", _up_infer, _up_lower,
                   describe=lambda node: "BilinearUpsampling{ratio=%d}" % node.params["ratio"])
