"""Python 2 constructs that stop a Theano-era file on Python 3, with the fix; and the names Python 3 or
numpy removed since Theano's time (time.clock, numpy.int, ...).

The tables are shared with the LibCST checker (for files that parse). The
scanner here is for files that LibCST cannot parse as Python 3 at all: it
works line by line on a view of the source with strings and comments blanked
out (via the tokenizer when it can, by a plain '#' cut when it cannot), so a
Python 2 file still gets its findings.
"""
from __future__ import annotations

import io
import re
import tokenize

from . import linescan
from .findings import Finding

BUILTINS = {
    "xrange": "use range()",
    "raw_input": "use input()",
    "unicode": "use str",
    "basestring": "use str",
    "long": "use int",
    "unichr": "use chr()",
    "execfile": "use exec(open(path).read())",
    "reduce": "add `from functools import reduce`",
    "cmp": "use (a > b) - (a < b)",
    "reload": "add `from importlib import reload`",
    "apply": "call f(*args, **kwargs)",
    "buffer": "use memoryview",
    "intern": "use sys.intern",
}
MODULES = {
    "cPickle": "import pickle",
    "cStringIO": "use io.StringIO or io.BytesIO",
    "StringIO": "use io.StringIO",
    "urllib2": "use urllib.request",
    "urlparse": "use urllib.parse",
    "ConfigParser": "import configparser",
    "Queue": "import queue",
    "__builtin__": "import builtins",
    "copy_reg": "import copyreg",
    "httplib": "use http.client",
    "commands": "use subprocess",
}
FROM_NAMES = {
    ("itertools", "izip"): "use zip()",
    ("itertools", "imap"): "use map()",
    ("itertools", "ifilter"): "use filter()",
    ("itertools", "izip_longest"): "use itertools.zip_longest",
    ("string", "maketrans"): "use str.maketrans",
    ("string", "letters"): "use string.ascii_letters",
}
# Removed after Python 2 (or from numpy), so Theano-era code written for Python 3 stops on them too.
_ABC = ("Python 3.10", "import it from collections.abc")
_NUMPY_ALIAS = "numpy 1.24"
REMOVED = {
    "time.clock": ("Python 3.8", "use time.perf_counter() (wall time) or time.process_time() (CPU time)"),
    "sys.maxint": ("Python 3", "use sys.maxsize"),
    "os.getcwdu": ("Python 3", "use os.getcwd()"),
    "string.letters": ("Python 3", "use string.ascii_letters"),
    "string.lowercase": ("Python 3", "use string.ascii_lowercase"),
    "string.uppercase": ("Python 3", "use string.ascii_uppercase"),
    "inspect.getargspec": ("Python 3.11", "use inspect.getfullargspec() or inspect.signature()"),
    "platform.linux_distribution": ("Python 3.8", "use the distro package or platform.freedesktop_os_release()"),
    "platform.dist": ("Python 3.8", "use the distro package or platform.freedesktop_os_release()"),
    "cgi.escape": ("Python 3.8", "use html.escape()"),
    "fractions.gcd": ("Python 3.9", "use math.gcd()"),
    "base64.encodestring": ("Python 3.9", "use base64.encodebytes()"),
    "base64.decodestring": ("Python 3.9", "use base64.decodebytes()"),
    **{f"collections.{n}": _ABC for n in ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Iterable",
                                          "Iterator", "Callable", "Set", "MutableSet", "Hashable", "Sized")},
    "numpy.int": (_NUMPY_ALIAS, "use int (or numpy.int64)"),
    "numpy.float": (_NUMPY_ALIAS, "use float (or numpy.float64)"),
    "numpy.bool": (_NUMPY_ALIAS, "use bool (or numpy.bool_)"),
    "numpy.long": (_NUMPY_ALIAS, "use int (or numpy.int64)"),
    "numpy.complex": (_NUMPY_ALIAS, "use complex (or numpy.complex128)"),
    "numpy.object": (_NUMPY_ALIAS, "use object"),
    "numpy.str": (_NUMPY_ALIAS, "use str"),
    "numpy.unicode": (_NUMPY_ALIAS, "use str"),
}
METHODS = {
    "iteritems": "use .items()",
    "itervalues": "use .values()",
    "iterkeys": "use .keys()",
    "has_key": "use `key in d`",
}

# Names the scanner looks for; the ambiguous ones (file, long, cmp ...) are
# left to the CST checker, which knows whether a name is bound.
_SCAN_BUILTINS = ("xrange", "raw_input", "unicode", "basestring", "unichr", "execfile")
_NOT_ATTR = r"(?<![\w.])"

# (code, pattern, message, hint); a pattern's first group, if any, names the column
RULES = [
    ("TC300", re.compile(r"(?:^|:)\s*(print)(?:\s+(?![\s(=])|\s*$|\s*>>)"),
     "print statement", "use print(...)"),
    ("TC305", re.compile(r"^\s*(exec)\s+(?![\s(=])"), "exec statement", "use exec(code)"),
    ("TC305", re.compile(r"^\s*(except)\s+[^:#]+?,\s*\w+\s*:"), "`except X, e:`", "use `except X as e:`"),
    ("TC305", re.compile(r"^\s*(raise)\s+[\w.]+\s*,"), "`raise E, value`", "use `raise E(value)`"),
    ("TC305", re.compile(r"(`)[^`]*`"), "backtick repr", "use repr(x)"),
    ("TC305", re.compile(r"(<>)"), "`<>` operator", "use !="),
    ("TC305", re.compile(_NOT_ATTR + r"(0[0-7]*[1-7][0-7]*)\b"), "old octal literal", "use 0o prefix"),
    ("TC305", re.compile(_NOT_ATTR + r"(\d+[lL])\b"), "long literal", "drop the L suffix"),
    ("TC301", re.compile(_NOT_ATTR + r"(%s)\b" % "|".join(_SCAN_BUILTINS)), "{0} is not a Python 3 builtin", None),
    ("TC304", re.compile(r"\.(%s)\s*\(" % "|".join(METHODS)), "dict.{0}() does not exist on Python 3", None),
    ("TC302", re.compile(r"(?:^|;)\s*from\s+(%s)\b" % "|".join(MODULES)), "module {0} does not exist on Python 3", None),
    ("TC306", re.compile(r"(?<![\w.])(%s|(?:np|numpy)\.(?:%s))\b(?!\s*=[^=])" % (
        "|".join(re.escape(q) for q in REMOVED if not q.startswith("numpy.")),
        "|".join(q[len("numpy."):] for q in REMOVED if q.startswith("numpy.")))), "{0}", None),
]


def removed(qualname: str) -> tuple[str, str]:
    """(message, hint) for a use of a REMOVED name, spelled as in the code (`np.int`)."""
    key = "numpy." + qualname.split(".", 1)[1] if qualname.startswith("np.") else qualname
    since, hint = REMOVED[key]
    return f"{qualname} was removed in {since}", hint


def _hint(code: str, word: str, hint: str | None) -> str:
    if hint is not None:
        return hint
    return {"TC301": BUILTINS, "TC302": MODULES, "TC304": METHODS}[code].get(word, "")


def _blank(lines: list[list[str]], start, end, keep_quotes: bool) -> None:
    (sr, sc), (er, ec) = start, end
    for row in range(sr, er + 1):
        line = lines[row - 1]
        lo = sc if row == sr else 0
        hi = ec if row == er else len(line)
        for i in range(lo, hi):
            if line[i] not in "\r\n":
                line[i] = " "
    if keep_quotes and sr == er and ec - sc >= 2:  # `print "x"` must still look like a print statement
        lines[sr - 1][sc] = lines[sr - 1][ec - 1] = '"'


def code_view(text: str) -> list[str]:
    """The source's lines with strings and comments blanked, same columns."""
    lines = [list(line) for line in text.splitlines(keepends=True)]
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.STRING, tokenize.COMMENT):
                _blank(lines, tok.start, tok.end, keep_quotes=tok.type == tokenize.STRING)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        # Fall back to a plain cut at '#': rough, but the file still gets findings.
        return [line.split("#", 1)[0] for line in text.splitlines()]
    return ["".join(line).rstrip("\r\n") for line in lines]


def _after_try(view: list[str], index: int) -> bool:
    # `try: import cPickle` / `except ImportError: import pickle` is Python 3 ready
    for previous in reversed(view[:index]):
        if previous.strip():
            return previous.strip() == "try:"
    return False


def scan(path: str, text: str) -> list[Finding]:
    """Python 2 findings for a file that does not parse as Python 3."""
    view = code_view(text)
    findings = []
    for index, line in enumerate(view):
        for code, pattern, message, hint in RULES:
            for match in pattern.finditer(line):
                if code == "TC302" and _after_try(view, index):
                    continue
                word = match.group(1) if match.groups() else match.group(0)
                col = (match.start(1) if match.groups() else match.start()) + 1
                text, fix = removed(word) if code == "TC306" else (message.format(word), _hint(code, word, hint))
                findings.append(Finding(path, index + 1, col, code, text, fix))
    findings += _scan_imports(path, view) + linescan.divisions(path, view) + linescan.shared_values(path, view)
    return sorted(set(findings))


_IMPORT = re.compile(r"(?:^|;)\s*import\s+([^;]+)")


def _scan_imports(path: str, view: list[str]) -> list[Finding]:
    """TC302 for each Python 2 module of `import a, b as c` (not only the first)."""
    findings = []
    for index, line in enumerate(view):
        for match in _IMPORT.finditer(line):
            if _after_try(view, index):
                continue
            col = match.start(1)
            for part in match.group(1).split(","):
                name = part.strip().split(" ")[0]
                top = name.split(".")[0]
                if top in MODULES:
                    found = Finding(path, index + 1, col + part.index(name) + 1, "TC302",
                                    f"module {top} does not exist on Python 3", MODULES[top])
                    findings.append(found)
                col += len(part) + 1
    return findings
