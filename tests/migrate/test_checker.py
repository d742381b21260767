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
