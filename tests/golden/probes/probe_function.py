"""Golden semantics of theano.function / In / shared / printing in Theano 1.0.5 -> tests/golden/function.json

Regenerate (from the repository root):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_function.py

Every case below is a plain function ``case(r, th, T)`` of a recorder ``r`` and the modules
``th`` (theano or theano_compat) and ``T`` (their .tensor).  It records a sequence of *steps*:
``r(label, fn, *args, **kw)`` calls ``fn`` and records its result (encoded: python type,
numpy dtype, shape, values) or the exception it raised (class name, module, MRO, message);
``r.value(label, v)`` records a value (typically ``w.get_value()`` after a step, to see whether
shared state changed).  The same case functions are replayed by tests/test_function.py,
tests/test_shared.py and tests/test_printing.py against theano_compat and compared with the
recorded steps, so this module must import without Theano (numpy only).

Step labels starting with ``info:`` record Theano behaviour that the tests do not enforce
(e.g. memory aliasing of borrow=True); steps made with ``warn=True`` also record the
UserWarning classes emitted (and the tests check them, including "no warning").
"""
import builtins
import io
import json
import math
import os
import sys
import warnings
from collections import OrderedDict

import numpy as np

CASES = OrderedDict()   # name -> (group, function)
FLOAT32_CASES = []      # names of the cases also recorded under floatX=float32


def case(group, float32=False):
    def deco(fn):
        CASES[fn.__name__] = (group, fn)
        if float32:
            FLOAT32_CASES.append(fn.__name__)
        return fn
    return deco


# ---------------------------------------------------------------- encoding / recording

def _num(x):
    if isinstance(x, float) and not math.isfinite(x):
        return repr(x)
    if isinstance(x, complex):
        return repr(x)
    return x


def _vals(a):
    if a.dtype.kind == 'c':
        return repr(a.tolist())
    if a.dtype.kind == 'f':
        lst = a.astype('float64').tolist()
    else:
        lst = a.tolist()

    def fix(v):
        return [fix(i) for i in v] if isinstance(v, list) else _num(v)
    return fix(lst)


def enc(v):
    """Encode a python / numpy value as JSON (type, dtype, shape, values)."""
    if isinstance(v, np.ndarray):
        return {'type': 'ndarray', 'dtype': str(v.dtype), 'shape': list(v.shape), 'value': _vals(v)}
    if isinstance(v, np.generic):
        return {'type': 'npscalar', 'dtype': str(v.dtype), 'value': _vals(np.asarray(v))}
    if v is None or isinstance(v, (bool, int, float, str, complex)):
        return {'type': type(v).__name__, 'value': _num(v)}
    if isinstance(v, (list, tuple)):
        return {'type': type(v).__name__, 'items': [enc(i) for i in v]}
    if isinstance(v, dict):
        return {'type': 'dict', 'items': [[str(k), enc(v[k])] for k in sorted(v, key=str)]}
    return {'type': 'object', 'class': type(v).__name__}


def exc_info(e):
    mro = ['%s.%s' % (c.__module__, c.__name__) for c in type(e).__mro__
           if c not in (object, BaseException, Exception)]
    return {'error': type(e).__name__, 'module': type(e).__module__, 'mro': mro, 'msg': str(e)[:400]}


class Rec(object):
    def __init__(self):
        self.steps = []   # [label, encoded-step, raw result or exception]

    def __call__(self, label, fn, *args, **kw):
        warn = kw.pop('warn', False)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            try:
                v = fn(*args, **kw)
            except Exception as e:
                step = {'raise': exc_info(e)}
                v = e
            else:
                step = {'ok': enc(v)}
        if warn:
            step['warnings'] = sorted({w.category.__name__ for w in caught
                                       if issubclass(w.category, UserWarning)})
        self.steps.append([label, step, v])
        return None if 'raise' in step else v

    def value(self, label, v):
        self.steps.append([label, {'ok': enc(v)}, v])
        return v


def run_case(name, th, T):
    r = Rec()
    group, fn = CASES[name]
    try:
        fn(r, th, T)
    except Exception as e:   # an unexpected failure outside a recorded step
        r.steps.append(['<case aborted>', {'raise': exc_info(e)}, e])
    return r.steps


# ---------------------------------------------------------------- comparison (used by the tests)

_TOL = {'float16': (1e-3, 1e-3), 'float32': (1e-5, 1e-6), 'float64': (1e-6, 1e-12),
        'complex64': (1e-5, 1e-6), 'complex128': (1e-6, 1e-12)}


def _close(a, b, dtype):
    if dtype in _TOL and dtype.startswith('float'):
        rtol, atol = _TOL[dtype]
        fa = np.array(_unnum(a), dtype='float64')
        fb = np.array(_unnum(b), dtype='float64')
        return fa.shape == fb.shape and bool(np.allclose(fa, fb, rtol=rtol, atol=atol, equal_nan=True))
    return a == b


def _unnum(v):
    if isinstance(v, list):
        return [_unnum(i) for i in v]
    if isinstance(v, str) and v in ('nan', 'inf', '-inf'):
        return float(v)
    return v


def compare_enc(exp, got, where='value'):
    """Mismatch messages between two encoded values (empty list if they agree)."""
    if exp.get('type') != got.get('type'):
        return ['%s: python type %s, expected %s (%r)' % (where, got.get('type'), exp.get('type'), exp)]
    t = exp['type']
    out = []
    if t in ('ndarray', 'npscalar'):
        if exp['dtype'] != got['dtype']:
            out.append('%s: dtype %s, expected %s' % (where, got['dtype'], exp['dtype']))
        if t == 'ndarray' and exp['shape'] != got['shape']:
            out.append('%s: shape %s, expected %s' % (where, got['shape'], exp['shape']))
        elif not _close(exp['value'], got['value'], exp['dtype']):
            out.append('%s: value %r, expected %r' % (where, got['value'], exp['value']))
    elif t in ('list', 'tuple'):
        if len(exp['items']) != len(got['items']):
            out.append('%s: %d items, expected %d' % (where, len(got['items']), len(exp['items'])))
        else:
            for i, (e, g) in enumerate(zip(exp['items'], got['items'])):
                out += compare_enc(e, g, '%s[%d]' % (where, i))
    elif t == 'dict':
        ek = [k for k, _ in exp['items']]
        gk = [k for k, _ in got['items']]
        if ek != gk:
            out.append('%s: keys %s, expected %s' % (where, gk, ek))
        else:
            for (k, e), (_, g) in zip(exp['items'], got['items']):
                out += compare_enc(e, g, '%s[%r]' % (where, k))
    elif t == 'float':
        if not _close(exp['value'], got['value'], 'float64'):
            out.append('%s: %r, expected %r' % (where, got['value'], exp['value']))
    elif exp != got:
        out.append('%s: %r, expected %r' % (where, got, exp))
    return out


def compare_exception(exp, e, compat_pkg='theano_compat'):
    """Mismatch messages between a recorded exception and an exception object.

    The class name must be the same; the exception must be an instance of every builtin
    class of the recorded MRO; a Theano class ``theano.a.b.Cls`` must be importable as
    ``theano_compat.a.b.Cls`` and the exception must be an instance of it."""
    import importlib
    out = []
    if type(e).__name__ != exp['error']:
        out.append('raised %s.%s (%s), expected %s.%s (%s)' % (
            type(e).__module__, type(e).__name__, str(e)[:200], exp['module'], exp['error'], exp['msg'][:200]))
    for path in exp['mro']:
        mod, _, cls = path.rpartition('.')
        if mod == 'builtins':
            want = getattr(builtins, cls)
        elif mod == 'theano' or mod.startswith('theano.'):
            cmod = compat_pkg + mod[len('theano'):]
            try:
                want = getattr(importlib.import_module(cmod), cls)
            except (ImportError, AttributeError) as ie:
                out.append('%s.%s is not importable: %s' % (cmod, cls, ie))
                continue
        else:
            continue
        if not isinstance(e, want):
            out.append('raised %s.%s is not an instance of %s.%s' % (
                type(e).__module__, type(e).__name__, want.__module__, want.__name__))
    return out


def compare_steps(expected, got_steps):
    """expected: the JSON steps of one case; got_steps: run_case(...) of theano_compat."""
    out = []
    if [s[0] for s in expected] != [s[0] for s in got_steps]:
        return ['steps %s, expected %s' % ([s[0] for s in got_steps], [s[0] for s in expected])] + [
            '%s: %s' % (s[0], s[1]) for s in got_steps if 'raise' in s[1]]
    for (label, exp), (_, got, raw) in zip(expected, got_steps):
        if label.startswith('info:'):
            continue
        if 'raise' in exp:
            if 'raise' not in got:
                out.append('%s: returned %r, expected %s(%s)' % (label, got['ok'], exp['raise']['error'],
                                                                exp['raise']['msg'][:150]))
            else:
                out += ['%s: %s' % (label, m) for m in compare_exception(exp['raise'], raw)]
        else:
            if 'raise' in got:
                out.append('%s: raised %s.%s(%s), expected %r' % (
                    label, got['raise']['module'], got['raise']['error'], got['raise']['msg'][:300], exp['ok']))
            else:
                out += compare_enc(exp['ok'], got['ok'], label)
        if 'warnings' in exp and exp['warnings'] != got.get('warnings'):
            out.append('%s: UserWarnings %s, expected %s' % (label, got.get('warnings'), exp['warnings']))
    return out


# ================================================================ cases: theano.function

def _setitem(a, i, v):
    a[i] = v


@case('function')
def one_output_is_ndarray(r, th, T):
    x = T.dvector('x')
    f = th.function([x], x * 2)
    r('f([1., 2.])', f, [1., 2.])
    r('f(array)', f, np.array([1., 2.]))
    s = T.dscalar('s')
    g = th.function([s], s * 2)
    r('scalar output', g, 3.0)


@case('function')
def list_tuple_dict_outputs(r, th, T):
    x = T.dscalar('x')
    r('list', lambda: th.function([x], [x * 2, x + 1])(3.))
    r('list of one', lambda: th.function([x], [x * 2])(3.))
    r('tuple', lambda: th.function([x], (x * 2, x + 1))(3.))
    r('dict', lambda: th.function([x], OrderedDict([('a', x * 2), ('b', x + 1)]))(3.))


@case('function')
def empty_and_missing_outputs(r, th, T):
    x = T.dscalar('x')
    r('function([], [])()', lambda: th.function([], [])())
    r('function([x], []) (x unused)', lambda: th.function([x], []))
    r("function([x], [], on_unused_input='ignore')(1.)",
      lambda: th.function([x], [], on_unused_input='ignore')(1.))
    r("function([x], on_unused_input='ignore')(1.)",
      lambda: th.function([x], on_unused_input='ignore')(1.))
    r('function([x], x)(3.)', lambda: th.function([x], x)(3.))


def _outputs_by_label(r, f, labels, *args):
    """Call f(*args) (a function with one output per label) and record each output as a step."""
    outs = r('f(...)', f, *args)
    if outs is not None:
        for label, o in zip(labels, outs):
            r.value(label, o)


@case('function')
def output_dtypes_and_values(r, th, T):
    fv = T.fvector('fv')      # called with [1, 2]
    iv = T.ivector('iv')      # called with [-7, 3]
    i = T.iscalar('i')        # 7
    b = T.bscalar('b')        # 127
    l = T.lscalar('l')        # -7
    outs = OrderedDict([
        ('fvector * 2', fv * 2), ('fvector * 0.1', fv * 0.1), ('fvector + 0.5', fv + 0.5),
        ('ivector / 2', iv / 2), ('ivector // 2', iv // 2), ('ivector % 3', iv % 3),
        ('ivector * 1.5', iv * 1.5), ('iscalar + 1', i + 1), ('bscalar + 1 (127 wraps)', b + 1),
        ('lscalar // 2 (-7)', l // 2), ('lscalar % 2 (-7)', l % 2), ('iscalar ** 2', i ** 2),
        ('ivector < 2', iv < 2), ('ivector.mean()', iv.mean()), ('ivector.sum()', iv.sum()),
        ('fvector.sum()', fv.sum()), ('fvector.mean()', fv.mean()), ('fvector.argmax()', fv.argmax()),
        ('T.exp(ivector)', T.exp(iv)), ('T.exp(bscalar)', T.exp(b)), ('T.sqrt(iscalar)', T.sqrt(i)),
        ('T.zeros((2,))', T.zeros((2,))), ('T.ones_like(iv)', T.ones_like(iv)),
    ])
    f = th.function([fv, iv, i, b, l], list(outs.values()))
    _outputs_by_label(r, f, list(outs), np.array([1, 2], 'float32'), np.array([-7, 3], 'int32'), 7, 127, -7)


@case('function', float32=True)
def floatx_sensitive_function_outputs(r, th, T):
    fv = T.fvector('fv')
    iv = T.ivector('iv')
    outs = OrderedDict([
        ('fvector * 0.1', fv * 0.1), ('fvector + 0.5', fv + 0.5), ('ivector / 2', iv / 2),
        ('ivector.mean()', iv.mean()), ('ivector * 0.1', iv * 0.1), ('T.zeros((2,))', T.zeros((2,))),
        ('T.ones(2)', T.ones(2)), ('T.sqrt(ivector)', T.sqrt(iv)),
    ])
    f = th.function([fv, iv], list(outs.values()))
    _outputs_by_label(r, f, list(outs), np.array([1, 2], 'float32'), np.array([1, 4], 'int32'))
    r('theano.config.floatX', lambda: th.config.floatX)
    r('T.vector().dtype', lambda: T.vector().dtype)
    r('T.constant(0.1).eval()', lambda: T.constant(0.1).eval())
    w32 = th.shared(np.float32(0), name='w32')
    r('float32 shared <- w32 + 0.1', lambda: th.function([], [], updates=[(w32, w32 + 0.1)])())
    r.value('w32', w32.get_value())
    w = th.shared(3., name='w')
    x = T.dscalar('x')
    r('givens {float64 shared: T.constant(5.)}', lambda: th.function([x], w * x, givens={w: T.constant(5.)}))


@case('function')
def output_is_a_copy(r, th, T):
    x = T.dvector('x')
    f = th.function([x], x)
    a = np.array([1., 2.])
    out = r('f(a)', f, a)
    r('f(a) is a', lambda: out is a)
    w = th.shared(np.array([1., 2.]), name='w')
    g = th.function([], w)
    res = r('g()', g)
    r('result is writeable: g()[0] = 99.', _setitem, res, 0, 99.)
    r.value('w after mutating g() result', w.get_value())
    r('g() again', g)


# ---------------------------------------------------------------- In / calling conventions

@case('function')
def in_default_value_and_keywords(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    f = th.function([x, th.In(y, value=1)], x + y)
    r('f(3.)', f, 3.)
    r('f(3., 2.)', f, 3., 2.)
    r('f(3., y=5.)', lambda: f(3., y=5.))
    r('f(x=3.)', lambda: f(x=3.))
    r('f(x=3., y=4.)', lambda: f(x=3., y=4.))
    r('f(y=4., x=3.)', lambda: f(y=4., x=3.))
    r('f(3.) again (default not changed by y=5.)', f, 3.)
    r('f()', f)
    r('f(3., z=1.)', lambda: f(3., z=1.))
    r('f(3., 2., 1.)', f, 3., 2., 1.)
    r('f(3., 2., y=5.)', lambda: f(3., 2., y=5.))


@case('function')
def in_with_name(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    f = th.function([x, th.In(y, value=1., name='yy')], x * y)
    r('f(3.)', f, 3.)
    r('f(3., yy=5.)', lambda: f(3., yy=5.))
    r('f(3., y=5.)', lambda: f(3., y=5.))


@case('function')
def in_default_of_other_dtype(r, th, T):
    x = T.iscalar('x')
    y = T.dscalar('y')
    f = th.function([x, th.In(y, value=2)], x * y)
    r('f(3)', f, 3)
    g = r('In(k, value=2) unused', lambda: th.function([x, th.In(T.iscalar('k'), value=2)], x))
    g = th.function([x, th.In(T.iscalar('k'), value=2)], x, on_unused_input='ignore')
    r('g(3) (k unused, ignored)', g, 3)
    r('g(3, 5)', g, 3, 5)


@case('function')
def in_with_update(r, th, T):
    x = T.dscalar('x')
    acc = T.dscalar('acc')
    f = th.function([x, th.In(acc, value=0., update=acc + x)], acc + x)
    r('f(1.)', f, 1.)
    r('f(2.)', f, 2.)
    r('f(3.)', f, 3.)


@case('function')
def unnamed_inputs_positional(r, th, T):
    x = T.dscalar()
    y = T.dscalar()
    f = th.function([x, y], x - y)
    r('f(5., 3.)', f, 5., 3.)
    r('f(5.)', f, 5.)


@case('function')
def too_many_too_few_arguments(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    w = th.shared(0., name='w')
    f = th.function([x, y], x + y, updates=[(w, w + 1)])
    r('f(1., 2.)', f, 1., 2.)
    r('f(1.)', f, 1.)
    r('f()', f)
    r.value('w after f(1.), f() (unchanged)', w.get_value())
    r('f(1., 2., z=3.)', lambda: f(1., 2., z=3.))
    r.value('w after f(1., 2., z=3.) (unchanged)', w.get_value())
    r('f(1., 2., 3.)', f, 1., 2., 3.)
    # Theano stores the extra positional value into the implicit input (w) before raising
    r.value('info: w after f(1., 2., 3.)', w.get_value())


# ---------------------------------------------------------------- updates

@case('function')
def updates_list_of_pairs(r, th, T):
    w = th.shared(0., name='w')
    x = T.dscalar('x')
    f = th.function([x], w, updates=[(w, w + x)])
    r('f(1.)', f, 1.)
    r.value('w', w.get_value())
    r('f(2.)', f, 2.)
    r.value('w', w.get_value())


@case('function')
def updates_tuple_of_pairs(r, th, T):
    w = th.shared(0., name='w')
    f = th.function([], w, updates=((w, w + 1),))
    r('f()', f)
    r.value('w', w.get_value())


@case('function')
def updates_dict_one_entry(r, th, T):
    w = th.shared(0., name='w')
    f = r('function(updates={w: w+1})', lambda: th.function([], w, updates={w: w + 1}), warn=True)
    r('f()', f)
    r.value('w', w.get_value())


@case('function')
def updates_dict_two_entries(r, th, T):
    a = th.shared(1., name='a')
    b = th.shared(2., name='b')
    f = r('function(updates={a: a+1, b: b*2})',
          lambda: th.function([], [], updates={a: a + 1, b: b * 2}), warn=True)
    r('f()', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())


@case('function')
def updates_ordereddict_and_items(r, th, T):
    a = th.shared(1., name='a')
    b = th.shared(2., name='b')
    f = r('OrderedDict', lambda: th.function([], [], updates=OrderedDict([(a, a + 1), (b, b * 2)])), warn=True)
    r('f()', f)
    g = r('OrderedDict.items()',
          lambda: th.function([], [], updates=OrderedDict([(a, a + 1), (b, b * 2)]).items()), warn=True)
    r('g()', g)
    h = r('list of pairs', lambda: th.function([], [], updates=[(a, a + 1), (b, b * 2)]), warn=True)
    r('h()', h)
    r.value('a', a.get_value())
    r.value('b', b.get_value())


@case('function')
def outputs_use_values_before_updates(r, th, T):
    a = th.shared(1., name='a')
    b = th.shared(10., name='b')
    f = th.function([], [a, b, a + b], updates=[(a, a + 1), (b, a * 100)])
    r('f()', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())
    r('f() 2nd', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())


@case('function')
def swap_two_shared(r, th, T):
    a = th.shared(1., name='a')
    b = th.shared(2., name='b')
    f = th.function([], [], updates=[(a, b), (b, a)])
    r('f()', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())
    r('f() 2nd', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())


@case('function')
def shared_visible_across_functions(r, th, T):
    w = th.shared(np.array([1., 2.]), name='w')
    inc = th.function([], [], updates=[(w, w + 1)])
    get = th.function([], w * 10)
    r('get()', get)
    r('inc()', inc)
    r('get() after inc', get)
    w.set_value(np.array([5., 6., 7.]))
    r('get() after set_value (new shape)', get)


@case('function')
def update_int_shared(r, th, T):
    c = th.shared(0, name='c')
    f = th.function([], c, updates=[(c, c + 1)])
    r('f()', f)
    r('f()', f)
    r.value('c', c.get_value())
    r('update c + 0.5 (float into int64 shared)', lambda: th.function([], [], updates=[(c, c + 0.5)]))
    r('update c * 2 (int64)', lambda: th.function([], [], updates=[(c, c * 2)])())
    r.value('c', c.get_value())


@case('function')
def update_wrong_dtype(r, th, T):
    w32 = th.shared(np.float32(0), name='w32')
    x64 = T.dscalar('x64')
    r('float32 shared <- float64 expr', lambda: th.function([x64], [], updates=[(w32, w32 + x64)]))
    r('float32 shared <- w32 + 0.1 (float64 constant)', lambda: th.function([], [], updates=[(w32, w32 + 0.1)]))
    r('float32 shared <- w32 + 0.5 (float32 constant)', lambda: th.function([], [], updates=[(w32, w32 + 0.5)])())
    r.value('w32', w32.get_value())
    w64 = th.shared(0., name='w64')
    x32 = T.fscalar('x32')
    r('float64 shared <- float32 expr', lambda: th.function([x32], [], updates=[(w64, x32 * 2)]))
    r('float64 shared <- python float 5.0', lambda: th.function([], [], updates=[(w64, 5.0)])())
    r.value('w64', w64.get_value())
    r('float64 shared <- python int 7', lambda: th.function([], [], updates=[(w64, 7)])())
    r.value('w64', w64.get_value())
    r('float64 shared <- 0.1 constant', lambda: th.function([], [], updates=[(w64, 0.1)])())
    r.value('w64', w64.get_value())
    wi = th.shared(np.int32(0), name='wi')
    r('int32 shared <- wi + 1 (int32)', lambda: th.function([], [], updates=[(wi, wi + 1)])())
    r('int32 shared <- wi + lscalar', lambda: th.function([T.lscalar('l')], [], updates=[(wi, wi + T.lscalar())]))
    r.value('wi', wi.get_value())


@case('function')
def update_wrong_broadcastable_or_ndim(r, th, T):
    m = th.shared(np.zeros((1, 3)), name='m')            # broadcastable (False, False)
    row = T.drow('row')
    r('(F,F) shared <- row expr (T,F)', lambda: th.function([row], [], updates=[(m, row * 2)])(np.ones((1, 3))))
    r.value('m', m.get_value())
    rb = th.shared(np.zeros((1, 3)), name='rb', broadcastable=(True, False))
    mat = T.dmatrix('mat')
    r('(T,F) shared <- matrix expr (F,F)', lambda: th.function([mat], [], updates=[(rb, mat)]))
    r('(T,F) shared <- rb + 1', lambda: th.function([], [], updates=[(rb, rb + 1)])())
    r.value('rb', rb.get_value())
    v = th.shared(np.zeros(3), name='v')
    r('vector shared <- scalar expr', lambda: th.function([], [], updates=[(v, v.sum())]))
    r('vector shared <- matrix expr', lambda: th.function([mat], [], updates=[(v, mat)]))


@case('function')
def update_non_shared_variable(r, th, T):
    x = T.dscalar('x')
    r('update an input', lambda: th.function([x], x, updates=[(x, x + 1)]))
    y = T.dscalar('y')
    r('update a non-input variable', lambda: th.function([x], x, updates=[(y, x + 1)]))
    r('update a constant', lambda: th.function([x], x, updates=[(T.constant(1.), x + 1)]))


@case('function')
def same_shared_updated_twice(r, th, T):
    w = th.shared(0., name='w')
    r('updates=[(w, w+1), (w, w+2)]', lambda: th.function([], [], updates=[(w, w + 1), (w, w + 2)]))
    r.value('w', w.get_value())


@case('function')
def default_update(r, th, T):
    w = th.shared(0., name='w')
    w.default_update = w + 1
    f = th.function([], w)
    r('f()', f)
    r('f()', f)
    r.value('w', w.get_value())
    g = th.function([], w, no_default_updates=True)
    r('no_default_updates=True: g()', g)
    r.value('w', w.get_value())
    h = th.function([], w, no_default_updates=[w])
    r('no_default_updates=[w]: h()', h)
    r.value('w', w.get_value())
    k = th.function([], w, updates=[(w, w + 10)])
    r('explicit update overrides default: k()', k)
    r.value('w', w.get_value())
    x = T.dscalar('x')
    u = th.function([x], x * 2)
    r('function not using w', u, 1.)
    r.value('w', w.get_value())
    r('w.default_update is kept', lambda: w.default_update is not None)


@case('function')
def default_update_other_shared(r, th, T):
    a = th.shared(0., name='a')
    b = th.shared(5., name='b')
    a.default_update = a + 1
    b.default_update = a * 10
    f = th.function([], [a, b])
    r('f()', f)
    r.value('a', a.get_value())
    r.value('b', b.get_value())
    g = th.function([], b, no_default_updates=[a])
    r('no_default_updates=[a]: g()', g)
    r.value('a', a.get_value())
    r.value('b', b.get_value())


# ---------------------------------------------------------------- givens

@case('function')
def givens_replace_input(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    out = x * 2 + y
    f = th.function([y], out, givens={x: y + 1})
    r('dict givens f(1.)', f, 1.)
    g = th.function([y], out, givens=[(x, y * 10)])
    r('list givens g(1.)', g, 1.)
    r('givens with other type (fscalar for dscalar)',
      lambda: th.function([y], out, givens={x: T.fscalar('z')}))
    r('givens with other ndim', lambda: th.function([y], out, givens={x: T.dvector('v')}))


@case('function')
def givens_replace_shared(r, th, T):
    w = th.shared(3., name='w')
    x = T.dscalar('x')
    out = w * x
    f = th.function([x], out, givens={w: x})
    r('givens {w: x}: f(4.)', f, 4.)
    r('givens {w: T.constant(5.)} (float32 constant)', lambda: th.function([x], out, givens={w: T.constant(5.)}))
    r("givens {w: T.constant(5., dtype='float64')}",
      lambda: th.function([x], out, givens={w: T.constant(5., dtype='float64')})(2.))
    r.value('w', w.get_value())


@case('function')
def givens_minibatch(r, th, T):
    data = th.shared(np.arange(20.).reshape(10, 2) ** 2, name='data')   # (10, 2)
    labels = th.shared(np.arange(10, dtype='int32') % 3, name='labels')
    i = T.iscalar('i')
    x = T.dmatrix('x')
    y = T.ivector('y')
    bs = 4
    cost = (x.sum(axis=1) + y).sum()
    f = th.function([i], [cost, x, y], givens={x: data[i * bs:(i + 1) * bs], y: labels[i * bs:(i + 1) * bs]})
    r('f(0)', f, 0)
    r('f(1)', f, 1)
    r('f(2) (trailing partial batch)', f, 2)
    r('f(3) (empty batch)', f, 3)
    r('f(-1)', f, -1)
    acc = th.shared(0., name='acc')
    g = th.function([i], x.sum(), updates=[(acc, acc + x.sum() ** 2)], givens={x: data[i * bs:(i + 1) * bs]})
    r('g(0)', g, 0)
    r('g(2)', g, 2)
    r.value('acc', acc.get_value())


# ---------------------------------------------------------------- input checking

def _identity_steps(r, th, ctor, cases, **kw):
    x = ctor('x')
    f = th.function([x], x, **kw)
    for label, v in cases:
        r(label, f, v())


@case('function', float32=True)
def input_check_fvector(r, th, T):
    cases = [
        ('float32 array', lambda: np.array([0.1, 0.2], 'float32')),
        ('float64 array', lambda: np.array([0.1, 0.2])),
        ('float16 array', lambda: np.array([0.5, 1.5], 'float16')),
        ('int8 array', lambda: np.array([1, 2], 'int8')),
        ('int32 array', lambda: np.array([1, 2], 'int32')),
        ('int64 array', lambda: np.array([1, 2], 'int64')),
        ('list of floats [0.1, 0.2]', lambda: [0.1, 0.2]),
        ('list of floats [0.5, 1.5]', lambda: [0.5, 1.5]),
        ('list of ints [1, 2]', lambda: [1, 2]),
        ('python float 0.5 (ndim 0)', lambda: 0.5),
        ('matrix', lambda: np.zeros((2, 2), 'float32')),
    ]
    for kw in (None, True, False):
        x = T.fvector('x')
        f = th.function([x], x, allow_input_downcast=kw)
        for label, v in cases:
            r('allow_input_downcast=%s: %s' % (kw, label), f, v())


@case('function', float32=True)
def input_check_fscalar(r, th, T):
    cases = [
        ('python float 0.1', lambda: 0.1),
        ('python float 0.5', lambda: 0.5),
        ('python int 3', lambda: 3),
        ('python int 2**40', lambda: 2 ** 40),
        ('python bool True', lambda: True),
        ('np.float32(0.1)', lambda: np.float32(0.1)),
        ('np.float64(0.1)', lambda: np.float64(0.1)),
        ('np.int64(3)', lambda: np.int64(3)),
        ('0-d float64 array', lambda: np.array(0.25)),
        ('[0.5]', lambda: [0.5]),
    ]
    for kw in (None, True, False):
        x = T.fscalar('x')
        f = th.function([x], x, allow_input_downcast=kw)
        for label, v in cases:
            r('allow_input_downcast=%s: %s' % (kw, label), f, v())


@case('function')
def input_check_iscalar(r, th, T):
    cases = [
        ('python int 3', lambda: 3),
        ('python int -3', lambda: -3),
        ('python int 2**31', lambda: 2 ** 31),
        ('python int 2**40', lambda: 2 ** 40),
        ('python float 3.0', lambda: 3.0),
        ('python float 3.5', lambda: 3.5),
        ('python bool True', lambda: True),
        ('np.int64(3)', lambda: np.int64(3)),
        ('np.int8(3)', lambda: np.int8(3)),
        ('np.uint32(3)', lambda: np.uint32(3)),
        ('np.float64(3.0)', lambda: np.float64(3.0)),
        ("'3'", lambda: '3'),
    ]
    for kw in (None, True):
        x = T.iscalar('x')
        f = th.function([x], x, allow_input_downcast=kw)
        for label, v in cases:
            r('allow_input_downcast=%s: %s' % (kw, label), f, v())


@case('function')
def input_check_dscalar_dvector(r, th, T):
    _identity_steps(r, th, T.dscalar, [
        ('dscalar: python int 3', lambda: 3),
        ('dscalar: python int 2**62', lambda: 2 ** 62),
        ('dscalar: python float 0.1', lambda: 0.1),
        ('dscalar: True', lambda: True),
        ('dscalar: np.float32(0.1)', lambda: np.float32(0.1)),
        ('dscalar: np.int64(3)', lambda: np.int64(3)),
        ('dscalar: 1+2j', lambda: 1 + 2j),
        ('dscalar: [1.0]', lambda: [1.0]),
        ('dscalar: np.zeros(1)', lambda: np.zeros(1)),
    ])
    _identity_steps(r, th, T.dvector, [
        ('dvector: [1, 2]', lambda: [1, 2]),
        ('dvector: [1.5, 2]', lambda: [1.5, 2]),
        ('dvector: [True, False]', lambda: [True, False]),
        ('dvector: []', lambda: []),
        ('dvector: float32 array', lambda: np.array([0.1, 0.2], 'float32')),
        ('dvector: int64 array', lambda: np.array([1, 2])),
        ('dvector: uint64 array', lambda: np.array([1, 2], 'uint64')),
        ('dvector: complex array', lambda: np.array([1 + 1j])),
        ('dvector: python float 1.0', lambda: 1.0),
        ('dvector: [[1., 2.]]', lambda: [[1., 2.]]),
        ('dvector: (2,) array transposed view', lambda: np.arange(6.).reshape(2, 3)[:, 0]),
    ])


@case('function')
def input_check_int_vectors(r, th, T):
    for kw in (None, True):
        _identity_steps(r, th, T.ivector, [
            ('ivector adc=%s: [1, 2]' % kw, lambda: [1, 2]),
            ('ivector adc=%s: [1.5]' % kw, lambda: [1.5]),
            ('ivector adc=%s: [2**40]' % kw, lambda: [2 ** 40]),
            ('ivector adc=%s: int64 array' % kw, lambda: np.array([1, 2])),
            ('ivector adc=%s: int64 array > 2**31' % kw, lambda: np.array([2 ** 31 + 5])),
            ('ivector adc=%s: int8 array' % kw, lambda: np.array([1, 2], 'int8')),
            ('ivector adc=%s: uint32 array' % kw, lambda: np.array([1, 2], 'uint32')),
            ('ivector adc=%s: float64 array [1., 2.]' % kw, lambda: np.array([1., 2.])),
            ('ivector adc=%s: float64 array [1.7, -1.7]' % kw, lambda: np.array([1.7, -1.7])),
            ('ivector adc=%s: bool array' % kw, lambda: np.array([True, False])),
        ], allow_input_downcast=kw)
    _identity_steps(r, th, T.lvector, [
        ('lvector: int32 array', lambda: np.array([1, 2], 'int32')),
        ('lvector: uint64 array', lambda: np.array([1, 2], 'uint64')),
        ('lvector: [1, 2]', lambda: [1, 2]),
    ])
    _identity_steps(r, th, T.bvector, [
        ('bvector: [1, 2]', lambda: [1, 2]),
        ('bvector: [300]', lambda: [300]),
        ('bvector: int64 array', lambda: np.array([1, 2])),
    ])
    _identity_steps(r, th, lambda name: T.vector(name, dtype='bool'), [
        ('bool vector: [True, False]', lambda: [True, False]),
        ('bool vector: [1, 0]', lambda: [1, 0]),
        ('bool vector: int8 array', lambda: np.array([1, 0], 'int8')),
        ('bool vector: bool array', lambda: np.array([True, False])),
    ])


@case('function')
def input_check_ndim_and_broadcastable(r, th, T):
    _identity_steps(r, th, T.dmatrix, [
        ('dmatrix: (2, 3)', lambda: np.zeros((2, 3))),
        ('dmatrix: 1-D', lambda: np.zeros(3)),
        ('dmatrix: 3-D', lambda: np.zeros((1, 2, 3))),
        ('dmatrix: nested list', lambda: [[1., 2.], [3., 4.]]),
        ('dmatrix: ragged list', lambda: [[1., 2.], [3.]]),
    ])
    _identity_steps(r, th, T.drow, [
        ('drow: (1, 3)', lambda: np.zeros((1, 3))),
        ('drow: (2, 3)', lambda: np.zeros((2, 3))),
        ('drow: (0, 3)', lambda: np.zeros((0, 3))),
    ])
    _identity_steps(r, th, T.dcol, [
        ('dcol: (3, 1)', lambda: np.zeros((3, 1))),
        ('dcol: (1, 3)', lambda: np.zeros((1, 3))),
    ])
    _identity_steps(r, th, T.dtensor3, [
        ('dtensor3: (1, 2, 3)', lambda: np.zeros((1, 2, 3))),
        ('dtensor3: (2, 3)', lambda: np.zeros((2, 3))),
    ])


@case('function')
def failing_input_check_leaves_shared_unchanged(r, th, T):
    w = th.shared(0., name='w')
    x = T.fvector('x')
    f = th.function([x], x.sum(), updates=[(w, w + 1)])
    r('f(float64 array)', f, np.array([1., 2.]))
    r.value('w', w.get_value())
    r('f(matrix)', f, np.zeros((2, 2), 'float32'))
    r.value('w', w.get_value())
    r('f(float32 array)', f, np.array([1., 2.], 'float32'))
    r.value('w', w.get_value())


@case('function')
def on_unused_input(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    r('default (raise)', lambda: th.function([x, y], x * 2), warn=True)
    r("'raise'", lambda: th.function([x, y], x * 2, on_unused_input='raise'), warn=True)
    f = r("'warn'", lambda: th.function([x, y], x * 2, on_unused_input='warn'), warn=True)
    r("'warn' f(1., 2.)", f, 1., 2.)
    r("'warn' f(1.)", f, 1.)
    g = r("'ignore'", lambda: th.function([x, y], x * 2, on_unused_input='ignore'), warn=True)
    r("'ignore' g(1., 2.)", g, 1., 2.)
    r("'bogus'", lambda: th.function([x, y], x * 2, on_unused_input='bogus'))
    r("'raise' with no outputs using an In default",
      lambda: th.function([x, th.In(y, value=1.)], x * 2))


@case('function')
def missing_input(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    r('function([x], x + y)', lambda: th.function([x], x + y))
    r('function([], x * 2)', lambda: th.function([], x * 2))
    r('givens referencing a missing input', lambda: th.function([x], x, givens={x: y * 2}))


@case('function')
def bad_function_arguments(r, th, T):
    x = T.dscalar('x')
    w = th.shared(1., name='w')
    r('inputs not a list: function(x, x)', lambda: th.function(x, x * 2))
    r('input is a shared variable', lambda: th.function([w], w * 2))
    r('input is a constant', lambda: th.function([T.constant(1.)], x * 2))
    r('input is a python float', lambda: th.function([1.0], x * 2))
    r('same input twice', lambda: th.function([x, x], x * 2))
    r('input that is not a root (x * 2)', lambda: th.function([x * 2], x * 3))
    r('output is a python float', lambda: th.function([x], 3.0))
    r('output is a shared variable', lambda: th.function([], w)())
    r('updates not pairs', lambda: th.function([], [], updates=[w]))
    r("unknown mode name", lambda: th.function([x], x, mode='NO_SUCH_MODE'))


@case('function')
def shape_mismatch_at_call_time(r, th, T):
    a = T.dmatrix('a')
    b = T.dmatrix('b')
    w = th.shared(0., name='w')
    f = th.function([a, b], (a + b).sum(), updates=[(w, w + 1)])
    r('(2,3) + (3,3)', f, np.ones((2, 3)), np.ones((3, 3)))
    r.value('w unchanged', w.get_value())
    r('(2,3) + (2,3)', f, np.ones((2, 3)), np.ones((2, 3)))
    r.value('w', w.get_value())
    r('(2,3) + (1,3): no broadcasting of non-broadcastable dims', f, np.ones((2, 3)), np.ones((1, 3)))
    r.value('w unchanged', w.get_value())
    g = th.function([a, b], T.dot(a, b), updates=[(w, w + 1)])
    r('dot (2,3).(2,3)', g, np.ones((2, 3)), np.ones((2, 3)))
    r.value('w unchanged', w.get_value())
    rr = T.drow('rr')
    h = th.function([a, rr], a + rr)
    r('matrix + row broadcasts', h, np.ones((2, 3)), np.arange(3.).reshape(1, 3))
    r('matrix + row, wrong length', h, np.ones((2, 3)), np.ones((1, 4)))
    v = T.dvector('v')
    k = th.function([a, v], a + v)
    r('matrix + vector broadcasts', k, np.ones((2, 3)), np.arange(3.))
    r('matrix + vector of length 1 (not broadcastable)', k, np.ones((2, 3)), np.ones(1))


# ---------------------------------------------------------------- clone / eval / misc

@case('function')
def clone_with_replace(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    out = x * 2 + 1
    out2 = th.clone(out, replace={x: y})
    r('out2.eval({y: 3.})', lambda: out2.eval({y: 3.}))
    r('out.eval({x: 3.}) unchanged', lambda: out.eval({x: 3.}))
    r('f([y], out2)(4.)', lambda: th.function([y], out2)(4.))
    w = th.shared(5., name='w')
    out3 = th.clone(w * x, replace={w: y})
    r('clone replacing a shared var', lambda: th.function([x, y], out3)(2., 3.))
    r('clone of a list', lambda: [o.eval({x: 1.}) for o in th.clone([out, out * 3])])
    r('clone replace with a list of pairs', lambda: th.clone(out, replace=[(x, y)]).eval({y: 1.}))


@case('function')
def eval_constants_and_dicts(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    r('T.constant(3).eval()', lambda: T.constant(3).eval())
    r('T.constant(0.5).eval()', lambda: T.constant(0.5).eval())
    r('T.constant(0.1).eval()', lambda: T.constant(0.1).eval())
    r('(T.constant(2) + 3).eval()', lambda: (T.constant(2) + 3).eval())
    r('T.constant([1, 2]).eval()', lambda: T.constant([1, 2]).eval())
    r('x.eval({x: 3.})', lambda: x.eval({x: 3.}))
    r('x.eval({x: 3})', lambda: x.eval({x: 3}))
    r('(x + y).eval({x: 1., y: 2.})', lambda: (x + y).eval({x: 1., y: 2.}))
    r('(x + y).eval({x: 1.}) (missing y)', lambda: (x + y).eval({x: 1.}))
    r('x.eval() (no dict)', lambda: x.eval())
    r('(x * 2).eval({x: 1., y: 2.}) (extra input)', lambda: (x * 2).eval({x: 1., y: 2.}))
    fv = T.fvector('fv')
    r('fvector.eval({fv: float64 array})', lambda: fv.eval({fv: np.array([0.1])}))
    w = th.shared(np.array([1., 2.]), name='w')
    r('w.eval()', lambda: w.eval())
    r('(w * 2).eval()', lambda: (w * 2).eval())


@case('function')
def symbolic_shape_eval(r, th, T):
    m = T.dmatrix('m')
    val = np.zeros((2, 3))
    r('m.shape.eval', lambda: m.shape.eval({m: val}))
    r('m.shape[0].eval', lambda: m.shape[0].eval({m: val}))
    r('m.shape[-1].eval', lambda: m.shape[-1].eval({m: val}))
    r('m.size.eval', lambda: m.size.eval({m: val}))
    r('m.ndim', lambda: m.ndim)
    r('function([m], m.shape)', lambda: th.function([m], m.shape)(val))
    r('function([m], [m.shape[0] * 2, m.shape[1] + 0.5])',
      lambda: th.function([m], [m.shape[0] * 2, m.shape[1] + 0.5])(val))
    r('T.zeros(m.shape).eval', lambda: T.zeros(m.shape).eval({m: val}))
    r('T.zeros((2, 3)).eval()', lambda: T.zeros((2, 3)).eval())
    r('T.ones(3).eval()', lambda: T.ones(3).eval())
    r("T.zeros((2,), dtype='int32').eval()", lambda: T.zeros((2,), dtype='int32').eval())
    w = th.shared(np.zeros((4, 5)), name='w')
    r('w.shape.eval()', lambda: w.shape.eval())


@case('function')
def config_and_version(r, th, T):
    r('theano.config.floatX', lambda: th.config.floatX)
    r('theano.__version__', lambda: th.__version__)
    r('T.vector().dtype', lambda: T.vector().dtype)
    r('T.scalar().dtype', lambda: T.scalar().dtype)
    r('T.matrix().dtype', lambda: T.matrix().dtype)


# ================================================================ cases: shared variables

@case('shared', float32=True)
def shared_basic_dtypes_and_values(r, th, T):
    for label, v in [('0', 0), ('0.0', 0.0), ('True', True), ('np.float32(1)', np.float32(1)),
                     ('np.int32(1)', np.int32(1)), ("np.zeros((2, 3), 'float32')", np.zeros((2, 3), 'float32')),
                     ('np.zeros((1, 3))', np.zeros((1, 3)))]:
        s = th.shared(v)
        r('shared(%s).get_value()' % label, s.get_value)
        r('shared(%s).dtype' % label, lambda: s.dtype)
        r('shared(%s).broadcastable' % label, lambda: s.broadcastable)
    r('shared([1, 2]).get_value()', lambda: th.shared([1, 2]).get_value())


@case('shared')
def get_value_returns_copy(r, th, T):
    w = th.shared(np.array([1., 2.]), name='w')
    v = r('get_value()', w.get_value)
    r('get_value() result is writeable', _setitem, v, 0, 99.)
    r.value('get_value() after mutating the copy', w.get_value())
    vb = r('get_value(borrow=True)', lambda: w.get_value(borrow=True))
    r('get_value() is not get_value()', lambda: w.get_value() is not w.get_value())
    r('info: mutate the borrowed array', _setitem, vb, 0, 77.)
    r.value('info: get_value() after mutating the borrowed array', w.get_value())
    r('info: get_value(borrow=True) is get_value(borrow=True)',
      lambda: w.get_value(borrow=True) is w.get_value(borrow=True))
    r('get_value(borrow=True, return_internal_type=True) type',
      lambda: type(w.get_value(borrow=True, return_internal_type=True)).__name__)


@case('shared')
def shared_and_set_value_copy_their_argument(r, th, T):
    a = np.array([1., 2.])
    w = th.shared(a, name='w')
    a[0] = 50.
    r.value('shared(a) then mutate a', w.get_value())
    b = np.array([3., 4.])
    w.set_value(b)
    b[0] = 60.
    r.value('set_value(b) then mutate b', w.get_value())
    c = np.array([5., 6.])
    w2 = th.shared(c, borrow=True)
    c[0] = 70.
    r.value('info: shared(c, borrow=True) then mutate c', w2.get_value())
    d = np.array([7., 8.])
    w.set_value(d, borrow=True)
    d[0] = 80.
    r.value('info: set_value(d, borrow=True) then mutate d', w.get_value())


@case('shared')
def set_value_new_shape(r, th, T):
    w = th.shared(np.zeros(3), name='w')
    f = th.function([], w * 2)
    r('set_value(zeros(5))', lambda: w.set_value(np.ones(5)))
    r.value('w', w.get_value())
    r('f() after new shape', f)
    r('set_value(zeros(0))', lambda: w.set_value(np.zeros(0)))
    r('f() empty', f)
    m = th.shared(np.zeros((1, 3)), name='m')
    r('(1,3) shared set_value((4,2))', lambda: m.set_value(np.ones((4, 2))))
    r.value('m', m.get_value())
    rb = th.shared(np.zeros((1, 3)), name='rb', broadcastable=(True, False))
    r('broadcastable (T,F) set_value((2,3))', lambda: rb.set_value(np.ones((2, 3))))
    r.value('rb', rb.get_value())


@case('shared')
def set_value_other_ndim(r, th, T):
    v = th.shared(np.zeros(3), name='v')
    r('vector set_value(matrix)', lambda: v.set_value(np.zeros((2, 2))))
    r('vector set_value(scalar 1.0)', lambda: v.set_value(1.0))
    r('vector set_value(0-d array)', lambda: v.set_value(np.array(1.0)))
    r.value('v unchanged', v.get_value())
    s = th.shared(0., name='s')
    r('scalar set_value([1.])', lambda: s.set_value([1.]))
    r('scalar set_value(np.ones(1))', lambda: s.set_value(np.ones(1)))
    r('scalar set_value(np.ones((1,1)))', lambda: s.set_value(np.ones((1, 1))))
    r.value('s unchanged', s.get_value())


@case('shared', float32=True)
def set_value_float64_shared(r, th, T):
    w = th.shared(np.zeros(2), name='w')
    for label, v in [
        ('float32 array', lambda: np.array([0.1, 0.2], 'float32')),
        ('float16 array', lambda: np.array([0.5, 1.5], 'float16')),
        ('int64 array', lambda: np.array([1, 2])),
        ('int32 array', lambda: np.array([1, 2], 'int32')),
        ('uint64 array', lambda: np.array([1, 2], 'uint64')),
        ('bool array', lambda: np.array([True, False])),
        ('complex128 array', lambda: np.array([1j, 2j])),
        ('list of ints', lambda: [3, 4]),
        ('list of floats', lambda: [0.3, 0.4]),
        ('float64 array', lambda: np.array([0.5, 0.6])),
    ]:
        r('set_value(%s)' % label, lambda: w.set_value(v()))
        r.value('w after set_value(%s)' % label, w.get_value())
    s = th.shared(0., name='s')
    for label, v in [('python int 3', lambda: 3), ('python float 0.1', lambda: 0.1),
                     ('True', lambda: True), ('np.float32(0.1)', lambda: np.float32(0.1)),
                     ('np.int64(5)', lambda: np.int64(5)), ('2**62', lambda: 2 ** 62)]:
        r('scalar set_value(%s)' % label, lambda: s.set_value(v()))
        r.value('s after set_value(%s)' % label, s.get_value())


@case('shared', float32=True)
def set_value_float32_shared(r, th, T):
    w = th.shared(np.zeros(2, 'float32'), name='w')
    for label, v in [
        ('float64 array', lambda: np.array([0.1, 0.2])),
        ('float16 array', lambda: np.array([0.5, 1.5], 'float16')),
        ('int32 array', lambda: np.array([1, 2], 'int32')),
        ('int16 array', lambda: np.array([1, 2], 'int16')),
        ('int8 array', lambda: np.array([1, 2], 'int8')),
        ('list of floats [0.1, 0.2]', lambda: [0.1, 0.2]),
        ('list of ints', lambda: [3, 4]),
        ('float32 array', lambda: np.array([0.5, 0.6], 'float32')),
    ]:
        r('set_value(%s)' % label, lambda: w.set_value(v()))
        r.value('w after set_value(%s)' % label, w.get_value())
    s = th.shared(np.float32(0), name='s')
    for label, v in [('python float 0.1', lambda: 0.1), ('python float 0.5', lambda: 0.5),
                     ('python int 3', lambda: 3), ('np.float64(0.1)', lambda: np.float64(0.1)),
                     ('np.float64(0.5)', lambda: np.float64(0.5)), ('1e40', lambda: 1e40)]:
        r('scalar set_value(%s)' % label, lambda: s.set_value(v()))
        r.value('s after set_value(%s)' % label, s.get_value())


@case('shared')
def set_value_int_shared(r, th, T):
    c = th.shared(0, name='c')      # int64
    for label, v in [('python int 5', lambda: 5), ('python float 1.5', lambda: 1.5),
                     ('python float 2.0', lambda: 2.0), ('True', lambda: True),
                     ('np.int32(7)', lambda: np.int32(7)), ('np.uint64(8)', lambda: np.uint64(8)),
                     ('np.float64(2.0)', lambda: np.float64(2.0)), ('2**63', lambda: 2 ** 63)]:
        r('int64 scalar set_value(%s)' % label, lambda: c.set_value(v()))
        r.value('c after set_value(%s)' % label, c.get_value())
    i = th.shared(np.zeros(2, 'int32'), name='i')
    for label, v in [('int64 array', lambda: np.array([1, 2])),
                     ('int8 array', lambda: np.array([3, 4], 'int8')),
                     ('list [5, 6]', lambda: [5, 6]),
                     ('list [2**40, 1]', lambda: [2 ** 40, 1]),
                     ('float64 array [1., 2.]', lambda: np.array([1., 2.])),
                     ('uint32 array', lambda: np.array([1, 2], 'uint32'))]:
        r('int32 vector set_value(%s)' % label, lambda: i.set_value(v()))
        r.value('i after set_value(%s)' % label, i.get_value())


@case('shared')
def shared_strict(r, th, T):
    w = th.shared(np.zeros(2), name='w', strict=True)
    r('strict: set_value(float64 array)', lambda: w.set_value(np.ones(2)))
    r('strict: set_value(float32 array)', lambda: w.set_value(np.ones(2, 'float32')))
    r('strict: set_value(list)', lambda: w.set_value([1., 2.]))
    r('strict: set_value(int64 array)', lambda: w.set_value(np.ones(2, 'int64')))
    r.value('w', w.get_value())
    r('shared(0.0, strict=True)', lambda: th.shared(0.0, strict=True).get_value())
    r('shared([1., 2.], strict=True)', lambda: th.shared([1., 2.], strict=True).get_value())
    s = th.shared(np.float64(0), name='s', strict=True)
    r('strict scalar: set_value(1.5)', lambda: s.set_value(1.5))
    r('strict scalar: set_value(np.float64(2.5))', lambda: s.set_value(np.float64(2.5)))
    r('strict scalar: set_value(np.array(3.5))', lambda: s.set_value(np.array(3.5)))
    r.value('s', s.get_value())


@case('shared')
def shared_allow_downcast(r, th, T):
    w = th.shared(np.zeros(2, 'float32'), name='w', allow_downcast=True)
    r('allow_downcast=True: float32 shared set float64 array', lambda: w.set_value(np.array([0.1, 0.2])))
    r.value('w', w.get_value())
    i = th.shared(np.zeros(2, 'int32'), name='i', allow_downcast=True)
    r('allow_downcast=True: int32 shared set float64 [1.7, -1.7]', lambda: i.set_value(np.array([1.7, -1.7])))
    r.value('i', i.get_value())
    r('allow_downcast=True: int32 shared set [2**40]', lambda: i.set_value([2 ** 40, 1]))
    r.value('i', i.get_value())
    z = th.shared(np.zeros(2, 'float32'), name='z', allow_downcast=False)
    r('allow_downcast=False: float32 shared set [0.1, 0.2]', lambda: z.set_value([0.1, 0.2]))
    r('allow_downcast=False: float32 shared set [0.5]*2', lambda: z.set_value([0.5, 0.5]))
    r.value('z', z.get_value())
    zs = th.shared(np.float32(0), name='zs', allow_downcast=False)
    r('allow_downcast=False: float32 scalar set 0.1', lambda: zs.set_value(0.1))
    r.value('zs', zs.get_value())


@case('shared')
def shared_constructor_options(r, th, T):
    r('shared(np.zeros((1,3)), broadcastable=(True, False))',
      lambda: th.shared(np.zeros((1, 3)), broadcastable=(True, False)).broadcastable)
    r('shared(np.zeros((2,3)), broadcastable=(True, False))',
      lambda: th.shared(np.zeros((2, 3)), broadcastable=(True, False)).broadcastable)
    r('shared(np.zeros(3), broadcastable=(True, False))',
      lambda: th.shared(np.zeros(3), broadcastable=(True, False)))
    r("shared(0.0, name='w').name", lambda: th.shared(0.0, name='w').name)
    r('shared(0.0).name', lambda: th.shared(0.0).name)
    r("shared(np.zeros(3), 'pos').name (name positional)", lambda: th.shared(np.zeros(3), 'pos').name)
    r('shared(None)', lambda: th.shared(None).type)
    r("shared(np.zeros(2), unknown_kw=1)", lambda: th.shared(np.zeros(2), unknown_kw=1))
    r('shared(shared(1.))', lambda: th.shared(th.shared(1.)))
    r('shared(T.dscalar())', lambda: th.shared(T.dscalar()))


@case('shared')
def failed_set_value_leaves_value(r, th, T):
    w = th.shared(np.array([1., 2.], 'float32'), name='w')
    r('set_value(float64 array)', lambda: w.set_value(np.array([5., 6.])))
    r.value('w', w.get_value())
    r('set_value(matrix)', lambda: w.set_value(np.zeros((2, 2), 'float32')))
    r.value('w', w.get_value())


@case('shared', float32=True)
def shared_type_attributes(r, th, T):
    w = th.shared(np.zeros((2, 3), 'float32'), name='W')
    r('w.type.dtype', lambda: w.type.dtype)
    r('w.type.ndim', lambda: w.type.ndim)
    r('w.type.broadcastable', lambda: w.type.broadcastable)
    r('w.ndim', lambda: w.ndim)
    r('w.type == T.fmatrix().type', lambda: w.type == T.fmatrix().type)
    r('w.type == T.TensorType("float32", (False, False))',
      lambda: w.type == T.TensorType('float32', (False, False)))
    r('(w * 2).dtype', lambda: (w * 2).dtype)
    r('(w * 2.0).dtype', lambda: (w * 2.0).dtype)
    r('(w * 0.1).dtype', lambda: (w * 0.1).dtype)
    r('w.get_value().flags writeable', lambda: bool(w.get_value().flags.writeable))


# ================================================================ cases: printing

@case('printing')
def str_of_tensor_types(r, th, T):
    for label, bc in [('scalar', ()), ('vector', (False,)), ('row', (True, False)), ('col', (False, True)),
                      ('matrix', (False, False)), ('3D', (False,) * 3), ('4D', (False,) * 4),
                      ('5D', (False,) * 5), ('(True,)', (True,)), ('(True, True)', (True, True)),
                      ('(True, False, True)', (True, False, True)), ('(False, True, False)', (False, True, False))]:
        t = T.TensorType('float64', bc)
        r('str(TensorType(float64, %s))' % label, lambda: str(t))
        r('repr(TensorType(float64, %s))' % label, lambda: repr(t))
    for dt in ('float32', 'int8', 'bool', 'complex64', 'uint16'):
        r('str(T.vector(dtype=%r).type)' % dt, lambda: str(T.vector(dtype=dt).type))
    r('str(T.fmatrix().type)', lambda: str(T.fmatrix().type))
    r('str(T.tensor4().type)', lambda: str(T.tensor4().type))
    r('str(T.dtensor3().type)', lambda: str(T.dtensor3().type))


@case('printing', float32=True)
def str_of_variables(r, th, T):
    x = T.dscalar('x')
    y = T.dmatrix('y')
    r("str(T.dscalar('x'))", lambda: str(x))
    r("repr(T.dscalar('x'))", lambda: repr(x))
    r('str(T.dscalar())', lambda: str(T.dscalar()))
    r('repr(T.dscalar())', lambda: repr(T.dscalar()))
    r('str(T.fmatrix())', lambda: str(T.fmatrix()))
    r('str(T.ivector())', lambda: str(T.ivector()))
    r("x.name", lambda: x.name)
    r("T.dscalar().name", lambda: T.dscalar().name)
    r('str(x + x)', lambda: str(x + x))
    r('str(x * 2)', lambda: str(x * 2))
    r('str(y.sum())', lambda: str(y.sum()))
    r('str(T.dot(y, y))', lambda: str(T.dot(y, y)))
    r('str(T.exp(x))', lambda: str(T.exp(x)))
    r('str(y.T)', lambda: str(y.T))
    r('str(y[0])', lambda: str(y[0]))
    z = x + 1
    z.name = 'z'
    r('str(named expression)', lambda: str(z))
    r('str(T.constant(1.5))', lambda: str(T.constant(1.5)))
    r('str(T.constant(2))', lambda: str(T.constant(2)))
    r('str(T.constant([1, 2]))', lambda: str(T.constant([1, 2])))
    r('str(T.constant(np.zeros((2, 2))))', lambda: str(T.constant(np.zeros((2, 2)))))
    r("str(T.constant(1.5, name='c'))", lambda: str(T.constant(1.5, name='c')))


@case('printing')
def str_of_shared(r, th, T):
    s = th.shared(0.0)
    r('str(shared(0.0))', lambda: str(s))
    r('repr(shared(0.0))', lambda: repr(s))
    r('str(shared(0.0).type)', lambda: str(s.type))
    r('shared(0.0).name', lambda: s.name)
    w = th.shared(np.zeros((2, 3), 'float32'), name='W')
    r("str(shared(..., name='W'))", lambda: str(w))
    r("repr(shared(..., name='W'))", lambda: repr(w))
    r("str(shared(..., name='W').type)", lambda: str(w.type))
    r('str(shared(np.zeros(3)))', lambda: str(th.shared(np.zeros(3))))
    r('str(shared(0))', lambda: str(th.shared(0)))
    r('str(shared([1, 2]))', lambda: str(th.shared([1, 2])))


@case('printing', float32=True)
def pp_simple_graphs(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    m = T.dmatrix('m')
    n = T.dmatrix('n')
    pp = th.printing.pp
    r('pp(x * y ** 2)', lambda: pp(x * y ** 2))
    r('pp(x + 1)', lambda: pp(x + 1))
    r('pp(x + 1.5)', lambda: pp(x + 1.5))
    r('pp(1 / (1 + T.exp(-x)))', lambda: pp(1 / (1 + T.exp(-x))))
    r('pp(T.dot(m, n).sum())', lambda: pp(T.dot(m, n).sum()))
    r('pp(x - y)', lambda: pp(x - y))
    r('pp((x + y) * x)', lambda: pp((x + y) * x))
    r('pp(x / y)', lambda: pp(x / y))
    r('pp(-x)', lambda: pp(-x))
    r('pp(T.tanh(x))', lambda: pp(T.tanh(x)))
    r('pp(x)', lambda: pp(x))
    r('pp(shared named w * x)', lambda: pp(th.shared(1., name='w') * x))
    r('th.printing.pprint(x + y)', lambda: th.printing.pprint(x + y))


@case('printing')
def debugprint_small_graphs(r, th, T):
    x = T.dscalar('x')
    y = T.dscalar('y')
    m = T.dmatrix('m')
    n = T.dmatrix('n')
    dp = th.printing.debugprint
    r("debugprint(x * y ** 2, file='str')", lambda: dp(x * y ** 2, file='str'))
    r("debugprint(T.dot(m, n).sum(), file='str')", lambda: dp(T.dot(m, n).sum(), file='str'))
    r("debugprint(1 / (1 + T.exp(-x)), file='str')", lambda: dp(1 / (1 + T.exp(-x)), file='str'))
    r("debugprint(x + x, file='str') (shared subexpression ids)", lambda: dp((x + y) * (x + y), file='str'))
    r("debugprint(x * y, print_type=True, file='str')", lambda: dp(x * y, print_type=True, file='str'))
    r("debugprint([x + 1, x * 2], file='str')", lambda: dp([x + 1, x * 2], file='str'))
    w = th.shared(1., name='w')
    r("debugprint(w * x, file='str')", lambda: dp(w * x, file='str'))
    buf = io.StringIO()

    def to_file():
        ret = dp(x - y, file=buf)
        return [buf.getvalue(), ret is buf]
    r('debugprint(x - y, file=io.StringIO()) -> [text, returned the file]', to_file)


# ================================================================ main

def _record(names):
    import theano
    import theano.tensor as T
    warnings.simplefilter('ignore')
    out = OrderedDict()
    for name in names:
        if os.environ.get('PROBE_VERBOSE'):
            print('case', name, theano.config.floatX, file=sys.stderr, flush=True)
        steps = run_case(name, theano, T)
        out[name] = {'group': CASES[name][0], 'steps': [s[:2] for s in steps]}
        aborted = [s for s in steps if s[0] == '<case aborted>']
        if aborted:
            print('case %s aborted: %s' % (name, aborted[0][1]), file=sys.stderr)
    return theano, out


def main():
    import subprocess
    if '--float32-child' in sys.argv:
        theano, cases = _record(FLOAT32_CASES)
        assert theano.config.floatX == 'float32'
        json.dump(cases, sys.stdout)
        return
    theano, cases = _record(list(CASES))
    assert theano.config.floatX == 'float64', 'run the probe with the default floatX'
    base = os.environ.get('THEANO_FLAGS', '')
    env = dict(os.environ, THEANO_FLAGS=(base + ',' if base else '') + 'floatX=float32')
    txt = subprocess.check_output([sys.executable, os.path.abspath(__file__), '--float32-child'], env=env)
    out = OrderedDict()
    out['theano_version'] = theano.__version__
    out['cases'] = cases                                          # floatX=float64 (default)
    out['cases_floatX_float32'] = json.loads(txt, object_pairs_hook=OrderedDict)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'function.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', os.path.normpath(path))


if __name__ == '__main__':
    main()
