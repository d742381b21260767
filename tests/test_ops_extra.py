"""What the golden op table cannot express: theano.gradient's tools (jacobian, hessian, Rop, Lop,
verify_grad), higher-order gradients, value checks at call time, and the variable methods resolving.

Expected values are numpy's / closed forms (the oracle agrees with them for these smooth functions)."""
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from theano_compat import gradient


def _f(inputs, outputs):
    return theano.function(inputs, outputs, on_unused_input="ignore")


def test_jacobian_and_hessian():
    x = T.dvector("x")
    y = x ** 2 * T.sum(x)
    J = gradient.jacobian(y, x)
    H = gradient.hessian(T.sum(x ** 3), x)
    v = np.array([1.0, -2.0, 0.5])
    jac, hess = _f([x], [J, H])(v)
    expected = np.diag(2 * v * v.sum()) + np.outer(v ** 2, np.ones(3))
    np.testing.assert_allclose(jac, expected)
    np.testing.assert_allclose(hess, np.diag(6 * v))
    assert T.jacobian is gradient.jacobian and J.ndim == 2 and J.dtype == "float64"


def test_jacobian_of_list_and_scalar():
    x, w = T.dvector("x"), T.dmatrix("w")
    y = T.dot(w, x)
    jx, jw = gradient.jacobian(y, [x, w])
    xv, wv = np.array([1.0, 2.0]), np.arange(6.0).reshape(3, 2)
    a, b = _f([x, w], [jx, jw])(xv, wv)
    np.testing.assert_allclose(a, wv)
    assert b.shape == (3, 3, 2)
    np.testing.assert_allclose(b[1, 1], xv)
    g = gradient.jacobian(T.sum(x ** 2), x)  # a scalar expression: its gradient
    np.testing.assert_allclose(_f([x], g)(xv), 2 * xv)


def test_rop_and_lop():
    W, v, u = T.dmatrix("W"), T.dvector("v"), T.dvector("u")
    y = T.tanh(T.dot(v, W))
    Wv, vv, uv = np.arange(6.0).reshape(3, 2) / 10, np.array([1.0, -1.0, 0.5]), np.array([0.3, -0.2])
    jac = (1 - np.tanh(vv @ Wv) ** 2)[:, None] * Wv.T  # d y / d v, shape (2, 3)
    r = _f([W, v], gradient.Rop(y, v, v))
    np.testing.assert_allclose(r(Wv, vv), jac @ vv)
    lop = _f([W, v, u], gradient.Lop(y, v, u))(Wv, vv, uv)
    np.testing.assert_allclose(lop, uv @ jac)


def test_higher_order_gradients():
    x = T.dscalar("x")
    y = T.sin(x) * x ** 3
    g1 = T.grad(y, x)
    g2 = T.grad(g1, x)
    g3 = T.grad(g2, x)
    xv = 0.7
    s, c = np.sin(xv), np.cos(xv)
    vals = _f([x], [g1, g2, g3])(xv)
    np.testing.assert_allclose(vals[0], c * xv ** 3 + 3 * s * xv ** 2)
    np.testing.assert_allclose(vals[1], -s * xv ** 3 + 6 * c * xv ** 2 + 6 * s * xv)
    np.testing.assert_allclose(vals[2], -c * xv ** 3 - 9 * s * xv ** 2 + 18 * c * xv + 6 * s)


def test_verify_grad_passes_and_raises_gradient_error():
    rng = np.random.RandomState(0)
    gradient.verify_grad(T.tanh, [np.array([[0.2, -0.4], [1.0, 0.3]])], rng=rng)
    wrong = gradient.zero_grad  # its gradient is zero, the numeric one is not
    with pytest.raises(gradient.verify_grad.E_grad) as err:
        gradient.verify_grad(lambda a: wrong(a) * 2.0, [np.array([1.0, 2.0])], rng=rng)
    assert type(err.value).__name__ == "GradientError"
    with pytest.raises(TypeError):
        gradient.verify_grad(T.tanh, [np.array([1.0])])  # rng is required, as in Theano


def test_pp_of_a_gradient_is_theanos():
    x = T.dscalar("x")
    assert theano.pp(T.grad(x ** 2, x)) == "((fill((x ** TensorConstant{2}), TensorConstant{1.0}) * " \
                                          "TensorConstant{2}) * (x ** (TensorConstant{2} - TensorConstant{1})))"


def test_value_checks_raise_and_leave_shared_values():
    x = theano.shared(np.arange(3.0), name="x")
    i = T.lscalar("i")
    f = theano.function([i], x[i], updates=[(x, x * 2)])
    assert f(1) == 1.0
    np.testing.assert_allclose(x.get_value(), [0.0, 2.0, 4.0])
    with pytest.raises(IndexError):
        f(5)
    np.testing.assert_allclose(x.get_value(), [0.0, 2.0, 4.0])  # all or nothing
    a, b = T.ivectors("a", "b")
    with pytest.raises(ZeroDivisionError):
        _f([a, b], a // b)(np.array([1], "int32"), np.array([0], "int32"))


def test_every_variable_method_resolves():
    x = T.dmatrix("x")
    names = [n for n in dir(T.TensorVariable) if not n.startswith("__") and callable(getattr(T.TensorVariable, n))]
    skip = {"clone", "eval", "get_parents", "get_scalar_constant_value", "transfer", "signature"}
    args = {"reshape": ((6,),), "dimshuffle": (1, 0), "astype": ("float32",), "clip": (0.0, 1.0), "fill": (1.0,),
            "take": ([0],), "swapaxes": (0, 1), "repeat": (2,), "norm": (2,), "searchsorted": ([0.5],),
            "choose": ([x, x],), "compress": ([1.0, 0.0, 2.0, 1.0, 0.5, 3.0],), "dot": (x.T,), "copy": ()}
    xv = np.array([[0.5, 0.2, 0.1], [0.3, 0.9, 0.4]])
    for name in names:
        if name in skip or name.startswith("_"):
            continue
        obj = {"choose": T.imatrix("c"), "searchsorted": T.dvector("v")}.get(name, x)
        out = getattr(obj, name)(*args.get(name, ()))
        outs = out if isinstance(out, (list, tuple)) else [out]
        for o in outs:
            assert isinstance(o, T.TensorVariable), name
        if obj is x:
            _f([x], list(outs))(xv)
