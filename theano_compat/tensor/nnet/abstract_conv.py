"""theano.tensor.nnet.abstract_conv: the convolution interface (conv2d/3d, their input and weight gradients,
causal and separable convolutions, bilinear upsampling) and Theano's convolution shape arithmetic."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from math import gcd

import numpy as np

from ...config import config
from ...graph.nodes import Apply  # noqa: F401
from ...ops.basic import NotScalarConstantError, get_scalar_constant_value, patternbroadcast  # noqa: F401
from ...ops.conv import abstract_conv2d as conv2d, conv2d_grad_wrt_inputs, conv3d
from ...ops.conv_classes import (AbstractConv, AbstractConv2d, AbstractConv2d_gradInputs,  # noqa: F401
                                  AbstractConv2d_gradWeights, AbstractConv3d, AbstractConv3d_gradInputs,
                                  AbstractConv3d_gradWeights, AbstractConv_gradInputs, AbstractConv_gradWeights,
                                  BaseAbstractConv)
from ...ops.conv_grads import grad_wrt_weights, upsampling_op
from ..basic import as_tensor_variable
from ..opt import Assert

imported_scipy_signal = False  # Theano's flag (its scipy.signal import failed where it was recorded)
xrange = range


# --- shape arithmetic (plain Python on ints or symbolic scalars, None for unknown) ---

def get_conv_output_shape(image_shape, kernel_shape, border_mode, subsample, filter_dilation=None):
    """The output shape of a convolution (None where an input dimension is None)."""
    bsize, imshp = image_shape[0], image_shape[2:]
    convdim = len(image_shape) - 2
    nkern, kshp = kernel_shape[0], kernel_shape[-convdim:]
    if filter_dilation is None:
        filter_dilation = np.ones(len(subsample), dtype="int")
    modes = border_mode if isinstance(border_mode, tuple) else (border_mode,) * len(subsample)
    return (bsize, nkern) + tuple(get_conv_shape_1axis(imshp[i], kshp[i], modes[i], subsample[i], filter_dilation[i])
                                  for i in range(len(subsample)))


def _pads(border_mode, dil_kernel_shape):
    if border_mode == "half":
        return dil_kernel_shape // 2, dil_kernel_shape // 2
    if border_mode == "full":
        return dil_kernel_shape - 1, dil_kernel_shape - 1
    if border_mode == "valid":
        return 0, 0
    pad_l, pad_r = border_mode if isinstance(border_mode, tuple) else (border_mode, border_mode)
    if pad_l < 0 or pad_r < 0:
        raise ValueError("border_mode must be >= 0")
    return pad_l, pad_r


def get_conv_shape_1axis(image_shape, kernel_shape, border_mode, subsample, dilation=1):
    """The output length of a convolution along one axis."""
    if None in [image_shape, kernel_shape, border_mode, subsample, dilation]:
        return None
    dil_kernel_shape = (kernel_shape - 1) * dilation + 1
    pad_l, pad_r = _pads(border_mode, dil_kernel_shape)
    out_shp = image_shape - dil_kernel_shape
    if pad_l != 0:
        out_shp += pad_l
    if pad_r != 0:
        out_shp += pad_r
    if subsample != 1:
        out_shp = out_shp // subsample
    return out_shp + 1


def get_conv_gradweights_shape(image_shape, top_shape, border_mode, subsample, filter_dilation=None, num_groups=1,
                               unshared=False):
    """The filter shape from the image and output shapes (None where it cannot be told)."""
    nkern, imshp = image_shape[1], image_shape[2:]
    nchan, topshp = top_shape[1], top_shape[2:]
    if filter_dilation is None:
        filter_dilation = np.ones(len(subsample), dtype="int")
    if num_groups > 1:
        nchan = nchan // num_groups
    modes = border_mode if isinstance(border_mode, tuple) else (border_mode,) * len(subsample)
    out_shp = tuple(get_conv_gradweights_shape_1axis(imshp[i], topshp[i], modes[i], subsample[i],
                                                     filter_dilation[i]) for i in range(len(subsample)))
    if unshared:
        return (nchan,) + tuple(top_shape[2:]) + (nkern,) + out_shp
    return (nchan, nkern) + out_shp


def get_conv_gradweights_shape_1axis(image_shape, top_shape, border_mode, subsample, dilation):
    """The filter length along one axis (None with a subsample or 'half', which lose it)."""
    if None in [image_shape, top_shape, border_mode, subsample, dilation]:
        return None
    if subsample != 1 or border_mode == "half":
        return None
    if border_mode == "full":
        kernel_shape = top_shape - image_shape
    elif border_mode == "valid":
        kernel_shape = image_shape - top_shape
    else:
        pad_l, pad_r = _pads(border_mode, 0)
        kernel_shape = image_shape + pad_l + pad_r - top_shape
    if dilation > 1:
        kernel_shape = kernel_shape / dilation
    return kernel_shape + 1


def get_conv_gradinputs_shape(kernel_shape, top_shape, border_mode, subsample, filter_dilation=None, num_groups=1):
    """The image shape from the filter and output shapes (None where it cannot be told)."""
    bsize, topshp = top_shape[0], top_shape[2:]
    convdim = len(top_shape) - 2
    nkern, kshp = kernel_shape[1], kernel_shape[-convdim:]
    if filter_dilation is None:
        filter_dilation = np.ones(len(subsample), dtype="int")
    if num_groups > 1:
        nkern = nkern * num_groups
    modes = border_mode if isinstance(border_mode, tuple) else (border_mode,) * len(subsample)
    return (bsize, nkern) + tuple(get_conv_gradinputs_shape_1axis(kshp[i], topshp[i], modes[i], subsample[i],
                                                                  filter_dilation[i]) for i in range(len(subsample)))


def get_conv_gradinputs_shape_1axis(kernel_shape, top_shape, border_mode, subsample, dilation):
    """The image length along one axis (None with a subsample, which loses it)."""
    if None in [kernel_shape, top_shape, border_mode, subsample, dilation]:
        return None
    if subsample != 1:
        return None
    dil_kernel_shape = (kernel_shape - 1) * dilation + 1
    pad_l, pad_r = _pads(border_mode, dil_kernel_shape)
    image_shape = top_shape + dil_kernel_shape - 1
    if pad_l > 0:
        image_shape -= pad_l
    if pad_r > 0:
        image_shape -= pad_r
    return image_shape


def check_conv_gradinputs_shape(image_shape, kernel_shape, output_shape, border_mode, subsample,
                                filter_dilation=None):
    """Whether the three shapes agree (unknown or symbolic dimensions agree with anything)."""
    image_shape, kernel_shape, output_shape = tuple(image_shape), tuple(kernel_shape), tuple(output_shape)
    if len(image_shape) != len(kernel_shape) or len(image_shape) != len(output_shape):
        return False
    if len(image_shape) - 2 != len(subsample):
        return False
    if filter_dilation is not None and len(image_shape) - 2 != len(filter_dilation):
        return False
    computed = get_conv_output_shape(image_shape, kernel_shape, border_mode, subsample, filter_dilation)

    def check_dim(given, computed):
        if given is None or computed is None:
            return True
        try:
            return int(get_scalar_constant_value(given)) == int(get_scalar_constant_value(computed))
        except NotScalarConstantError:
            return True
    return all(check_dim(g, c) for g, c in zip(output_shape, computed))


def assert_conv_shape(shape):
    """The shape, with a run-time check for each symbolic dimension (ValueError now for constant ones)."""
    from ...tensor import ge, gt
    out_shape = []
    for i, n in enumerate(shape):
        try:
            const_n = get_scalar_constant_value(n)
            if i < 2 and const_n < 0:
                raise ValueError("The convolution would produce an invalid shape (dim[%d]: %d < 0)." % (i, const_n))
            if i >= 2 and const_n <= 0:
                raise ValueError("The convolution would produce an invalid shape (dim[%d]: %d <= 0)." % (i, const_n))
            out_shape.append(n)
        except NotScalarConstantError:
            if i < 2:
                out_shape.append(Assert("The convolution would produce an invalid shape (dim[%d] < 0)." % i)(
                    n, ge(n, 0)))
            else:
                out_shape.append(Assert("The convolution would produce an invalid shape (dim[%d] <= 0)." % i)(
                    n, gt(n, 0)))
    return tuple(out_shape)


def assert_shape(x, expected_shape, msg="Unexpected shape."):
    """x, checked at run time to have expected_shape (None: any), when config.conv.assert_shape is on."""
    from ...tensor import eq
    if expected_shape is None or not config.conv.assert_shape:
        return x
    tests = [eq(x.shape[i], expected_shape[i]) for i in range(x.ndim) if expected_shape[i] is not None]
    return Assert(msg)(x, *tests) if tests else x


def border_mode_to_pad(mode, convdim, kshp):
    """((lo, hi), ...) zero padding per spatial dimension for a border_mode."""
    if isinstance(mode, tuple):
        if len(mode) != convdim:
            raise ValueError("invalid border_mode {} which must be a tuple of length {}".format(mode, convdim))
        border = ()
        for m in mode:
            if isinstance(m, integer_types) and m >= 0:
                border += ((m, m),)
            elif isinstance(m, tuple) and min(m) >= 0 and all(isinstance(b, integer_types) for b in m):
                if len(m) != 2:
                    raise NotImplementedError("Asymmetric padding not implemented for {}d".format(len(m)))
                border += ((m[0], m[1]),)
            else:
                raise ValueError("invalid border mode {}. The tuple can only contain integers or tuples of "
                                 "length 2".format(mode))
        return border
    if mode == "full":
        return tuple((kshp[i] - 1,) * 2 for i in range(convdim))
    if mode == "half":
        return tuple((kshp[i] // 2,) * 2 for i in range(convdim))
    if mode == "valid":
        return ((0, 0),) * convdim
    raise ValueError('invalid border_mode {}, which must be either "valid", "full", "half", an integer or a tuple '
                     "of length {}".format(mode, convdim))


# --- convolutions built from the abstract ones ---

def conv2d_grad_wrt_weights(input, output_grad, filter_shape, input_shape=None, border_mode="valid",
                            subsample=(1, 1), filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
    """The gradient of conv2d(input, W) with respect to W (of filter_shape), given the output's gradient."""
    return grad_wrt_weights(input, output_grad, filter_shape, 2, border_mode, subsample, filter_flip,
                            filter_dilation, num_groups, unshared, input_shape)


def conv3d_grad_wrt_weights(input, output_grad, filter_shape, input_shape=None, border_mode="valid",
                            subsample=(1, 1, 1), filter_flip=True, filter_dilation=(1, 1, 1), num_groups=1):
    """The gradient of conv3d(input, W) with respect to W (of filter_shape), given the output's gradient."""
    return grad_wrt_weights(input, output_grad, filter_shape, 3, border_mode, subsample, filter_flip,
                            filter_dilation, num_groups, input_shape=input_shape)


def conv3d_grad_wrt_inputs(output_grad, filters, input_shape, filter_shape=None, border_mode="valid",
                           subsample=(1, 1, 1), filter_flip=True, filter_dilation=(1, 1, 1), num_groups=1):
    """The gradient of conv3d(x, filters) with respect to x (of input_shape): the transposed convolution."""
    from ...ops.conv import _static_shape
    from ...ops.conv_classes import AbstractConv3d_gradInputs
    filters, output_grad = as_tensor_variable(filters), as_tensor_variable(output_grad)
    imshp = _static_shape(input_shape, 5, "input_shape")
    _static_shape(filter_shape, 5, "filter_shape")
    return AbstractConv3d_gradInputs(input_shape, filter_shape, border_mode, subsample, filter_flip,
                                     filter_dilation, num_groups)(filters, output_grad, imshp[2:])


def causal_conv1d(input, filters, filter_shape, input_shape=None, subsample=1, filter_flip=True, filter_dilation=1,
                  num_groups=1, unshared=False):
    """A 1D convolution of (batch, channels, time) inputs in which each output sees only the past."""
    input, filters = as_tensor_variable(input), as_tensor_variable(filters)
    if input.ndim != 3:
        raise ValueError("Input should be 3D for causal convolution.")
    if filters.ndim != 3:
        raise ValueError("Filters should be 3D for causal convolution")
    input, filters = input.dimshuffle(0, 1, 2, "x"), filters.dimshuffle(0, 1, 2, "x")
    if input_shape is not None:
        assert len(input_shape) == 3
        input_shape = tuple(input_shape) + (1,)
    assert len(filter_shape) == 3
    filter_shape = tuple(filter_shape) + (1,)
    left_pad = filter_dilation * (filter_shape[2] - 1)
    output = conv2d(input, filters, input_shape, filter_shape, border_mode=((left_pad, 0), 0),
                    subsample=(subsample, 1), filter_flip=filter_flip, filter_dilation=(filter_dilation, 1),
                    num_groups=num_groups, unshared=unshared)
    return output[:, :, :, 0]


def separable_conv2d(input, depthwise_filters, pointwise_filters, num_channels, input_shape=None,
                     depthwise_filter_shape=None, pointwise_filter_shape=None, border_mode="valid", subsample=(1, 1),
                     filter_flip=True, filter_dilation=(1, 1)):
    """A depthwise convolution (one group per input channel) followed by a 1x1 pointwise one."""
    depthwise = conv2d(input, depthwise_filters, input_shape, depthwise_filter_shape, border_mode, subsample,
                       filter_flip, filter_dilation, num_groups=num_channels)
    shape = None if input_shape is None or depthwise_filter_shape is None else get_conv_output_shape(
        input_shape, depthwise_filter_shape, border_mode, subsample, filter_dilation)
    return conv2d(depthwise, pointwise_filters, shape, pointwise_filter_shape, "valid", (1, 1), filter_flip, (1, 1))


def separable_conv3d(input, depthwise_filters, pointwise_filters, num_channels, input_shape=None,
                     depthwise_filter_shape=None, pointwise_filter_shape=None, border_mode="valid",
                     subsample=(1, 1, 1), filter_flip=True, filter_dilation=(1, 1, 1)):
    """separable_conv2d in 3D."""
    depthwise = conv3d(input, depthwise_filters, input_shape, depthwise_filter_shape, border_mode, subsample,
                       filter_flip, filter_dilation, num_groups=num_channels)
    shape = None if input_shape is None or depthwise_filter_shape is None else get_conv_output_shape(
        input_shape, depthwise_filter_shape, border_mode, subsample, filter_dilation)
    return conv3d(depthwise, pointwise_filters, shape, pointwise_filter_shape, "valid", (1, 1, 1), filter_flip,
                  (1, 1, 1))


# --- bilinear upsampling ---

def bilinear_kernel_1D(ratio, normalize=True):
    """The 1D bilinear kernel for upsampling by ratio: 1..ratio..1 (over ratio when normalized)."""
    from ...tensor import arange, cast, concatenate
    half_kern = arange(1, ratio + 1, dtype=config.floatX)
    kern = concatenate([half_kern, half_kern[-2::-1]])
    if normalize:
        kern /= cast(ratio, config.floatX)
    return kern


def bilinear_kernel_2D(ratio, normalize=True):
    """The 2D bilinear kernel: the outer product of the vertical and horizontal 1D kernels."""
    ratio_v, ratio_h = ratio if isinstance(ratio, tuple) else (ratio, ratio)
    hkern = bilinear_kernel_1D(ratio=ratio_h, normalize=normalize).dimshuffle("x", 0)
    vkern = bilinear_kernel_1D(ratio=ratio_v, normalize=normalize).dimshuffle(0, "x")
    return hkern * vkern


def frac_bilinear_upsampling(input, frac_ratio):
    """Bilinear upsampling by a fraction p/q (or a pair of fractions, rows and columns)."""
    from ... import tensor as T
    row, col = input.shape[2], input.shape[3]
    up_input = input.reshape((-1, 1, row, col))
    if not isinstance(frac_ratio, tuple):
        raise ValueError("frac_ratio must be a tuple")
    if isinstance(frac_ratio[0], tuple):
        frac_ratio = tuple(tuple(np.array(fr) // gcd(*fr)) for fr in frac_ratio)
        ratio = (frac_ratio[0][0], frac_ratio[1][0])
        subsample = (frac_ratio[0][1], frac_ratio[1][1])
    else:
        frac_ratio = tuple(np.array(frac_ratio) // gcd(*frac_ratio))
        ratio, subsample = (frac_ratio[0], frac_ratio[0]), (frac_ratio[1], frac_ratio[1])
    concat_mat = T.concatenate((up_input[:, :, :1, :], up_input, up_input[:, :, -1:, :]), axis=2)
    concat_mat = T.concatenate((concat_mat[:, :, :, :1], concat_mat, concat_mat[:, :, :, -1:]), axis=3)
    double_pad = (2 * T.as_tensor([row, col]) - 1) * np.array(ratio) + 1
    pad = double_pad // 2
    kern = bilinear_kernel_2D(ratio=ratio)[np.newaxis, np.newaxis, :, :].astype(config.floatX)
    kshape = [kern.shape[k] for k in range(4)]
    pad_kern = T.concatenate((T.zeros(tuple(kshape[:2]) + (pad[0], kshape[-1]), dtype=config.floatX), kern,
                              T.zeros(tuple(kshape[:2]) + (double_pad[0] - pad[0], kshape[-1]), dtype=config.floatX)),
                             axis=2)
    pshape = [pad_kern.shape[k] for k in range(4)]
    pad_kern = T.concatenate((T.zeros(tuple(pshape[:3]) + (pad[1],), dtype=config.floatX), pad_kern,
                              T.zeros(tuple(pshape[:3]) + (double_pad[1] - pad[1],), dtype=config.floatX)), axis=3)
    upsamp = T.nnet.conv2d(pad_kern, concat_mat, border_mode="valid", filter_dilation=ratio, subsample=subsample)
    return upsamp.reshape((input.shape[0], input.shape[1], upsamp.shape[2], upsamp.shape[3]))


def bilinear_upsampling(input, ratio=None, frac_ratio=None, batch_size=None, num_input_channels=None,
                        use_1D_kernel=True):
    """input (batch, channels, rows, cols) upsampled by an integer ratio (or frac_ratio) with bilinear
    interpolation, the borders repeated: Theano's transposed convolutions."""
    if ratio and frac_ratio:
        raise ValueError("can't use ratio and frac_ratio together")
    if not (ratio or frac_ratio):
        raise ValueError("No ratio (or frac_ratio) provided")
    if frac_ratio:
        if use_1D_kernel:
            raise ValueError("For fractional ratios 1D kernel method not implemented. You may want to pass "
                             "use_1D_kernel as False")
        return frac_bilinear_upsampling(input, frac_ratio=frac_ratio)
    input = as_tensor_variable(input)
    kern = bilinear_kernel_1D(ratio, normalize=True) if use_1D_kernel else bilinear_kernel_2D(ratio, normalize=True)
    return upsampling_op(input, kern, ratio=int(ratio), use_1d=bool(use_1D_kernel))


__all__ = ["conv2d", "conv3d", "conv2d_grad_wrt_inputs", "conv2d_grad_wrt_weights", "conv3d_grad_wrt_inputs",
           "conv3d_grad_wrt_weights", "get_conv_output_shape", "get_conv_shape_1axis", "bilinear_upsampling",
           "bilinear_kernel_1D", "bilinear_kernel_2D", "causal_conv1d", "separable_conv2d", "assert_shape"]

from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
