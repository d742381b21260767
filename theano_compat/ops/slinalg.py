"""theano.tensor.slinalg: cholesky, solve (general and triangular), eigvalsh (generalised too), kron, expm,
with Theano's gradients (Murray's Cholesky rule, Giles's solve rule, EigvalshGrad, ExpmGrad); plus
theano.tensor's tri, tril and triu that these gradients use."""
import jax
import jax.numpy as jnp
import jax.scipy.linalg as jsl
import numpy as np
from numpy.linalg import LinAlgError

from ..graph import dtypes as D
from ..graph.ops import Primitive, PropsOp
from .diag import MatrixOfDtype
from ..graph.types import TensorType
from ..graph.constants import AsTensorError, as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


def _work(x):
    return "float32" if str(x.dtype) == "float32" else "float64"


# --- tri / tril / triu (theano.tensor.basic) ---

class Tri(MatrixOfDtype):
    """Theano's Tri(dtype) (tensor.basic): T.tri makes its nodes; Tri(dtype)(N, M, k) is T.tri."""

    record_name = "tri"
    build = staticmethod(lambda n, m, k, dtype: tri(n, m, k, dtype))


tri_op = Tri.record("tri", lambda n, m, k, dtype: [TensorType(dtype, (False, False))],
            lambda n, m, k, dtype, static: jnp.tri(static[0], static[1], static[2], dtype=dtype),
            lambda inputs, outputs, gouts, dtype: [None, None, None],
            static=lambda n, m, k, dtype: (int(n), int(m), int(k)), describe=lambda node: "Tri{dtype=%r}" % node.params["dtype"])
tri_op.expands = True


def tri(N, M=None, k=0, dtype=None):
    """numpy.tri: ones at and below the k-th diagonal (dtype floatX by default)."""
    from ..config import config
    dtype = config.floatX if dtype is None else str(np.dtype(dtype))
    if M is None:
        M = N
    return tri_op(_tensor(N), _tensor(M), _tensor(k), dtype=dtype)


def tril(m, k=0):
    """m * tri(...): the lower triangle of m."""
    m = _tensor(m)
    return m * tri(m.shape[0], m.shape[1], k=k, dtype=m.dtype)


def triu(m, k=0):
    """m * (1 - tri(...)): the upper triangle of m."""
    m = _tensor(m)
    return m * (1 - tri(m.shape[0], m.shape[1], k=k - 1, dtype=m.dtype))


# --- Cholesky ---

def _chol_lower(x, lower, on_error):
    from ..compile.lower import runtime_check
    a = jnp.asarray(x).astype(_work(x))
    # LAPACK reads one triangle only (no symmetrisation): the lower one, or the upper one for lower=False
    L = jax.lax.linalg.cholesky(a if lower else a.T, symmetrize_input=False)
    out = L if lower else L.T
    ok = jnp.all(jnp.isfinite(out))
    if on_error == "raise":
        runtime_check(ok, LinAlgError, "Matrix is not positive definite")
    else:
        out = jnp.where(ok, out, jnp.nan)
    return out.astype(x.dtype)


def _chol_grad(inputs, outputs, gouts, lower, on_error):
    """Theano's Cholesky.L_op (I. Murray, arXiv:1602.07527)."""
    from .logic import isnan, switch
    from .reductions import any as any_
    from .diag import diag, diagonal
    dz, chol_x = gouts[0], outputs[0]
    if on_error == "nan":
        ok = ~any_(isnan(chol_x))
        chol_x = switch(ok, chol_x, 1)
        dz = switch(ok, dz, 1)
    if not lower:
        chol_x, dz = chol_x.T, dz.T

    def tril_and_halve_diagonal(mtx):
        return tril(mtx) - diag(diagonal(mtx) / 2.)

    def conjugate_solve_triangular(outer, inner):
        return solve_upper_triangular(outer.T, solve_upper_triangular(outer.T, inner.T).T)

    s = conjugate_solve_triangular(chol_x, tril_and_halve_diagonal(chol_x.T.dot(dz)))
    grad = (tril(s + s.T) if lower else triu(s + s.T)) - diag(diagonal(s))
    return [switch(ok, grad, np.nan)] if on_error == "nan" else [grad]


def _chol_infer(x, lower, on_error):
    if x.ndim != 2:
        raise AssertionError("Cholesky needs a matrix")
    return [x.type]


class Cholesky(PropsOp):
    """Theano's Cholesky(lower=True, on_error='raise'): L with L L^T = x (U^T U for lower=False);
    on_error='nan' gives nans instead of numpy's LinAlgError for a matrix that is not positive definite."""

    param_names = ("lower", "on_error")

    @classmethod
    def from_props(cls, lower=True, on_error="raise"):
        if on_error not in ("raise", "nan"):
            raise ValueError('on_error must be one of "raise" or ""nan"')
        return cholesky_op.with_props(lower=lower, destructive=False, on_error=on_error)


cholesky_op = Cholesky.record(
    "slinalg.cholesky", _chol_infer, _chol_lower, _chol_grad,
    describe=lambda node: "Cholesky{lower=%(lower)r, destructive=False, on_error=%(on_error)r}" % node.params)
cholesky_op.checks = lambda node: node.params["on_error"] == "raise"
cholesky = Cholesky()


def _chol_grad_host(lower):
    def perform(x, L, dz):
        """Theano's CholeskyGrad.perform (S. P. Smith's blocked algorithm, elementwise)."""
        N = x.shape[0]
        F = np.tril(dz) if lower else np.triu(dz)
        at = (lambda i, j: (i, j)) if lower else (lambda i, j: (j, i))  # the upper case is the transpose
        for k in range(N - 1, -1, -1):
            for j in range(k + 1, N):
                for i in range(j, N):
                    F[at(i, k)] -= F[at(i, j)] * L[at(j, k)]
                    F[at(j, k)] -= F[at(i, j)] * L[at(i, k)]
            for j in range(k + 1, N):
                F[at(j, k)] /= L[at(k, k)]
                F[at(k, k)] -= L[at(j, k)] * F[at(j, k)]
            F[at(k, k)] /= (2 * L[at(k, k)])
        return F.astype(x.dtype)
    return perform


def _chol_grad_lower(x, L, dz, lower):
    return jax.pure_callback(lambda *a: _chol_grad_host(lower)(*[np.array(v) for v in a]),
                             jax.ShapeDtypeStruct(x.shape, x.dtype), x, L, dz)


def _chol_grad_infer(x, L, dz, lower):
    if not (x.ndim == L.ndim == dz.ndim == 2):
        raise AssertionError("CholeskyGrad needs three matrices")
    if L.owner is not None and getattr(L.owner.op, "lower", lower) != lower:
        raise AssertionError("lower/upper mismatch between Cholesky op and CholeskyGrad op")
    return [x.type]


class CholeskyGrad(PropsOp):
    """Theano's CholeskyGrad(lower=True): (x, L, dz) -> the gradient of cholesky, by Theano's perform (on
    the host); theano_compat's cholesky gradient is the graph of Theano's Cholesky.L_op instead."""

    param_names = ("lower",)

    @classmethod
    def from_props(cls, lower=True):
        return cholesky_grad_op.with_props(lower=lower, destructive=False)


cholesky_grad_op = CholeskyGrad.record("slinalg.cholesky_grad", _chol_grad_infer, _chol_grad_lower, None,
                                       describe=lambda node: "CholeskyGrad{lower=%(lower)r, destructive=False}"
                                       % node.params)


# --- Solve ---

_STRUCTURES = ("general", "symmetric", "lower_triangular", "upper_triangular", "hermitian", "banded", "diagonal",
               "toeplitz")


def _solve_infer(A, b, A_structure, lower):
    if A.ndim != 2 or b.ndim not in (1, 2):
        raise AssertionError("solve needs a matrix and a vector or matrix")
    dtype = str(np.linalg.solve(np.eye(1).astype(A.dtype), np.eye(1).astype(b.dtype)).dtype)
    return [TensorType(dtype, b.broadcastable)]


def _solve_lower(A, b, A_structure, lower):
    from ..compile.lower import runtime_check
    dtype = D.upcast(_work(A), _work(b))
    A, b = jnp.asarray(A).astype(dtype), jnp.asarray(b).astype(dtype)
    if A.shape[0] != A.shape[1] or A.shape[0] != b.shape[0]:
        raise ValueError(f"Input a has to be square with a number of rows matching b: {A.shape}, {b.shape}")
    if A_structure == "lower_triangular":
        return jsl.solve_triangular(A, b, lower=True)
    if A_structure == "upper_triangular":
        return jsl.solve_triangular(A, b, lower=False)
    out = jnp.linalg.solve(A, b)
    runtime_check(jnp.all(jnp.isfinite(out)), LinAlgError, "Matrix is singular.")
    return out


def _solve_grad(inputs, outputs, gouts, A_structure, lower):
    """Theano's Solve.L_op (M. B. Giles)."""
    from .linalg import outer
    (A, b), (c,), (c_bar,) = inputs, outputs, gouts
    trans = {"lower_triangular": "upper_triangular", "upper_triangular": "lower_triangular"}
    b_bar = Solve(trans.get(A_structure, A_structure), not lower)(A.T, c_bar)
    A_bar = -outer(b_bar, c) if c.ndim == 1 else -b_bar.dot(c.T)
    if A_structure == "lower_triangular":
        A_bar = tril(A_bar)
    elif A_structure == "upper_triangular":
        A_bar = triu(A_bar)
    return [A_bar, b_bar]


class Solve(PropsOp):
    """Theano's Solve(A_structure='general', lower=False, overwrite_A=False, overwrite_b=False): x with
    A x = b (a triangular solve for the triangular structures)."""

    param_names = ("A_structure", "lower")

    @classmethod
    def from_props(cls, A_structure="general", lower=False, overwrite_A=False, overwrite_b=False):
        if A_structure not in _STRUCTURES:
            raise ValueError("Invalid matrix structure argument", A_structure)
        return solve_op.with_props(A_structure=A_structure, lower=lower, overwrite_A=overwrite_A,
                                   overwrite_b=overwrite_b)

    def make_node(self, A, b, **params):
        if not params and self.props:
            params = {"A_structure": self.A_structure, "lower": bool(self.lower)}
        return super().make_node(A, b, **params)


solve_op = Solve.record("slinalg.solve", _solve_infer, _solve_lower, _solve_grad,
                        describe=lambda node: "Solve{A_structure=%(A_structure)r, lower=%(lower)r, overwrite_A=False, "
                        "overwrite_b=False}" % node.params)
solve_op.checks = lambda node: node.params["A_structure"] not in ("lower_triangular", "upper_triangular")
solve = Solve()
solve_lower_triangular = Solve(A_structure="lower_triangular", lower=True)
solve_upper_triangular = Solve(A_structure="upper_triangular", lower=False)
solve_symmetric = Solve(A_structure="symmetric")


# --- Eigvalsh (generalised when b is given) ---

def _geneigh(a, b, lower):
    """scipy.linalg.eigh(a, b): eigenvalues and b-orthonormal eigenvectors, from one triangle of each."""
    sym = (lambda m: jnp.tril(m) + jnp.tril(m, -1).T) if lower else (lambda m: jnp.triu(m) + jnp.triu(m, 1).T)
    a = sym(a)
    if b is None:
        return jnp.linalg.eigh(a)
    L = jnp.linalg.cholesky(sym(b))
    c = jsl.solve_triangular(L, jsl.solve_triangular(L, a, lower=True).T, lower=True).T
    w, u = jnp.linalg.eigh(c)
    return w, jsl.solve_triangular(L.T, u, lower=False)


def _eigvalsh_lower(a, *b, lower):
    dtype = D.upcast(*[_work(x) for x in (a,) + b])
    return _geneigh(jnp.asarray(a).astype(dtype), jnp.asarray(b[0]).astype(dtype) if b else None, lower)[0]


def _eigvalsh_grad(inputs, outputs, gouts, lower):
    if len(inputs) != 2:
        raise ValueError("not enough values to unpack (expected 2, got 1)")
    a, b = inputs
    return EigvalshGrad(lower)(a, b, gouts[0])


class Eigvalsh(PropsOp):
    """Theano's Eigvalsh(lower=True): (a[, b]) -> scipy.linalg.eigvalsh(a, b)."""

    param_names = ("lower",)

    @classmethod
    def from_props(cls, lower=True):
        assert lower in [True, False]
        return cls.first_record.with_props(lower=lower)


class EigvalshGrad(PropsOp):
    """Theano's EigvalshGrad(lower=True): (a, b, gw) -> the gradients of eigvalsh with respect to a and b."""

    param_names = ("lower",)
    from_props = Eigvalsh.__dict__["from_props"]


eigvalsh_op = Eigvalsh.record("slinalg.eigvalsh", lambda a, *b, lower: [TensorType(D.upcast(a.dtype, *[x.dtype for x in b]),
                                                                      (False,))],
                 _eigvalsh_lower, _eigvalsh_grad, describe=lambda node: "Eigvalsh{lower=%s}" % node.params["lower"])


def _eigvalsh_grad_lower(a, b, gw, lower):
    dtype = D.upcast(str(a.dtype), str(b.dtype), str(gw.dtype))
    w, v = _geneigh(a.astype("float64"), b.astype("float64"), lower)
    gA = v @ jnp.diag(gw) @ v.T
    gB = -v @ jnp.diag(gw * w) @ v.T
    fold = (lambda m: jnp.tril(m) + jnp.triu(m, 1).T) if lower else (lambda m: jnp.triu(m) + jnp.tril(m, -1).T)
    return fold(gA).astype(dtype), fold(gB).astype(dtype)


eigvalsh_grad_op = EigvalshGrad.record("slinalg.eigvalsh_grad", lambda a, b, gw, lower: [TensorType(
    D.upcast(a.dtype, b.dtype, gw.dtype), (False, False))] * 2, _eigvalsh_grad_lower, None,
    describe=lambda node: "EigvalshGrad{lower=%s}" % node.params["lower"])


def eigvalsh(a, b, lower=True):
    """scipy.linalg.eigvalsh(a, b): the (generalised, for b given) eigenvalues of a symmetric a."""
    if b is None:
        raise AsTensorError("Cannot convert None to TensorType", type(None))
    return Eigvalsh(lower)(_tensor(a), _tensor(b))


# --- kron, expm ---

def kron(a, b):
    """scipy.linalg.kron-like Kronecker product, built from outer, reshape and dimshuffle as in Theano."""
    from .join import concatenate
    from .linalg import outer
    a, b = _tensor(a), _tensor(b)
    if a.ndim + b.ndim <= 2:
        raise TypeError("kron: inputs dimensions must sum to 3 or more. You passed %d and %d." % (a.ndim, b.ndim))
    o = outer(a, b)
    o = o.reshape(concatenate((a.shape, b.shape)), a.ndim + b.ndim)
    shf = o.dimshuffle(0, 2, 1, *list(range(3, o.ndim)))
    if shf.ndim == 3:
        return o.dimshuffle(1, 0, 2).flatten()
    return shf.reshape((o.shape[0] * o.shape[2], o.shape[1] * o.shape[3]) + tuple(o.shape[i] for i in range(4, o.ndim)))


def _expm_grad_lower(A, g):
    _, pullback = jax.vjp(jsl.expm, A.astype("float64"))
    return pullback(g.astype("float64"))[0].astype(A.dtype)


class Expm(PropsOp):
    """Theano's Expm(): scipy.linalg.expm, the matrix exponential."""


class ExpmGrad(PropsOp):
    """Theano's ExpmGrad(): (A, gA) -> the gradient of expm."""


expm_grad_op = ExpmGrad.record("slinalg.expm_grad", lambda A, g: [TensorType(A.dtype, (False, False))], _expm_grad_lower, None,
                  describe=lambda node: "ExpmGrad")
expm_op = Expm.record("slinalg.expm", lambda A: [TensorType(A.dtype, (False, False))],
             lambda A: jsl.expm(jnp.asarray(A).astype(_work(A))).astype(A.dtype),
             lambda inputs, outputs, gouts: [expm_grad_op(inputs[0], gouts[0])], describe=lambda node: "Expm")


def expm(A):
    """scipy.linalg.expm: the matrix exponential."""
    A = _tensor(A)
    if A.ndim != 2:
        raise AssertionError("expm needs a matrix")
    return expm_op(A)
