"""theano.gradient: grad and the gradient-shaping helpers."""
from .compile.gradient import (DisconnectedInputError, NullTypeGradError, consider_constant,
                               disconnected_grad, grad, grad_clip, undefined_grad as grad_undefined, zero_grad)

__all__ = ["grad", "DisconnectedInputError", "NullTypeGradError", "consider_constant", "disconnected_grad",
           "zero_grad", "grad_clip", "grad_undefined"]
