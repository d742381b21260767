"""theano.sandbox.linalg: linear algebra gathered from tensor.nlinalg/slinalg, and psd hints."""
from ...tensor.nlinalg import alloc_diag, det, diag, eig, eigh, extract_diag, matrix_inverse, trace  # noqa: F401
from ...tensor.slinalg import cholesky, eigvalsh, solve  # noqa: F401
from . import ops  # noqa: F401
from .ops import psd, spectral_radius_bound  # noqa: F401
