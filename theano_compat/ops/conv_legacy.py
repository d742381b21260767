"""The legacy convolution interfaces: theano.tensor.nnet.conv.conv2d (Theano's old ConvOp, 'valid' and
'full' only, with its gradient refusals) and theano.tensor.nnet.conv3d2d.conv3d, both lowered through the
abstract convolution in ops/conv.py."""
from ..graph.ops import Primitive
from ..graph.types import TensorType
from .conv import _static_shape, conv_lower, conv_output_shape
from ..graph.constants import as_tensor_variable


def legacy_conv2d_lower(img, kern, border_mode="valid", subsample=(1, 1)):
    """The old theano.tensor.nnet.conv.conv2d (ConvOp): a true 2D convolution, 'valid' or 'full' only."""
    if border_mode not in ("valid", "full"):
        raise Exception(f"Mode {border_mode} not implemented")  # ConvOp's own (bare Exception) error
    return conv_lower(img, kern, border_mode, subsample)


def _conv3d2d_pads(border_mode, kshp):
    """conv3d2d's border handling: time from border_mode[0], rows AND cols from border_mode[1]."""
    if isinstance(border_mode, str):
        border_mode = (border_mode,) * 3
    if border_mode[1] != border_mode[2]:
        raise NotImplementedError("height and width bordermodes must match")
    for mode in border_mode[:2]:
        if mode not in ("valid", "full", "half"):  # Theano's inner conv2d call is what complains
            raise ValueError(f"invalid border_mode {mode}, which must be either \"valid\", \"full\", \"half\", "
                             "an integer or a tuple of length 2")
    pad = {"valid": lambda k: 0, "full": lambda k: k - 1, "half": lambda k: k // 2}
    t, h, w = kshp
    return (pad[border_mode[0]](t), pad[border_mode[1]](h), pad[border_mode[1]](w))


def conv3d2d_lower(signals, filters, border_mode="valid"):
    """theano.tensor.nnet.conv3d2d.conv3d: (batch, time, channel, row, col) signals, (out, time, channel,
    row, col) filters, filters flipped in all three axes; output (batch, time, out, row, col)."""
    pads = _conv3d2d_pads(border_mode, (filters.shape[1], filters.shape[3], filters.shape[4]))
    out = conv_lower(signals.transpose(0, 2, 1, 3, 4), filters.transpose(0, 2, 1, 3, 4), pads)
    return out.transpose(0, 2, 1, 3, 4)


def _legacy_infer(img, kern, border_mode, subsample, image_shape, filter_shape):
    out = [None, None]
    if image_shape and filter_shape and None not in (tuple(image_shape[2:]) + tuple(filter_shape[2:])):
        out = conv_output_shape(image_shape, filter_shape, border_mode, subsample, (1, 1))[2:]
    return [TensorType(img.dtype, (img.broadcastable[0], kern.broadcastable[0], out[0] == 1, out[1] == 1))]


def _legacy_lower(img, kern, border_mode, subsample, image_shape, filter_shape):
    return legacy_conv2d_lower(img, kern, border_mode, subsample)


def _legacy_grad(inputs, outputs, output_grads, border_mode, subsample, image_shape, filter_shape):
    """ConvOp.grad refuses some cases (Theano 1.0.5's checks, in its order); the rest is the vjp."""
    from ..compile.gradient import vjp_grad
    if border_mode == "valid" and tuple(subsample) != (1, 1):
        raise NotImplementedError("ERROR: ConvOp.grad is now disabled for 'valid' convolutions with stride != "
                                  "(1, 1); call theano.tensor.nnet.conv2d() instead.")
    if any(s not in (1, 2) for s in subsample):
        raise NotImplementedError("ERROR: We disable ConvOp.grad now when output_mode is not 'valid' and dx or "
                                  "dy are greater than 2, as there is a bug in it. See `abstract_conv2d <>`_ for "
                                  "a version that support this.")
    all_shape = all(s is not None for s in tuple(image_shape or (None,)) + tuple(filter_shape or (None,)))
    if not all_shape and tuple(subsample) != (1, 1):
        raise Exception("ConvOp.grad when dx!=1 or dy!=1 we must have all the optional shape information")
    return vjp_grad(inputs, outputs, output_grads, border_mode=border_mode, subsample=subsample,
                    image_shape=image_shape, filter_shape=filter_shape)


def _legacy_describe(node):
    p = node.params
    imshp, kshp = p["image_shape"] or (None,) * 4, p["filter_shape"] or (None,) * 4
    return (f"ConvOp{{('imshp', {tuple(imshp[1:])}),('kshp', {tuple(kshp[2:])}),('nkern', {kshp[0]}),"
            f"('bsize', {imshp[0]}),('dx', {p['subsample'][0]}),('dy', {p['subsample'][1]}),"
            f"('out_mode', {p['border_mode']!r}),('unroll_batch', None),('unroll_kern', None),"
            f"('unroll_patch', True),('imshp_logical', {tuple(imshp[1:])}),('kshp_logical', {tuple(kshp[2:])}),"
            f"('kshp_logical_top_aligned', True)}}")  # Theano's unroll_* vary when shapes are given


conv3d2d_op = Primitive("conv3d2d", lambda s, f, border_mode: [TensorType(s.dtype, (s.broadcastable[0], False,
                                                                              f.broadcastable[0], False, False))],
                 lambda s, f, border_mode: conv3d2d_lower(s, f, border_mode), describe=lambda node: "conv3d2d")
legacy_conv_op = Primitive("ConvOp", _legacy_infer, _legacy_lower, grad=_legacy_grad, describe=_legacy_describe)


def conv_legacy_conv2d(input, filters, image_shape=None, filter_shape=None, border_mode="valid",
                       subsample=(1, 1), **kargs):
    """theano.tensor.nnet.conv.conv2d, the deprecated ConvOp interface ('valid' / 'full')."""
    import warnings
    warnings.warn("theano.tensor.nnet.conv.conv2d is deprecated. Use theano.tensor.nnet.conv2d instead.")
    image_shape = _static_shape(image_shape, 4, "image_shape")
    filter_shape = _static_shape(filter_shape, 4, "filter_shape")
    if border_mode not in ("valid", "full"):
        raise Exception(f"Mode {border_mode} not implemented")
    img, kern = as_tensor_variable(input), as_tensor_variable(filters)
    if img.ndim != 4:
        raise TypeError(f'ConvOp (make_node) requires input be a 4D tensor; received "{input}" ({img.ndim} dims)')
    if kern.ndim != 4:
        raise TypeError("make_node requires 4D tensor of kernels")
    if img.dtype != kern.dtype:
        raise NotImplementedError(f"The image and the kernel must have the same type.inputs({img.dtype}), "
                                  f"kerns({kern.dtype})")
    return legacy_conv_op(img, kern, border_mode=border_mode, subsample=tuple(int(s) for s in subsample),
                          image_shape=image_shape, filter_shape=filter_shape)


def conv3d2d_conv3d(signals, filters, signals_shape=None, filters_shape=None, border_mode="valid"):
    """theano.tensor.nnet.conv3d2d.conv3d (Theano builds it from conv2d + a diagonal sum; one op here)."""
    signals, filters = as_tensor_variable(signals), as_tensor_variable(filters)
    if isinstance(border_mode, str):
        border_mode = (border_mode,) * 3
    _conv3d2d_pads(border_mode, (1, 1, 1))  # Theano's checks, at graph-build time
    return conv3d2d_op(signals, filters, border_mode=tuple(border_mode))
