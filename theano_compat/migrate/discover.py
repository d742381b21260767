"""Which files a run looks at.

Directories are walked in sorted order (so output is deterministic), skipping
version-control and tool folders, virtual environments, build output and what
.gitignore ignores. Files named on the command line are always taken.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

from . import gitignore

PYTHON_SUFFIXES = (".py", ".pyw")
SKIP_DIRS = {"__pycache__", "build", "dist", "node_modules", "site-packages", "venv", "htmlcov", "__pypackages__"}
VENV_MARKERS = ("pyvenv.cfg", "conda-meta")  # a virtualenv or conda env, whatever its name


@dataclass(frozen=True)
class Source:
    path: str  # where it is on disk
    display: str  # how reports name it: as reached from the argument
    python: bool  # migrated; other files are only copied by --out-tree


def _skip_dir(path: str, name: str) -> bool:
    if name.startswith(".") or name in SKIP_DIRS or name.endswith(".egg-info"):
        return True
    return any(os.path.exists(os.path.join(path, marker)) for marker in VENV_MARKERS)


def _excluded(root: str, path: str, patterns: list[str]) -> bool:
    """GLOB matches the path from the walked root, the shown path, or the bare name."""
    if not patterns:
        return False
    display = os.path.normpath(path).replace(os.sep, "/")
    candidates = (os.path.relpath(path, root).replace(os.sep, "/"), display, display.rsplit("/", 1)[-1])
    return any(fnmatch.fnmatch(c, p) for c in candidates for p in patterns)


def walk(root: str, excludes: list[str], other_files: bool, skip: tuple[str, ...] = ()) -> list[Source]:
    found = []
    rules_at = {os.path.abspath(root): gitignore.repository_rules(root)}
    for dirpath, dirnames, filenames in os.walk(root):
        rules = rules_at[os.path.abspath(dirpath)]
        kept = []
        for name in sorted(dirnames):
            full = os.path.join(dirpath, name)
            if _skip_dir(full, name) or gitignore.ignored(rules, os.path.abspath(full), True) \
                    or _excluded(root, full, excludes) or os.path.abspath(full) in skip:
                continue
            kept.append(name)
            rules_at[os.path.abspath(full)] = rules + gitignore.load(os.path.abspath(full))
        dirnames[:] = kept
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            display = os.path.normpath(full)
            python = name.endswith(PYTHON_SUFFIXES)
            if not (python or other_files):
                continue
            if not gitignore.ignored(rules, os.path.abspath(full), False) and not _excluded(root, full, excludes):
                found.append(Source(full, display, python))
    return found


def discover(paths: list[str], excludes: list[str], other_files: bool = False,
             skip: tuple[str, ...] = ()) -> tuple[list[Source], list[str]]:
    """(sources sorted by display path, error messages for paths that do not exist)."""
    sources, errors = {}, []
    for path in paths:
        if os.path.isdir(path):
            for source in walk(path, excludes, other_files, skip):
                sources.setdefault(source.display, source)
        elif os.path.isfile(path):
            display = os.path.normpath(path)
            sources.setdefault(display, Source(path, display, True))
        else:
            errors.append(f"{path}: no such file or directory")
    return [sources[k] for k in sorted(sources)], errors
