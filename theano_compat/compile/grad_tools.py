"""theano.gradient's tools beyond grad: Lop, Rop, jacobian, hessian, numeric_grad, verify_grad.

Lop is grad with known output gradients (Rop is in rop.py). jacobian and hessian
are one row-gradient graph mapped over the rows of an identity with jax.vmap (Theano maps it with scan).
"""
import builtins

import jax
import jax.numpy as jnp
import numpy as np

from ..graph.nodes import Variable, inputs as graph_inputs, toposort
from ..graph.ops import Primitive
from ..graph.types import TensorType
from .gradient import GradScale, grad
from .rop import Rop  # noqa: F401  (theano.gradient.Rop)
from ..graph.constants import as_tensor_variable


def _format_as(use_list, use_tuple, outputs):
    if use_list or use_tuple:
        return list(outputs) if use_list else tuple(outputs)
    assert len(outputs) == 1
    return outputs[0]


def Lop(f, wrt, eval_points, consider_constant=None, disconnected_inputs="raise"):
    """The gradients of f with respect to wrt, left-multiplied by eval_points (one per f)."""
    if not isinstance(eval_points, (list, tuple)):
        eval_points = [eval_points]
    use_list, use_tuple = isinstance(wrt, list), isinstance(wrt, tuple)
    if not isinstance(f, (list, tuple)):
        f = [f]
    f = list(f)
    known = {fi: as_tensor_variable(e) for fi, e in zip(f, eval_points)}
    ret = grad(cost=None, known_grads=known, consider_constant=consider_constant,
               wrt=list(wrt) if isinstance(wrt, (list, tuple)) else [wrt], disconnected_inputs=disconnected_inputs)
    return _format_as(use_list, use_tuple, ret)


# --- jacobian / hessian: one row graph, vmapped over the rows of an identity ---

def _rows_infer(expression, *roots, row, cotangent):
    return [TensorType(row.dtype, (False,) + row.broadcastable)]


def _row_roots(row, cotangent):
    return [v for v in graph_inputs([row]) if v is not cotangent and v.owner is None and not _is_const(v)]


def _value_dependent(row, cotangent):
    """The row graph's nodes whose shapes depend on values (a scan's symbolic n_steps) and not on the
    cotangent: their keys are computed ahead from the roots' values, as the step does for its own nodes."""
    tainted, out = {cotangent}, []
    for node in toposort([row]):
        if any(i in tainted for i in node.inputs):
            tainted.update(node.outputs)
        elif getattr(node.op, "static", None) is not None and _reads_values(node):
            out.append(node)
    return out


def _reads_values(node):
    """Whether the node's shape key reads a value that is not a constant (known only at call time)."""
    positions = node.op.static_args(node) if node.op.static_args else range(len(node.inputs))
    return any(not _is_const(node.inputs[i]) for i in positions)


def _rows_static(expression, *values, row, cotangent):
    from .lower import Prepass
    static_nodes = _value_dependent(row, cotangent)
    if not static_nodes:
        return ()
    keys = Prepass(static_nodes).keys(dict(zip(_row_roots(row, cotangent), values)))
    return tuple(keys[node] for node in static_nodes)


def _rows_lower(expression, *values, row, cotangent, static=()):
    from .lower import NeedsStatic, evaluate
    roots = _row_roots(row, cotangent)
    nodes = toposort([row])
    keys = dict(zip(_value_dependent(row, cotangent), static))
    n = expression.shape[0]

    def one_row(u):
        env = dict(zip(roots, values))
        env[cotangent] = u
        try:
            evaluate(nodes, env, keys)
        except NeedsStatic:
            raise TypeError("theano_compat does not support jacobian/hessian of a graph whose shapes depend on "
                            "values yet") from None
        return env[row] if row in env else _const(row)

    eye = jnp.eye(n, dtype=cotangent.dtype)
    return jax.vmap(one_row)(eye).astype(row.dtype)


def _is_const(v):
    from ..graph.nodes import Constant
    return isinstance(v, Constant)


def _const(v):
    return jnp.asarray(v.data)


jacobian_rows_op = Primitive("jacobian", _rows_infer, _rows_lower, None, describe=lambda node: "JacobianRows")
# the same, for a row graph with value-dependent shapes (their keys are read ahead of the step; no gradient)
jacobian_rows_static_op = Primitive("jacobian_static", _rows_infer, _rows_lower, None, static=_rows_static,
                                    describe=lambda node: "JacobianRows")


def _jacobian_of(expression, w, consider_constant, disconnected_inputs):
    u = expression.type()
    u.name = "jacobian_row"
    row = grad(cost=None, known_grads={expression: u}, wrt=[w], consider_constant=consider_constant,
               disconnected_inputs=disconnected_inputs)[0]
    op = jacobian_rows_static_op if _value_dependent(row, u) else jacobian_rows_op
    return op(expression, *_row_roots(row, u), row=row, cotangent=u)


def jacobian(expression, wrt, consider_constant=None, disconnected_inputs="raise"):
    """The Jacobian of a vector (or scalar) expression with respect to wrt, one row per output entry."""
    assert isinstance(expression, Variable), "tensor.jacobian expects a Variable as `expression`"
    assert expression.ndim < 2, ("tensor.jacobian expects a 1 dimensional variable as `expression`. If not use "
                                 "flatten to make it a vector")
    use_list, use_tuple = isinstance(wrt, list), isinstance(wrt, tuple)
    wrt = list(wrt) if isinstance(wrt, (list, tuple)) else [wrt]
    if expression.ndim == 0:
        return _format_as(use_list, use_tuple, grad(expression, wrt, consider_constant=consider_constant,
                                                    disconnected_inputs=disconnected_inputs))
    return _format_as(use_list, use_tuple, [_jacobian_of(expression, w, consider_constant, disconnected_inputs)
                                            for w in wrt])


def hessian(cost, wrt, consider_constant=None, disconnected_inputs="raise"):
    """The Hessian of a scalar cost with respect to each vector in wrt."""
    assert isinstance(cost, Variable), "tensor.hessian expects a Variable as `cost`"
    assert cost.ndim == 0, "tensor.hessian expects a 0 dimensional variable as `cost`"
    use_list, use_tuple = isinstance(wrt, list), isinstance(wrt, tuple)
    wrt = list(wrt) if isinstance(wrt, (list, tuple)) else [wrt]
    out = []
    for w in wrt:
        assert isinstance(w, Variable), "tensor.hessian expects a (list of) Variable as `wrt`"
        assert w.ndim == 1, "tensor.hessian expects a (list of) 1 dimensional variable as `wrt`"
        g = grad(cost, w, consider_constant=consider_constant, disconnected_inputs=disconnected_inputs)
        out.append(_jacobian_of(g, w, consider_constant, "ignore"))
    return _format_as(use_list, use_tuple, out)


# --- numeric_grad / verify_grad (Theano's finite-difference check, same tolerances and error) ---

class numeric_grad:
    """The one-sided finite-difference gradient of a scalar function f at pt (Theano's numeric_grad)."""

    type_eps = {"float64": 1e-7, "float32": 3e-4, "float16": 1e-1,
                np.dtype("float64"): 1e-7, np.dtype("float32"): 3e-4, np.dtype("float16"): 1e-1}

    def __init__(self, f, pt, eps=None, out_type=None):
        packed = not isinstance(pt, (list, tuple))
        pt = [pt] if packed else pt
        apt = [np.array(p) for p in pt]
        shapes = [p.shape for p in apt]
        dtypes = [str(p.dtype) for p in apt]
        total = builtins.sum(int(np.prod(sh)) for sh in shapes)
        working = builtins.min((self.type_eps[dt], dt) for dt in dtypes)[1]
        x = np.ndarray((total,), dtype=working)
        gx = np.ndarray((total,), dtype=out_type if out_type and out_type.startswith("complex") else working)
        if eps is None:
            eps = builtins.max(self.type_eps[dt] for dt in dtypes)
        pos, self.gf = 0, []
        for i, p in enumerate(apt):
            size = int(np.prod(p.shape))
            apt[i] = x[pos:pos + size].reshape(p.shape)
            self.gf.append(gx[pos:pos + size].reshape(p.shape))
            apt[i][...] = p
            pos += size
        f_x = f(*[p.copy() for p in apt])
        x_copy = x.copy()
        for i in range(total):
            x[:] = x_copy
            x[i] += eps
            gx[i] = (f(*apt) - f_x) / eps
        if packed:
            self.gf = self.gf[0]

    @staticmethod
    def abs_rel_err(a, b):
        abs_err = abs(a - b)
        rel_err = abs_err / np.maximum(abs(a) + abs(b), [1e-8])
        return np.asarray(abs_err), np.asarray(rel_err)

    def abs_rel_errors(self, g_pt):
        if len(g_pt) != len(self.gf):
            raise ValueError("argument has wrong number of elements", len(g_pt))
        errs = []
        for i, (a, b) in enumerate(zip(g_pt, self.gf)):
            if a.shape != b.shape:
                raise ValueError("argument element %i has wrong shape %s" % (i, str((a.shape, b.shape))))
            errs.append(numeric_grad.abs_rel_err(a, b))
        return errs

    def max_err(self, g_pt, abs_tol, rel_tol):
        pos, errs, abs_errs, rel_errs = [], [], [], []
        for abs_err, rel_err in self.abs_rel_errors(g_pt):
            if not np.all(np.isfinite(abs_err)):
                raise ValueError("abs_err not finite", repr(abs_err))
            if not np.all(np.isfinite(rel_err)):
                raise ValueError("rel_err not finite", repr(rel_err))
            scaled = np.minimum(abs_err / abs_tol, rel_err / rel_tol)
            i = scaled.argmax()
            pos.append(i)
            errs.append(scaled.flatten()[i])
            abs_errs.append(abs_err.flatten()[i])
            rel_errs.append(rel_err.flatten()[i])
        k = int(np.argmax(errs))
        return k, pos[k], abs_errs[k], rel_errs[k]


class GradientError(Exception):
    """This error is raised when a gradient is calculated, but incorrect."""

    def __init__(self, arg, err_pos, shape, val1, val2, abs_err, rel_err, abs_tol, rel_tol):
        super().__init__()
        self.arg, self.err_pos, self.shape, self.val1, self.val2 = arg, err_pos, shape, val1, val2
        self.abs_err, self.rel_err, self.abs_tol, self.rel_tol = abs_err, rel_err, abs_tol, rel_tol

    def __str__(self):
        args_msg = ", ".join(str(a) for a in self.args)
        return ("GradientError: numeric gradient and analytic gradient exceed tolerance:\n"
                "        At position %i of argument %i with shape %s,\n"
                "            val1 = %f      ,  val2 = %f\n"
                "            abs. error = %f,  abs. tolerance = %f\n"
                "            rel. error = %f,  rel. tolerance = %f\n"
                "Exception args: %s" % (self.err_pos, self.arg, self.shape, self.val1, self.val2, self.abs_err,
                                        self.abs_tol, self.rel_err, self.rel_tol, args_msg))


GradientError.__module__ = "theano.gradient"


def verify_grad(fun, pt, n_tests=2, rng=None, eps=None, out_type=None, abs_tol=None, rel_tol=None, mode=None,
                cast_to_output_type=False, no_debug_ref=True):
    """Check fun's symbolic gradient against finite differences of a random projection of its output;
    raises verify_grad.E_grad (GradientError) when both tolerances are exceeded."""
    from .function import function as compile_function
    from .shared import shared
    from ..ops.reductions import sum as tsum
    assert isinstance(pt, (list, tuple))
    pt = [np.array(p) for p in pt]
    for i, p in enumerate(pt):
        if p.dtype not in ("float16", "float32", "float64"):
            raise TypeError('verify_grad can work only with floating point inputs, but input %i has dtype "%s".'
                            % (i, p.dtype))
    tol = dict(float16=5e-2, float32=1e-2, float64=1e-4)
    abs_tol = builtins.max(tol[str(p.dtype)] for p in pt) if abs_tol is None else abs_tol
    rel_tol = builtins.max(tol[str(p.dtype)] for p in pt) if rel_tol is None else rel_tol
    if rng is None:
        raise TypeError("rng should be a valid instance of numpy.random.RandomState. You may want to use "
                        "theano.tests.unittest_tools.verify_grad instead of theano.gradient.verify_grad.")

    def fn(inputs, output):
        return compile_function(inputs, output, allow_input_downcast=True, mode=mode, on_unused_input="ignore")

    tensor_pt = [TensorType(as_tensor_variable(p).dtype, as_tensor_variable(p).broadcastable)(name="input %i" % i)
                 for i, p in enumerate(pt)]
    o_output = fun(*tensor_pt)
    if isinstance(o_output, list):
        raise TypeError("theano_compat cannot (yet) autotest the gradient of fun with multiple outputs "
                        "(Theano neither)")
    o_fn_out = fn(tensor_pt, o_output)(*[p.copy() for p in pt])
    if isinstance(o_fn_out, (tuple, list)):
        raise TypeError("It seems like you are trying to use verify_grad on an op or a function which outputs a "
                        "list: there should be a single (array-like) output instead")

    def random_projection():
        plain = rng.rand(*o_fn_out.shape) + 0.5
        if cast_to_output_type and o_output.dtype == "float32":
            return np.array(plain, o_output.dtype)
        return plain

    t_r = shared(random_projection(), borrow=True)
    t_r.name = "random_projection"
    cost = tsum(t_r * o_output)
    cost_fn = fn(tensor_pt, cost)
    grad_fn = fn(tensor_pt, grad(cost, tensor_pt, disconnected_inputs="ignore"))
    for test_num in range(n_tests):
        try:
            num = numeric_grad(cost_fn, [p.copy() for p in pt], eps, out_type)
            analytic = grad_fn(*[p.copy() for p in pt])
            k, pos, abs_err, rel_err = num.max_err(analytic, abs_tol, rel_tol)
            if abs_err > abs_tol and rel_err > rel_tol:
                raise GradientError(k, pos, analytic[k].shape, analytic[k].flatten()[pos], num.gf[k].flatten()[pos],
                                    abs_err, rel_err, abs_tol, rel_tol)
            if test_num < n_tests - 1:
                t_r.set_value(random_projection(), borrow=True)
        except Exception as e:
            e.args += ("\nThe error happened with the following inputs:", pt, "\nThe value of eps is:", eps,
                       "\nThe out_type is:", out_type)
            raise


verify_grad.E_grad = GradientError


# --- gradient-shaping identities (theano.gradient.grad_scale, undefined_grad) and subgraph_grad ---

def _scale_rule(inputs, outputs, gouts, multiplier):
    return [gouts[0] * multiplier]


grad_scale_op = GradScale.record("grad_scale", lambda x, multiplier: [x.type], lambda x, multiplier: x, _scale_rule,
                   describe=lambda node: "GradScale")


def grad_scale(x, multiplier):
    """x, whose gradient is multiplied by `multiplier` on the way back."""
    return grad_scale_op(as_tensor_variable(x), multiplier=multiplier)


def undefined_grad(x):
    """x, whose gradient is undefined (T.grad through it raises NullTypeGradError).

    The UndefinedGrad op is registered by ops/random_mrg.py (the random streams use it too)."""
    from ..graph.ops import lookup
    return lookup("undefined_grad")(as_tensor_variable(x))


def subgraph_grad(wrt, end, start=None, cost=None, details=False):
    """Theano's subgraph_grad: gradients of a subgraph, given the gradients at its end (`start`) and/or a
    cost; returns (gradients on wrt, gradients on end)."""
    assert (cost is not None) or (start is not None)
    assert isinstance(end, list) and isinstance(wrt, list)
    params = list(dict.fromkeys(wrt + end))
    start_grads = cost_grads = None
    if start is not None:
        assert isinstance(start, dict)
        start_grads = list(grad(cost=None, wrt=params, known_grads=start, consider_constant=end,
                                disconnected_inputs="ignore"))
    if cost is not None:
        cost_grads = list(grad(cost=cost, wrt=params, consider_constant=end, disconnected_inputs="ignore"))
    if start is None:
        grads = cost_grads
    else:
        grads = start_grads
        if cost_grads is not None:
            grads = [g + c for g, c in zip(grads, cost_grads)]
    by_param = dict(zip(params, grads))
    wrt_grads, end_grads = [by_param[k] for k in wrt], [by_param[k] for k in end]
    if details:
        return wrt_grads, end_grads, start_grads, cost_grads
    return wrt_grads, end_grads


format_as = _format_as
