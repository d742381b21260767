"""theano.tensor.nlinalg: matrix_inverse, pinv, det, eig, eigh (and its gradient), qr, svd, lstsq,
matrix_dot, matrix_power, norm, tensorinv, tensorsolve. Output dtypes follow Theano's make_node (numpy's
result cast back to the input dtype); numpy's LinAlgError is raised at call time where numpy raises it."""
import jax.numpy as jnp
import numpy as np
from numpy.linalg import LinAlgError

from ..graph import dtypes as D
from ..graph.ops import Primitive, PropsOp
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable


def _tensor(x):
    return as_tensor_variable(x)


def _matrix(x):
    if x.ndim != 2:
        raise AssertionError(f"expected a matrix, got {x.type}")
    return x


def _square(x):
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise LinAlgError("Last 2 dimensions of the array must be square")


def _work(x):
    """The float dtype numpy's LAPACK wrappers compute in for x."""
    return "float32" if str(x.dtype) == "float32" else ("complex64" if str(x.dtype) == "complex64" else
                                                        ("complex128" if x.dtype.kind == "c" else "float64"))


def _finite_or(result, message):
    from ..compile.lower import runtime_check
    runtime_check(jnp.all(jnp.isfinite(result)), LinAlgError, message)


def _inv_lower(x):
    _square(x)
    out = jnp.linalg.inv(jnp.asarray(x).astype(_work(x)))
    _finite_or(out, "Singular matrix")
    return out.astype(x.dtype)


def _inv_grad(inputs, outputs, gouts):
    x, gz = inputs[0], gouts[0]
    xi = matrix_inverse(x)
    return [-matrix_dot(xi, gz.T, xi).T]


class MatrixInverse(PropsOp):
    """Theano's MatrixInverse(): numpy.linalg.inv of a square matrix."""


matrix_inverse_op = MatrixInverse.record("nlinalg.matrix_inverse", lambda x: [_matrix(x).type], _inv_lower, _inv_grad,
                       describe=lambda node: "MatrixInverse")
matrix_inverse_op.checks = lambda node: True


def matrix_inverse(x):
    """The inverse of a square matrix (numpy.linalg.inv)."""
    return matrix_inverse_op(_tensor(x))


def _pinv_grad(inputs, outputs, gouts):
    from .diag import identity_like
    from .linalg import dot
    (x,), (z,), (gz,) = inputs, outputs, gouts
    x_dot_z, z_dot_x = dot(x, z), dot(z, x)
    grad = (-matrix_dot(z, gz.T, z) + matrix_dot(z, z.T, gz, (identity_like(x_dot_z) - x_dot_z)) +
            matrix_dot((identity_like(z_dot_x) - z_dot_x), gz, z.T, z)).T
    return [grad]


class MatrixPinv(PropsOp):
    """Theano's MatrixPinv(): numpy.linalg.pinv."""


pinv_op = MatrixPinv.record("nlinalg.pinv", lambda x: [_matrix(x).type],
             lambda x: jnp.linalg.pinv(jnp.asarray(x).astype(_work(x))).astype(x.dtype), _pinv_grad,
             describe=lambda node: "MatrixPinv")


def pinv(x):
    """The Moore-Penrose pseudo-inverse (numpy.linalg.pinv)."""
    return pinv_op(_tensor(x))


def _det_lower(x):
    _square(x)
    return jnp.linalg.det(jnp.asarray(x).astype(_work(x))).astype(x.dtype)


class Det(PropsOp):
    """Theano's Det(): the determinant of a square matrix."""


det_op = Det.record("nlinalg.det", lambda x: [TensorType(_matrix(x).dtype, ())], _det_lower,
            lambda inputs, outputs, gouts: [gouts[0] * det(inputs[0]) * matrix_inverse(inputs[0]).T],
            describe=lambda node: "Det")


def det(x):
    """The determinant of a square matrix."""
    return det_op(_tensor(x))


def matrix_dot(*args):
    """dot(args[0], args[1], ...), left to right."""
    from .linalg import dot
    rval = args[0]
    for a in args[1:]:
        rval = dot(rval, a)
    return rval


def matrix_power(M, n):
    """M to the Python int power n, by repeated dot (Theano: n = 0 gives the Python int 1)."""
    from .linalg import dot
    result = 1
    for _ in range(n):
        result = dot(result, M)
    return result


# --- eig / eigh ---

def _eig_lower(x):
    # numpy.linalg.eig on the host, as Theano's Eig.perform (JAX's eig runs on CPU only): works on any backend
    import jax
    _square(x)
    n, dtype = x.shape[0], np.dtype(x.dtype)

    def host(a):
        w, v = np.linalg.eig(np.asarray(a))
        return w.real.astype(dtype), v.real.astype(dtype)
    return jax.pure_callback(host, (jax.ShapeDtypeStruct((n,), dtype), jax.ShapeDtypeStruct((n, n), dtype)), x)


def _eig_grad(inputs, outputs, gouts):
    raise AttributeError("'Eig' object has no attribute 'grad' (Theano 1.0.5 defines no gradient for eig)")


class Eig(PropsOp):
    """Theano's Eig(): numpy.linalg.eig, [w, v]."""


eig_op = Eig.record("nlinalg.eig", lambda x: [TensorType(_matrix(x).dtype, (False,)), TensorType(x.dtype, (False, False))],
            _eig_lower, _eig_grad, describe=lambda node: "Eig")


def eig(x):
    """numpy.linalg.eig: [w, v] in x's dtype (Theano drops complex parts)."""
    return eig_op(_tensor(x))


def _eigh_w_dtype(dtype):
    return str(np.linalg.eigh([[np.dtype(dtype).type()]])[0].dtype)


def _eigh_lower(x, UPLO):
    w, v = jnp.linalg.eigh(jnp.asarray(x).astype(_work(x)), UPLO=UPLO, symmetrize_input=False)
    return w.astype(_eigh_w_dtype(x.dtype)), v.astype(x.dtype)


def _eigh_grad(inputs, outputs, gouts, UPLO):
    from .math import zeros_like
    x = inputs[0]
    w, v = Eigh(UPLO)(x)
    gw, gv = [zeros_like(o) if g is None else g for o, g in zip((w, v), gouts)]
    return [EighGrad(UPLO)(x, w, v, gw, gv)]


class Eigh(Eig):
    """Theano's Eigh(UPLO='L'): numpy.linalg.eigh, [w, v] (a subclass of Eig, as in Theano)."""

    param_names = ("UPLO",)

    @classmethod
    def from_props(cls, UPLO="L"):
        assert UPLO in ("L", "U")
        return cls.first_record.with_props(UPLO=UPLO)


class EighGrad(PropsOp):
    """Theano's EighGrad(UPLO='L'): (x, w, v, gw, gv) -> the gradient of eigh with respect to x."""

    param_names = ("UPLO",)
    from_props = Eigh.__dict__["from_props"]


eigh_op = Eigh.record("nlinalg.eigh", lambda x, UPLO: [TensorType(_eigh_w_dtype(_matrix(x).dtype), (False,)),
                                              TensorType(x.dtype, (False, False))],
             _eigh_lower, _eigh_grad, describe=lambda node: "Eigh{UPLO=%r}" % node.params["UPLO"])


def _eigh_grad_lower(x, w, v, gw, gv, UPLO):
    n = w.shape[0]
    diff = w[None, :] - w[:, None]  # [m, n] = w[n] - w[m]
    off = ~np.eye(n, dtype=bool)
    f = jnp.where(off, 1.0 / jnp.where(off, diff, 1.0), 0.0)
    from .linalg import product_precision
    mm = lambda a, b: jnp.matmul(a, b, precision=product_precision())  # noqa: E731  (float32 stays float32)
    g_cols = mm(v, mm(v.T, gv) * f)  # column n: sum_m v[:, m] (V[:, n] . v[:, m]) / (w[n] - w[m])
    g = mm(v, (v * gw[None, :] + g_cols).T)
    out = jnp.tril(g) + jnp.triu(g, 1).T if UPLO == "L" else jnp.triu(g) + jnp.tril(g, -1).T
    return out.astype(D.upcast(*[str(a.dtype) for a in (x, w, v, gw, gv)]))


eigh_grad_op = EighGrad.record("nlinalg.eigh_grad", lambda x, w, v, gw, gv, UPLO: [TensorType(
    D.upcast(x.dtype, w.dtype, v.dtype, gw.dtype, gv.dtype), (False, False))], _eigh_grad_lower, None,
    describe=lambda node: "EighGrad{UPLO=%r}" % node.params["UPLO"])


def eigh(a, UPLO="L"):
    """numpy.linalg.eigh: [w, v], reading the UPLO triangle of a."""
    if UPLO not in ("L", "U"):
        raise AssertionError(UPLO)
    return Eigh(UPLO)(_tensor(a))


# --- qr / svd / lstsq ---

def _qr_infer(x, mode):
    _matrix(x)
    if mode == "r":
        return [TensorType(x.dtype, (False, False))]
    return [TensorType(x.dtype, (False, False)), TensorType(x.dtype, (False,) if mode == "raw" else (False, False))]


def _qr_lower(x, mode):
    res = jnp.linalg.qr(jnp.asarray(x).astype(_work(x)), mode=mode)
    if mode == "r":
        return res
    return tuple(res)


class QRFull(PropsOp):
    """Theano's QRFull(mode): numpy.linalg.qr's (q, r), or (h, tau) for mode='raw'."""

    param_names = ("mode",)

    @classmethod
    def from_props(cls, mode):
        return qr_op.with_props(mode=mode)


class QRIncomplete(PropsOp):
    """Theano's QRIncomplete(mode): numpy.linalg.qr's r alone (mode='r')."""

    param_names = ("mode",)

    @classmethod
    def from_props(cls, mode):
        return qr_incomplete_op.with_props(mode=mode)


qr_op = QRFull.record("nlinalg.qr", _qr_infer, _qr_lower, None, describe=lambda node: "QRFull{mode=%r}" % node.params["mode"])
qr_incomplete_op = QRIncomplete.record("nlinalg.qr_incomplete", _qr_infer, _qr_lower, None,
                                       describe=lambda node: "QRIncomplete{mode=%r}" % node.params["mode"])


def qr(a, mode="reduced"):
    """numpy.linalg.qr: (q, r); only r for mode='r'; (h, tau) for mode='raw'."""
    if mode not in ("reduced", "complete", "r", "raw"):
        raise ValueError(f"Unrecognized mode '{mode}'")
    return (QRIncomplete if mode == "r" else QRFull)(mode)(_tensor(a))


def _svd_infer(x, full_matrices, compute_uv):
    _matrix(x)
    s = TensorType(x.dtype, (False,))
    return [TensorType(x.dtype, (False, False)), s, TensorType(x.dtype, (False, False))] if compute_uv else [s]


def _svd_lower(x, full_matrices, compute_uv):
    res = jnp.linalg.svd(jnp.asarray(x).astype(_work(x)), full_matrices=bool(full_matrices),
                         compute_uv=bool(compute_uv))
    return tuple(res) if compute_uv else res


def _svd_grad(inputs, outputs, gouts, full_matrices, compute_uv):
    raise AttributeError("'SVD' object has no attribute 'grad' (Theano 1.0.5 defines no gradient for svd)")


class SVD(PropsOp):
    """Theano's SVD(full_matrices=True, compute_uv=True): numpy.linalg.svd, [u, s, v] or s alone."""

    param_names = ("full_matrices", "compute_uv")

    @classmethod
    def from_props(cls, full_matrices=True, compute_uv=True):
        return svd_op.with_props(full_matrices=full_matrices, compute_uv=compute_uv)

    def make_node(self, x, **params):
        if not params and self.props:  # the props as given (Theano prints svd's default 1), the params as bools
            params = {"full_matrices": bool(self.full_matrices), "compute_uv": bool(self.compute_uv)}
        return super().make_node(x, **params)


svd_op = SVD.record("nlinalg.svd", _svd_infer, _svd_lower, _svd_grad,
                    describe=lambda node: "SVD{full_matrices=%(full_matrices)r, compute_uv=%(compute_uv)r}" % node.params)


def svd(a, full_matrices=1, compute_uv=1):
    """numpy.linalg.svd: [u, s, v] (or s alone for compute_uv=False)."""
    return SVD(full_matrices, compute_uv)(_tensor(a))


def _lstsq_lower(x, y, rcond):
    sol, res, rank, sv = jnp.linalg.lstsq(x.astype("float64"), y.astype("float64"), rcond=None if rcond == -1
                                          else rcond)
    from ..config import config
    return sol.astype(config.floatX), res.astype("float64"), jnp.asarray(rank, "int64"), sv.astype("float64")


def _lstsq_infer(x, y, rcond):
    from ..config import config
    return [TensorType(config.floatX, (False, False)), TensorType("float64", (False,)), TensorType("int64", ()),
            TensorType("float64", (False,))]


lstsq_op = Primitive("nlinalg.lstsq", _lstsq_infer, lambda x, y, rcond: _lstsq_lower(x, y, float(rcond)), None,
              describe=lambda node: "lstsq")


class lstsq:
    """theano.tensor.nlinalg.lstsq()(a, b, rcond): [x, residuals, rank, singular values]."""

    def __call__(self, x, y, rcond):
        return lstsq_op(_tensor(x), _tensor(y), _tensor(rcond))


# --- norm, tensorinv, tensorsolve ---

def norm(x, ord):
    """theano.tensor.nlinalg.norm(x, ord) for vectors and matrices, built as Theano builds it."""
    from .math import abs_, pow
    from .reductions import sum, max, min
    x = _tensor(x)
    if x.ndim == 0:
        raise ValueError("'axis' entry is out of bounds.")
    if x.ndim == 1:
        if ord is None:
            return sum(x ** 2) ** 0.5
        if ord == "inf":
            return max(abs_(x))
        if ord == "-inf":
            return min(abs_(x))
        if ord == 0:
            return x[x.nonzero()].shape[0]
        try:
            return sum(abs_(pow(x, ord))) ** (1. / ord)
        except TypeError:
            raise ValueError("Invalid norm order for vectors.") from None
    if x.ndim == 2:
        if ord is None or ord == "fro":
            return sum(abs_(x ** 2)) ** 0.5
        if ord == "inf":
            return max(sum(abs_(x), 1))
        if ord == "-inf":
            return min(sum(abs_(x), 1))
        if ord == 1:
            return max(sum(abs_(x), 0))
        if ord == -1:
            return min(sum(abs_(x), 0))
        raise ValueError(0)
    raise NotImplementedError("We don't support norm with ndim > 2")  # Theano's own error


def _tensorinv_lower(a, ind):
    # numpy 1.x's tensorinv (Theano's): reshape to (prod(shape[ind:]), -1) and invert
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    invshape = a.shape[ind:] + a.shape[:ind]
    m = jnp.asarray(a).astype(_work(a)).reshape(int(np.prod(a.shape[ind:])), -1)
    return _inv_lower(m).reshape(invshape).astype(a.dtype)


class TensorInv(PropsOp):
    """Theano's TensorInv(ind=2): numpy.linalg.tensorinv."""

    param_names = ("ind",)

    @classmethod
    def from_props(cls, ind=2):
        return tensorinv_op.with_props(ind=ind)


tensorinv_op = TensorInv.record("nlinalg.tensorinv", lambda a, ind: [a.type], _tensorinv_lower, None,
                                describe=lambda node: "TensorInv{ind=%r}" % node.params["ind"])
tensorinv_op.checks = lambda node: True


def tensorinv(a, ind=2):
    """numpy.linalg.tensorinv"""
    return TensorInv(ind)(_tensor(a))


def _tensorsolve_lower(a, b, axes):
    out = jnp.linalg.tensorsolve(jnp.asarray(a).astype("float64"), jnp.asarray(b).astype("float64"), axes)
    return out.astype(D.upcast(str(a.dtype), str(b.dtype)))


# Theano declares a matrix whatever the solution's rank
class TensorSolve(PropsOp):
    """Theano's TensorSolve(axes=None): numpy.linalg.tensorsolve."""

    param_names = ("axes",)

    @classmethod
    def from_props(cls, axes=None):
        return tensorsolve_op.with_props(axes=axes)


tensorsolve_op = TensorSolve.record("nlinalg.tensorsolve", lambda a, b, axes: [TensorType(D.upcast(a.dtype, b.dtype), (False, False))],
                    _tensorsolve_lower, None,
                                    describe=lambda node: "TensorSolve{axes=%r}" % (node.params["axes"],))


def tensorsolve(a, b, axes=None):
    """numpy.linalg.tensorsolve"""
    return TensorSolve(axes)(_tensor(a), _tensor(b))


# --- Hint (theano.sandbox.linalg): x unchanged, carrying facts about it ---

class Hint(PropsOp):
    """Theano's Hint(**hints): x unchanged, carrying facts (psd=True, symmetric=True, ...) that Theano's
    rewrites read; here sandbox.linalg's hints / is_psd / is_symmetric read them."""

    @classmethod
    def from_props(cls, **kwargs):
        return hint_op.with_props(hints=tuple(kwargs.items()))


hint_op = Hint.record("sandbox.hint", lambda x: [x.type], lambda x: x, lambda inputs, outputs, gouts: [gouts[0]],
                      describe=lambda node: "Hint{hints=%r}" % (node.op.hints,) if node.op.props else "Hint")
