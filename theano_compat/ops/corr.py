"""Theano's CorrMM and Corr3dMM op classes (nnet.corr, nnet.corr3d): correlation, i.e. the abstract convolution
without the filter flip, and its input and weight gradients. Theano's optimizer put them in compiled graphs
(C/BLAS code); here they are ops of their own, built from Theano's constructor and lowered through the same
array functions as AbstractConv (ops/conv.py). The gradient ops take the spatial shape of their result as
scalar inputs (read before the step), or compute it when it can be told (Theano's C code does the same).
"""
import numpy as np

from ..graph.ops import TheanoOp
from ..graph.types import TensorType
from .conv import border_pads, conv_grad_inputs_lower, conv_lower
from .conv_classes import like
from .conv_grads import grad_weights_lower

PROPS = ("border_mode", "subsample", "filter_dilation", "num_groups", "unshared")


def _corr_border_mode(border_mode, convdim):
    """Theano's BaseCorrMM / BaseCorr3dMM border_mode: pairs per axis in 2D, ints per axis in 3D."""
    if isinstance(border_mode, (int, np.integer)) and not isinstance(border_mode, bool):
        if border_mode < 0:
            raise ValueError(f"invalid border_mode {border_mode}, which must be a non-negative integer")
        return ((int(border_mode),) * 2,) * 2 if convdim == 2 else (int(border_mode),) * 3
    if isinstance(border_mode, tuple):
        if convdim == 3:
            if len(border_mode) != 3 or min(border_mode) < 0:
                raise ValueError(f"invalid border_mode {border_mode}, which must be a tuple of three non-negative "
                                 "integers")
            return tuple(int(b) for b in border_mode)
        if len(border_mode) != 2:
            raise ValueError(f"invalid border_mode {border_mode} which must be a tuple of length 2")
        out = ()
        for mode in border_mode:
            if isinstance(mode, tuple) and len(mode) == 2 and min(mode) >= 0:
                out += ((int(mode[0]), int(mode[1])),)
            elif not isinstance(mode, tuple) and mode >= 0:
                out += ((int(mode), int(mode)),)
            else:
                raise ValueError(f"invalid border mode {border_mode}. The tuple can only contain integers or "
                                 "tuples of length 2")
        return out
    if border_mode not in ("valid", "full", "half"):
        raise ValueError(f"invalid border_mode {border_mode}, which must be either \"valid\", \"full\", \"half\", "
                         "an integer or a tuple of two integers or a pair of integers")
    return border_mode


class _BaseCorr(TheanoOp):
    convdim = None
    direction = None

    @classmethod
    def _corr_op(cls, border_mode, subsample, filter_dilation, num_groups, unshared):
        convdim = cls.convdim
        border_mode = _corr_border_mode(border_mode, convdim)
        if len(subsample) != convdim:
            raise ValueError("subsample must have %s elements" % ("two", "three")[convdim - 2])
        if len(filter_dilation) != convdim:
            raise ValueError("filter_dilation must have %s elements" % ("two", "three")[convdim - 2])
        if num_groups < 1:
            raise ValueError("Number of groups should be greater than 0")
        if cls.direction is None:
            raise TypeError(f"{cls.__name__} is a base class; use its forward / gradInputs / gradWeights classes")
        return cls.instance.with_props(border_mode=border_mode, subsample=tuple(subsample),
                                       filter_dilation=tuple(filter_dilation), num_groups=num_groups,
                                       unshared=unshared)

    @classmethod
    def record(cls, name, *args, **kwargs):
        cls.instance = super().record(name, *args, describe=lambda node: str(node.op), **kwargs)
        return cls.instance

    def make_node(self, x, y, shape=None, **params):
        from ..graph.constants import as_tensor_variable
        from .basic import cast
        if params or not self.props:
            return super().make_node(x, y, *([] if shape is None else shape), **params)
        x, y = as_tensor_variable(x), as_tensor_variable(y)
        self._check(x, y)
        extra = []
        if self.direction != "forward":
            if shape is None:
                if self.subsample != (1,) * self.convdim:
                    raise ValueError("shape must be given if subsample != %s" % (self.subsample and
                                     str((1,) * self.convdim)))
            else:
                extra = [cast(as_tensor_variable(s), "int64") for s in shape[:self.convdim]]
        return super().make_node(x, y, *extra, **self._props_dict())

    def _check(self, x, y):
        n = 2 + self.convdim
        kern_rank = 2 + 2 * self.convdim if getattr(self, "unshared", False) else n
        first, second = {"forward": (("img", n), ("kern", kern_rank)),
                         "backprop weights": (("img", n), ("topgrad", n)),
                         "backprop inputs": (("kern", kern_rank), ("topgrad", n))}[self.direction]
        for v, (what, rank) in zip((x, y), (first, second)):
            if v.ndim != rank:
                raise TypeError(f"{what} must be {rank}D tensor")

    def __str__(self):
        if not self.props:
            return type(self).__name__
        values = [str(getattr(self, p)) for p in self.props]
        if self.convdim == 2:
            return "%s{%s, %s, %s, %s %s}" % ((type(self).__name__,) + tuple(values))
        return "%s{%s, %s, %s, %s}" % ((type(self).__name__,) + tuple(values))


class BaseCorrMM(_BaseCorr):
    """Theano's base of CorrMM, CorrMM_gradWeights and CorrMM_gradInputs."""
    convdim = 2

    @classmethod
    def from_props(cls, border_mode="valid", subsample=(1, 1), filter_dilation=(1, 1), num_groups=1,
                   unshared=False, openmp=None):
        return cls._corr_op(border_mode, subsample, filter_dilation, num_groups, unshared)


class BaseCorr3dMM(_BaseCorr):
    """Theano's base of Corr3dMM, Corr3dMM_gradWeights and Corr3dMM_gradInputs."""
    convdim = 3

    @classmethod
    def from_props(cls, border_mode="valid", subsample=(1, 1, 1), filter_dilation=(1, 1, 1), openmp=None,
                   num_groups=1):
        op = cls._corr_op(border_mode, subsample, filter_dilation, num_groups, False)
        del op.__dict__["unshared"]  # Theano's 3D props have no unshared
        op.props = op.__props__ = op.props[:-1]
        return op


class CorrMM(BaseCorrMM):
    direction = "forward"


class CorrMM_gradWeights(BaseCorrMM):
    direction = "backprop weights"


class CorrMM_gradInputs(BaseCorrMM):
    direction = "backprop inputs"


class Corr3dMM(BaseCorr3dMM):
    direction = "forward"


class Corr3dMM_gradWeights(BaseCorr3dMM):
    direction = "backprop weights"


class Corr3dMM_gradInputs(BaseCorr3dMM):
    direction = "backprop inputs"


# ---------------------------------------------------------------- type rules, lowerings, gradients

def _forward_infer(img, kern, border_mode, subsample, filter_dilation, num_groups, unshared=False):
    return [TensorType(img.dtype, (img.broadcastable[0], kern.broadcastable[0]) + (False,) * (img.ndim - 2))]


def _forward_lower(img, kern, border_mode, subsample, filter_dilation, num_groups, unshared=False):
    return conv_lower(img, kern, border_mode, subsample, False, filter_dilation, num_groups, unshared)


def _gw_infer(img, topgrad, *shape, border_mode, subsample, filter_dilation, num_groups, unshared=False):
    convdim = img.ndim - 2
    if unshared:
        bcast = (topgrad.broadcastable[1],) + (False,) * convdim + (img.broadcastable[1],) + (False,) * convdim
    else:
        bcast = (topgrad.broadcastable[1], img.broadcastable[1]) + (False,) * convdim
    return [TensorType(img.dtype, bcast)]


def _gi_infer(kern, topgrad, *shape, border_mode, subsample, filter_dilation, num_groups, unshared=False):
    convdim = topgrad.ndim - 2
    channel = False if num_groups > 1 else kern.broadcastable[-convdim - 1]
    return [TensorType(kern.dtype, (topgrad.broadcastable[0], channel) + (False,) * convdim)]


def _shape_static(x, topgrad, *shape, **params):
    return tuple(int(s) for s in shape)


def _kernel_spatial(img, topgrad, border_mode, dilation):
    """The filter's spatial shape from the image and the output (stride 1): Theano's C code does the same."""
    out = []
    for n, t, d, i in zip(img.shape[2:], topgrad.shape[2:], dilation, range(img.ndim - 2)):
        if border_mode == "full":
            dk = t - n + 1
        elif border_mode == "half":
            raise ValueError("height must be given for backprop with vertical sampling or border_mode='half'")
        else:
            lo, hi = (0, 0) if border_mode == "valid" else border_pads(border_mode, (1,) * len(dilation),
                                                                         dilation)[i]
            dk = n + lo + hi - t + 1
        out.append((dk - 1) // d + 1)
    return tuple(out)


def _image_spatial(kern, topgrad, border_mode, dilation):
    """The image's spatial shape from the filter and the output (stride 1)."""
    convdim = topgrad.ndim - 2
    kshp = kern.shape[-convdim:]
    pads = border_pads(border_mode, kshp, dilation)
    return tuple(t + (k - 1) * d - lo - hi for t, k, d, (lo, hi) in zip(topgrad.shape[2:], kshp, dilation, pads))


def _gw_lower(img, topgrad, *shape, border_mode, subsample, filter_dilation, num_groups, unshared=False,
              static=None):
    spatial = static if static else _kernel_spatial(img, topgrad, border_mode, filter_dilation)
    channels = img.shape[1] // num_groups
    if unshared:
        filter_shape = (topgrad.shape[1],) + tuple(topgrad.shape[2:]) + (channels,) + tuple(spatial)
    else:
        filter_shape = (topgrad.shape[1], channels) + tuple(spatial)
    return grad_weights_lower(img, topgrad, filter_shape, border_mode, subsample, False, filter_dilation,
                              num_groups, unshared)


def _gi_lower(kern, topgrad, *shape, border_mode, subsample, filter_dilation, num_groups, unshared=False,
              static=None):
    spatial = static if static else _image_spatial(kern, topgrad, border_mode, filter_dilation)
    imshp = (topgrad.shape[0], None) + tuple(spatial)
    return conv_grad_inputs_lower(topgrad, kern, imshp, border_mode, subsample, False, filter_dilation,
                                  num_groups, unshared)


def _ops_like(op):
    """The forward, gradWeights and gradInputs classes of op's family, and op's constructor arguments."""
    family = (CorrMM, CorrMM_gradWeights, CorrMM_gradInputs) if op.convdim == 2 else \
        (Corr3dMM, Corr3dMM_gradWeights, Corr3dMM_gradInputs)
    return family, op._props_dict()


def _spatial(v, convdim):
    return [v.shape[v.ndim - convdim + i] for i in range(convdim)]


def _forward_grad(inputs, outputs, gouts, **params):
    # Theano's CorrMM.grad
    (fwd, gw, gi), props = _ops_like(outputs[0].owner.op)
    bottom, weights = inputs
    return [like(gi(**props)(weights, gouts[0], _spatial(bottom, fwd.convdim)), bottom),
            like(gw(**props)(bottom, gouts[0], _spatial(weights, fwd.convdim)), weights)]


def _gw_grad(inputs, outputs, gouts, **params):
    # Theano's CorrMM_gradWeights.grad: (gradInputs(weights_grad, top), forward(bottom, weights_grad), -)
    (fwd, gw, gi), props = _ops_like(outputs[0].owner.op)
    bottom, top = inputs[:2]
    return [like(gi(**props)(gouts[0], top, _spatial(bottom, fwd.convdim)), bottom),
            like(fwd(**props)(bottom, gouts[0]), top)] + \
        [None] * (len(inputs) - 2)


def _gi_grad(inputs, outputs, gouts, **params):
    # Theano's CorrMM_gradInputs.grad: (gradWeights(bottom_grad, top), forward(bottom_grad, weights), -)
    (fwd, gw, gi), props = _ops_like(outputs[0].owner.op)
    weights, top = inputs[:2]
    return [like(gw(**props)(gouts[0], top, _spatial(weights, fwd.convdim)), weights),
            like(fwd(**props)(gouts[0], weights), top)] + \
        [None] * (len(inputs) - 2)


def _shape_inputs(node):
    return range(2, len(node.inputs))


for _cls, _name in ((CorrMM, "CorrMM"), (Corr3dMM, "Corr3dMM")):
    _cls.record(_name, _forward_infer, _forward_lower, _forward_grad)
for _cls, _name in ((CorrMM_gradWeights, "CorrMM_gradWeights"), (Corr3dMM_gradWeights, "Corr3dMM_gradWeights")):
    _cls.record(_name, _gw_infer, _gw_lower, _gw_grad, static=_shape_static, static_args=_shape_inputs)
for _cls, _name in ((CorrMM_gradInputs, "CorrMM_gradInputs"), (Corr3dMM_gradInputs, "Corr3dMM_gradInputs")):
    _cls.record(_name, _gi_infer, _gi_lower, _gi_grad, static=_shape_static, static_args=_shape_inputs)
