"""theano.tensor.fourier: Theano's old complex FFT op (superseded by theano.tensor.fft)."""
from ..stand_ins import declare_unsupported

declare_unsupported(globals(), "the old complex Fourier op is not implemented; theano.tensor.fft's rfft/irfft "
                    "are", classes="Fourier", objects="fft")
