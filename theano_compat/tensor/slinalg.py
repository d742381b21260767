"""theano.tensor.slinalg: linear algebra on scipy.linalg's terms (cholesky, solve, eigvalsh, kron, expm)."""
from ..ops.slinalg import (Cholesky, CholeskyGrad, Eigvalsh, EigvalshGrad, Expm, ExpmGrad, Solve, cholesky, eigvalsh, expm, kron, solve, solve_lower_triangular,
                           solve_symmetric, solve_upper_triangular)

__all__ = ["Cholesky", "CholeskyGrad", "Eigvalsh", "EigvalshGrad", "Expm", "ExpmGrad", "Solve", "cholesky", "eigvalsh", "expm", "kron", "solve", "solve_lower_triangular",
           "solve_symmetric", "solve_upper_triangular"]

from ..graph.nodes import Apply  # noqa: E402,F401
from .basic import as_tensor_variable  # noqa: E402,F401

imported_scipy = True  # Theano's flag; scipy-like solvers come from jax.scipy here
MATRIX_STRUCTURES = ("general", "symmetric", "lower_triangular", "upper_triangular", "hermitian", "banded",
                     "diagonal", "toeplitz")
xrange = range

from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
