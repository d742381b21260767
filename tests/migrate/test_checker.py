"""The checker: Theano API support by qualified name, strings, Python 2 leftovers."""
import textwrap

import libcst as cst
import pytest

from theano_compat.migrate import py2
from theano_compat.migrate.checker import check_module
from theano_compat.migrate.support import GPU_HINT


def check(source, support):
    findings = check_module("f.py", cst.parse_module(textwrap.dedent(source)), support)
    return [(f.line, f.code, f.message, f.hint) for f in findings]


def codes(source, support):
    return [(line, code) for line, code, _, _ in check(source, support)]


def test_supported_through_aliases_is_clean(stub_support):
    source = """
        import theano
        import theano.tensor as T
        import theano.tensor
        from theano.tensor import nnet as NN
        x = T.nnet.conv.conv2d(a, b)
        y = theano.tensor.nnet.sigmoid(x) + NN.relu(x)
        f = theano.function([a], y)
    """
    assert codes(source, stub_support) == [(8, "TC103")]  # theano.function: differences note only


def test_unsupported_name_resolved_through_alias(stub_support):
    found = check("import theano.tensor as T\ny = T.nnet.ctc.ctc(a)\nz = T.tensordot(a, b)\n", stub_support)
    assert found == [
        (2, "TC101", "module theano.tensor.nnet.ctc is not provided by theano_compat", ""),
        (3, "TC100", "theano.tensor.tensordot is not supported by theano_compat", ""),
    ]


def test_imports_are_judged(stub_support):
    source = """
        from theano.tensor.nnet import conv2d, softplus, no_such_thing
        import theano.gof
        from theano.tensor.signal import downsample
    """
    assert codes(source, stub_support) == [(2, "TC100"), (2, "TC102"), (3, "TC101")]


def test_gpu_names_get_the_device_hint(stub_support):
    found = check("import theano.gpuarray as ga\nimport theano.sandbox.cuda as cuda\ncuda.use('gpu0')\n",
                  stub_support)
    assert [(line, code) for line, code, _, _ in found] == [(1, "TC101"), (2, "TC101"), (3, "TC101")]
    assert all(hint == GPU_HINT for _, _, _, hint in found)


def test_hint_points_to_the_supported_parent(stub_support):
    found = check("from theano.tensor.nnet.nnet import sigmoid\n", stub_support)
    assert found[0][1:] == ("TC101", "module theano.tensor.nnet.nnet is not provided by theano_compat",
                            "use theano.tensor.nnet.sigmoid")


def test_star_import_names(stub_support):
    source = """
        from theano.tensor import *
        x = dmatrix('x')
        y = tensordot(x, x) + undefined_here
    """
    assert codes(source, stub_support) == [(4, "TC100")]


def test_local_names_shadowing_theano_are_not_flagged(stub_support):
    source = """
        import theano.tensor as T
        def f(T):
            return T.tensordot
        class K:
            def g(self, theano):
                return theano.gof
    """
    assert codes(source, stub_support) == []


def test_already_migrated_code_is_checked_the_same_way(stub_support):
    source = "import theano_compat.tensor as T\nx = T.dmatrix()\ny = T.tensordot(x, x)\n"
    assert codes(source, stub_support) == [(3, "TC100")]


def test_differences_are_noted_once(stub_support):
    source = """
        from theano import function
        f = function([], [])
        g = function([], [])
    """
    found = check(source, stub_support)
    assert [(line, code) for line, code, _, _ in found] == [(2, "TC103")]
    assert "mode= and profile= are accepted and ignored" in found[0][2]


def test_strings_that_reference_theano(stub_support):
    source = """
        import os, sys, importlib
        os.environ["THEANO_FLAGS"] = "floatX=float32,device=cuda0"
        m = __import__("theano.tensor")
        n = importlib.import_module("theano")
        sys.modules["theano.tensor"] = m
        patch_target = "theano.tensor.nnet.sigmoid"
        fine = ("theano", "theano_compat.tensor", "see theano.tensor docs")
    """
    assert codes(source, stub_support) == [
        (3, "TC201"), (3, "TC201"), (4, "TC200"), (5, "TC200"), (6, "TC202"), (7, "TC202")]


def test_python2_leftovers_that_parse(stub_support):
    source = """
        import cPickle
        from itertools import izip
        for i in xrange(3):
            print >>sys.stderr, i
        d.iteritems()
        half = x.shape[0] / 2
        n = len(v) / 2
        ok = x.shape[0] // 2
    """
    assert codes(source, stub_support) == [
        (2, "TC302"), (3, "TC301"), (4, "TC301"), (5, "TC300"), (6, "TC304"), (7, "TC303"), (8, "TC303")]


def test_python2_fallbacks_are_not_flagged(stub_support):
    source = """
        from __future__ import division
        import sys
        try:
            import cPickle as pickle
        except ImportError:
            import pickle
        if sys.version_info[0] == 2:
            range = xrange
        def xrange_user(xrange):
            return xrange(3)
        half = x.shape[0] / 2
    """
    assert codes(source, stub_support) == []


def test_foreign_star_import_may_provide_py2_names(stub_support):
    assert codes("from past.builtins import *\nxrange(3)\n", stub_support) == []


def test_without_shim_table_only_api_checks_are_skipped():
    from theano_compat.migrate.support import load_support

    support, _ = load_support(with_shim=False)
    assert codes("import theano.tensor as T\nT.tensordot\nxrange(2)\n", support) == [(3, "TC301")]


@pytest.mark.parametrize("line,code", [
    ('print "hello"', "TC300"),
    ("print", "TC300"),
    ("if x: print x", "TC300"),
    ("exec code", "TC305"),
    ("except ValueError, e:", "TC305"),
    ("raise ValueError, 'bad'", "TC305"),
    ("y = `x`", "TC305"),
    ("if a <> b: pass", "TC305"),
    ("mode = 0755", "TC305"),
    ("n = 10L", "TC305"),
    ("for i in xrange(3): pass", "TC301"),
    ("import cPickle", "TC302"),
    ("d.has_key(k)", "TC304"),
    ("n = x.shape[1] / 2", "TC303"),
])
def test_scan_finds_python2_constructs(line, code):
    assert [f.code for f in py2.scan("f.py", line + "\n")] == [code]


@pytest.mark.parametrize("line", [
    'print("x")', "print ('x')", "print = log", 's = "print x; xrange <>"  # print y',
    "n = x.shape[0] // 2", "mode = 0o755", "x = 0", "y = 0.5",
])
def test_scan_leaves_python3_alone(line):
    assert py2.scan("f.py", line + "\n") == []


def test_scan_survives_untokenizable_source():
    text = "def f():\n\tif x:\n        print 'a'\n  print 'b'\n"
    assert [f.line for f in py2.scan("f.py", text)] == [3, 4]


def test_logger_names_and_theano_test_helpers(stub_support):
    source = """
        import logging
        import theano.tests.unittest_tools as utt
        logging.getLogger("theano.gof.compilelock").setLevel(logging.ERROR)
        utt.verify_grad(f, [x])
    """
    found = check(source, stub_support)
    assert [(line, code) for line, code, _, _ in found] == [(3, "TC101"), (5, "TC101")]
    assert found[0][2] == "module theano.tests.unittest_tools is not provided by theano_compat"
    assert "test helpers" in found[0][3]


def test_division_is_reported_only_between_integers(stub_support):
    # Python 2 floors `/` only when both sides are integers; a float on either side was true division
    # already (Theano's __div__ too: int_div only for two discrete tensors).
    source = """
        import theano.tensor as T
        def sgd(train_x, v, x, data, batch_size=500, rate=0.1):
            cost = T.mean(v)
            a = cost / v.shape[0]
            b = 1. - x / len(data)
            c = train_x.get_value(borrow=True).shape[0] / batch_size
            d = rate / 2
            n = len(data)
            n = n / 2
            for i in range(n):
                e = i / 2.0 + i / 3
            n /= 2
            return v.shape[0] / v.shape[1], x / 2, batch_size / x.ndim
        def unknown(n, m=None):
            return n / 2, m / 2
    """
    assert codes(source, stub_support) == [(7, "TC303"), (10, "TC303"), (12, "TC303"), (13, "TC303"),
                                           (14, "TC303"), (14, "TC303")]


def test_future_division_silences_every_division(stub_support):
    assert codes("from __future__ import division\nn = len(v) / 2\n", stub_support) == []


def test_shared_variable_value_attribute(stub_support):
    source = """
        import theano
        import enum
        W = theano.shared(w0)
        class Layer:
            def __init__(self):
                self.b = theano.shared(b0, name='b')
            def show(self, colour):
                print(W.value, self.b.value, colour.value, W.get_value())
                self.b.value = 0
    """
    found = check(source, stub_support)
    assert [(line, code) for line, code, _, _ in found] == [(9, "TC105"), (9, "TC105"), (10, "TC105")]
    assert found[0][2:] == ("W.value: shared variables have no .value since Theano 1.0",
                            "use W.get_value() / W.set_value(v)")


def test_names_removed_since_theano(stub_support):
    source = """
        import time, collections, sys
        import numpy as np
        from time import clock
        from itertools import izip
        import itertools
        t = time.clock()
        a = np.zeros(3, dtype=np.int) + np.float32(1) + np.int64(2)
        isinstance(d, collections.Mapping)
        z = itertools.izip(a, a)
        np.float = float
        n = sys.maxsize
    """
    found = check(source, stub_support)
    assert [(line, code) for line, code, _, _ in found] == [
        (4, "TC306"), (5, "TC301"), (7, "TC306"), (8, "TC306"), (9, "TC306"), (10, "TC301")]
    assert found[2][2:] == ("time.clock was removed in Python 3.8",
                            "use time.perf_counter() (wall time) or time.process_time() (CPU time)")
    assert found[3][2] == "numpy.int was removed in numpy 1.24"


def test_names_that_resolve_but_raise_when_used(stub_support):
    source = """
        import theano.tensor as T
        from theano.tensor.nnet import ConvOp
        op = T.nnet.ConvOp(imshp=(1, 3, 3))
    """
    found = check(source, stub_support)
    assert [(line, code) for line, code, _, _ in found] == [(3, "TC104"), (4, "TC104")]
    assert found[1][2] == ("theano.tensor.nnet.ConvOp resolves but raises when used: the legacy ConvOp "
                           "class; use theano.tensor.nnet.conv2d")


def test_scan_of_a_python2_file_with_context():
    text = textwrap.dedent("""\
        import os, cPickle as pickle, sys
        import numpy as np, StringIO
        batch_size = 20
        n_train = train_x.get_value(borrow=True).shape[0] / batch_size
        cost = T.mean(p_y)
        g = cost / y.shape[0]
        h = 1. - x / len(data)
        k = 2.0 * n / len(data)
        W = theano.shared(value=w0, name='W')
        print W.value, W.get_value()
        t0 = time.clock()
        a = np.asarray(v, dtype=np.int)
        np.float = float
    """)
    found = [(f.line, f.col, f.code) for f in py2.scan("f.py", text)]
    assert found == [(1, 12, "TC302"), (2, 21, "TC302"), (4, 51, "TC303"), (10, 1, "TC300"), (10, 7, "TC105"),
                     (11, 6, "TC306"), (12, 25, "TC306")]
