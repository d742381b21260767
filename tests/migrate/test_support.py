"""Support data (Theano's record, the shim's table), the coverage table, .gitignore rules."""
import os
import sys
import types

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


def test_shim_table_reads_modules_and_all(monkeypatch):
    fake_tensor = types.ModuleType("fake_compat_tensor")
    fake_tensor.__all__ = ["dot", "matrix"]
    fake_top = types.ModuleType("fake_compat")
    fake_top.function = fake_top.shared = object()  # no __all__: public names are taken

    def debugmode():
        raise NotImplementedError

    setattr(debugmode, support.UNSUPPORTED_MARK, (support.UNSUPPORTED, "C back-end checker"))
    fake_top.DebugMode = debugmode
    legacy = types.ModuleType("theano_compat.legacy")
    legacy.MODULES = {"theano": "fake_compat", "theano.tensor": "fake_compat_tensor", "theano.gof": "missing_mod_xyz"}
    legacy.DIFFERENCES = {"theano.tensor.dot": "float64 on accelerators"}
    for name, module in {"fake_compat": fake_top, "fake_compat_tensor": fake_tensor,
                         "theano_compat.legacy": legacy}.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys.modules["theano_compat"], "legacy", legacy, raising=False)
    table, differences, broken, unusable = support.shim_table()
    assert table == {"theano": frozenset({"function", "shared", "DebugMode"}),
                     "theano.tensor": frozenset({"dot", "matrix"}), "theano.gof": frozenset()}
    assert unusable == {"theano.DebugMode": "C back-end checker"}
    assert differences["theano.tensor.dot"] == "float64 on accelerators"
    assert "theano.function" in differences  # the tool's own notes stay
    assert len(broken) == 1 and broken[0].startswith("missing_mod_xyz")


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


def test_coverage_table_lists_every_theano_name(stub_support):
    text = coverage.render(stub_support)
    api = support.load_theano_api()["modules"]
    assert "| `conv2d` | supported |  |" in text
    assert "| `tensordot` | not supported |  |" in text
    assert "| `ConvOp` | raises when used | the legacy ConvOp class; use theano.tensor.nnet.conv2d |" in text
    assert "| `function` | supported with differences | mode= and profile= are accepted and ignored |" in text
    assert "- `theano.gpuarray` (" in text and support.GPU_HINT in text
    assert "- `theano.tensor.signal.downsample`: `max_pool_2d`" in text  # added by the shim
    for module, names in api.items():
        assert f"`{module}`" in text
        if module in stub_support.shim:
            assert all(f"| `{n}` |" in text for n in names)
    total = sum(len(v) for v in api.values())
    assert f"Theano 1.0.5 has {total} public names in {len(api)} modules" in text


def test_coverage_refuses_without_shim_table(monkeypatch, capsys):
    def missing():
        raise ImportError("no legacy")

    monkeypatch.setattr(support, "shim_table", missing)
    assert coverage.main([]) == 4
    assert capsys.readouterr().out == ""


def test_committed_coverage_table_is_current():
    """COVERAGE.md must be regenerated whenever the shim's MODULES or __all__ change."""
    try:
        import theano_compat.legacy  # noqa: F401
    except ImportError:
        pytest.skip("theano_compat.legacy does not exist yet")
    loaded, _ = support.load_support()
    with open(GUIDE, encoding="utf-8") as fh:
        assert fh.read() == coverage.render(loaded), f"regenerate it: {coverage.COMMAND}"


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
