"""Findings that need a little of the file's context, for files the CST checker cannot parse (Python 2).

Works on py2.code_view's lines (strings and comments blanked). Two rules, each the line-level twin of a CST
rule: `/` between two integers (division.py says why only those), and `.value` of a shared variable.
"""
from __future__ import annotations

import re

from .findings import Finding

SHAPE_DIV_HINT = "use // where an integer is meant"
DIVISION_MESSAGE = "'/' between integers floors on Python 2 and gives a float on Python 3"
SHARED_VALUE_HINT = "use {0}.get_value() / {0}.set_value(v)"
SHARED_VALUE_MESSAGE = "{0}.value: shared variables have no .value since Theano 1.0"

_PRIMARY = r"[A-Za-z_][\w.]*(?:\([^()]*\))?"
_SHAPE = _PRIMARY + r"\.shape\s*\[[^\]:]*\]"
_CALL = r"(?:len|int|long)\([^()]*\)"
_ATOM = r"(?:%s|%s|\d+(?![\w.])|[A-Za-z_]\w*)" % (_SHAPE, _CALL)
_LEFT = re.compile(r"(?:(%s)|(?<![\w.])(%s|\d+|[A-Za-z_]\w*))\s*$" % (_SHAPE, _CALL))
_RIGHT = re.compile(r"^\s*(?:(%s)|(%s)|(\d+)(?![\w.])|([A-Za-z_]\w*))" % (_SHAPE, _CALL))
_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*=(?!=)\s*(.+?)\s*$")
_INT_EXPR = re.compile(r"^%s(?:\s*(?:[-+*%%]|//|/(?!/))\s*%s)*$" % (_ATOM, _ATOM))
_DEFAULT = re.compile(r"[(,]\s*([A-Za-z_]\w*)\s*=\s*-?\d+\s*(?=[,)])")
_SHARED = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*=\s*(?:theano\.|theano_compat\.)?(?:compile\.)?shared\s*\(")


def _int_names(view: list[str]) -> set:
    """Names every assignment of which (in the whole file) is integer arithmetic, or an integer default."""
    values: dict[str, list[str]] = {}
    for line in view:
        match = _ASSIGN.match(line)
        if match:
            values.setdefault(match.group(1), []).append(match.group(2))
        if re.match(r"\s*def\s", line):
            for name in _DEFAULT.findall(line):
                values.setdefault(name, []).append("0")
    known: set = set()
    for _ in range(3):  # names defined from names: a few rounds reach a fixed point in practice
        known = {n for n, rhs in values.items() if all(_INT_EXPR.match(r) and _names_ok(r, known) for r in rhs)}
    return known


def _names_ok(expr: str, known: set) -> bool:
    bare = re.sub(_SHAPE + "|" + _CALL, "0", expr)
    return all(n in known for n in re.findall(r"(?<![\w.])[A-Za-z_]\w*", bare))


def _left_int(prefix: str, known: set) -> bool:
    match = _LEFT.search(prefix)
    if not match:
        return False
    before = prefix[:match.start()].rstrip()
    if match.group(2) and before.endswith(("*", "/", "%", "@", ".")):  # `a * n / 2`: the left is a product
        return False
    atom = match.group(2)
    return bool(match.group(1)) or not re.fullmatch(r"[A-Za-z_]\w*", atom or "") or atom in known


def _right_int(suffix: str, known: set) -> bool:
    match = _RIGHT.match(suffix)
    if not match:
        return False
    if re.match(r"\s*(\*\*|[.(\[])", suffix[match.end():]):  # `2 ** k`, `n.x`, `f(...)`: more than the atom
        return False
    return match.group(4) is None or match.group(4) in known


def divisions(path: str, view: list[str]) -> list[Finding]:
    if any(re.match(r"\s*from\s+__future__\s+import\s+.*\bdivision\b", line) for line in view):
        return []
    known = _int_names(view)
    found = []
    for index, line in enumerate(view):
        for match in re.finditer(r"(?<![/=])/(?![/=])", line):
            if _left_int(line[:match.start()], known) and _right_int(line[match.end():], known):
                found.append(Finding(path, index + 1, match.start() + 1, "TC303", DIVISION_MESSAGE, SHAPE_DIV_HINT))
    return found


def shared_values(path: str, view: list[str]) -> list[Finding]:
    """`w.value` where w was bound to theano.shared(...) in this file."""
    names = {m.group(1) for m in map(_SHARED.match, view) if m}
    if not names:
        return []
    pattern = re.compile(r"(?<![\w.])(%s)\.value\b" % "|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    return [Finding(path, index + 1, m.start() + 1, "TC105", SHARED_VALUE_MESSAGE.format(m.group(1)),
                    SHARED_VALUE_HINT.format(m.group(1)))
            for index, line in enumerate(view) for m in pattern.finditer(line)]
