"""theano.tensor.nlinalg: linear algebra on numpy.linalg's terms (inverse, det, eig, eigh, qr, svd, ...)."""
from ..ops.diag import alloc_diag, extract_diag, nlinalg_diag as diag, trace
from ..ops.nlinalg import (SVD, Det, Eig, Eigh, EighGrad, MatrixInverse, MatrixPinv, QRFull, QRIncomplete, TensorInv,
                           TensorSolve, det, eig, eigh, lstsq, matrix_dot, matrix_inverse, matrix_power, norm, pinv, qr,
                           svd, tensorinv, tensorsolve)

__all__ = ["SVD", "Det", "Eig", "Eigh", "EighGrad", "MatrixInverse", "MatrixPinv", "QRFull", "QRIncomplete",
           "TensorInv", "TensorSolve", "alloc_diag", "extract_diag", "diag", "trace", "det", "eig", "eigh", "lstsq", "matrix_dot",
           "matrix_inverse", "matrix_power", "norm", "pinv", "qr", "svd", "tensorinv", "tensorsolve"]

from ..graph.nodes import Apply  # noqa: E402,F401
from .basic import as_tensor_variable  # noqa: E402,F401

xrange = range

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..ops.diag import ExtractDiag  # noqa: E402,F401  (Theano's module imports it)

from ..ops.diag import AllocDiag  # noqa: E402,F401  (Theano defines it here)
