"""The legacy convolution interfaces: theano.tensor.nnet.conv.conv2d (Theano's old ConvOp, 'valid' and
'full' only, with its gradient refusals) and theano.tensor.nnet.conv3d2d.conv3d, both lowered through the
abstract convolution in ops/conv.py."""
import numpy as np

from ..graph.ops import Primitive, TheanoOp
from ..graph.types import TensorType
from .conv import conv_lower, conv_output_shape
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


ATTRNAMES = ("imshp", "kshp", "nkern", "bsize", "dx", "dy", "out_mode", "unroll_batch", "unroll_kern", "unroll_patch",
             "imshp_logical", "kshp_logical", "kshp_logical_top_aligned")


class ConvOp(TheanoOp):
    """Theano's legacy ConvOp (nnet.conv.conv2d makes it): ConvOp(imshp, kshp, nkern, bsize, dx, dy, output_mode)
    called on (img, kern); the shapes given are checked against the run-time ones, as Theano's perform does."""

    @classmethod
    def from_props(cls, imshp=None, kshp=None, nkern=None, bsize=None, dx=1, dy=1, output_mode="valid",
                   unroll_batch=None, unroll_kern=None, unroll_patch=None, imshp_logical=None, kshp_logical=None,
                   kshp_logical_top_aligned=True, verbose=0, version=-1, direction_hint="forward", openmp=None):
        imshp = (None, None, None) if imshp is None else tuple(imshp)
        kshp = (None, None) if kshp is None else tuple(kshp)
        if len(imshp) == 2:
            imshp = (1,) + imshp
        elif len(imshp) != 3:
            raise ValueError("len(imshp) must be 2 or 3, got %d" % len(imshp))
        if len(kshp) != 2:
            raise ValueError("len(kshp) must be 2, got %d" % len(kshp))
        for name, d in (("dx", dx), ("dy", dy)):
            if not isinstance(d, (int, np.integer)):
                raise TypeError("ConvOp.__init__ param %s must be an int" % name, d)
        if output_mode not in ("valid", "full"):
            raise Exception("Mode %s not implemented" % str(output_mode))
        # Theano picks its C code's unrolling from the shapes; the printed defaults are those of the
        # shape-less case, which is what it shows for the usual calls (one compiled step here either way).
        op = legacy_conv_op.with_props(
            imshp=imshp, kshp=kshp, nkern=nkern, bsize=bsize, dx=int(dx), dy=int(dy), out_mode=output_mode,
            unroll_batch=unroll_batch, unroll_kern=unroll_kern, unroll_patch=True if unroll_patch is None else
            unroll_patch, imshp_logical=imshp if imshp_logical is None else tuple(imshp_logical),
            kshp_logical=kshp if kshp_logical is None else tuple(kshp_logical),
            kshp_logical_top_aligned=kshp_logical_top_aligned)
        op.__props__ = ()  # Theano's ConvOp compares its attributes itself and declares no __props__
        return op

    def make_node(self, inputs, kerns, **params):
        if params or not self.props:
            return super().make_node(inputs, kerns, **params)
        img, kern = as_tensor_variable(inputs), as_tensor_variable(kerns)
        if img.ndim != 4:
            raise TypeError(f'ConvOp (make_node) requires input be a 4D tensor; received "{inputs}" ({img.ndim} '
                            'dims)')
        if kern.ndim != 4:
            raise TypeError("make_node requires 4D tensor of kernels")
        if img.dtype != kern.dtype:
            raise NotImplementedError(f"The image and the kernel must have the same type.inputs({img.dtype}), "
                                      f"kerns({kern.dtype})")
        return super().make_node(img, kern, border_mode=self.out_mode, subsample=(self.dx, self.dy),
                                 image_shape=(self.bsize,) + self.imshp,
                                 filter_shape=(self.nkern, self.imshp[0]) + self.kshp)

    def __str__(self):
        if not self.props:
            return "ConvOp"
        return "ConvOp{" + ",".join(str((a, getattr(self, a))) for a in ATTRNAMES) + "}"


def _legacy_infer(img, kern, border_mode, subsample, image_shape, filter_shape):
    out = [None, None]
    if image_shape and filter_shape and None not in (tuple(image_shape[2:]) + tuple(filter_shape[2:])):
        out = conv_output_shape(image_shape, filter_shape, border_mode, subsample, (1, 1))[2:]
    return [TensorType(img.dtype, (img.broadcastable[0], kern.broadcastable[0], out[0] == 1, out[1] == 1))]


def _check_run_shapes(img, kern, image_shape, filter_shape):
    """ConvOp.perform's checks of the shapes given at build time against the run-time ones."""
    def given(shape, actual):
        return actual if any(x is None for x in shape) else tuple(shape)
    if given(image_shape[1:], img.shape[1:]) != tuple(img.shape[1:]):
        raise ValueError("The image shape provided at build time is different from the one passed at run time",
                         tuple(image_shape[1:]), tuple(img.shape[1:]))
    if given(filter_shape[2:], kern.shape[2:]) != tuple(kern.shape[2:]):
        raise ValueError("The filter shape provided at build time is different from the one passed at run time",
                         tuple(filter_shape[2:]), tuple(kern.shape[2:]))
    if image_shape[0] is not None and image_shape[0] != img.shape[0]:
        raise ValueError("The batch size provided at build time is different from the one passed at run time",
                         image_shape[0], img.shape[0])
    if filter_shape[0] is not None and filter_shape[0] != kern.shape[0]:
        raise ValueError("The number of filters provided at build time is different from the one passed at run "
                         "time", filter_shape[0], kern.shape[0])


def _legacy_lower(img, kern, border_mode, subsample, image_shape, filter_shape):
    _check_run_shapes(img, kern, image_shape or (None,) * 4, filter_shape or (None,) * 4)
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


conv3d2d_op = Primitive("conv3d2d", lambda s, f, border_mode: [TensorType(s.dtype, (s.broadcastable[0], False,
                                                                              f.broadcastable[0], False, False))],
                 lambda s, f, border_mode: conv3d2d_lower(s, f, border_mode), describe=lambda node: "conv3d2d")
legacy_conv_op = ConvOp.record("ConvOp", _legacy_infer, _legacy_lower, grad=_legacy_grad,
                               describe=lambda node: str(node.op))


def _shape_hint(shape, what):
    """Theano's conv2d: each given entry must be a constant integer (NotScalarConstantError otherwise)."""
    if shape is None:
        return None
    from .basic import NotScalarConstantError, get_scalar_constant_value
    out = []
    for s in shape:
        if s is None:
            out.append(None)
            continue
        try:
            value = get_scalar_constant_value(as_tensor_variable(s))
        except NotScalarConstantError:
            raise NotScalarConstantError("The convolution need that the shape information are constant values. "
                                         f"We got {s} for the {what} parameter") from None
        assert value.dtype.kind in "iu"
        out.append(int(value))
    return out


def conv_legacy_conv2d(input, filters, image_shape=None, filter_shape=None, border_mode="valid",
                       subsample=(1, 1), **kargs):
    """theano.tensor.nnet.conv.conv2d, the deprecated ConvOp interface ('valid' / 'full')."""
    import warnings
    warnings.warn("theano.tensor.nnet.conv.conv2d is deprecated. Use theano.tensor.nnet.conv2d instead.")
    image_shape = _shape_hint(image_shape, "image_shape")
    filter_shape = _shape_hint(filter_shape, "filter_shape")
    if image_shape and filter_shape and image_shape[1] is not None and filter_shape[1] is not None:
        assert image_shape[1] == filter_shape[1]
    nkern, kshp = (filter_shape[0], filter_shape[2:]) if filter_shape is not None else (None, None)
    bsize, imshp = (image_shape[0], image_shape[1:]) if image_shape is not None else (None, None)
    return ConvOp(output_mode=border_mode, dx=subsample[0], dy=subsample[1], imshp=imshp, kshp=kshp, nkern=nkern,
                  bsize=bsize, **kargs)(input, filters)


def conv3d2d_conv3d(signals, filters, signals_shape=None, filters_shape=None, border_mode="valid"):
    """theano.tensor.nnet.conv3d2d.conv3d (Theano builds it from conv2d + a diagonal sum; one op here)."""
    signals, filters = as_tensor_variable(signals), as_tensor_variable(filters)
    if isinstance(border_mode, str):
        border_mode = (border_mode,) * 3
    _conv3d2d_pads(border_mode, (1, 1, 1))  # Theano's checks, at graph-build time
    return conv3d2d_op(signals, filters, border_mode=tuple(border_mode))
