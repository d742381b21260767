"""theano.tensor.slinalg: linear algebra on scipy.linalg's terms (cholesky, solve, eigvalsh, kron, expm)."""
from ..ops.slinalg import (Cholesky, Solve, cholesky, eigvalsh, expm, kron, solve, solve_lower_triangular,
                           solve_symmetric, solve_upper_triangular)

__all__ = ["Cholesky", "Solve", "cholesky", "eigvalsh", "expm", "kron", "solve", "solve_lower_triangular",
           "solve_symmetric", "solve_upper_triangular"]
