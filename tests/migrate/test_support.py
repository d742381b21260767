"""Support data (Theano's record, the shim's table), the coverage table, .gitignore rules."""
import os

import pytest

from theano_compat.migrate import coverage, gitignore, support

GUIDE = os.path.join(os.path.dirname(__file__), "..", "..", "migration_guide", "COVERAGE.md")


def test_recorded_theano_api_has_the_well_known_names():
    api = support.load_theano_api()
    assert api["theano_version"] == "1.0.5"
    modules = api["modules"]
    assert {"function", "shared", "scan", "grad", "tensor", "config"} <= set(modules["theano"])
    assert {"conv2d", "sigmoid", "softmax", "relu"} <= set(modules["theano.tensor.nnet"])
    assert "MRG_RandomStreams" in modules["theano.sandbox.rng_mrg"]
    assert "pool_2d" in modules["theano.tensor.signal.pool"]
    assert not any(".tests" in m for m in modules)
    assert "theano.sandbox.cuda" in api["unimportable"]


def test_shim_table_reads_what_each_name_resolves_to():
    """Supported: what resolves as the working thing, an alias or a no-op; a stand-in that raises when used
    is not supported, and its declared reason is the hint; names the shim adds come from __all__."""
    table, differences, broken, unusable = support.shim_table()
    assert not broken
    assert {"dot", "nnet", "exp"} <= table["theano.tensor"]
    assert "register_canonicalize" in table["theano.tensor.opt"]  # a no-op: accepted
    assert differences["theano.tensor.opt.register_canonicalize"].startswith("accepted and ignored: XLA")
    assert "csr_matrix" in table["theano.sparse"]  # resolves, and raises when used: why is its note
    assert "scipy.sparse" in unusable["theano.sparse.csr_matrix"]
    assert "theano.tensor.dot" not in unusable and "theano.tensor.opt.register_canonicalize" not in unusable
    assert "theano.sandbox.cuda" in table and not table["theano.sandbox.cuda"]  # raises on import, as Theano's


def test_split_and_verdicts(stub_support):
    s, Status = stub_support, support.Status
    assert s.split("theano.tensor.nnet.conv.conv2d.__doc__") == ("theano.tensor.nnet.conv", "conv2d")
    assert s.split("theano_compat.tensor.dot") == ("theano.tensor", "dot")
    assert s.split("theanets.x") is None
    assert s.verdict("theano.tensor", "dot").status is Status.SUPPORTED
    assert s.verdict("theano.tensor", "tensordot").status is Status.UNSUPPORTED
    assert s.verdict("theano.tensor", "bogus").status is Status.UNKNOWN
    assert s.verdict("theano.gof", "Op").status is Status.NO_MODULE
    assert s.verdict("theano.tensor.signal", "downsample").status is Status.SUPPORTED  # shim-only module
    assert s.verdict("theano", "function").status is Status.DIFFERENT
    raises = s.verdict("theano.tensor.nnet", "ConvOp")
    assert (raises.status, raises.note) == (Status.RAISES, "the legacy ConvOp class; use theano.tensor.nnet.conv2d")


def test_coverage_table_lists_every_served_module_and_name(tmp_path):
    from theano_compat.migrate import surface
    out = tmp_path / "COVERAGE.md"
    assert coverage.main(["-o", str(out)]) == 0
    text = out.read_text()
    for module in surface.in_scope():
        assert f"| `{module}` |" in text
    for module, why in surface.record()["out_of_scope"].items():
        assert f"- `{module}`: {why}" in text
    assert "`register_canonicalize`" in text and "`images2neibs`" in text


@pytest.mark.parametrize("pattern,path,is_dir,expected", [
    ("*.pyc", "a/b/c.pyc", False, True),
    ("build/", "x/build", True, True),
    ("build/", "x/build", False, False),
    ("/top.py", "top.py", False, True),
    ("/top.py", "sub/top.py", False, False),
    ("docs/*.py", "docs/conf.py", False, True),
    ("docs/*.py", "docs/api/conf.py", False, False),
    ("**/gen", "a/b/gen", True, True),
    ("a/**/z.py", "a/b/c/z.py", False, True),
    ("file[0-9].py", "file7.py", False, True),
    ("# comment", "# comment", False, False),
])
def test_gitignore_patterns(tmp_path, pattern, path, is_dir, expected):
    rule = gitignore.parse_line(str(tmp_path), pattern)
    rules = [rule] if rule else []
    assert gitignore.ignored(rules, str(tmp_path / path), is_dir) is expected


def test_gitignore_negation_last_rule_wins(tmp_path):
    rules = [gitignore.parse_line(str(tmp_path), line) for line in ("*.py", "!keep.py")]
    assert gitignore.ignored(rules, str(tmp_path / "drop.py"), False)
    assert not gitignore.ignored(rules, str(tmp_path / "keep.py"), False)


def test_guide_documents_every_finding_code_and_exit_code():
    from theano_compat.migrate import findings, report

    with open(os.path.join(os.path.dirname(GUIDE), "README.md"), encoding="utf-8") as fh:
        guide = fh.read()
    for code, (severity, _) in findings.CODES.items():
        assert f"| {code} | {severity} |" in guide
    for code in (report.EXIT_CLEAN, report.EXIT_CHANGES, report.EXIT_USAGE, report.EXIT_UNSUPPORTED,
                 report.EXIT_FAILURE):
        assert f"\n| {code} | " in guide
