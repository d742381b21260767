"""theano.sandbox.solve: solve moved to theano.tensor.slinalg (importing warns, as in Theano)."""
import warnings

from ..tensor.slinalg import solve  # noqa: F401

message = ("The module theano.sandbox.solve will soon be deprecated.\n"
           "Please use tensor.slinalg.solve instead.")
warnings.warn(message)
