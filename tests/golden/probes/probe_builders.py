"""Golden behaviour of theano.OpFromGraph in Theano 1.0.5 -> tests/golden/builders.json

Inline and not: values inside functions, shared variables in the inner graph, gradients (first and second
order), grad/lop/rop overrides (callables, OpFromGraph instances, per-input lists, NullType and
DisconnectedType), connection_pattern, nesting, use inside scan, and the errors Theano raises.

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_builders.py

(it writes tests/golden/builders.json itself: Theano prints its C compiler's complaints on stdout)

Every case is a function ``case(r, th, T)`` of a recorder ``r`` (probe_scan's), the theano module and its
tensor module; tests/test_builders.py replays the same cases against theano_compat, so this module imports
nothing but numpy (and its sibling probe_scan) at module level.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_scan import record_cases, registry  # noqa: E402

CASES, case, run_case = registry()


def OfG(th):
    return th.compile.builders.OpFromGraph


A = np.arange(6.).reshape(2, 3) / 4. - 0.5
B = np.array([[1.5, -2., 0.25], [3., 0.5, -1.]])
C = np.array([[0.5, 2., -1.], [1., -0.75, 2.5]])
U = np.array([0.5, -1.5, 2., 0.25])
W = np.array([1., 2., -0.5, 3.])


@case
def straightforward(r, th, T):
    for inline in (False, True):
        x, y, z = T.dmatrices('xyz')
        op = OfG(th)([x, y, z], [x + y * z], inline=inline)
        f = th.function([x, y, z], op(x, y, z) - op(y, z, x))
        r('inline=%s value' % inline, lambda: f(A, B, C))
        r('inline=%s str' % inline, lambda: [str(op), str(op(x, y, z).type)])
    op = OfG(th)([x, y], [x * y], name='mul')
    r('named str', lambda: str(op))


@case
def several_outputs_and_dot(r, th, T):
    x, y = T.dmatrices('xy')
    op = OfG(th)([x, y], [T.dot(x, y), x.sum(axis=1)])
    q, p, s = T.dmatrices('qps')
    a, b = op(q, p)
    f = th.function([q, p, s], [a, b, op(a, s)[0]])
    r('values', lambda: f(A, B.T, np.ones((2, 4))))
    r('node outputs', lambda: [len(a.owner.outputs), len(a.owner.inputs), a.ndim, b.ndim])


@case
def inputs_of_other_types(r, th, T):
    x = T.dvector('x')
    n = T.lscalar('n')
    op = OfG(th)([x, n], [x * n, T.cast(n, 'float64') + x.sum()])
    xx, nn = T.dvector('xx'), T.lscalar('nn')
    f = th.function([xx, nn], op(xx, nn))
    r('values', lambda: f(U, 3))
    r('python constant inputs', lambda: th.function([xx], op(xx, 2)[0])(U))
    r('int vector for a float vector', lambda: op(T.lvector(), nn))
    r('matrix for a vector', lambda: op(T.dmatrix(), nn))
    r('wrong number of inputs', lambda: op(xx))
    r('float32 vector for a float64 vector', lambda: op(T.fvector(), nn))


@case
def constructor_errors(r, th, T):
    x, y = T.dvectors('xy')
    r('outputs not a list', lambda: OfG(th)([x], x * 2))
    r('outputs a tuple', lambda: OfG(th)([x], (x * 2,)))
    r('updates given', lambda: OfG(th)([x], [x * 2], updates=[]))
    r('givens given', lambda: OfG(th)([x], [x * 2], givens={}))
    r('non-variable input', lambda: OfG(th)([x, 2], [x * 2]))
    r('lop and grad overrides', lambda: OfG(th)([x], [x * 2], lop_overrides=lambda i, o, g: g,
                                                grad_overrides=lambda i, g: g))
    r('name not a string', lambda: OfG(th)([x], [x * 2], name=3))


@case
def grads(r, th, T):
    for inline in (False, True):
        x, y, z = T.dmatrices('xyz')
        op = OfG(th)([x, y, z], [x + y * z], inline=inline)
        f = op(x, y, z)
        f = f - T.grad(T.sum(f), y)
        r('inline=%s grad' % inline, lambda: th.function([x, y, z], f)(A, B, C))
        f = f - T.grad(T.sum(f), y)
        r('inline=%s grad grad' % inline, lambda: th.function([x, y, z], f)(A, B, C))
        g = T.grad(T.sum(op(x, y, z) ** 2), [x, y, z])
        r('inline=%s grads of a square' % inline, lambda: th.function([x, y, z], g)(A, B, C))


@case
def second_order_through_a_used_input(r, th, T):
    # Theano hands the gradient op a DisconnectedType for the unused output and fails; see test_builders.py
    x, y = T.dvectors('xy')
    op = OfG(th)([x, y], [x + y * y])
    g1 = T.grad(T.sum(op(x, y)), y)
    r('info: second order', lambda: th.function([x, y], T.grad(T.sum(g1), y))(U, W))


@case
def shared_in_graph(r, th, T):
    s = th.shared(np.array([[1., 2., 3.], [4., 5., 6.]]), name='s')
    x, y, z = T.dmatrices('xyz')
    op = OfG(th)([x, y, z], [x + y * z + s])
    r('shared inputs', lambda: [str(v) for v in op.shared_inputs])
    node = op(x, y, z).owner
    r('node inputs', lambda: [str(v) for v in node.inputs])
    f = th.function([x, y, z], op(x, y, z) - op(y, z, x))
    r('value', lambda: f(A, B, C))
    s.set_value(s.get_value() * 2)
    r('value after set_value', lambda: f(A, B, C))
    g = T.grad(T.sum(op(x, y, z)), [y, s])
    r('grads wrt y and s', lambda: th.function([x, y, z], g)(A, B, C))


@case
def grad_overrides(r, th, T):
    x, y = T.dvectors('xy')

    def go(inps, gs):
        x, y = inps
        g, = gs
        return [g * y * 2, g * x * 1.5]
    dedz = T.dvector('dedz')
    op_mul_grad = OfG(th)([x, y, dedz], go([x, y], [dedz]))
    xx, yy = T.dvector('xx'), T.dvector('yy')
    for label, ov in (('callable', go), ('OpFromGraph', op_mul_grad)):
        op = OfG(th)([x, y], [x * y], grad_overrides=ov)
        g = T.grad(T.sum(op(xx, yy)), [xx, yy])
        r(label, lambda: th.function([xx, yy], g)(U, W))

    def go1(inps, gs):
        return gs[0] * inps[1] * 2

    def go2(inps, gs):
        return gs[0] * inps[0] * 1.5
    w, b = T.dvectors('wb')
    op = OfG(th)([x, w, b], [x * w + b], grad_overrides=[go1, go2, 'default'])
    bb = T.dvector('bb')
    g = T.grad(T.sum(op(xx, yy, bb)), [xx, yy, bb])
    r('per-input list', lambda: th.function([xx, yy, bb], g)(U, W, U + W))
    NullType = th.gradient.NullType
    op = OfG(th)([x, w, b], [x * w + b], grad_overrides=[go1, NullType()(), th.gradient.DisconnectedType()()])
    g = T.grad(T.sum(op(xx, yy, bb)), [xx, yy, bb], return_disconnected='Disconnected',
               disconnected_inputs='ignore', null_gradients='return')
    r('NullType and DisconnectedType', lambda: [type(v.type).__name__ for v in g] + [g[0].ndim])
    r('NullType gradient raises', lambda: T.grad(T.sum(op(xx, yy, bb)), yy))
    r('DisconnectedType gradient raises', lambda: T.grad(T.sum(op(xx, yy, bb)), bb))
    r('DisconnectedType gradient ignored', lambda: th.function(
        [xx, yy, bb], T.grad(T.sum(op(xx, yy, bb)), bb, disconnected_inputs='ignore'))(U, W, U))
    op = OfG(th)([x, w], [x * w], grad_overrides=th.gradient.DisconnectedType()())
    r('one DisconnectedType for all', lambda: T.grad(T.sum(op(xx, yy)), xx))
    op = OfG(th)([x, w], [x * w], grad_overrides=[go1])
    r('list of the wrong length', lambda: T.grad(T.sum(op(xx, yy)), xx))
    op = OfG(th)([x, w], [x * w], grad_overrides=3)
    r('not callable', lambda: T.grad(T.sum(op(xx, yy)), xx))
    op = OfG(th)([x, w], [x * w], grad_overrides=lambda i, g: g[0])
    r('callable not returning a list', lambda: T.grad(T.sum(op(xx, yy)), xx))
    op = OfG(th)([x, w], [x * w], grad_overrides=x * 2)
    r('a plain variable', lambda: T.grad(T.sum(op(xx, yy)), xx))
    op = OfG(th)([x, w], [x * w], grad_overrides=OfG(th)([x], [x * 2]))
    r('OpFromGraph with too few inputs', lambda: T.grad(T.sum(op(xx, yy)), xx))


@case
def lop_overrides(r, th, T):
    x = T.dvector()
    y = 1. / (1. + T.exp(-x))

    def lop_ov(inps, outs, grads):
        y_, = outs
        dedy_, = grads
        return [2. * y_ * (1. - y_) * dedy_]
    y_, dedy = T.dvector(), T.dvector()
    op_lop_ov = OfG(th)([x, y_, dedy], [2. * y_ * (1. - y_) * dedy])
    xx = T.dvector()
    for label, ov in (('callable', lop_ov), ('OpFromGraph', op_lop_ov)):
        op = OfG(th)([x], [y], lop_overrides=ov)
        r(label, lambda: th.function([xx], T.grad(T.sum(op(xx)), xx))(U))
    op = OfG(th)([x], [y], lop_overrides=OfG(th)([x, dedy], [dedy]))
    r('OpFromGraph with too few inputs', lambda: T.grad(T.sum(op(xx)), xx))


@case
def rops(r, th, T):
    a, M = T.dvector(), T.dmatrix()
    op = OfG(th)([a, M], [T.dot(a, M)])
    x, Wm, du = T.dvector(), T.dmatrix(), T.dvector()
    r('default', lambda: th.function([x, Wm, du], T.Rop(op(x, Wm), x, du))(U, np.outer(U, W), W))
    xv, yv = T.dvectors('xy')

    def ro(inps, epts):
        x, y = inps
        u, v = epts
        return [u * y * 2. + x * v * 1.5]
    u, v = T.dvectors('uv')
    op_mul_rop = OfG(th)([xv, yv, u, v], ro([xv, yv], [u, v]))
    xx, yy, dx, dy = T.dvectors('xx', 'yy', 'dx', 'dy')
    for label, ov in (('callable', ro), ('OpFromGraph', op_mul_rop)):
        op = OfG(th)([xv, yv], [xv * yv], rop_overrides=ov)
        r(label, lambda: th.function([xx, yy, dx, dy], T.Rop(op(xx, yy), [xx, yy], [dx, dy]))(U, W, W, U))
    op = OfG(th)([xv, yv], [xv * yv, xv + yv], rop_overrides=['default', lambda i, e: e[0] * 3.])
    r('per-output list', lambda: th.function([xx, yy, dx, dy], T.Rop(op(xx, yy), [xx, yy], [dx, dy]))(U, W, W, U))
    op = OfG(th)([xv, yv], [xv * yv], rop_overrides=lambda i, e: e[0])
    r('callable not returning a list', lambda: T.Rop(op(xx, yy), [xx, yy], [dx, dy]))


@case
def connection_patterns(r, th, T):
    x, y, z = T.dmatrices('xyz')
    op1 = OfG(th)([x, y, z], [x * y, y * z])
    r('basic', lambda: op1.connection_pattern(None))
    m, n, p, q = T.dmatrices('mnpq')
    o1, o2 = op1(m, n, p)
    out1, out2 = op1(o1, q, o2)
    op2 = OfG(th)([m, n, p, q], [out1, out2])
    r('nested', lambda: op2.connection_pattern(None))
    a, b = T.dvectors('ab')
    op3 = OfG(th)([a, b], [a * 2, T.round(b) + a * 0], grad_overrides=lambda i, g: [g[0] * 2 + g[1], g[1] * 0])
    r('from the gradient', lambda: op3.connection_pattern(None))

    def f1_back(inputs, output_gradients):
        return [output_gradients[0], th.gradient.disconnected_type()]
    op = OfG(th)([a, b], [b + T.round(b)], grad_overrides=f1_back, connection_pattern=[[True], [False]],
                 on_unused_input='ignore')
    r('given', lambda: op.connection_pattern(None))
    r('grad through the given pattern', lambda: th.function([a, b], theano_grad(th, T.sum(op(a, b)), a),
                                                            on_unused_input='ignore')(U, W))


def theano_grad(th, cost, wrt):
    return th.grad(cost, wrt)


@case
def nested_ops(r, th, T):
    x, y = T.dvectors('xy')
    op_ft = OfG(th)([x, y], [x + y, x - y])
    op_ift = OfG(th)([x, y], [(x + y) / 2, (x - y) / 2])
    xx, yy = T.dvectors('xx', 'yy')
    xx2, yy2 = op_ift(*op_ft(xx, yy))
    r('round trip', lambda: th.function([xx, yy], [xx2, yy2])(U, W))
    outer = OfG(th)([x, y], [op_ft(x, y)[0] * op_ft(y, x)[1]])
    r('op of ops', lambda: th.function([xx, yy], outer(xx, yy))(U, W))
    r('info: grad of op of ops', lambda: th.function([xx, yy], T.grad(T.sum(outer(xx, yy) ** 2), [xx, yy]))(U, W))


@case
def in_scan(r, th, T):
    x, h = T.dvector('x'), T.dvector('h')
    step_op = OfG(th)([x, h], [T.tanh(x + 0.5 * h)])
    xs, h0 = T.dmatrix('xs'), T.dvector('h0')
    hs, _ = th.scan(lambda x_t, h_tm1: step_op(x_t, h_tm1), sequences=xs, outputs_info=h0)
    xsv = np.arange(8.).reshape(4, 2) / 8. - 0.3
    r('forward', lambda: th.function([xs, h0], hs)(xsv, np.array([0.1, -0.2])))
    g = T.grad(T.sum(hs[-1] ** 2), [xs, h0])
    r('grads', lambda: th.function([xs, h0], g)(xsv, np.array([0.1, -0.2])))
    ov = OfG(th)([x, h], [T.tanh(x + 0.5 * h)], grad_overrides=lambda i, g: [g[0] * 3., g[0] * 0.])
    hs2, _ = th.scan(lambda x_t, h_tm1: ov(x_t, h_tm1), sequences=xs, outputs_info=h0)
    g2 = T.grad(T.sum(hs2[-1]), xs)
    r('overridden grad inside scan', lambda: th.function([xs, h0], g2)(xsv, np.array([0.1, -0.2])))


@case
def updates_and_random_state(r, th, T):
    srng = th.tensor.shared_randomstreams.RandomStreams(seed=234)
    rv = srng.uniform((2, 2))
    x = T.dmatrix('x')
    op = OfG(th)([x], [x + rv])
    r('shared inputs', lambda: [type(v).__name__ for v in op.shared_inputs])
    f = th.function([x], op(x))
    v1, v2 = f(np.zeros((2, 2))), f(np.zeros((2, 2)))
    r('two calls differ', lambda: bool(np.any(v1 != v2)))
    r('values in [0, 1)', lambda: bool(np.all((v1 >= 0) & (v1 < 1))))


def main():
    record_cases(CASES, run_case, 'builders.json')


if __name__ == '__main__':
    main()
