"""The shipped legacy example runs unchanged through `theano-compat run` and prints what Theano printed.

Golden output: tests/golden/logistic_sgd.theano.out, recorded with
`../shared/theano-oracle/run.sh examples/logistic_sgd.py`.
"""
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_logistic_sgd_prints_theanos_numbers():
    out = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(ROOT / "examples/logistic_sgd.py")],
                         capture_output=True, text=True, check=True).stdout
    assert out == (ROOT / "tests/golden/logistic_sgd.theano.out").read_text()


def test_run_passes_argv_and_exit_code(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import sys, theano\nprint(sys.argv[1:], __name__, theano.__name__)\nsys.exit(3)\n")
    proc = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(script), "a", "--b"],
                          capture_output=True, text=True)
    assert proc.returncode == 3
    assert proc.stdout.strip() == "['a', '--b'] __main__ theano_compat"


def test_unsupported_module_path_names_itself(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import theano.gof.cmodule\n")
    proc = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(script)], capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert "theano.gof.cmodule" in proc.stderr and "does not serve it" in proc.stderr
    assert "C code" in proc.stderr  # the recorded reason it is left out
    assert 's.py", line 1' in proc.stderr  # the traceback points into the script


# ../shared/seed beside the checkout (or beside the folder of worktrees that holds it)
SEED = next((p / "shared" / "seed" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "seed").is_dir()),
            ROOT.parent / "shared" / "seed")


def test_seed_tutorial_prints_what_theano_printed():
    """The tutorial the project started from, unchanged, through the alias (../shared/seed): every line,
    RandomStreams' draws and the type of its state included."""
    script, expected = SEED / "seed_snippets.py", SEED / "seed_snippets.theano.out"
    if not script.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    proc = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(script)], capture_output=True,
                          text=True, cwd=str(ROOT))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == expected.read_text().splitlines()


def _numbers(text):
    return [[float(tok) for tok in line.split() if tok[0].isdigit() or tok[0] == "-" and tok[1:2].isdigit()]
            for line in text.splitlines()]


def test_tanh_mlp_reproduces_theanos_costs_at_every_step():
    """examples/mlp_sgd.py: 20 SGD steps of a float64 tanh MLP; every printed cost within 1e-10 relative
    of Theano's (tests/golden/mlp_sgd.theano.out, recorded with the oracle)."""
    out = subprocess.run([sys.executable, "-m", "theano_compat", "run", str(ROOT / "examples/mlp_sgd.py")],
                         capture_output=True, text=True, check=True).stdout
    ours, theirs = _numbers(out), _numbers((ROOT / "tests/golden/mlp_sgd.theano.out").read_text())
    assert len(ours) == len(theirs) == 21
    for a, b in zip(ours, theirs):
        assert len(a) == len(b)
        assert all(abs(u - v) <= 1e-10 * abs(v) for u, v in zip(a, b))
