"""Golden behaviour of Theano 1.0.5's function object model -> tests/golden/function_model.json

f[x] / f['name'] get and set, In(value=..., update=..., implicit=...) state, containers shared between
functions, f.defaults, f.maker (inputs, outputs, fgraph), f.copy(swap=, delete_updates=), pickling and deep
copies, trust_input, pfunc / rebuild_collect_shared, In's checks, get_value(borrow=True) buffers, default
updates, and FunctionGraph.

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_function_model.py

Cases are ``case(r, th, T)`` functions recorded with probe_function's recorder (Rec) and compared with its
compare_steps by tests/test_function_model.py; labels starting with ``info:`` are recorded, not enforced.
"""
import copy
import os
import pickle
import sys
from collections import OrderedDict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_function import Rec, exc_info  # noqa: E402
from probe_scan import record_cases, registry  # noqa: E402

CASES, case, run_case = registry(Rec, lambda e: ['<case aborted>', {'raise': exc_info(e)}, e])


def _stateful(th, T):
    x, s = T.dscalars('x', 's')
    a = T.dscalar()
    f = th.function([x, th.In(a, value=1.0, name='a'), th.In(s, value=0.0, update=s + a * x)], s + a * x)
    return f, x, a, s


@case
def state_access(r, th, T):
    f, x, a, s = _stateful(th, T)
    r('f[a], f[s], f["a"], f[1]', lambda: [f[a], f[s], f['a'], f[1]])
    r('f(3.)', f, 3.)
    r('f(3., a=2.)', lambda: f(3., a=2.))
    r('after: f[a], f[s]', lambda: [f[a], f[s]])
    f[a] = 5.0
    r('f[a] = 5 then f(3.)', f, 3.)
    r('f[s]', lambda: f[s])
    f['s'] = 1.0
    r("f['s'] = 1 then f(1.)", f, 1.)
    r('f.value[s]', lambda: f.value[s])
    r('f[x] (required, never kept)', lambda: f[x])
    r('x in f, "a" in f, 2 in f, "q" in f', lambda: [x in f, 'a' in f, 2 in f, 'q' in f])
    r('f["q"]', lambda: f['q'])
    r('f["q"] = 1', lambda: f.__setitem__('q', 1.))
    r('f[s] = "abc"', lambda: f.__setitem__(s, 'abc'))
    r('f.defaults', lambda: [list(d) for d in f.defaults])
    r('str of containers', lambda: [str(f.container[s]), f.container[s].name, str(f.container[s].type)])
    r('types', lambda: [type(f.container[a]).__name__, type(f.value[a]).__name__, len(f.input_storage)])


@case
def shared_state_between_functions(r, th, T):
    a = T.dscalar()
    x, s = T.dscalars('xs')
    f = th.function([x, th.In(a, value=1.0, name='a'), th.In(s, value=0.0, update=s + a * x, mutable=True)],
                    s + a * x)
    g = th.function([x, th.In(a, value=1.0, name='a'), th.In(s, value=f.container[s], update=s - a * x,
                                                               mutable=True)], s + a * x)
    r('f(1, 2)', f, 1, 2)
    r('f[s], g[s]', lambda: [f[s], g[s]])
    r('g(1, 2)', g, 1, 2)
    r('after g: f[s], g[s]', lambda: [f[s], g[s]])
    r('same container', lambda: g.container[s] is f.container[s])
    inc = th.function([x, th.In(s, update=(s + x), value=10.0)], [])
    dec = th.function([x, th.In(s, update=(s - x), value=inc.container[s], implicit=False)], [])
    inc[s] = 2
    r('dec[s] after inc[s] = 2', lambda: dec[s])
    r('dec(1)', dec, 1)
    r('inc[s]', lambda: inc[s])
    r('dec(1, 0)', dec, 1, 0)
    r('inc[s], dec[s]', lambda: [inc[s], dec[s]])
    h = th.function([x, th.In(a, value=inc.container[s])], x + a, on_unused_input='ignore')
    r('implicit by default: h(1.)', h, 1.)
    r('implicit given: h(1., 2.)', h, 1., 2.)
    r('implicit given by name', lambda: h(1., s=2.))


@case
def names_and_arguments(r, th, T):
    a, x, s = T.dscalars('xxx')
    f = th.function([a, x, s], a + x + s)
    r('same names: f(1, 2, 3)', f, 1, 2, 3)
    r('same names: f(1, 2, x=3)', lambda: f(1, 2, x=3))
    r("f['x']", lambda: f['x'])
    u, v = T.dscalars('u', 'v')
    g = th.function([u, th.In(v, value=2.)], u * v)
    r('g(u=3)', lambda: g(u=3))
    r('g(3, u=4)', lambda: g(3, u=4))
    r('g(3, w=4)', lambda: g(3, w=4))
    r('g(3, 4, 5)', lambda: g(3, 4, 5))
    r('g()', lambda: g())
    r('g(v=1)', lambda: g(v=1))
    w = th.shared(np.array([1., 2.]), name='w')
    k = th.function([u], w * u, updates=[(w, w + 1)])
    r("'w' in k, w in k", lambda: ['w' in k, w in k])
    r('k[w] is the shared value', lambda: [k[w], k['w']])
    k[w] = np.array([5., 6.])
    r('k[w] = ... sets the shared variable', lambda: w.get_value())
    r('k(1., w=2.)', lambda: k(1., w=np.array([1., 1.])))
    r('get_shared', lambda: [str(v) for v in k.get_shared()])
    r('info: name', lambda: os.path.basename(str(k.name)))


@case
def in_checks(r, th, T):
    x = T.dscalar('x')
    r('name not a string', lambda: th.In(x, name=[]))
    r('update of another type', lambda: th.In(x, update=T.fscalar(), value=1.))
    r('mutable without borrow', lambda: th.In(x, mutable=True, borrow=False))
    r('implicit without value', lambda: th.In(x, implicit=True))
    r('str', lambda: [str(th.In(x)), str(th.In(x, update=x + 1, value=0.)), str(th.Out(x))])
    r('flags', lambda: [[i.mutable, i.borrow, i.implicit, i.strict] for i in
                        (th.In(x), th.In(x, update=x + 1, value=0.), th.In(x, value=th.shared(1.)))])


@case
def maker_and_graph(r, th, T):
    f, x, a, s = _stateful(th, T)
    m = f.maker
    r('maker.inputs', lambda: [str(i) for i in m.inputs])
    r('maker.outputs', lambda: [type(o).__name__ for o in m.outputs] + [o.borrow for o in m.outputs])
    r('fgraph sizes', lambda: [len(m.fgraph.inputs), len(m.fgraph.outputs), m.fgraph.update_mapping])
    w = th.shared(np.array([1., 2.]), name='w')
    b = th.shared(np.array([0.5, 0.5]), name='b')
    u = T.dvector('u')
    k = th.function([u], (w * u + b).sum(), updates=[(w, w + 1)])
    r('shared inputs', lambda: [(str(i), i.implicit, i.shared, i.mutable, i.borrow) for i in k.maker.inputs])
    r('fgraph', lambda: [[str(v) for v in k.maker.fgraph.inputs], len(k.maker.fgraph.outputs),
                         k.maker.fgraph.update_mapping])
    r('fgraph clients of u', lambda: len(k.maker.fgraph.clients(k.maker.fgraph.inputs[0])))
    r('input_storage', lambda: len(k.input_storage))
    r('unpack_single, return_none, output_keys', lambda: [k.unpack_single, k.return_none, k.output_keys])
    d = th.function([u], OrderedDict([('y', u * 2)]))
    r('output_keys', lambda: d.output_keys)
    r('trust_input default', lambda: k.trust_input)


@case
def copies(r, th, T):
    f, x, a, s = _stateful(th, T)
    f(3.)
    d = copy.deepcopy(f)
    r('deepcopy keeps the state', lambda: [float(d['s']), d(1.), float(d['s']), float(f['s'])])
    p = pickle.loads(pickle.dumps(f, protocol=-1))
    r('pickle keeps the state', lambda: [float(p['s']), p(1.), float(p['s']), float(f['s'])])
    r('pickled function: the old variable', lambda: p[s])
    g = f.copy()
    r('copy starts from the default', lambda: [g[s], f[s]])
    r('copy keeps going alone (and returns a list)', lambda: [g(2.), f(2.), float(g[s]), float(f[s])])
    h = copy.copy(f)
    r('copy.copy', lambda: h[s])
    i = T.iscalar('i')
    xs = th.shared(np.arange(10.), name='xs')
    y = th.shared(value=1, name='y')
    z = th.shared(value=2, name='z')
    m = th.shared(value=0, name='m')
    y2, z2 = th.shared(value=3, name='y2'), th.shared(value=4, name='z2')
    xx = T.dscalar('xx')
    ori = th.function([i], [xx + y + z + m], updates=[(z, z + 1), (m, m + 2)], givens={xx: xs[i]})
    cpy = ori.copy(swap={y: y2, z: z2})
    r('swap calls', lambda: [ori(1), cpy(1), cpy(2)])
    r('swap values', lambda: [m.get_value(), z.get_value(), z2.get_value(), y2.get_value(), y.get_value()])
    w = T.iscalar('w')
    xf = T.fscalar('xf')
    z3 = th.shared(value=2, name='z3')
    ori2 = th.function([xf], xf + y + z3, updates={z3: z3 * 2})
    nu = ori2.copy(delete_updates=True)
    r('delete_updates', lambda: [nu(1), nu(1), z3.get_value()])
    r('delete_updates with unused inputs', lambda: th.function([xf, w], xf, updates={z3: z3 + w}).copy(
        delete_updates=True)(1., 2))
    r('swap an unknown variable', lambda: ori.copy(swap={th.shared(1., name='q'): y2}))
    r('swap with another type', lambda: ori.copy(swap={y: th.shared(np.zeros(2))}))
    n = th.function([i], i * 2, name='double')
    r('copy name', lambda: [n.copy().name, n.copy(name='x2').name])


@case
def trust_input(r, th, T):
    x, s = T.dscalars('xs')
    a = T.dscalar()
    f = th.function([x, th.In(a, value=1.0, name='a'), th.In(s, value=0.0, update=s + a * x, mutable=True)],
                    s + a * x)
    f.trust_input = True
    g = copy.deepcopy(f)
    r('deepcopy keeps trust_input', lambda: g.trust_input)
    r('array argument', lambda: f(np.asarray(2.)))
    r('python float', lambda: f(2.))
    r('copy: array argument', lambda: g(np.asarray(2.)))


@case
def pfunc_and_rebuild(r, th, T):
    pfunc = th.compile.pfunc
    x = T.dscalar('x')
    r('params not a list', lambda: pfunc(x, x))
    r('constant param', lambda: pfunc([T.constant(1.)], x))
    r('no_default_updates not bool/list', lambda: pfunc([x], x, no_default_updates='x'))
    w = th.shared(0)
    w.default_update = w + 1
    f = pfunc([], [w])
    r('default update', lambda: [f(), w.get_value()])
    del w.default_update
    r('deleted default update: compiled one stays', lambda: [f(), w.get_value(), pfunc([], [w])(), w.get_value()])
    r('del again', lambda: delattr(w, 'default_update'))
    a = th.shared(0)
    a.default_update = a + 1
    b = 2 * a
    r('default update behind an input', lambda: [pfunc([b], b)(21), a.get_value()])
    wi, xi, yi = T.imatrix(), T.ivector('x'), T.ivector('y')
    g = th.function([wi, yi], xi * yi, givens=[(xi, wi)], rebuild_strict=False)
    r('rebuild_strict=False', lambda: g(np.ones((3, 5), 'int32'), np.arange(5, dtype='int32')))
    r('rebuild_strict=True', lambda: th.function([wi, yi], xi * yi, givens=[(xi, wi)]))
    rcs = th.compile.rebuild_collect_shared
    sv = th.shared(np.ones(2), name='sv')
    sv.default_update = sv * 2
    u = T.dvector('u')
    ins, outs, (clone_d, update_d, update_expr, shared_inputs) = rcs([u + sv], [u])
    r('rebuild: inputs kept, outputs cloned', lambda: [ins[0] is u, outs[0] is not (u + sv), len(update_d),
                                                       [str(v) for v in shared_inputs]])
    r('rebuild: copy_inputs_over=False', lambda: rcs([u * 2], [u], copy_inputs_over=False)[0][0] is not u)
    r('rebuild: shared input', lambda: rcs([u * 2], [sv]))
    r('rebuild: replace depends on replaced', lambda: rcs([u * 2], [u], replace=[(u, sv), (sv, u * 3)]))
    r('rebuild: update of a non-shared', lambda: rcs([u * 2], [u], updates=[(u, u)]))
    r('rebuild: update of another type', lambda: rcs([u * 2], [u], updates=[(sv, T.fvector())]))


@case
def borrowed_buffers(r, th, T):
    w = th.shared(np.array([1., 2.]), name='w')
    f = th.function([], w * 2)
    g = th.function([], w, updates={w: w + 1})
    b = w.get_value(borrow=True)
    r('borrowed buffer is writeable', lambda: b.flags.writeable)
    b[0] = 10.
    r('a change in place is the value', lambda: [f(), w.get_value()])
    r('the same buffer again', lambda: w.get_value(borrow=True) is b)
    r('set_value of it, borrowed: the same object', lambda: [w.set_value(b, borrow=True),
                                                            w.get_value(borrow=True) is b][1])
    g()
    r('after an update: a new value', lambda: [b, w.get_value(), w.get_value(borrow=True) is b])
    r('return_internal_type', lambda: type(w.get_value(borrow=True, return_internal_type=True)).__name__)
    r('container.storage[0] is the borrowed value', lambda: w.container.storage[0] is w.get_value(borrow=True))
    v = w.get_value(borrow=False)
    v[0] = -1.
    r('a copy does not change the value', lambda: f())
    small = np.array([1., 2., 3.])
    s = th.shared(small, borrow=True)
    h = th.function([], s.sum())
    small[0] = 100.
    r('info: shared(small, borrow=True) then changed in place', h)
    d = np.array([1., 1., 1.])
    s.set_value(d, borrow=True)
    d[:] = 5.
    r('info: set_value(d, borrow=True) then changed in place', lambda: [h(), s.get_value(borrow=True) is d])


@case
def function_graphs(r, th, T):
    FunctionGraph = th.gof.FunctionGraph
    x, y = T.dvectors('x', 'y')
    z = (x + y) * x
    r('missing input', lambda: FunctionGraph([x], [z]))
    r('shared variable not an input', lambda: FunctionGraph([x, y], [z + th.shared(np.ones(2), name='s')]))
    r('input with an owner', lambda: FunctionGraph([x + 1], [x + 2]))
    fg = FunctionGraph([x, y], [z])
    r('cloned by default', lambda: [fg.inputs[0] is x, fg.outputs[0] is z, str(fg)])
    r('walks', lambda: [len(fg.apply_nodes), len(fg.variables), [str(n) for n in fg.toposort()],
                        len(fg.clients(fg.inputs[0])), fg.update_mapping])
    fg2 = FunctionGraph([x, y], [z], clone=False)
    r('clone=False', lambda: [fg2.inputs[0] is x, fg2.outputs[0] is z])
    c, equiv = fg.clone_get_equiv()
    r('clone_get_equiv', lambda: [str(c), equiv[fg.inputs[0]] is c.inputs[0], str(fg.clone())])
    fgr = FunctionGraph([x, y], [(x + y) * x])
    old = fgr.outputs[0].owner.inputs[0]
    fgr.replace(old, fgr.inputs[1] * fgr.inputs[1])
    r('replace', lambda: [str(fgr), len(fgr.apply_nodes), old in fgr.variables, len(fgr.clients(fgr.inputs[1]))])
    r('replace with an undeclared input', lambda: fgr.replace(fgr.inputs[1], T.dvector('w')))
    r('info: check_integrity (Theano fails on its own graph here)', lambda: fgr.check_integrity())
    r('check_integrity of an untouched graph', lambda: fg.check_integrity())


def main():
    record_cases(CASES, run_case, 'function_model.json')


if __name__ == '__main__':
    main()
