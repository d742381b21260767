"""Golden Python-level behaviour of Theano 1.0.5's variables -> tests/golden/variables.json

What libraries observe of a symbolic variable without compiling it: iterating a vector whose length the
graph tells (x.shape, x.shape[:2]) and the errors for others, len(), indexing with a list holding slices,
numpy object arrays of symbolic scalars (and arithmetic on them), the order of gof.graph.inputs, SharedVariable
types against T.lvector & co, clone(), and get_value(return_internal_type=True).

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_variables.py

Cases are ``case(r, th, T)`` functions recorded with probe_function's recorder; tests/test_variables.py
replays them.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_function import Rec, exc_info  # noqa: E402
from probe_scan import record_cases, registry  # noqa: E402

CASES, case, run_case = registry(Rec, lambda e: ['<case aborted>', {'raise': exc_info(e)}, e])
M = np.arange(12.).reshape(3, 4)


@case
def iterating_vectors(r, th, T):
    x = T.dmatrix('x')
    t = T.tensor4('t')
    r('a, b = x.shape', lambda: [str(d) for d in x.shape])
    r('x.shape[:2]', lambda: [str(d) for d in x.shape[:2]])
    for label, v in [('t.shape[2:]', t.shape[2:]), ('t.shape[-2:]', t.shape[-2:]), ('t.shape[1:3]', t.shape[1:3]),
                     ('t.shape[:10]', t.shape[:10]), ('t.shape[::2]', t.shape[::2]), ('t.shape[-9:]', t.shape[-9:]),
                     ('T.stack([a, b, c])', T.stack([T.dscalar(), T.dscalar(), T.dscalar()])),
                     ('constant vector', T.constant(np.array([1., 2.]))), ('broadcastable vector', T.row()[0])]:
        r('len of ' + label, lambda v=v: len(list(v)))
    r('values of x.shape[1:]', lambda: th.function([x], list(x.shape[1:]))(M))
    for label, v in [('a vector', T.dvector('v')), ('x.shape[::-1]', x.shape[::-1]), ('T.arange(3)', T.arange(3)),
                     ('t.shape[:T.iscalar()]', t.shape[:T.iscalar('k')]),
                     ('concatenate of shapes', T.concatenate([x.shape, t.shape]))]:
        r('iterate ' + label, lambda v=v: [type(e).__name__ for e in v])
    r('iterate a matrix', lambda: list(x))
    r('iterate a scalar', lambda: list(T.dscalar()))
    r('len(vector)', lambda: len(T.dvector()))
    r('len(x.shape)', lambda: len(x.shape))
    r('reversed(x.shape)', lambda: list(reversed(x.shape)))
    r('get_vector_length', lambda: [T.get_vector_length(x.shape), T.get_vector_length(t.shape[1:])])
    r('get_vector_length of a matrix', lambda: T.get_vector_length(x))


@case
def indexing_with_lists(r, th, T):
    x = T.dmatrix('x')
    r('x[[slice(0, 2), 1]]', lambda: th.function([x], x[[slice(0, 2), 1]])(M))
    r('x[[slice(None), slice(1, 3)]]', lambda: th.function([x], x[[slice(None), slice(1, 3)]])(M))
    r('x[[0, 2]] (advanced)', lambda: th.function([x], x[[0, 2]])(M))
    r('x[[slice(1, None)]]', lambda: th.function([x], x[[slice(1, None)]])(M))
    r('ndims', lambda: [x[[slice(0, 2), 1]].ndim, x[[0, 2]].ndim])


@case
def object_arrays_of_scalars(r, th, T):
    s1, s2 = T.dscalars('s1', 's2')
    arr = np.array([s1, s2])
    r('np.array([s1, s2])', lambda: [str(arr.dtype), list(arr.shape), type(arr[0]).__name__, arr[0] is s1])
    r('sum of it', lambda: th.function([s1, s2], arr.sum())(1., 2.))
    m = np.array([[s1, s2], [s2, s1]])
    r('2-d: shape, dtype', lambda: [list(m.shape), str(m.dtype)])
    r('np.dot with numbers', lambda: th.function([s1, s2], list(np.dot(m, np.array([1., 2.]))))(1., 3.))
    r('T.stack of it', lambda: th.function([s1, s2], T.stack(list(arr)))(1., 2.))
    r('as_tensor_variable of it', lambda: th.function([s1, s2], T.as_tensor_variable(list(arr)) * 2)(1., 2.))
    v = T.dvector('v')
    r('np.array(vector)', lambda: [str(np.array(v).dtype), list(np.array(v).shape)])
    r('np.asarray of a list with a vector', lambda: [str(np.asarray([v, v], dtype=object).dtype)])
    r('bool of a variable', lambda: bool(s1))
    r('in a list', lambda: [s1 in [s2, s1], s1 == s1, s1 == s2])


@case
def graph_inputs_order(r, th, T):
    s1, s2 = T.dscalars('s1', 's2')
    x = T.dmatrix('x')
    w = th.shared(np.zeros((2, 2)), name='w')
    r('inputs', lambda: [str(v) for v in th.gof.graph.inputs([(s2 + s1) * x])])
    r('inputs of two outputs', lambda: [str(v) for v in th.gof.graph.inputs([s1 * x + w, T.dot(x, w) + s2])])
    r('inputs with a constant', lambda: [str(v) for v in th.gof.graph.inputs([s1 + 2 * s2])])
    r('variables', lambda: len(th.gof.graph.variables([s1, s2], [(s1 + s2) * s1])))
    r('ancestors', lambda: [str(v) for v in th.gof.graph.ancestors([(s2 + s1) * s2])])


@case
def shared_variable_types(r, th, T):
    lv = th.shared(np.zeros(3, dtype='int64'))
    r('T.lvector == its type', lambda: [T.lvector == lv.type, lv.type == T.lvector, str(lv.type)])
    r('T.dmatrix == a float64 matrix type', lambda: th.shared(np.zeros((2, 2))).type == T.dmatrix)
    r('T.fscalar == shared(np.float32(1)).type', lambda: th.shared(np.float32(1)).type == T.fscalar)
    r('shared(7).type', lambda: [str(th.shared(7).type), th.shared(7).type == T.lscalar])
    r('types of types', lambda: [type(T.lvector).__name__, type(lv.type).__name__, str(T.lvector)])
    r('a variable of T.lvector', lambda: [T.lvector('a').type == lv.type, str(T.lvector('a').type)])
    c = lv.clone()
    r('clone', lambda: [c is lv, c.type == lv.type, c.container is lv.container, c.name == lv.name])
    lv.set_value(np.array([4, 5], dtype='int64'))
    r('clone sees the value', lambda: c.get_value())
    r('return_internal_type', lambda: type(lv.get_value(return_internal_type=True)).__name__)
    g = th.shared([1, 2])
    r('generic shared', lambda: [str(g.type), g.get_value(), type(g.get_value(borrow=True)).__name__])
    f = th.shared(np.zeros(2, dtype='float32'), allow_downcast=True)
    f.set_value(np.array([1.5, 2.5]))
    r('allow_downcast set_value', lambda: [str(f.get_value().dtype), f.get_value()])
    st = th.shared(np.zeros(2), strict=True)
    r('strict set_value of a list', lambda: st.set_value([1., 2.]))
    r('strict set_value of float32', lambda: st.set_value(np.zeros(2, dtype='float32')))
    r('set_value of another ndim', lambda: lv.set_value(np.zeros((2, 2), dtype='int64')))


@case
def test_values(r, th, T):
    old = th.config.compute_test_value
    try:
        th.config.compute_test_value = 'raise'
        x = T.dmatrix('x')
        x.tag.test_value = np.arange(6.).reshape(2, 3)
        y = T.dot(x, x.T) + 1
        r('a graph computes its test values', lambda: y.tag.test_value)
        r('reductions and indexing', lambda: [x.sum(axis=0).tag.test_value, x[1, 2:].tag.test_value,
                                              T.nnet.sigmoid(x).tag.test_value.shape])
        r('shape mismatch raises where it is written', lambda: x + T.ones((3, 3)))
        z = T.dmatrix('z')
        r('missing test value', lambda: x + z)
        r('a test value of the wrong type', lambda: _set_and_use(T.dvector('v'), np.zeros((2, 2)), T))
        s = T.dscalar('s')
        s.tag.test_value = 2.
        op = th.OpFromGraph([s], [s ** 3])
        out = op(s)
        r('OpFromGraph and its gradient', lambda: [out.tag.test_value, T.grad(out, s).tag.test_value])
        seq = T.dvector('seq')
        seq.tag.test_value = np.array([1., 2., 3.])
        res, _ = th.scan(lambda u, acc: acc + u, sequences=[seq], outputs_info=[T.constant(np.float64(0.))])
        r('scan', lambda: res.tag.test_value)
        th.config.compute_test_value = 'ignore'
        r('ignore: no test value, no error', lambda: hasattr((x + z).tag, 'test_value'))
        th.config.compute_test_value = 'off'
        r('off: nothing computed', lambda: hasattr((x * 2).tag, 'test_value'))
    finally:
        th.config.compute_test_value = old


def _set_and_use(v, value, T):
    v.tag.test_value = value
    return v * 2


def main():
    record_cases(CASES, run_case, 'variables.json')


if __name__ == '__main__':
    main()
