"""Theano's compiledir, for XLA: compiled steps persist across processes.

Theano kept its compiled C modules under config.compiledir (``~/.theano/compiledir_<platform>``) so that a
script's second run did not compile again. Here the same directory holds JAX's persistent compilation cache
(``<compiledir>/xla``): every compiled step, and on a GPU XLA's autotuning results, are written there on
first use and read back by later processes, which then only trace. The user's own
``jax_compilation_cache_dir``, when set, is honoured instead.

Entries are written atomically (a temporary file renamed into place) with a checksum, so processes may share
the directory: a reader sees a whole entry or none, and a corrupt or truncated entry is deleted and the step
compiled again, never a crash. Entries are keyed by JAX on the program, the compile options, the backend and
the versions of jax and XLA, so a stale entry is simply never hit. ``theano-compat cache info|list|clear``
inspects or empties the directory, as ``theano-cache`` did.
"""
import hashlib
import os
import pathlib
import shutil
import tempfile
import warnings

import jax

from ..config import config

_MAGIC = b"TCX1"
_SUFFIX = "-cache"
_ACTIVE = []  # the directory in use, once activated


def cache_dir():
    """Where compiled steps are kept: <compiledir>/xla."""
    return os.path.join(config.compiledir, "xla")


def activate():
    """Point JAX's persistent compilation cache at the compiledir (once, before the first compile)."""
    if _ACTIVE:
        return
    user_dir = jax.config.jax_compilation_cache_dir
    if user_dir is not None:
        _ACTIVE.append(user_dir)
        return
    path = cache_dir()
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        warnings.warn(f"theano_compat: compiled steps will not be cached ({path}: {e})")
        _ACTIVE.append(None)
        return
    jax.config.update("jax_compilation_cache_dir", path)
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)  # Theano cached every module
    _install(path)
    _ACTIVE.append(path)


def _install(path):
    try:
        from jax._src import compilation_cache as cc
    except ImportError:  # pragma: no cover  (another JAX: its own file cache serves, without the checksums)
        return
    with cc._cache_initialized_mutex:
        if not cc._cache_initialized:
            cc._cache = SafeCache(path)
            cc._cache_initialized = True


def _interface():
    try:
        from jax._src.compilation_cache_interface import CacheInterface
        return CacheInterface
    except ImportError:  # pragma: no cover
        return object


class SafeCache(_interface()):
    """JAX's file cache with atomic writes and checksummed entries (safe under concurrent processes)."""

    def __init__(self, path):
        self._path = pathlib.Path(path)
        self._path.mkdir(parents=True, exist_ok=True)

    def get(self, key):
        entry = self._path / f"{key}{_SUFFIX}"
        try:
            data = entry.read_bytes()
        except OSError:
            return None
        body = data[36:]
        if data[:4] != _MAGIC or hashlib.sha256(body).digest() != data[4:36]:
            _remove(entry)  # corrupt or foreign: compiled again and rewritten
            return None
        return body

    def put(self, key, value):
        try:
            fd, tmp = tempfile.mkstemp(dir=self._path, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + hashlib.sha256(value).digest() + value)
            os.replace(tmp, self._path / f"{key}{_SUFFIX}")
        except OSError as e:  # a full or read-only disk costs a recompile next time, nothing more
            warnings.warn(f"theano_compat: could not cache a compiled step in {self._path}: {e}")

    def clear(self):
        clear(self._path)


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def entries(path=None):
    """(name, bytes) of the cached compiled steps."""
    root = pathlib.Path(path or cache_dir())
    if not root.is_dir():
        return []
    return sorted((p.name[:-len(_SUFFIX)], p.stat().st_size) for p in root.glob(f"*{_SUFFIX}"))


def size(path=None):
    """Total bytes under the cache directory (autotuning results included)."""
    root = pathlib.Path(path or cache_dir())
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.is_dir() else 0


def clear(path=None):
    """Delete every cached step (and XLA's autotuning results) under the cache directory."""
    root = pathlib.Path(path or cache_dir())
    if not root.is_dir():
        return 0
    count = 0
    for p in root.iterdir():
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            _remove(p)
            count += p.name.endswith(_SUFFIX)
    return count
