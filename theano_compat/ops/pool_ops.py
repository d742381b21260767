"""Theano's pooling op classes (theano.tensor.signal.pool): Pool, PoolGrad, MaxPoolGrad, AveragePoolGrad,
DownsampleFactorMaxGradGrad, MaxPoolRop, and pool_2d / pool_3d / max_pool_2d_same_size built of them.

As in Theano, the window size, stride and padding are INPUTS of the node (`Pool(ignore_border, mode,
ndim)(x, ws, stride, pad)`), so they may be symbolic int vectors. They decide the output's shape, so
their values are read before the step runs (Primitive's `static` key): constants while tracing, a
function's inputs in the call's pre-pass; one compiled step serves each distinct (ws, stride, pad).
The lowerings are ops/pool.py's.
"""
import warnings

import numpy as np

from ..graph.constants import as_tensor_variable
from ..graph.dtypes import int_dtypes
from ..graph.nodes import Variable
from ..graph.ops import OpenMPOp, TheanoOp
from ..graph.types import TensorType
from . import pool as L

MODES = L.MODES


def _checked_mode(mode):
    if mode == "max_deterministic":  # Theano: the CPU max pool already is deterministic
        mode = "max"
    if mode not in MODES:
        raise ValueError("Pool mode parameter only support 'max', 'sum', 'average_inc_pad' and "
                         f"'average_exc_pad'. Got {mode}")
    return mode


def _window_inputs(nd, ignore_border, ws, stride, pad, check_tuples):
    """Theano's make_node: stride defaults to ws, pad to zeros; Python tuples are checked now (check_tuples:
    not by the PoolGrad classes); all three become int vectors (TypeError otherwise)."""
    if stride is None:
        stride = ws
    if pad is None:
        pad = (0,) * nd
    elif isinstance(pad, (tuple, list)) and check_tuples:
        if max(pad) != 0 and not ignore_border:
            raise NotImplementedError("padding works only with ignore_border=True")
        if isinstance(ws, (tuple, list)) and any(pad[i] >= ws[i] for i in range(nd)):
            # Theano's message says "strides" but it compares the padding with the window size.
            raise NotImplementedError("padding must be smaller than strides")
    ws, stride, pad = (as_tensor_variable(v) for v in (ws, stride, pad))
    assert ws.ndim == 1 and stride.ndim == 1 and pad.ndim == 1
    for v, what in ((ws, "Pool downsample"), (stride, "Stride"), (pad, "Padding")):
        if v.dtype not in int_dtypes:
            raise TypeError(f"{what} parameters must be ints.")
    return ws, stride, pad


def _window_key(*vectors):
    """The static key: (ws, stride, pad) as int tuples, from the values of the node's window inputs."""
    return tuple(tuple(int(e) for e in np.asarray(v).ravel()) for v in vectors)


def _checked_key(key, ndim, ignore_border):
    """The window values, checked when the step runs as Theano's C code checks them (ValueError)."""
    for v, what in zip(key, ("ws", "stride", "pad")):
        if len(v) != ndim:
            raise ValueError(f"{what} must be a vector of size {ndim}")
    ws, stride, pad = key
    if max(pad) != 0 and not ignore_border:
        raise ValueError("padding must be zero when ignore border is False")
    return dict(ws=ws, stride=stride, pad=pad, ignore_border=ignore_border)


class _PoolFamily(TheanoOp):
    """What Theano's pooling classes share: props (ignore_border, mode, ndim), Theano's str, and a
    make_node that takes the window as inputs (a class's `window_at`: where ws starts among them)."""

    props = ()
    window_at = 1
    check_tuples = True  # Theano's make_node refuses a Python-tuple pad that does not fit (not PoolGrad's)

    @classmethod
    def from_props(cls, ignore_border=False, mode="max", ndim=2, openmp=None):
        op = cls.RECORD.with_props(ignore_border=ignore_border, mode=_checked_mode(mode), ndim=ndim)
        op.openmp = bool(openmp)
        return op

    def make_node(self, *inputs, **kwargs):
        if not self.props:  # the bare record, given its parameters
            return super().make_node(*inputs, **kwargs)
        k = self.window_at
        window = dict(zip(("ws", "stride", "pad"), inputs[k:]), **kwargs)
        window.pop("dummy", None)  # AveragePoolGrad's: keeps MaxPoolGrad's argument count, unused
        if len(inputs) < k or window.get("ws") is None or set(window) - {"ws", "stride", "pad"}:
            raise TypeError(f"{self} takes {k} tensor(s), then ws, stride=None, pad=None")
        tensors = [as_tensor_variable(v) for v in inputs[:k]]
        if min(t.ndim for t in tensors) < self.ndim:
            raise TypeError()  # Theano's (no message)
        if len({t.ndim for t in tensors}) > 1:
            raise AssertionError(f"{self}: the inputs must have the same number of dimensions")
        window = _window_inputs(self.ndim, self.ignore_border, window["ws"], window.get("stride"),
                                window.get("pad"), self.check_tuples)
        return super().make_node(*tensors, *window, ignore_border=self.ignore_border, mode=self.mode,
                                 ndim=self.ndim)

    def __str__(self):
        if not self.props:
            return type(self).__name__
        return "%s{ignore_border=%r, mode=%r, ndim=%r}" % (type(self).__name__, self.ignore_border, self.mode,
                                                            self.ndim)

    def infer_shape(self, node, in_shapes):
        return [in_shapes[0]]

    def __reduce__(self):
        # A pickle names the class and its props, so the op comes back as built (Primitive's names the record).
        return (_rebuild, (type(self), self._props_dict())) if self.props else super().__reduce__()


def _rebuild(cls, props):
    op = cls.RECORD.with_props(**props)
    op.openmp = False
    return op


def _describe(node):
    p = node.params
    return "%s{ignore_border=%r, mode=%r, ndim=%r}" % (type(node.op).__name__, p["ignore_border"], p["mode"],
                                                        p["ndim"])


def _record(cls, infer, kernel, grad, n_tensors, with_mode=False):
    """The class's record: its first n_tensors inputs are arrays for ops/pool.py's `kernel`, the next three
    the window (read ahead of the step as the static key)."""
    def lower(*arrays, ignore_border, mode, ndim, static):
        extra = dict(mode=mode) if with_mode else {}
        return kernel(*arrays[:n_tensors], **extra, **_checked_key(static, ndim, ignore_border))
    cls.RECORD = cls.record(cls.__name__, infer, lower, grad, static=lambda *a, **p: _window_key(*a[n_tensors:]),
                            static_args=lambda node: range(n_tensors, n_tensors + 3), describe=_describe)
    return cls.RECORD


def _disconnected(n):
    return [None] * n  # Theano: DisconnectedType for ws, stride, pad


# ---------------------------------------------------------------- Pool

class Pool(OpenMPOp, _PoolFamily):
    """Theano's Pool(ignore_border=False, mode='max', ndim=2, openmp=None)(x, ws, stride=None, pad=None)."""

    @staticmethod
    def out_shape(imgshape, ws=None, ignore_border=False, stride=None, pad=None, ndim=2, ds=None, st=None,
                  padding=None):
        """The output shape for an input of shape imgshape (ints or symbolic scalars), as Theano's."""
        from ..tensor import extract_constant, maximum, switch, ge
        ws, stride, pad = _old_names(ndim, ws, stride, pad, ds, st, padding, stacklevel=3,
                                     zero_pad=(0,) * (ndim or 2))
        ndim = 2 if ndim is None else ndim
        assert ndim > 0
        if len(imgshape) < ndim:
            raise TypeError("imgshape must have at least {} dimensions".format(ndim))
        stride = ws if stride is None else stride
        pad = (0,) * ndim if pad is None else pad
        patch = tuple(extract_constant(imgshape[-ndim + i]) + pad[i] * 2 for i in range(ndim))

        def compute_out(v, downsample, stride):
            # Theano's arithmetic, symbolic when the sizes are variables.
            if ignore_border:
                if downsample == stride:
                    return v // stride
                out = (v - downsample) // stride + 1
                return maximum(out, 0) if isinstance(out, Variable) else np.maximum(out, 0)
            if isinstance(v, Variable):
                return switch(ge(stride, downsample), (v - 1) // stride + 1,
                              maximum(0, (v - 1 - downsample) // stride + 1) + 1)
            if stride >= downsample:
                return (v - 1) // stride + 1
            return max(0, (v - 1 - downsample + stride) // stride) + 1

        return list(imgshape[:-ndim]) + [compute_out(patch[i], ws[i], stride[i]) for i in range(ndim)]

    def infer_shape(self, node, in_shapes):
        ws, stride, pad = node.inputs[1:4]
        return [self.out_shape(in_shapes[0], ws, self.ignore_border, stride, pad, self.ndim)]

    def R_op(self, inputs, eval_points):
        """Theano's: the pool of the eval point, or for 'max' the eval point at each window's maxima."""
        if self.mode != "max":
            return [self(eval_points[0], *inputs[1:])]
        if eval_points[0] is None:
            return [None]
        x, ws, stride, pad = inputs
        z = self(*inputs)
        return [DownsampleFactorMaxGradGrad(self.ignore_border, self.mode, self.ndim)(x, z, eval_points[0], ws,
                                                                                       stride, pad)]


def _pool_infer(x, ws, stride, pad, ignore_border, mode, ndim):
    return [TensorType(x.dtype, x.broadcastable[:-ndim] + (False,) * ndim)]


def _pool_grad(inputs, outputs, output_grads, ignore_border, mode, ndim):
    (x, ws, stride, pad), (gz,) = inputs, output_grads
    if mode == "max":
        gx = MaxPoolGrad(ignore_border, ndim=ndim)(x, outputs[0], gz, ws, stride, pad)
    else:
        gx = AveragePoolGrad(ignore_border, mode=mode, ndim=ndim)(x, gz, ws, stride, pad)
    return [gx] + _disconnected(3)


_record(Pool, _pool_infer, L.pool_lower, _pool_grad, 1, with_mode=True)


# ---------------------------------------------------------------- the gradients

class PoolGrad(OpenMPOp, _PoolFamily):
    """Theano's base class of MaxPoolGrad and AveragePoolGrad."""

    out_shape = staticmethod(Pool.out_shape)
    check_tuples = False

    @classmethod
    def from_props(cls, ignore_border, mode="max", ndim=2, openmp=None):
        if cls is PoolGrad:
            raise TypeError("PoolGrad is the base class of MaxPoolGrad and AveragePoolGrad; build those")
        return super().from_props(ignore_border, mode, ndim, openmp)


def _same_as_first(x, *rest, **params):
    return [TensorType(x.dtype, x.broadcastable)]


class MaxPoolGrad(PoolGrad):
    """Theano's MaxPoolGrad(ignore_border, ndim=2)(x, maxout, gz, ws, stride=None, pad=None): gz routed to
    every element equal to its window's max."""

    window_at = 3

    @classmethod
    def from_props(cls, ignore_border, ndim=2, openmp=None):
        return super().from_props(ignore_border, "max", ndim, openmp)


def _max_pair_grad(other):
    """MaxPoolGrad's and DownsampleFactorMaxGradGrad's gradient: zeros for x and maxout, the other of the
    pair (each is the other's transpose) for the third input."""
    def grad(inputs, outputs, output_grads, ignore_border, mode, ndim):
        from .math import zeros_like
        x, maxout, _, ws, stride, pad = inputs
        g = other()(ignore_border, ndim=ndim)(x, maxout, output_grads[0], ws, stride, pad)
        return [zeros_like(x), zeros_like(maxout), g] + _disconnected(3)
    return grad


_record(MaxPoolGrad, _same_as_first, L.max_pool_grad_lower, _max_pair_grad(lambda: DownsampleFactorMaxGradGrad),
        3)


class AveragePoolGrad(PoolGrad):
    """Theano's AveragePoolGrad(ignore_border, mode='average_inc_pad', ndim=2)(x, gz, ws, stride, pad)
    ('sum' and both averages)."""

    window_at = 2

    @classmethod
    def from_props(cls, ignore_border, mode="average_inc_pad", ndim=2):
        assert mode in ("sum", "average_inc_pad", "average_exc_pad")
        return super().from_props(ignore_border, mode, ndim)


def _average_grad_grad(inputs, outputs, output_grads, ignore_border, mode, ndim):
    # The transpose of a linear map's transpose is the map itself: a Pool of the output gradient.
    from .math import zeros_like
    x, _, ws, stride, pad = inputs
    return [zeros_like(x), Pool(ignore_border, mode=mode, ndim=ndim)(output_grads[0], ws, stride, pad)] + \
        _disconnected(3)


_record(AveragePoolGrad, _same_as_first, L.average_pool_grad_lower, _average_grad_grad, 2, with_mode=True)


class DownsampleFactorMaxGradGrad(OpenMPOp, _PoolFamily):
    """Theano's DownsampleFactorMaxGradGrad(ignore_border, mode='max', ndim=2)(x, maxout, ggx, ws, stride,
    pad): per window, the sum of ggx over the elements equal to the max (MaxPoolGrad's transpose)."""

    window_at = 3

    @classmethod
    def from_props(cls, ignore_border, mode="max", ndim=2, openmp=None):
        assert mode == "max"
        return super().from_props(ignore_border, mode, ndim, openmp)

    def infer_shape(self, node, in_shapes):
        return [in_shapes[1]]


def _grad_grad_infer(x, maxout, ggx, *rest, **params):
    return [TensorType(x.dtype, maxout.broadcastable)]


_record(DownsampleFactorMaxGradGrad, _grad_grad_infer, L.max_pool_grad_grad_lower, _max_pair_grad(lambda: MaxPoolGrad),
        3)


class MaxPoolRop(OpenMPOp, _PoolFamily):
    """Theano's MaxPoolRop(ignore_border=False, mode='max', ndim=2)(x, eval_point, ws, stride, pad): the
    eval point at each window's (first) maximum of x."""

    window_at = 2

    @classmethod
    def from_props(cls, ignore_border=False, mode="max", ndim=2, openmp=None):
        assert mode == "max"
        return super().from_props(ignore_border, mode, ndim, openmp)


def _rop_infer(x, ex, ws, stride, pad, ignore_border, mode, ndim):
    return [TensorType(ex.dtype, x.broadcastable[:-ndim] + (False,) * ndim)]


_record(MaxPoolRop, _rop_infer, L.max_pool_rop_lower, None, 2)


# ---------------------------------------------------------------- the public API

def _old_names(nd, ws, stride, pad, ds, st, padding, stacklevel, zero_pad):
    """Theano's handling of the deprecated ds / st / padding keywords (same warnings and errors)."""
    if ds is None and ws is None:
        raise ValueError("You must provide a tuple value for the window size.")
    ws = _renamed("ds", ds, "ws", ws, ws is not None, "both 'ws' and 'ds'. Please provide a value only to 'ws'.",
                  stacklevel)
    stride = _renamed("st", st, "stride", stride, stride is not None,
                      "both 'st and 'stride'. Please provide a value only to 'stride'.", stacklevel)
    pad = _renamed("padding", padding, "pad", pad, pad not in {None, zero_pad},
                   "both 'padding' and pad.  Please provide a value only to pad.", stacklevel)
    return ws, stride, pad


def _renamed(old, old_value, new, new_value, clash, both, stacklevel):
    if old_value is None:
        return new_value
    if clash:
        raise ValueError("You can't provide a tuple value to " + both)
    warnings.warn(f"DEPRECATION: the '{old}' parameter is not going to exist anymore as it is going to be "
                  f"replaced by the parameter '{new}'.", stacklevel=stacklevel + 1)
    return old_value


def _pool_nd(nd, input, ws, ignore_border, stride, pad, mode, ds, st, padding):
    ws, stride, pad = _old_names(nd, ws, stride, pad, ds, st, padding, stacklevel=4, zero_pad=(0,) * nd)
    if input.ndim < nd:
        raise NotImplementedError(f"pool_{nd}d requires a dimension >= {nd}")
    if ignore_border is None:
        warnings.warn(f"pool_{nd}d() will have the parameter ignore_border default value changed to True "
                      "(currently False). To have consistent behavior with all Theano version, explicitly add "
                      "the parameter ignore_border=True. On the GPU, using ignore_border=True is needed to use "
                      "cuDNN. When using ignore_border=False and not using cuDNN, the only GPU combination "
                      "supported is when `ws == stride and pad == " + str((0,) * nd) + " and mode == 'max'`. "
                      "Otherwise, the convolution will be executed on CPU.", stacklevel=3)
        ignore_border = False
    return Pool(ignore_border, ndim=nd, mode=mode)(input, ws, stride, pad)


def pool_2d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0), mode="max", ds=None, st=None,
            padding=None):
    """theano.tensor.signal.pool.pool_2d: pool the last two dims of input."""
    return _pool_nd(2, input, ws, ignore_border, stride, pad, mode, ds, st, padding)


def pool_3d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0, 0), mode="max", ds=None, st=None,
            padding=None):
    """theano.tensor.signal.pool.pool_3d: pool the last three dims of input."""
    return _pool_nd(3, input, ws, ignore_border, stride, pad, mode, ds, st, padding)


def max_pool_2d_same_size(input, patch_size):
    """input where it is the maximum of its (non-overlapping) patch, 0 elsewhere (Theano: MaxPoolGrad of
    the pooled output by itself)."""
    output = Pool(True)(input, patch_size)
    return MaxPoolGrad(True)(input, output, output, patch_size)


DOWNSAMPLE_MOVED = "downsample module has been moved to the theano.tensor.signal.pool module."


def max_pool_2d(input, ds, ignore_border=None, st=None, padding=(0, 0), mode="max"):
    """theano.tensor.signal.downsample.max_pool_2d (Theano 0.8/0.9; gone in 1.0.5, where importing
    theano.tensor.signal.downsample raises ImportError). It was pool_2d under the old keyword names;
    those Theano versions warned (UserWarning, text DOWNSAMPLE_MOVED) when the module was imported."""
    warnings.warn(DOWNSAMPLE_MOVED, stacklevel=2)
    return _pool_nd(2, as_tensor_variable(input), ds, ignore_border, st, padding, mode, None, None, None)
