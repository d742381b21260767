"""theano.sandbox.fourier: Theano's old complex FFT ops (deprecated there for theano.tensor.fft)."""
import warnings

import numpy as np

from ..graph.nodes import Apply  # noqa: F401
from ..stand_ins import declare_unsupported

xrange = range
message = ("The module theano.sandbox.fourier will soon be deprecated. Please use theano.tensor.fft, which "
           "supports gradients and automatic optimization transfers to the GPU ops.")
warnings.warn(message)
declare_unsupported(globals(), "the old complex FFT ops are not implemented; theano.tensor.fft's rfft/irfft are",
                    classes="FFT GradTodo", objects="fft ifft half_fft half_ifft grad_todo")


def dct_matrix(rows, cols, unitary=True):
    """A (rows x cols) matrix implementing a discrete cosine transform."""
    col_range = np.arange(cols)
    rval = np.array([np.cos(i * (col_range * 2 + 1) / (2.0 * cols) * np.pi) for i in range(rows)]).reshape(
        rows, cols) * np.sqrt(2.0 / cols)
    if unitary:
        rval[0] *= np.sqrt(0.5)
    return rval

from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import generic  # noqa: E402,F401  (Theano's module imports it)
