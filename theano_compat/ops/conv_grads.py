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
from .conv import _conv_records, _spatial_static, conv_grad_inputs_lower, conv_lower, conv_output_shape
from .conv_classes import AbstractConv2d_gradWeights, AbstractConv3d_gradWeights, conv_class, like


def _gw_infer(img, topgrad, shape, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
              num_groups, unshared):
    return [TensorType(img.dtype, (False,) * len(kshp))]


def _filter_shape(img, topgrad, kshp, static, num_groups, unshared):
    # Theano: the hint's unknown entries come from the output gradient and the image
    convdim = img.ndim - 2
    channels = img.shape[1] // num_groups
    if unshared:
        known = (topgrad.shape[1],) + tuple(topgrad.shape[2:]) + (channels,)
    else:
        known = (topgrad.shape[1], channels)
    return tuple(int(k if h is None else h) for h, k in zip(kshp[:len(known)], known)) + static[-convdim:]


def _gw_lower(img, topgrad, shape, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
              num_groups, unshared, static):
    filter_shape = _filter_shape(img, topgrad, kshp, static, num_groups, unshared)
    return grad_weights_lower(img, topgrad, filter_shape, border_mode, subsample, filter_flip, filter_dilation,
                              num_groups, unshared)


def grad_weights_lower(img, topgrad, filter_shape, border_mode, subsample, filter_flip, filter_dilation, num_groups,
                       unshared):
    """The weight gradient on arrays: jax.vjp of the forward convolution (linear in the filters)."""
    expected = conv_output_shape(img.shape, filter_shape, border_mode, subsample, filter_dilation)
    if tuple(expected) != tuple(topgrad.shape):
        raise ValueError(f"invalid filter_shape for gradWeights: the given filter_shape would produce an output "
                         f"of shape {tuple(expected)}, but the given topgrad has shape {tuple(topgrad.shape)}")

    def forward(kern):
        return conv_lower(img, kern, border_mode, subsample, filter_flip, filter_dilation, num_groups, unshared)

    _, vjp = jax.vjp(forward, jnp.zeros(filter_shape, img.dtype))
    return vjp(topgrad.astype(img.dtype))[0]


def _gw_grad(inputs, outputs, gouts, convdim, **params):
    # Theano's AbstractConv_gradWeights.grad: (gradInputs(weights_grad, top), conv(bottom, weights_grad), -)
    img, top, _ = inputs
    props = outputs[0].owner.op._props_dict()
    props.pop("convdim")
    d_img = conv_class("_gradInputs", convdim)(**props)(gouts[0], top, img.shape[-convdim:])
    d_top = conv_class("", convdim)(**props)(img, gouts[0])
    return [like(d_img, img), like(d_top, top), None]


grad_weights2d_op, grad_weights3d_op = _conv_records(
    AbstractConv2d_gradWeights, AbstractConv3d_gradWeights, "AbstractConv%dd_gradWeights", _gw_infer, _gw_lower,
    _gw_grad, static=_spatial_static, static_args=lambda node: (2,))


def grad_wrt_weights(input, output_grad, filter_shape, convdim, border_mode, subsample, filter_flip,
                     filter_dilation, num_groups=1, unshared=False, input_shape=None):
    """The gradient of a convolution with respect to filters of filter_shape (constant ints)."""
    from ..tensor.basic import as_tensor_variable
    from .conv import _static_shape
    input, output_grad = as_tensor_variable(input), as_tensor_variable(output_grad)
    kshp = _static_shape(filter_shape, len(filter_shape), "filter_shape")
    if any(k is None for k in kshp[-convdim:]):
        raise ValueError("the spatial dimensions of filter_shape must be constant ints for the weight gradient")
    return conv_class("_gradWeights", convdim)(input_shape, filter_shape, border_mode, subsample, filter_flip,
                                              filter_dilation, num_groups, unshared)(
        input, output_grad, kshp[-convdim:])


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
