"""Real FFTs in Theano's layout (theano.tensor.fft): the first axis is the batch, the transform runs over
the others, and complex values are a trailing axis of 2 (real, imaginary).

Theano computes with numpy's FFT, in double precision whatever the input dtype, and casts the result
back; the lowerings do the same, so float32 results carry Theano's rounding. Gradients are Theano's: each transform's
adjoint is the other one, with the non-redundant bins halved or doubled.
"""
import jax.numpy as jnp
import numpy as np

from ..graph.ops import PropsOp
from ..graph.types import TensorType


def _sizes(s):
    return tuple(int(v) for v in np.asarray(s))


def _rfft_lower(a, s, static):
    out = jnp.fft.rfftn(a.astype("float64"), s=static, axes=tuple(range(1, a.ndim)))
    return jnp.stack([jnp.real(out), jnp.imag(out)], axis=-1).astype(a.dtype)


def _irfft_lower(a, s, static):
    a64 = a.astype("float64")
    out = jnp.fft.irfftn(a64[..., 0] + 1j * a64[..., 1], s=static, axes=tuple(range(1, a.ndim - 1)))
    return (out * np.prod(static)).astype(a.dtype)  # Theano's IRFFTOp does not normalize


def _checked(name, a, s, min_ndim, what):
    if a.ndim < min_ndim:
        raise TypeError("%s: input must have dimension %s" % (name, what))
    if s.dtype not in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        raise TypeError("%s: length of the transformed axis must be of type integer" % name)


def _rfft_infer(a, s):
    _checked("RFFTOp", a, s, 2, "> 2, with first dimension batches")
    return [TensorType(a.dtype, (False,) * (a.ndim + 1))]


def _irfft_infer(a, s):
    _checked("IRFFTOp", a, s, 3, ">= 3,  with first dimension batches and last real/imag parts")
    return [TensorType(a.dtype, (False,) * (a.ndim - 1))]


def _middle_bins(g, s):
    """The bins 1 .. ceil(n/2)-1 of the last transformed axis (the ones rfft keeps once for two)."""
    return (slice(None),) * (g.ndim - 2) + (slice(1, (s[-1] // 2) + (s[-1] % 2)), slice(None))


def _rfft_grad(inputs, outputs, gouts):
    from .subtensor import set_subtensor
    (gout,), s = gouts, inputs[1]
    idx = _middle_bins(gout, s)
    return [irfft_op(set_subtensor(gout[idx], gout[idx] * 0.5), s), None]


def _irfft_grad(inputs, outputs, gouts):
    from .subtensor import set_subtensor
    (gout,), s = gouts, inputs[1]
    gf = rfft_op(gout, s)
    idx = _middle_bins(gf, s)
    return [set_subtensor(gf[idx], gf[idx] * 2), None]


def _static(a, s):
    return _sizes(s)


class RFFTOp(PropsOp):
    """Theano's RFFTOp(): (a, s) -> the unnormalised real FFT of each a[i] over its axes, sizes s."""


class IRFFTOp(PropsOp):
    """Theano's IRFFTOp(): (a, s) -> the unnormalised inverse of RFFTOp, output sizes s."""


rfft_op = RFFTOp.record("fft.rfft", _rfft_infer, _rfft_lower, _rfft_grad, static=_static, static_args=lambda node: (1,),
             describe=lambda node: "RFFTOp")
irfft_op = IRFFTOp.record("fft.irfft", _irfft_infer, _irfft_lower, _irfft_grad, static=_static, static_args=lambda node: (1,),
              describe=lambda node: "IRFFTOp")
