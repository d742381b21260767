"""theano.tensor.signal.conv: conv2d of single images or stacks of images (2D or 3D) with one filter or a
stack of filters (2D or 3D), Theano's wrapper of the legacy nnet.conv ConvOp."""
import warnings

from ...config import config


def conv2d(input, filters, image_shape=None, filter_shape=None, border_mode="valid", subsample=(1, 1), **kargs):
    """A basic 2D convolution: (images, filters, rows, cols) for 3D inputs, fewer dimensions for 2D ones."""
    from ... import tensor
    from ...ops.conv_legacy import ConvOp
    assert input.ndim in (2, 3)
    assert filters.ndim in (2, 3)
    sym_bsize = input.shape[0] if input.ndim == 3 else 1
    sym_nkern = filters.shape[0] if filters.ndim == 3 else 1
    input4d = tensor.reshape(input, tensor.join(0, tensor.stack([sym_bsize, 1]), input.shape[-2:]), ndim=4)
    filters4d = tensor.reshape(filters, tensor.join(0, tensor.stack([sym_nkern, 1]), filters.shape[-2:]), ndim=4)
    if border_mode not in ("valid", "full"):
        raise Exception("Mode %s not implemented" % border_mode)
    # Theano builds its ConvOp directly here (no deprecation warning); shape hints only tune its C code.
    output = ConvOp(output_mode=border_mode, dx=int(subsample[0]), dy=int(subsample[1]))(input4d, filters4d)
    if input.ndim == 2 and filters.ndim == 2:
        if config.warn.signal_conv2d_interface:
            warnings.warn("theano.tensor.signal.conv2d() now outputs a 2d tensor when both inputs are 2d. To "
                          "disable this warning, set the Theano flag warn.signal_conv2d_interface to False",
                          stacklevel=3)
        return tensor.flatten(output.T, ndim=2).T
    if input.ndim == 2 or filters.ndim == 2:
        return tensor.flatten(output.T, ndim=3).T
    return output
