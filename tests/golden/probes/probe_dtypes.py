"""Golden dtype rules of Theano 1.0.5 -> tests/golden/dtypes.json

Regenerate (from the repository root; runs itself once per floatX in a subprocess):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_dtypes.py

What it records, for floatX=float64 (Theano's default) and floatX=float32:
  (a) "binary":   output dtype of a <op> b for vectors a, b of every ordered pair of dtypes
  (b) "autocast": dtype (and value) of T.constant(v) / T.as_tensor_variable(v) and of
                  <typed vector> <op> v for python / numpy scalars and lists v
  (c) "unary":    dtype of elementwise unary ops and reductions on a vector of each dtype,
                  "cast": T.cast(x, d) and x.astype(d) for every pair of dtypes
  (d) "shared":   class, dtype, broadcastable and type string of theano.shared(v)
Each entry is either a result or {"error": <exception class name>, "module": ..., "msg": ...}.

Graph building only: nothing is compiled.  The case definitions below are plain
functions of (theano, theano.tensor) so that tests/test_dtypes.py can replay exactly the
same expressions against theano_compat; this module must therefore import without Theano.
"""
import json
import math
import os
import subprocess
import sys
from collections import OrderedDict

import numpy as np

DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32',
          'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128']

# (a) binary operators on two vectors
BINARY = OrderedDict([
    ('add', lambda th, T, a, b: a + b),
    ('sub', lambda th, T, a, b: a - b),
    ('mul', lambda th, T, a, b: a * b),
    ('truediv', lambda th, T, a, b: a / b),
    ('floordiv', lambda th, T, a, b: a // b),
    ('mod', lambda th, T, a, b: a % b),
    ('pow', lambda th, T, a, b: a ** b),
    ('maximum', lambda th, T, a, b: T.maximum(a, b)),
    ('minimum', lambda th, T, a, b: T.minimum(a, b)),
    ('lt', lambda th, T, a, b: a < b),
    ('eq', lambda th, T, a, b: T.eq(a, b)),
    ('and', lambda th, T, a, b: a & b),
])

# (b) constants: label -> value (labels are the JSON keys)
AUTOCAST_VALUES = OrderedDict([
    ('0', lambda: 0), ('1', lambda: 1), ('3', lambda: 3), ('-3', lambda: -3),
    ('127', lambda: 127), ('128', lambda: 128), ('-128', lambda: -128), ('-129', lambda: -129),
    ('255', lambda: 255), ('256', lambda: 256), ('300', lambda: 300),
    ('32767', lambda: 32767), ('32768', lambda: 32768), ('65536', lambda: 65536),
    ('2**31-1', lambda: 2 ** 31 - 1), ('2**31', lambda: 2 ** 31), ('-2**31', lambda: -2 ** 31),
    ('2**32', lambda: 2 ** 32), ('2**40', lambda: 2 ** 40), ('2**63-1', lambda: 2 ** 63 - 1),
    ('2**63', lambda: 2 ** 63), ('2**64', lambda: 2 ** 64),
    ('True', lambda: True), ('False', lambda: False),
    ('0.0', lambda: 0.0), ('0.5', lambda: 0.5), ('-0.5', lambda: -0.5), ('0.1', lambda: 0.1),
    ('1.5', lambda: 1.5), ('1e-08', lambda: 1e-08), ('1e-50', lambda: 1e-50), ('1e40', lambda: 1e40),
    ('inf', lambda: float('inf')), ('nan', lambda: float('nan')),
    ('1+2j', lambda: 1 + 2j),
    ('np.float16(0.5)', lambda: np.float16(0.5)),
    ('np.float32(0.1)', lambda: np.float32(0.1)), ('np.float64(0.1)', lambda: np.float64(0.1)),
    ('np.float64(0.5)', lambda: np.float64(0.5)),
    ('np.int8(3)', lambda: np.int8(3)), ('np.int32(3)', lambda: np.int32(3)),
    ('np.int64(3)', lambda: np.int64(3)), ('np.uint8(200)', lambda: np.uint8(200)),
    ('np.bool_(True)', lambda: np.bool_(True)),
    ('[1, 2]', lambda: [1, 2]), ('[1.5]', lambda: [1.5]), ('[1, 2.5]', lambda: [1, 2.5]),
    ('[True, False]', lambda: [True, False]), ('[[1, 2]]', lambda: [[1, 2]]),
    ('[300, 1]', lambda: [300, 1]), ('[0.1, 0.2]', lambda: [0.1, 0.2]),
    ("np.array([1, 2], dtype='int32')", lambda: np.array([1, 2], dtype='int32')),
    ("np.array([1, 2], dtype='int64')", lambda: np.array([1, 2], dtype='int64')),
    ("np.array(0.5, dtype='float32')", lambda: np.array(0.5, dtype='float32')),
    ("np.array([0.1], dtype='float64')", lambda: np.array([0.1], dtype='float64')),
])

# (b) what is recorded for each constant value
AUTOCAST_EXPRS = OrderedDict([
    ('constant', lambda th, T, v: T.constant(v)),
    ('as_tensor_variable', lambda th, T, v: T.as_tensor_variable(v)),
    ('fvector + v', lambda th, T, v: T.fvector() + v),
    ('v + fvector', lambda th, T, v: v + T.fvector()),
    ('fvector * v', lambda th, T, v: T.fvector() * v),
    ('fvector ** v', lambda th, T, v: T.fvector() ** v),
    ('dvector + v', lambda th, T, v: T.dvector() + v),
    ('ivector + v', lambda th, T, v: T.ivector() + v),
    ('ivector / v', lambda th, T, v: T.ivector() / v),
    ('ivector ** v', lambda th, T, v: T.ivector() ** v),
    ('lvector + v', lambda th, T, v: T.lvector() + v),
    ('bvector + v', lambda th, T, v: T.bvector() + v),
    ('bvector / v', lambda th, T, v: T.bvector() / v),
    ('boolvector + v', lambda th, T, v: T.vector(dtype='bool') + v),
    ('wvector + v', lambda th, T, v: T.wvector() + v),
    ('uint8vector + v', lambda th, T, v: T.vector(dtype='uint8') + v),
    ('cvector + v', lambda th, T, v: T.cvector() + v),
    ('fscalar + v', lambda th, T, v: T.fscalar() + v),
    ('iscalar + v', lambda th, T, v: T.iscalar() + v),
    ('T.maximum(fvector, v)', lambda th, T, v: T.maximum(T.fvector(), v)),
])

# (c) unary ops / reductions on a vector x of each dtype
UNARY = OrderedDict([
    ('exp', lambda th, T, x: T.exp(x)),
    ('log', lambda th, T, x: T.log(x)),
    ('sqrt', lambda th, T, x: T.sqrt(x)),
    ('sin', lambda th, T, x: T.sin(x)),
    ('cos', lambda th, T, x: T.cos(x)),
    ('tanh', lambda th, T, x: T.tanh(x)),
    ('sigmoid', lambda th, T, x: T.nnet.sigmoid(x)),
    ('abs', lambda th, T, x: abs(x)),
    ('abs_', lambda th, T, x: T.abs_(x)),
    ('neg', lambda th, T, x: -x),
    ('sqr', lambda th, T, x: T.sqr(x)),
    ('floor', lambda th, T, x: T.floor(x)),
    ('ceil', lambda th, T, x: T.ceil(x)),
    ('round', lambda th, T, x: T.round(x)),
    ('sgn', lambda th, T, x: T.sgn(x)),
    ('invert', lambda th, T, x: ~x),
    ('x * 2', lambda th, T, x: x * 2),
    ('x / 2', lambda th, T, x: x / 2),
    ('x ** 2', lambda th, T, x: x ** 2),
    ('x * 0.5', lambda th, T, x: x * 0.5),
    ('sum', lambda th, T, x: x.sum()),
    ('T.sum', lambda th, T, x: T.sum(x)),
    ('sum(axis=0)', lambda th, T, x: x.sum(axis=0)),
    ("sum(dtype='int32')", lambda th, T, x: x.sum(dtype='int32')),
    ("sum(acc_dtype='float64')", lambda th, T, x: x.sum(acc_dtype='float64')),
    ('prod', lambda th, T, x: x.prod()),
    ('mean', lambda th, T, x: x.mean()),
    ('T.mean', lambda th, T, x: T.mean(x)),
    ("mean(dtype='float32')", lambda th, T, x: x.mean(dtype='float32')),
    ('var', lambda th, T, x: x.var()),
    ('std', lambda th, T, x: x.std()),
    ('max', lambda th, T, x: x.max()),
    ('min', lambda th, T, x: x.min()),
    ('argmax', lambda th, T, x: x.argmax()),
    ('argmin', lambda th, T, x: T.argmin(x)),
    ('any', lambda th, T, x: T.any(x)),
    ('all', lambda th, T, x: T.all(x)),
    ('dot(x, x)', lambda th, T, x: T.dot(x, x)),
    ('cumsum', lambda th, T, x: T.cumsum(x)),
    ('shape', lambda th, T, x: x.shape),
    ('shape[0]', lambda th, T, x: x.shape[0]),
    ('size', lambda th, T, x: x.size),
    ('zeros_like', lambda th, T, x: T.zeros_like(x)),
    ('ones_like', lambda th, T, x: T.ones_like(x)),
    ('x[0]', lambda th, T, x: x[0]),
    ('T.switch(x > 0, x, 0)', lambda th, T, x: T.switch(x > 0, x, 0)),
])

# (d) shared values: label -> value
SHARED_VALUES = OrderedDict([
    ('0', lambda: 0), ('0.0', lambda: 0.0), ('1.5', lambda: 1.5), ('True', lambda: True),
    ('2**40', lambda: 2 ** 40),
    ('np.float32(1)', lambda: np.float32(1)), ('np.float64(1)', lambda: np.float64(1)),
    ('np.int32(1)', lambda: np.int32(1)), ('np.int8(1)', lambda: np.int8(1)),
    ('np.bool_(True)', lambda: np.bool_(True)),
    ('np.array(1.0)', lambda: np.array(1.0)),
    ('[1, 2]', lambda: [1, 2]), ('[1.5, 2]', lambda: [1.5, 2]), ('[[1, 2]]', lambda: [[1, 2]]),
    ("np.zeros((2, 3), 'float32')", lambda: np.zeros((2, 3), 'float32')),
    ('np.zeros((1, 3))', lambda: np.zeros((1, 3))),
    ("np.zeros((3, 1), 'int8')", lambda: np.zeros((3, 1), 'int8')),
    ("np.zeros(3, 'bool')", lambda: np.zeros(3, 'bool')),
    ("np.zeros((2, 1, 3), 'complex64')", lambda: np.zeros((2, 1, 3), 'complex64')),
    ('np.arange(3)', lambda: np.arange(3)),
])

SHARED_KWARGS = OrderedDict([
    ('', {}),
    ("name='w'", {'name': 'w'}),
])


def _exc(e):
    mro = ['%s.%s' % (c.__module__, c.__name__) for c in type(e).__mro__
           if c not in (object, BaseException, Exception)]
    return {'error': type(e).__name__, 'module': type(e).__module__, 'mro': mro, 'msg': str(e)[:300]}


def _catch(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        return _exc(e)


def _jsonable(v):
    """numpy scalar / array value -> JSON (non-finite floats and complex become strings)."""
    a = np.asarray(v)
    if a.dtype.kind == 'c':
        return repr(a.tolist())
    if a.dtype.kind == 'f':
        flat = [x if math.isfinite(x) else repr(x) for x in a.astype('float64').ravel().tolist()]
        if a.ndim == 0:
            return flat[0]
        return {'flat': flat, 'shape': list(a.shape)}
    return a.tolist()


def var_info(v, with_value=False):
    d = {'dtype': v.dtype, 'broadcastable': list(v.broadcastable)}
    if with_value:
        d['value'] = _jsonable(v.data)
    return d


# The *_value functions raise; the *_entry functions record the exception instead.

def binary_value(th, T, op, da, db):
    a = T.vector('a', dtype=da)
    b = T.vector('b', dtype=db)
    return BINARY[op](th, T, a, b).dtype


def autocast_value(th, T, expr, label):
    out = AUTOCAST_EXPRS[expr](th, T, AUTOCAST_VALUES[label]())
    if expr in ('constant', 'as_tensor_variable'):
        d = var_info(out, with_value=hasattr(out, 'data'))
        d['class'] = type(out).__name__
        return d
    return out.dtype


def unary_value(th, T, op, dt):
    x = T.vector('x', dtype=dt)
    out = UNARY[op](th, T, x)
    return {'dtype': out.dtype, 'ndim': out.ndim}


def cast_value(th, T, how, src, dst):
    x = T.vector('x', dtype=src)
    out = T.cast(x, dst) if how == 'cast' else x.astype(dst)
    return out.dtype


def shared_value(th, T, label, kwlabel):
    s = th.shared(SHARED_VALUES[label](), **SHARED_KWARGS[kwlabel])
    val = s.get_value()
    return {
        'class': type(s).__name__,
        'dtype': getattr(s, 'dtype', None),
        'broadcastable': list(s.broadcastable) if hasattr(s, 'broadcastable') else None,
        'type': str(s.type),
        'str': str(s),
        'name': s.name,
        'value_type': type(val).__name__,
        'value_dtype': str(val.dtype) if hasattr(val, 'dtype') else None,
        'value': _jsonable(val) if hasattr(val, 'dtype') or isinstance(val, (int, float, bool)) else repr(val),
    }


def binary_entry(th, T, op, da, db):
    return _catch(binary_value, th, T, op, da, db)


def autocast_entry(th, T, expr, label):
    return _catch(autocast_value, th, T, expr, label)


def unary_entry(th, T, op, dt):
    return _catch(unary_value, th, T, op, dt)


def cast_entry(th, T, how, src, dst):
    return _catch(cast_value, th, T, how, src, dst)


def shared_entry(th, T, label, kwlabel):
    return _catch(shared_value, th, T, label, kwlabel)


def collect(th, T):
    res = OrderedDict()
    res['floatX'] = th.config.floatX
    res['binary'] = OrderedDict(
        (op, OrderedDict(('%s,%s' % (da, db), binary_entry(th, T, op, da, db))
                         for da in DTYPES for db in DTYPES))
        for op in BINARY)
    res['autocast'] = OrderedDict(
        (expr, OrderedDict((label, autocast_entry(th, T, expr, label)) for label in AUTOCAST_VALUES))
        for expr in AUTOCAST_EXPRS)
    res['unary'] = OrderedDict(
        (op, OrderedDict((dt, unary_entry(th, T, op, dt)) for dt in DTYPES)) for op in UNARY)
    res['cast'] = OrderedDict(
        (how, OrderedDict(('%s,%s' % (s, d), cast_entry(th, T, how, s, d))
                          for s in DTYPES for d in DTYPES))
        for how in ('cast', 'astype'))
    res['shared'] = OrderedDict(
        (kw or 'default', OrderedDict((label, shared_entry(th, T, label, kw)) for label in SHARED_VALUES))
        for kw in SHARED_KWARGS)
    return res


def _child():
    import warnings
    warnings.simplefilter('ignore')
    import theano
    import theano.tensor as T
    json.dump(collect(theano, T), sys.stdout)


def main():
    out = OrderedDict()
    base = os.environ.get('THEANO_FLAGS', '')
    for fx in ('float64', 'float32'):
        env = dict(os.environ, THEANO_FLAGS=(base + ',' if base else '') + 'floatX=' + fx)
        txt = subprocess.check_output([sys.executable, os.path.abspath(__file__), '--child'], env=env)
        data = json.loads(txt)
        assert data['floatX'] == fx, data['floatX']
        import theano
        data['theano_version'] = theano.__version__
        out[fx] = data
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dtypes.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', os.path.normpath(path))


if __name__ == '__main__':
    if '--child' in sys.argv:
        _child()
    else:
        main()
