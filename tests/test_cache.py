"""The compiledir (compile/cache.py): compiled steps persist across processes, entries are written atomically
and checksummed (a corrupt one is compiled again, never a crash), processes may share it, and
`theano-compat cache` inspects and clears it."""
import json
import os
import subprocess
import sys

import pytest

from theano_compat import cli
from theano_compat.compile import cache
from theano_compat.config import config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = r"""
import json, sys, warnings
import numpy as np
import jax
events = []
jax.monitoring.register_event_listener(lambda name, **kw: events.append(name))
warnings.simplefilter("error")  # a cache problem must not even warn
import theano_compat as theano, theano_compat.tensor as T
w = theano.shared(np.ones((3, 2)), name="w")
x = T.dmatrix("x")
cost = T.sqr(T.dot(x, w)).sum()
f = theano.function([x], cost, updates=[(w, w - 0.01 * T.grad(cost, w))])
out = float(f(np.arange(6.0).reshape(2, 3)))
print(json.dumps({"out": out, "hits": events.count("/jax/compilation_cache/cache_hits"),
                  "misses": events.count("/jax/compilation_cache/cache_misses")}))
"""


def _run(base, n=1):
    env = dict(os.environ, THEANO_FLAGS=f"base_compiledir={base}", PYTHONPATH=ROOT)
    procs = [subprocess.Popen([sys.executable, "-c", SCRIPT], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(n)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _entries(base):
    return [os.path.join(root, name) for root, _, names in os.walk(base) for name in names
            if name.endswith("-cache")]


def test_a_second_process_loads_the_compiled_step(tmp_path):
    first, second = _run(tmp_path, n=2)  # two processes at once on an empty compiledir
    assert first["out"] == second["out"] == 306.0
    paths = _entries(tmp_path)
    assert paths and all("compiledir_" in p and os.sep + "xla" + os.sep in p for p in paths)
    (warm,) = _run(tmp_path)
    assert warm["hits"] == 1 and warm["misses"] == 0
    for p in paths:  # corrupt every entry: each is compiled again and rewritten
        with open(p, "r+b") as f:
            f.seek(40)
            f.write(b"garbage")
    (again,) = _run(tmp_path)
    assert again["out"] == 306.0 and again["hits"] == 0
    for p in paths:
        assert cache.SafeCache(os.path.dirname(p)).get(os.path.basename(p)[:-len("-cache")]) is not None


def test_entries_are_checksummed(tmp_path):
    store = cache.SafeCache(tmp_path)
    store.put("k", b"compiled bytes")
    assert store.get("k") == b"compiled bytes"
    entry = tmp_path / "k-cache"
    entry.write_bytes(entry.read_bytes()[:-3])  # truncated (a crash mid-write of some other tool)
    assert store.get("k") is None and not entry.exists()
    entry.write_bytes(b"not an entry")
    assert store.get("k") is None
    assert store.get("absent") is None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp")]


def test_the_compiledir_is_theanos():
    assert config.compiledir == os.path.join(config.base_compiledir, os.path.basename(config.compiledir))
    assert os.path.basename(config.compiledir).startswith("compiledir_")
    assert cache.cache_dir() == os.path.join(config.compiledir, "xla")
    with pytest.raises(Exception, match="Can't change the value of this config parameter after initialization"):
        config.compiledir = "/tmp/elsewhere"


def test_the_cache_command(capsys):
    assert cli.main(["cache", "info"]) == 0
    assert cache.cache_dir() in capsys.readouterr().out
    assert cli.main(["cache", "clear"]) == 0
    assert cache.entries() == []
    assert cli.main(["cache", "nonsense"]) == 2
