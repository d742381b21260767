"""theano.tensor.fft: real-input FFTs of a batch (rfft) and their inverse (irfft), Theano's layout."""
from .. import tensor as T
from ..ops.fft import IRFFTOp, RFFTOp, irfft_op, rfft_op


def _unitary(norm):
    if norm not in (None, "ortho", "no_norm"):
        raise ValueError("Invalid value %s for norm, must be None, 'ortho' or 'no norm'" % norm)
    return norm


def rfft(inp, norm=None):
    """The FFTs of the m real inputs of size (..., n) in inp (m, ..., n): (m, ..., n//2+1, 2), the last axis
    holding real and imaginary parts. norm: None and 'no_norm' leave it unnormalized, 'ortho' is unitary."""
    s = inp.shape[1:]
    scaling = T.sqrt(s.prod().astype(inp.dtype)) if _unitary(norm) == "ortho" else 1
    return rfft_op(inp, s) / scaling


def irfft(inp, norm=None, is_odd=False):
    """The inverse of rfft: (m, ..., n//2+1, 2) to m real outputs (m, ..., n); is_odd for an odd n.
    norm: None divides by n (numpy's default), 'ortho' by sqrt(n), 'no_norm' not at all."""
    if is_odd not in (True, False):
        raise ValueError("Invalid value %s for id_odd, must be True or False" % is_odd)
    s = inp.shape[1:-1]
    s = T.set_subtensor(s[-1], (s[-1] - 1) * 2 + (1 if is_odd else 0))
    cond_norm = _unitary(norm)
    scaling = 1
    if cond_norm is None:
        scaling = s.prod().astype(inp.dtype)
    elif cond_norm == "ortho":
        scaling = T.sqrt(s.prod().astype(inp.dtype))
    return irfft_op(inp, s) / scaling


__all__ = ["rfft", "irfft", "rfft_op", "irfft_op", "RFFTOp", "IRFFTOp"]

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
