"""Golden behaviour of user-written Ops in Theano 1.0.5 -> tests/golden/user_ops.json

Extending Theano as its documentation teaches: a theano.Op subclass with make_node / perform / grad /
infer_shape / R_op / __props__, an Op typed by itypes/otypes, as_op, a scipy-backed op with a gradient,
several outputs, default_output, ops inside scan and in gradients, and the errors Theano raises.

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_user_ops.py > tests/golden/user_ops.json

Every case is a function ``case(r, th, T)`` of a recorder ``r`` (probe_scan's), the theano module and its
tensor module; tests/test_user_ops.py replays the same cases against theano_compat, so this module imports
nothing but numpy (and its sibling probe_scan) at module level.
"""
import json
import os
import sys
from collections import OrderedDict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_scan import Rec  # noqa: E402  (the recorder and comparison every scan-style probe shares)

CASES = OrderedDict()


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def run_case(name, th, T):
    r = Rec()
    try:
        CASES[name](r, th, T)
    except Exception as e:
        r.steps.append(['<case aborted>', {'raise': {'error': type(e).__name__, 'msg': str(e)[:300]}}])
    return r.steps


X = np.arange(6.).reshape(2, 3) - 2.5
V = np.array([0.5, 1.5, 2.5, 4.0])


def double_op(th, T):
    """The documentation's DoubleOp1 (with the R_op of its DoubleOp2)."""
    class DoubleOp(th.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return th.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            output_storage[0][0] = inputs[0] * 2

        def infer_shape(self, node, i0_shapes):
            return i0_shapes

        def grad(self, inputs, output_grads):
            return [output_grads[0] * 2]

        def R_op(self, inputs, eval_points):
            if eval_points[0] is None:
                return eval_points
            return self.grad(inputs, eval_points)
    return DoubleOp


@case
def doc_double_op(r, th, T):
    DoubleOp = double_op(th, T)
    x = T.matrix('x')
    y = DoubleOp()(x)
    r('str', lambda: [str(DoubleOp()), str(y), str(y.owner), y.type == x.type, DoubleOp() == DoubleOp(),
                      hash(DoubleOp()) == hash(DoubleOp())])
    f = th.function([x], y)
    r('value', lambda: f(X))
    r('value f32 input', lambda: th.function([x], DoubleOp()(x) + 1)(X.astype(th.config.floatX)))
    r('shape', lambda: th.function([x], y.shape)(X))
    g = th.function([x], T.grad((y * T.arange(3)).sum(), x))
    r('grad', lambda: g(X))
    ev = T.matrix('ev')
    r('Rop', lambda: th.function([x, ev], T.Rop(y, x, ev), on_unused_input='ignore')(X, X * X))
    r('Lop', lambda: th.function([x, ev], T.Lop(y, x, ev), on_unused_input='ignore')(X, X * X))
    r('Rop through tanh', lambda: th.function([x, ev], T.Rop(T.tanh(DoubleOp()(x)).sum(), x, ev))(X, X * X))
    r('twice', lambda: th.function([x], DoubleOp()(DoubleOp()(x)).sum())(X))
    r('wrong ndim call', lambda: f(V))

    class NoShape(DoubleOp):
        infer_shape = None
    h = th.function([x], NoShape()(x) - 1)
    r('no infer_shape', lambda: [h(X), h(X + 1), h(X[:1]), h(np.ones((3, 1))), h(X[:1])])


@case
def itypes_otypes(r, th, T):
    class DoubleOp2(th.Op):
        __props__ = ()
        itypes = [T.dmatrix]
        otypes = [T.dmatrix]

        def perform(self, node, inputs, output_storage):
            output_storage[0][0] = inputs[0] * 2

    x = T.dmatrix('x')
    r('value', lambda: th.function([x], DoubleOp2()(x))(X))
    r('wrong type', lambda: DoubleOp2()(T.fmatrix('y')))
    r('wrong count', lambda: DoubleOp2()(x, x))
    r('no grad', lambda: T.grad(DoubleOp2()(x).sum(), x))


@case
def props_op(r, th, T):
    class ScaleOp(th.Op):
        __props__ = ('factor', 'offset')

        def __init__(self, factor, offset=0):
            self.factor = factor
            self.offset = offset

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return th.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            output_storage[0][0] = inputs[0] * self.factor + self.offset

        def grad(self, inputs, output_grads):
            return [output_grads[0] * self.factor]

    r('str', lambda: [str(ScaleOp(3)), str(ScaleOp(2.5, offset=1)), ScaleOp(3) == ScaleOp(3),
                      ScaleOp(3) == ScaleOp(4), ScaleOp(3) != ScaleOp(4), hash(ScaleOp(3)) == hash(ScaleOp(3)),
                      ScaleOp(3)._props(), sorted(ScaleOp(3)._props_dict().items())])
    v = T.dvector('v')
    out = ScaleOp(3, offset=1)(v)
    r('value', lambda: th.function([v], [out, ScaleOp(-0.5)(out)])(V))
    r('grad', lambda: th.function([v], T.grad(ScaleOp(3)(ScaleOp(2)(v)).sum(), v))(V))


@case
def as_op_dot(r, th, T):
    as_op = th.compile.ops.as_op

    def infer_shape_numpy_dot(node, input_shapes):
        ashp, bshp = input_shapes
        return [ashp[:-1] + bshp[-1:]]

    @as_op(itypes=[T.dmatrix, T.dmatrix], otypes=[T.dmatrix], infer_shape=infer_shape_numpy_dot)
    def numpy_dot(a, b):
        return np.dot(a, b)

    @as_op(itypes=[T.dvector], otypes=[T.dvector, T.dscalar])
    def cumsum_and_total(a):
        return np.cumsum(a), np.asarray(np.sum(a))

    a, b = T.dmatrix('a'), T.dmatrix('b')
    out = numpy_dot(a, b)
    r('str', lambda: [str(numpy_dot), str(out.owner)])
    r('value', lambda: th.function([a, b], out)(X, X.T))
    r('shape', lambda: th.function([a, b], out.shape)(X, X.T))
    v = T.dvector('v')
    r('two outputs', lambda: th.function([v], cumsum_and_total(v))(V))
    r('grad', lambda: T.grad(out.sum(), a))
    r('bad itypes', lambda: as_op(itypes=[np.float64], otypes=[T.dvector])(np.cumsum))
    r('wrong input type', lambda: numpy_dot(a, T.fmatrix('c')))


@case
def scipy_gammaln(r, th, T):
    """A scipy-backed op with a gradient: log Gamma with the digamma as its derivative."""
    import scipy.special

    class GammaLn(th.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return th.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            output_storage[0][0] = np.asarray(scipy.special.gammaln(inputs[0]), dtype=node.outputs[0].dtype)

        def infer_shape(self, node, shapes):
            return shapes

        def grad(self, inputs, output_grads):
            return [output_grads[0] * T.psi(inputs[0])]

    x = T.dvector('x')
    y = GammaLn()(x)
    r('value', lambda: th.function([x], y)(V))
    r('grad', lambda: th.function([x], T.grad(y.sum(), x))(V))
    r('hessian diag', lambda: th.function([x], T.grad(T.grad(y.sum(), x).sum(), x))(V))
    xf = T.fvector('xf')
    r('float32', lambda: th.function([xf], GammaLn()(xf) * 2)(V.astype('float32')))


@case
def multiple_outputs(r, th, T):
    class SplitOp(th.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return th.Apply(self, [x], [x.type(), x.type(), T.lscalar()])

        def perform(self, node, inputs, output_storage):
            x = inputs[0]
            output_storage[0][0] = x + 1
            output_storage[1][0] = x * x
            output_storage[2][0] = np.asarray(x.size, dtype='int64')

        def infer_shape(self, node, shapes):
            return [shapes[0], shapes[0], ()]

        def grad(self, inputs, output_grads):
            g0, g1, g2 = output_grads
            return [g0 + 2 * inputs[0] * g1]

    class Second(SplitOp):
        default_output = 1

    v = T.dvector('v')
    outs = SplitOp()(v)
    r('types', lambda: [type(outs).__name__, len(outs), [str(o.type) for o in outs]])
    r('values', lambda: th.function([v], outs)(V))
    r('grad of both', lambda: th.function([v], T.grad(outs[0].sum() + outs[1].sum(), v))(V))
    r('grad of one', lambda: th.function([v], T.grad(outs[1].sum(), v))(V))
    sec = Second()(v)
    r('default_output', lambda: [str(sec.type), th.function([v], sec)(V)])
    r('return_list', lambda: len(SplitOp()(v, return_list=True)))


@case
def in_scan_and_updates(r, th, T):
    DoubleOp = double_op(th, T)
    x = T.dvector('x')
    out, upd = th.scan(lambda xt, acc: DoubleOp()(acc) + xt, sequences=x, outputs_info=T.zeros((), 'float64'))
    f = th.function([x], [out, T.grad(out[-1], x)])
    r('scan', lambda: f(V))
    w = th.shared(np.ones(3), name='w')
    step = th.function([], w.sum(), updates=[(w, DoubleOp()(w) - 0.5)])
    r('updates', lambda: [step(), step(), w.get_value()])


@case
def errors(r, th, T):
    class Failing(th.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return th.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            if inputs[0].sum() < 0:
                raise ValueError('negative input')
            output_storage[0][0] = inputs[0] + 1

        def infer_shape(self, node, shapes):
            return shapes

    class NoneGrad(Failing):
        def grad(self, inputs, output_grads):
            return [None]

    class UndefinedGrad(Failing):
        def grad(self, inputs, output_grads):
            return [th.gradient.grad_undefined(self, 0, inputs[0])]

    class DisconnectedGrad(Failing):
        def grad(self, inputs, output_grads):
            return [th.gradient.DisconnectedType()()]

    v = T.dvector('v')
    w = th.shared(np.ones(4), name='w')
    f = th.function([v], Failing()(v), updates=[(w, w + 1)])
    r('ok', lambda: f(V))
    r('perform raises', lambda: f(-V))
    r('state after the failed call', lambda: w.get_value())
    r('no perform', lambda: th.function([v], th.Op()(v)))
    r('None grad', lambda: T.grad(NoneGrad()(v).sum(), v))
    r('undefined grad', lambda: T.grad(UndefinedGrad()(v).sum(), v))
    r('disconnected grad', lambda: T.grad(DisconnectedGrad()(v).sum(), v))
    r('disconnected grad ignored',
      lambda: str(T.grad(DisconnectedGrad()(v).sum(), v, disconnected_inputs='ignore').type))
    r('no R_op', lambda: T.Rop(Failing()(v), v, v))


@case
def rng_mrg_op_classes(r, th, T):
    """Theano's own perform-style op (DotModulo) and the mrg_uniform op class, as test_rng_mrg uses them."""
    import importlib
    rng_mrg = importlib.import_module(th.__name__ + '.sandbox.rng_mrg')
    a, s, m = T.lmatrix('a'), T.ivector('s'), T.iscalar('m')
    f = th.function([a, s, m], rng_mrg.DotModulo()(a, s, m, a, s, m))
    A = (np.arange(9).reshape(3, 3) * 123456789 + 7).astype('int64')
    S = np.array([11, 2 ** 30 + 3, 99], 'int32')
    r('DotModulo', lambda: f(A, S, np.asarray(2 ** 31 - 5, 'int32')))
    rstate = th.shared(np.array([[12345] * 6], dtype='int32'))
    new, u = rng_mrg.mrg_uniform.new(rstate, 2, 'float32', (1, 4))
    r('mrg_uniform.new', lambda: [str(new.owner.op), str(u.type), isinstance(u.owner.op, rng_mrg.mrg_uniform),
                                  new.owner.op == rng_mrg.mrg_uniform(T.TensorType('float32', (False, False)))])
    r('mrg_uniform draw', lambda: th.function([], [u, new])())
    draw = rng_mrg.MRG_RandomStreams(234).uniform((2, 3))
    r('streams use mrg_uniform', lambda: any(isinstance(v.owner.op, rng_mrg.mrg_uniform)
                                             for v in th.gof.graph.ancestors([draw]) if v.owner is not None))


def main():
    import theano
    import theano.tensor as T
    out = {'theano': theano.__version__, 'cases': {}}
    for name in CASES:
        out['cases'][name] = {'steps': run_case(name, theano, T)}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
