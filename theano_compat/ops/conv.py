"""Convolutions (Theano's abstract_conv: conv2d, conv3d, conv2d_grad_wrt_inputs; the legacy nnet.conv.conv2d).

Layouts are Theano's: images NC[D]HW, filters OI[D]HW, unshared filters (O, out_rows, out_cols, I, kH, kW).
filter_flip=True (Theano's default) is a true convolution: the kernels are flipped spatially and then
cross-correlated, which is what lax.conv_general_dilated computes. float32 stays float32 (Precision.HIGHEST)
unless the user opts into faster passes with the matmul_precision flag (compile/target.py). On a CPU, a plain
2-D convolution lowers to Theano's own algorithm instead (im2col + GEMM, ops/conv_gemm.py): XLA's CPU
convolution gradients are several times slower.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from ..graph.ops import Primitive
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable
from . import conv_gemm
from .linalg import product_precision


# ---------------------------------------------------------------- parameters (BaseAbstractConv.__init__)

def normalize_border_mode(border_mode, convdim):
    """Theano's canonical border_mode: 'valid' / 'full' / 'half' or a tuple of ints / (lo, hi) pairs.

    Same checks and messages as BaseAbstractConv.__init__ (ValueError, or NotImplementedError for
    asymmetric padding in 3D). An all-zero tuple becomes 'valid', equal pairs collapse to an int.
    """
    if isinstance(border_mode, (int, np.integer)) and not isinstance(border_mode, bool):
        if border_mode < 0:
            raise ValueError(f"invalid border_mode {border_mode}, which must be a non-negative integer")
        border_mode = (int(border_mode),) * convdim
    elif isinstance(border_mode, tuple):
        border_mode = _normalize_border_tuple(border_mode, convdim)
    elif border_mode not in ("valid", "full", "half"):
        raise ValueError(f"invalid border_mode {border_mode}, which must be either \"valid\", \"full\", "
                         f"\"half\", an integer or a tuple of length {convdim}")
    if isinstance(border_mode, tuple) and all(m in (0, (0, 0)) for m in border_mode):
        border_mode = "valid"
    return border_mode


def _normalize_border_tuple(border_mode, convdim):
    if len(border_mode) != convdim:
        raise ValueError(f"invalid border_mode {border_mode}, which must be a tuple of length {convdim}")
    out = ()
    for mode in border_mode:
        is_int = isinstance(mode, (int, np.integer)) and mode >= 0
        is_pair = (isinstance(mode, tuple) and len(mode) == 2 and min(mode) >= 0
                   and all(isinstance(m, (int, np.integer)) for m in mode))
        if not (is_int or is_pair):
            raise ValueError(f"invalid border mode {border_mode}. The tuple can only contain integers "
                             f" or pairs of integers")
        if is_pair:
            if convdim != 2:
                raise NotImplementedError(f"Asymmetric padding not implemented for {convdim}D")
            mode = int(mode[0]) if mode[0] == mode[1] else (int(mode[0]), int(mode[1]))
        out += (int(mode) if not isinstance(mode, tuple) else mode,)
    return out


def normalize_params(convdim, border_mode="valid", subsample=None, filter_dilation=None, num_groups=1,
                     unshared=False):
    """Checked, hashable parameters (Theano raises these at graph-construction time)."""
    subsample = tuple(int(s) for s in (subsample if subsample is not None else (1,) * convdim))
    dilation = tuple(int(d) for d in (filter_dilation if filter_dilation is not None else (1,) * convdim))
    border_mode = normalize_border_mode(border_mode, convdim)
    if len(subsample) != convdim:
        raise ValueError(f"subsample must have {convdim} elements")
    if len(dilation) != convdim:
        raise ValueError(f"filter_dilation must have {convdim} elements")
    if num_groups < 1:
        raise ValueError("num_groups must have value greater than zero")
    if unshared and convdim != 2:
        raise NotImplementedError(f"Unshared convolution not implemented for {convdim}D")
    return border_mode, subsample, dilation, int(num_groups)


def border_pads(border_mode, kshp, dilation):
    """Per spatial dim (lo, hi) zero padding (abstract_conv.border_mode_to_pad on the dilated kernel)."""
    dil = [(k - 1) * d + 1 for k, d in zip(kshp, dilation)]
    if border_mode == "valid":
        return tuple((0, 0) for _ in dil)
    if border_mode == "full":
        return tuple((k - 1, k - 1) for k in dil)
    if border_mode == "half":
        return tuple((k // 2, k // 2) for k in dil)
    return tuple(m if isinstance(m, tuple) else (m, m) for m in border_mode)


def conv_output_shape(imshp, kshp, border_mode, subsample, dilation):
    """abstract_conv.get_conv_output_shape (kshp: the filter shape; its last dims are spatial)."""
    convdim = len(imshp) - 2
    pads = border_pads(border_mode, kshp[-convdim:], dilation)
    spatial = tuple((n + lo + hi - ((k - 1) * d + 1)) // s + 1
                    for n, k, (lo, hi), s, d in zip(imshp[2:], kshp[-convdim:], pads, subsample, dilation))
    return (imshp[0], kshp[0]) + spatial


# ---------------------------------------------------------------- lowerings

def _check_groups(img, kern, num_groups, unshared):
    # Theano's CorrMM messages; here at trace time since the shapes are static in JAX.
    in_channels = kern.shape[3 if unshared else 1]
    if kern.shape[0] % num_groups != 0:
        raise ValueError("CorrMM the number of filters must be divisible by the number of groups")
    if img.shape[1] != in_channels * num_groups:
        raise ValueError("CorrMM images and kernel must have the same stack size")


def _check_output(img, kern, pads, subsample, dilation):
    convdim = img.ndim - 2
    for n, k, (lo, hi), d in zip(img.shape[2:], kern.shape[-convdim:], pads, dilation):
        if n + lo + hi - ((k - 1) * d + 1) + 1 <= 0:
            raise ValueError(f"CorrMM: impossible output shape: bottom shape {img.shape}, "
                             f"weights shape {kern.shape}")


def conv_lower(img, kern, border_mode="valid", subsample=None, filter_flip=True, filter_dilation=None,
               num_groups=1, unshared=False):
    """AbstractConv{2,3}d: dimensionality from img.ndim; the result has img's dtype (Theano's rule)."""
    convdim = img.ndim - 2
    border_mode, subsample, dilation, num_groups = normalize_params(
        convdim, border_mode, subsample, filter_dilation, num_groups, unshared)
    kern = jnp.asarray(kern).astype(img.dtype)
    pads = border_pads(border_mode, kern.shape[-convdim:], dilation)
    _check_groups(img, kern, num_groups, unshared)
    _check_output(img, kern, pads, subsample, dilation)
    if filter_flip:
        kern = jnp.flip(kern, axis=tuple(range(kern.ndim - convdim, kern.ndim)))
    if unshared:
        return _unshared_correlate(img, kern, pads, subsample, dilation, num_groups)
    if conv_gemm.applies(img, kern, subsample, dilation, num_groups):
        img = jnp.pad(img, ((0, 0), (0, 0)) + tuple(pads))
        return conv_gemm.correlate(img, kern, product_precision()).astype(img.dtype)
    spatial = "DHW"[3 - convdim:]
    return lax.conv_general_dilated(
        img, kern, window_strides=subsample, padding=pads, rhs_dilation=dilation,
        dimension_numbers=("NC" + spatial, "OI" + spatial, "NC" + spatial),
        feature_group_count=num_groups, precision=product_precision()).astype(img.dtype)


def _unshared_correlate(img, kern, pads, subsample, dilation, num_groups):
    """Locally connected layer: each output position has its own (already flipped) kernel.

    out[b, o, i, j] = sum_{c,u,v} pad(img)[b, g*C + c, i*s0 + u*d0, j*s1 + v*d1] * kern[o, i, j, c, u, v]
    (AbstractConv.perform/unshared2d, whose stride expands the kernel and then subsamples: the same thing).
    """
    n_out, oh, ow, cg, kh, kw = kern.shape
    img = jnp.pad(img, ((0, 0), (0, 0)) + pads)
    want = conv_output_shape(img.shape, kern.shape, "valid", subsample, dilation)[2:]
    if (oh, ow) != tuple(want):
        raise ValueError(f"Kernel shape {(oh, ow)} does not match computed output size {tuple(want)}")
    (s0, s1), (d0, d1) = subsample, dilation
    patches = jnp.stack([jnp.stack([
        img[:, :, u * d0: u * d0 + (oh - 1) * s0 + 1: s0, v * d1: v * d1 + (ow - 1) * s1 + 1: s1]
        for v in range(kw)], axis=2) for u in range(kh)], axis=2)          # (B, C, kh, kw, oh, ow)
    patches = patches.reshape((img.shape[0], num_groups, cg, kh, kw, oh, ow))
    kern = kern.reshape((num_groups, n_out // num_groups, oh, ow, cg, kh, kw))
    out = jnp.einsum("bgcuvij,goijcuv->bgoij", patches, kern, precision=product_precision())
    return out.reshape((img.shape[0], n_out, oh, ow)).astype(img.dtype)


def conv2d_lower(img, kern, border_mode="valid", subsample=(1, 1), filter_flip=True, filter_dilation=(1, 1),
                 num_groups=1, unshared=False):
    """theano.tensor.nnet.conv2d on arrays (NCHW image, OIHW or unshared 6D filters)."""
    if img.ndim != 4:
        raise TypeError("img must be 4D tensor")
    return conv_lower(img, kern, border_mode, subsample, filter_flip, filter_dilation, num_groups, unshared)


def conv3d_lower(img, kern, border_mode="valid", subsample=(1, 1, 1), filter_flip=True,
                 filter_dilation=(1, 1, 1), num_groups=1):
    """theano.tensor.nnet.conv3d on arrays (NCDHW image, OIDHW filters)."""
    if img.ndim != 5:
        raise TypeError("img must be 5D tensor")
    return conv_lower(img, kern, border_mode, subsample, filter_flip, filter_dilation, num_groups)


def grad_inputs_image_shape(topgrad_shape, kern_shape, input_shape, num_groups, unshared):
    """The forward image shape: input_shape with its None batch / channel filled in (AbstractConv_gradInputs)."""
    in_channels = kern_shape[3 if unshared else 1] * num_groups
    fallback = (topgrad_shape[0], in_channels)
    return tuple(int(fallback[i]) if input_shape[i] is None and i < 2 else int(input_shape[i])
                 for i in range(len(input_shape)))


def conv_grad_inputs_lower(output_grad, filters, input_shape, border_mode="valid", subsample=None,
                           filter_flip=True, filter_dilation=None, num_groups=1, unshared=False):
    """conv{2,3}d_grad_wrt_inputs: the transposed convolution, i.e. the input-gradient of the forward conv.

    The result has the filters' dtype (AbstractConv_gradInputs.make_node). Rows/cols of input_shape that
    no output position reads (a stride that does not divide) get a zero gradient, as in Theano.
    """
    convdim = output_grad.ndim - 2
    border_mode, subsample, dilation, num_groups = normalize_params(
        convdim, border_mode, subsample, filter_dilation, num_groups, unshared)
    dtype = filters.dtype
    imshp = grad_inputs_image_shape(output_grad.shape, filters.shape, input_shape, num_groups, unshared)
    expected = conv_output_shape(imshp, filters.shape, border_mode, subsample, dilation)
    if tuple(expected) != tuple(output_grad.shape):
        raise ValueError(f"invalid input_shape for gradInputs: the given input_shape would produce an output "
                         f"of shape {tuple(expected)}, but the given topgrad has shape {tuple(output_grad.shape)}")

    def forward(img):
        return conv_lower(img, filters, border_mode, subsample, filter_flip, dilation, num_groups, unshared)

    _, vjp = jax.vjp(forward, jnp.zeros(imshp, dtype))
    return vjp(output_grad.astype(dtype))[0]


def conv2d_grad_wrt_inputs_lower(output_grad, filters, input_shape, border_mode="valid", subsample=(1, 1),
                                 filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
    """abstract_conv.conv2d_grad_wrt_inputs on arrays."""
    return conv_grad_inputs_lower(output_grad, filters, input_shape, border_mode, subsample, filter_flip,
                                  filter_dilation, num_groups, unshared)


# ---------------------------------------------------------------- graph ops and the public API

def _conv_infer(img, kern, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
                num_groups, unshared):
    return [TensorType(img.dtype, (img.broadcastable[0], kern.broadcastable[0]) + (False,) * convdim)]


def _conv_op_lower(img, kern, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
                   num_groups, unshared):
    # imshp / kshp are hints: Theano's compiled code does not check them (the probe's FAST_RUN run
    # with a wrong input_shape just used the real shape), so neither do we.
    return conv_lower(img, kern, border_mode, subsample, filter_flip, filter_dilation, num_groups, unshared)


def _conv_grad(inputs, outputs, gouts, convdim, **params):
    # Theano's AbstractConv.grad: the input and weight gradients as ops of their own, with the same props
    from .conv_classes import conv_class, like
    img, kern = inputs
    op = outputs[0].owner.op
    props = op._props_dict() if op.props else dict(params, convdim=convdim)
    props.pop("convdim")
    d_img = conv_class("_gradInputs", convdim)(**props)(kern, gouts[0], img.shape[-convdim:])
    d_kern = conv_class("_gradWeights", convdim)(**props)(img, gouts[0], kern.shape[-convdim:])
    return [like(d_img, img), like(d_kern, kern)]


def _gi_infer(kern, topgrad, shape, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
              num_groups, unshared):
    channel = False if num_groups > 1 else kern.broadcastable[-convdim - 1]
    return [TensorType(kern.dtype, (topgrad.broadcastable[0], channel) + (False,) * convdim)]


def _spatial_static(x, topgrad, shape, **params):
    # the shape input's value decides the output's shape: read before the step (Primitive.static)
    return tuple(int(s) for s in np.asarray(shape).reshape(-1))


def _gi_lower(kern, topgrad, shape, convdim, border_mode, subsample, filter_flip, imshp, kshp, filter_dilation,
              num_groups, unshared, static):
    return conv_grad_inputs_lower(topgrad, kern, tuple(imshp[:2]) + static, border_mode, subsample, filter_flip,
                                  filter_dilation, num_groups, unshared)


def _gi_grad(inputs, outputs, gouts, convdim, **params):
    # Theano's AbstractConv_gradInputs.grad: (gradWeights(bottom_grad, top), conv(bottom_grad, kern), -)
    from .conv_classes import conv_class, like
    kern, top, _ = inputs
    props = outputs[0].owner.op._props_dict()
    props.pop("convdim")
    d_kern = conv_class("_gradWeights", convdim)(**props)(gouts[0], top, kern.shape[-convdim:])
    d_top = conv_class("", convdim)(**props)(gouts[0], kern)
    return [like(d_kern, kern), like(d_top, top), None]


def _conv_records(cls_2d, cls_3d, name, *args, **kwargs):
    return cls_2d.record(name % 2, *args, **kwargs), cls_3d.record(name % 3, *args, **kwargs)


from .conv_classes import (AbstractConv2d, AbstractConv2d_gradInputs, AbstractConv3d,  # noqa: E402
                           AbstractConv3d_gradInputs, conv_class)

# Theano's grads need the props on the op: nodes are built from the classes (conv_classes.py), never from
# these bare records.
abstract_conv2d_op, abstract_conv3d_op = _conv_records(AbstractConv2d, AbstractConv3d, "AbstractConv%dd",
                                                       _conv_infer, _conv_op_lower, _conv_grad)
grad_inputs2d_op, grad_inputs3d_op = _conv_records(
    AbstractConv2d_gradInputs, AbstractConv3d_gradInputs, "AbstractConv%dd_gradInputs", _gi_infer, _gi_lower,
    _gi_grad, static=_spatial_static, static_args=lambda node: (2,))


def _static_shape(shape, n, what):
    """A shape hint as a tuple of ints / None (Theano accepts ints and constant variables)."""
    if shape is None:
        return None
    from ..graph.nodes import Constant, Variable
    out = []
    for s in shape:
        if isinstance(s, Constant):
            s = s.data
        if isinstance(s, Variable):
            raise NotImplementedError(f"theano_compat needs {what} as constants (a symbolic {what} entry would "
                                      f"make the shapes depend on values): {s}")
        out.append(None if s is None else int(s))
    return tuple(out)


def _abstract(img, kern, convdim, input_shape, filter_shape, border_mode, subsample, filter_flip,
              filter_dilation, num_groups, unshared=False):
    """AbstractConv{2,3}d(...)(img, kern): the parameter checks, then make_node's type checks."""
    img, kern = as_tensor_variable(img), as_tensor_variable(kern)
    border_mode, subsample, dilation, num_groups = normalize_params(
        convdim, border_mode, subsample, filter_dilation, num_groups, unshared)
    if img.ndim != 2 + convdim:
        raise TypeError(f"img must be {2 + convdim}D tensor")
    want = 2 + 2 * convdim if unshared else 2 + convdim
    if kern.ndim != want:
        raise TypeError(f"kern must be {want}D tensor" + (" for unshared convolution" if unshared else ""))
    _static_shape(input_shape, 2 + convdim, "input_shape")
    _static_shape(filter_shape, want, "filter_shape")
    return conv_class("", convdim)(input_shape, filter_shape, border_mode, subsample, filter_flip, dilation,
                                   num_groups, unshared)(img, kern)


def abstract_conv2d(input, filters, input_shape=None, filter_shape=None, border_mode="valid", subsample=(1, 1),
                    filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
    """theano.tensor.nnet.abstract_conv.conv2d."""
    return _abstract(input, filters, 2, input_shape, filter_shape, border_mode, subsample, filter_flip,
                     filter_dilation, num_groups, unshared)


def conv2d(input, filters, input_shape=None, filter_shape=None, border_mode="valid", subsample=(1, 1),
           filter_flip=True, image_shape=None, filter_dilation=(1, 1), num_groups=1, unshared=False, **kwargs):
    """theano.tensor.nnet.conv2d: abstract_conv2d plus Theano's handling of old keywords."""
    import warnings
    if "imshp_logical" in kwargs or "kshp_logical" in kwargs:
        raise ValueError("Keyword arguments 'imshp_logical' and 'kshp_logical' for conv2d are not supported "
                         "anymore (and have not been a reliable way to perform upsampling). That feature is "
                         "still available by calling theano.tensor.nnet.conv.conv2d() for the time being.")
    if len(kwargs.keys()) > 0:
        warnings.warn(str(kwargs.keys()) + " are now deprecated in `tensor.nnet.abstract_conv.conv2d` interface"
                      " and will be ignored.", stacklevel=2)
    if image_shape is not None:
        warnings.warn("The `image_shape` keyword argument to `tensor.nnet.conv2d` is deprecated, it has been "
                      "renamed to `input_shape`.", stacklevel=2)
        if input_shape is not None:
            raise ValueError("input_shape and image_shape should not be provided at the same time.")
        input_shape = image_shape
    return abstract_conv2d(input, filters, input_shape, filter_shape, border_mode, subsample, filter_flip,
                           filter_dilation, num_groups, unshared)


def conv3d(input, filters, input_shape=None, filter_shape=None, border_mode="valid", subsample=(1, 1, 1),
           filter_flip=True, filter_dilation=(1, 1, 1), num_groups=1):
    """theano.tensor.nnet.conv3d (NCDHW images, OIDHW filters)."""
    return _abstract(input, filters, 3, input_shape, filter_shape, border_mode, subsample, filter_flip,
                     filter_dilation, num_groups)


def conv2d_grad_wrt_inputs(output_grad, filters, input_shape, filter_shape=None, border_mode="valid",
                           subsample=(1, 1), filter_flip=True, filter_dilation=(1, 1), num_groups=1,
                           unshared=False):
    """abstract_conv.conv2d_grad_wrt_inputs: the transposed convolution producing an input_shape image."""
    filters, output_grad = as_tensor_variable(filters), as_tensor_variable(output_grad)
    border_mode, subsample, dilation, num_groups = normalize_params(
        2, border_mode, subsample, filter_dilation, num_groups, unshared)
    imshp = _static_shape(input_shape, 4, "input_shape")
    if imshp[2] is None or imshp[3] is None:
        raise ValueError("input_shape[2] must be a symbolic variable, a constant or None.")
    want = 6 if unshared else 4
    if filters.ndim != want:
        raise TypeError(f"kern must be {want}D tensor" + (" for unshared convolution" if unshared else ""))
    if output_grad.ndim != 4:
        raise TypeError("topgrad must be 4D tensor")
    _static_shape(filter_shape, want, "filter_shape")
    return AbstractConv2d_gradInputs(input_shape, filter_shape, border_mode, subsample, filter_flip, dilation,
                                     num_groups, unshared)(filters, output_grad, imshp[2:])


# The legacy interfaces (nnet.conv.conv2d's ConvOp, nnet.conv3d2d) live in conv_legacy; one import path here.
from .conv_legacy import (conv3d2d_conv3d, conv3d2d_lower, conv3d2d_op, conv_legacy_conv2d,  # noqa: E402
                          legacy_conv2d_lower, legacy_conv_op)
