"""theano.sandbox.linalg.ops: matrix hints (psd, symmetric) for Theano's linear-algebra rewrites, and
spectral_radius_bound. XLA does the rewriting here: hints are accepted, and carry no value."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from ...gof.opt import Optimizer  # noqa: F401
from ...graph.nodes import Apply  # noqa: F401
from ...stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop, local_optimizer, noop  # noqa: F401
from ...tensor.nlinalg import det, extract_diag, matrix_inverse, trace  # noqa: F401
from ...tensor.opt import register_canonicalize, register_specialize, register_stabilize  # noqa: F401
from ...tensor.slinalg import cholesky, imported_scipy, solve  # noqa: F401

xrange = range
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="HintsFeature HintsOptimizer", objects="""
    inv_as_solve local_det_chol local_log_pow local_log_prod_sqr no_transpose_symmetric psd_solve_with_chol
    remove_hint_nodes tag_solve_triangular transinv_to_invtrans""")


@noop(OPTIMIZER_WHY)
def psd(v):
    """v, hinted positive semi-definite (the hint only steers Theano's rewrites)."""
    return v


@noop(OPTIMIZER_WHY)
def hints(variable):
    """The hints set on a variable (none are kept here)."""
    return {}


def is_hint_node(node):
    return False


@noop(OPTIMIZER_WHY)
def is_psd(v):
    return False


@noop(OPTIMIZER_WHY)
def is_symmetric(v):
    return False


@noop(OPTIMIZER_WHY)
def is_positive(v):
    return False


def spectral_radius_bound(X, log2_exponent):
    """An upper bound on the spectral radius of X: trace(X^(2^k))^(2^-k)."""
    from ...tensor import dot, pow
    if X.type.ndim != 2:
        raise TypeError("spectral_radius_bound requires a matrix argument", X)
    if not isinstance(log2_exponent, int):
        raise TypeError("spectral_radius_bound requires an integer exponent", log2_exponent)
    if log2_exponent <= 0:
        raise ValueError("spectral_radius_bound requires a strictly positive exponent", log2_exponent)
    XX = X
    for _ in range(log2_exponent):
        XX = dot(XX, XX)
    return pow(trace(XX), 2 ** (-log2_exponent))

from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
