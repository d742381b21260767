"""theano.sandbox.linalg.ops: matrix hints (psd, symmetric) for Theano's linear-algebra rewrites, and
spectral_radius_bound. XLA does the rewriting here: hints are accepted, and carry no value."""
from ...compat import integer_types  # noqa: F401  (Theano's six names)
from ...gof.opt import Optimizer  # noqa: F401
from ...graph.nodes import Apply  # noqa: F401
from ...stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop, local_optimizer, noop  # noqa: F401
from ...ops.nlinalg import Hint
from ...tensor.nlinalg import MatrixInverse, det, extract_diag, matrix_inverse, trace  # noqa: F401
from ...tensor.opt import register_canonicalize, register_specialize, register_stabilize  # noqa: F401
from ...tensor.slinalg import Cholesky, Solve, cholesky, imported_scipy, solve  # noqa: F401

xrange = range
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="HintsFeature HintsOptimizer", objects="""
    inv_as_solve local_det_chol local_log_pow local_log_prod_sqr no_transpose_symmetric psd_solve_with_chol
    remove_hint_nodes tag_solve_triangular transinv_to_invtrans""")


def psd(v):
    """v, hinted positive semi-definite and symmetric (a Hint node; the hint only steers Theano's rewrites)."""
    return Hint(psd=True, symmetric=True)(v)


def is_hint_node(node):
    return node is not None and isinstance(node.op, Hint)


def hints(variable):
    """The hints of a Hint node's output, as a dict ({} for any other variable)."""
    return dict(variable.owner.op.hints) if is_hint_node(variable.owner) else {}


def is_psd(v):
    return hints(v).get("psd", False)


def is_symmetric(v):
    return hints(v).get("symmetric", False)


def is_positive(v):
    """Whether v is hinted positive (Theano also answers True for x ** even constant)."""
    from ...ops.basic import NotScalarConstantError, get_scalar_constant_value
    if hints(v).get("positive", False):
        return True
    if v.owner is not None and getattr(v.owner.op, "name", None) == "pow":
        try:
            return 0 == get_scalar_constant_value(v.owner.inputs[1]) % 2
        except NotScalarConstantError:
            return False
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
from ...ops.linalg import Dot  # noqa: E402,F401  (Theano's module imports it)
from ...ops.shape import DimShuffle  # noqa: E402,F401  (Theano's module imports it)
