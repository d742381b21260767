"""`theano-compat migrate` and `check` end to end, on small trees in tmp_path."""
import json
import os
import stat

import pytest

from theano_compat.migrate import main

CLEAN, CHANGES, USAGE, UNSUPPORTED, FAILURE = 0, 1, 2, 3, 4

MODEL = b"import theano\nimport theano.tensor as T\n\nx = T.dmatrix('x')\nf = theano.function([x], T.tanh(x))\n"
MIGRATED = MODEL.replace(b"import theano\n", b"import theano_compat as theano\n").replace(
    b"import theano.tensor as T", b"import theano_compat.tensor as T")
PLAIN = b"import numpy as np\n\nprint(np.pi)\n"


def make_tree(root, files):
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def snapshot(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def tree(tmp_path, stub_shim):
    return make_tree(tmp_path / "src", {
        "model.py": MODEL,
        "pkg/__init__.py": b"",
        "pkg/plain.py": PLAIN,
        "pkg/layers.py": b"from theano.tensor.nnet import conv2d, sigmoid\n",
        "README.md": b"theano docs\n",
    })


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_shows_diff_and_changes_nothing(tree, capsys):
    before = snapshot(tree)
    code, out, err = run(capsys, "migrate", str(tree))
    assert code == CHANGES
    assert f"--- a/{tree}/model.py" in out and "+import theano_compat as theano" in out
    assert "migrate: 4 files, 2 to migrate, 0 errors" in out
    assert snapshot(tree) == before


def test_write_then_second_run_is_clean(tree, capsys):
    plain_mtime = os.stat(tree / "pkg/plain.py").st_mtime_ns
    code, out, _ = run(capsys, "migrate", "--write", str(tree))
    assert code == CLEAN
    assert (tree / "model.py").read_bytes() == MIGRATED
    assert (tree / "pkg/layers.py").read_bytes() == b"from theano_compat.tensor.nnet import conv2d, sigmoid\n"
    assert os.stat(tree / "pkg/plain.py").st_mtime_ns == plain_mtime  # untouched files are not rewritten
    assert f"migrated: {tree}/model.py" in out
    after = snapshot(tree)
    code, out, _ = run(capsys, "migrate", "--check", str(tree))
    assert code == CLEAN and "0 to migrate" in out
    assert snapshot(tree) == after


def test_check_mode_for_ci(tree, capsys):
    code, out, _ = run(capsys, "migrate", "--check", str(tree))
    assert code == CHANGES
    assert out.splitlines()[:2] == [f"would migrate: {tree}/model.py", f"would migrate: {tree}/pkg/layers.py"]
    assert "---" not in out


def test_diff_mode_keeps_stdout_a_patch(tree, capsys):
    code, out, err = run(capsys, "migrate", "--diff", str(tree))
    assert code == CHANGES
    assert out.startswith(f"--- a/{tree}/model.py")
    assert "migrate:" not in out and "migrate: 4 files" in err


def test_encodings_newlines_and_mode_are_kept(tmp_path, stub_shim, capsys):
    files = {
        "latin.py": "# -*- coding: latin-1 -*-\nimport theano\nname = 'Andr\xe9'\n".encode("latin-1"),
        "crlf.py": b"import theano.tensor as T\r\n\r\nx = T.vector()\r\n",
        "bom.py": b"\xef\xbb\xbfimport theano\n",
        "tool.py": b"#!/usr/bin/env python\nimport theano\n",
    }
    root = make_tree(tmp_path / "t", files)
    os.chmod(root / "tool.py", 0o755)
    assert run(capsys, "migrate", "--write", str(root))[0] == CLEAN
    assert (root / "latin.py").read_bytes() == files["latin.py"].replace(b"import theano", b"import theano_compat as theano")
    assert (root / "crlf.py").read_bytes() == b"import theano_compat.tensor as T\r\n\r\nx = T.vector()\r\n"
    assert (root / "bom.py").read_bytes() == b"\xef\xbb\xbfimport theano_compat as theano\n"
    assert stat.S_IMODE(os.stat(root / "tool.py").st_mode) == 0o755
    assert not list(root.glob(".theano-compat-*"))  # no temporary file left behind


def test_unparseable_file_is_skipped_and_the_rest_migrated(tmp_path, stub_shim, capsys):
    py2_source = b"import theano\nprint 'hello'\nfor i in xrange(3): pass\n"
    root = make_tree(tmp_path / "t", {"a.py": MODEL, "b_py2.py": py2_source, "c.py": MODEL})
    code, out, err = run(capsys, "migrate", "--write", str(root))
    assert code == FAILURE
    assert (root / "a.py").read_bytes() == MIGRATED and (root / "c.py").read_bytes() == MIGRATED
    assert (root / "b_py2.py").read_bytes() == py2_source  # never half-written
    assert f"skipped {root}/b_py2.py: cannot parse as Python 3 at 2:1" in err
    assert f"{root}/b_py2.py:2:1: TC300 print statement" in out
    assert f"{root}/b_py2.py:3:10: TC301 xrange is not a Python 3 builtin" in out
    assert "1 skipped" in out


def test_out_tree_writes_a_migrated_copy(tree, tmp_path, capsys):
    os.chmod(tree / "model.py", 0o750)
    before = snapshot(tree)
    out_dir = tmp_path / "migrated"
    code, out, _ = run(capsys, "migrate", "--out-tree", str(out_dir), str(tree))
    assert code == CLEAN
    assert snapshot(tree) == before
    copy = snapshot(out_dir)
    assert copy["model.py"] == MIGRATED and copy["pkg/plain.py"] == PLAIN and copy["README.md"] == b"theano docs\n"
    assert stat.S_IMODE(os.stat(out_dir / "model.py").st_mode) == 0o750
    assert f"copy written to {out_dir}" in out


def test_parallel_output_is_deterministic(tmp_path, stub_shim, capsys):
    files = {f"m{i:02d}.py": MODEL if i % 3 else PLAIN for i in range(12)}
    files["sub/bad.py"] = b"print 'x'\n"
    files["sub/api.py"] = b"import theano.tensor as T\nT.tensordot\n"
    root = make_tree(tmp_path / "t", files)
    serial = run(capsys, "migrate", "-j", "1", str(root))
    parallel = run(capsys, "migrate", "-j", "2", str(root))
    assert serial == parallel
    assert serial[0] == FAILURE


def test_json_format(tree, capsys):
    (tree / "pkg/old.py").write_bytes(b"import theano.tensor as T\ny = T.tensordot(a, b)\n")
    code, out, _ = run(capsys, "migrate", "--format", "json", str(tree))
    document = json.loads(out)
    assert code == UNSUPPORTED == document["exit_code"]
    assert document["summary"]["changed"] == 3 and document["summary"]["files"] == 5
    statuses = {f["path"]: f["status"] for f in document["files"]}
    assert statuses[f"{tree}/pkg/plain.py"] == "unchanged" and statuses[f"{tree}/model.py"] == "changed"
    assert "+import theano_compat.tensor as T" in next(f["diff"] for f in document["files"] if f["path"].endswith("old.py"))
    finding = next(f for f in document["findings"] if f["code"] == "TC100")
    assert finding == {"path": f"{tree}/pkg/old.py", "line": 2, "col": 5, "code": "TC100", "severity": "error",
                       "message": "theano.tensor.tensordot is not supported by theano_compat", "hint": ""}


def test_report_file(tree, tmp_path, capsys):
    (tree / "pkg/old.py").write_bytes(b"import theano.gof\n")
    report = tmp_path / "report.json"
    code, out, _ = run(capsys, "migrate", "--check", "--report", str(report), "--format", "json", str(tree))
    assert code == UNSUPPORTED
    assert json.loads(report.read_text()) == json.loads(out)
    text_report = tmp_path / "report.txt"
    run(capsys, "check", "--report", str(text_report), str(tree))
    lines = text_report.read_text().splitlines()
    assert f"{tree}/pkg/old.py:1:8: TC101 module theano.gof is not provided by theano_compat" in lines
    assert f"{tree}/model.py:5:5: TC103 theano.function is supported with differences: " \
           "mode= and profile= are accepted and ignored" in lines
    assert lines[-1].startswith("check: 5 files")


def test_check_command(tree, capsys):
    assert run(capsys, "check", str(tree))[0] == CLEAN
    (tree / "pkg/old.py").write_bytes(b"import theano.sandbox.cuda as cuda\ncuda.use('gpu')\n")
    code, out, _ = run(capsys, "check", str(tree))
    assert code == UNSUPPORTED
    assert f"{tree}/pkg/old.py:2:1: TC101 module theano.sandbox.cuda is not provided by theano_compat (hint: JAX" in out
    assert not (tree / "pkg/old.py").read_bytes().startswith(b"import theano_compat")


def test_check_needs_the_shim_table(tree, capsys, monkeypatch):
    from theano_compat.migrate import support

    def missing():
        raise ImportError("no legacy yet")

    monkeypatch.setattr(support, "shim_table", missing)
    code, _, err = run(capsys, "check", str(tree))
    assert code == FAILURE and "Theano API support not checked" in err
    assert run(capsys, "migrate", str(tree))[0] == CHANGES  # migrating does not need it


def test_walk_skips_venvs_builds_ignored_and_excluded(tmp_path, stub_shim, capsys):
    root = make_tree(tmp_path / "repo", {
        ".gitignore": b"generated/\n*_pb2.py\n!keep_pb2.py\n/rootonly.py\n",
        "app.py": MODEL,
        "generated/gen.py": MODEL,
        "x_pb2.py": MODEL,
        "keep_pb2.py": MODEL,
        "rootonly.py": MODEL,
        "sub/rootonly.py": MODEL,
        "env/pyvenv.cfg": b"home = /usr\n",
        "env/lib/site.py": MODEL,
        "venv/x.py": MODEL,
        "build/lib/x.py": MODEL,
        ".tox/x.py": MODEL,
        "pkg.egg-info/x.py": MODEL,
        "vendor/third.py": MODEL,
        "tests/test_app.py": MODEL,
    })
    (root / ".git").mkdir()
    code, out, _ = run(capsys, "migrate", "--check", "--exclude", "vendor", "--exclude", "tests/*", str(root))
    would = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("would migrate")]
    assert would == [f"{root}/{name}" for name in ("app.py", "keep_pb2.py", "sub/rootonly.py")]


def test_lookalikes_and_relative_imports_untouched(tmp_path, stub_shim, capsys):
    root = make_tree(tmp_path / "t", {"a.py": b"import theano_utils\nimport theanets\nfrom . import theano\n"})
    assert run(capsys, "migrate", "--check", str(root))[0] == CLEAN


def test_explicit_file_and_missing_path(tmp_path, stub_shim, capsys):
    script = make_tree(tmp_path, {"script": MODEL}) / "script"  # no .py suffix: named, so taken
    code, out, err = run(capsys, "migrate", "--check", str(script), str(tmp_path / "nope"))
    assert code == FAILURE
    assert f"would migrate: {script}" in out and "nope: no such file or directory" in err


def test_usage_errors(capsys, stub_shim, tmp_path):
    assert main(["migrate"]) == USAGE
    assert main(["migrate", "--write", "--check", str(tmp_path)]) == USAGE
    assert main(["frobnicate", str(tmp_path)]) == USAGE
    capsys.readouterr()


def test_file_libcst_cannot_round_trip_is_left_alone(tmp_path, stub_shim, capsys):
    old_mac = b"import theano\rx = 1\r"  # LibCST would drop the last CR
    root = make_tree(tmp_path / "t", {"mac.py": old_mac, "ok.py": MODEL})
    code, _, err = run(capsys, "migrate", "--write", str(root))
    assert code == FAILURE
    assert (root / "mac.py").read_bytes() == old_mac and (root / "ok.py").read_bytes() == MIGRATED
    assert "cannot write this file back byte for byte" in err
