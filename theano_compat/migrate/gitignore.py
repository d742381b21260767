"""Enough of .gitignore to skip what a project ignores, without needing git.

Supports what real .gitignore files use: comments, ``!`` negation, trailing
``/`` for directories, patterns anchored by a ``/``, ``*``, ``?``, ``[...]``
and ``**``. The walker prunes ignored directories, which gives git's rule
that nothing inside an ignored directory can be re-included.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass


def _translate(pattern: str) -> str:
    """A gitignore glob as a regular expression over '/'-separated paths."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Rule:
    base: str  # directory of the .gitignore, absolute
    regex: re.Pattern
    negate: bool
    dir_only: bool
    anchored: bool

    def matches(self, path: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        rel = os.path.relpath(path, self.base).replace(os.sep, "/")
        if rel.startswith("../"):
            return False
        target = rel if self.anchored else rel.rsplit("/", 1)[-1]
        return self.regex.fullmatch(target) is not None


def parse_line(base: str, line: str) -> Rule | None:
    line = line.rstrip("\r\n")
    if not line.endswith("\\ "):
        line = line.rstrip(" ")
    if not line or line.startswith("#"):
        return None
    negate = line.startswith("!")
    if negate or line.startswith("\\"):
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    if not line:
        return None
    regex = re.compile(_translate(line.lstrip("/")))
    return Rule(base, regex, negate, dir_only, anchored)


def load(directory: str, filename: str = ".gitignore") -> list[Rule]:
    path = os.path.join(directory, filename)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
    except OSError:
        return []
    rules = (parse_line(directory, line) for line in lines)
    return [r for r in rules if r is not None]


def repository_rules(directory: str) -> list[Rule]:
    """Rules from the enclosing git repository, outermost first, down to `directory`."""
    directory = os.path.abspath(directory)
    chain = []
    current = directory
    while True:
        chain.append(current)
        if os.path.exists(os.path.join(current, ".git")):
            break
        parent = os.path.dirname(current)
        if parent == current:  # not in a repository: only the tree's own files count
            chain = [directory]
            break
        current = parent
    top = chain[-1]
    rules = load(os.path.join(top, ".git", "info"), "exclude")
    rules = [Rule(top, r.regex, r.negate, r.dir_only, r.anchored) for r in rules]
    for folder in reversed(chain):
        rules.extend(load(folder))
    return rules


def ignored(rules: list[Rule], path: str, is_dir: bool) -> bool:
    verdict = False
    for rule in rules:  # the last matching rule wins, as in git
        if rule.matches(path, is_dir):
            verdict = not rule.negate
    return verdict
