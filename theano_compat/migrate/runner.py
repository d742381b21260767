"""Process files: parse once, check, rewrite, diff; in parallel when asked.

Workers only compute; the parent writes, in sorted order, so output is the
same for any -j and a crash never leaves a file half-written.
"""
from __future__ import annotations

import ast
import difflib
import io
import multiprocessing
import sys
import time
import tokenize
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import libcst as cst

from . import py2
from .checker import check_module
from .discover import Source
from .findings import Finding
from .rewriter import rewrite_module
from .support import Support

UNCHANGED, CHANGED, FAILED = "unchanged", "changed", "failed"
PY2_HINT = "Python 2 code? port it to Python 3 (2to3, or the fixes listed here), then migrate again"
LOSSY = "LibCST cannot write this file back byte for byte (CR-only newlines?); file left unchanged"
ENCODING_HINT = "declare the file's encoding in a coding cookie, e.g. `# -*- coding: latin-1 -*-`"


@dataclass
class FileResult:
    source: Source
    status: str
    findings: list[Finding] = field(default_factory=list)
    error: str = ""
    new_bytes: bytes | None = None  # only when CHANGED
    diff: str = ""

    @property
    def path(self) -> str:
        return self.source.display


def _decode_loosely(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # a coding cookie naming no codec
        return data.decode("utf-8", errors="replace")


def _where(text: str, exc: Exception) -> tuple[int, int, str]:
    """Line, column and reason of a parse failure, in Python's own words when it has some."""
    try:
        compile(text, "<file>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as error:  # "Missing parentheses in call to 'print'" beats a tokenizer message
        return error.lineno or 1, error.offset or 1, error.msg
    except (ValueError, RecursionError):
        pass
    reason = getattr(exc, "message", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return getattr(exc, "raw_line", 1), getattr(exc, "raw_column", 0) + 1, reason


def _parse_failure(source: Source, data: bytes, exc: Exception) -> FileResult:
    text = _decode_loosely(data)
    line, col, reason = _where(text, exc)
    message = f"cannot parse as Python 3 ({reason}); checked by a line scan only, not migrated"
    encoding_problem = isinstance(exc, (UnicodeError, LookupError)) or "encoding" in reason
    hint = ENCODING_HINT if encoding_problem else PY2_HINT
    findings = [Finding(source.display, line, col, "TC900", message, hint)]
    findings += py2.scan(source.display, text)
    return FileResult(source, FAILED, sorted(set(findings)), error=f"cannot parse as Python 3 at {line}:{col}: {reason}")


def unified_diff(display: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{display}", f"b/{display}")
    # a last line without newline must not run into the next diff line
    return "".join(l if l.endswith(("\n", "\r")) else l + "\n\\ No newline at end of file\n" for l in lines)


def process(source: Source, support: Support | None, migrate: bool, want_diff: bool) -> FileResult:
    try:
        with open(source.path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return FileResult(source, FAILED, error=f"cannot read: {exc.strerror or exc}")
    try:
        module = cst.parse_module(data)
    except Exception as exc:  # ParserSyntaxError, bad coding cookie, undecodable bytes
        return _parse_failure(source, data, exc)
    try:
        return _process_parsed(source, data, module, support, migrate, want_diff)
    except Exception:  # a bug of ours must cost one file, not the run
        return FileResult(source, FAILED, error="internal error: " + traceback.format_exc(limit=-3).strip())


def _process_parsed(source, data, module, support, migrate, want_diff) -> FileResult:
    findings = check_module(source.display, module, support) if support else []
    if not migrate:
        return FileResult(source, UNCHANGED, findings)
    if b"theano" not in data:  # nothing to rewrite (sources are ASCII-compatible); skip a tree pass
        return FileResult(source, UNCHANGED, findings)
    new_module, rewritten = rewrite_module(module)
    if not rewritten:
        return FileResult(source, UNCHANGED, findings)
    if module.bytes != data:  # LibCST drops e.g. the last newline of a CR-only (old Mac) file
        return FileResult(source, FAILED, findings, error=LOSSY)
    new_bytes = new_module.bytes
    diff = unified_diff(source.display, module.code, new_module.code) if want_diff else ""
    return FileResult(source, CHANGED, findings, new_bytes=new_bytes, diff=diff)


# -- parallel map -----------------------------------------------------------
_WORKER_STATE: tuple = ()


def _init_worker(support, migrate, want_diff) -> None:
    global _WORKER_STATE
    _WORKER_STATE = (support, migrate, want_diff)


def _work(source: Source) -> FileResult:
    return process(source, *_WORKER_STATE)


def run(sources: list[Source], support, migrate: bool, want_diff: bool, jobs: int, progress):
    """FileResults in the order of `sources`, whatever the number of workers."""
    if jobs <= 1 or len(sources) < 2:
        for source in sources:
            yield process(source, support, migrate, want_diff)
            progress.tick()
        return
    # spawn, not fork: the parent may have imported jax (through the shim's
    # modules), and forking a multithreaded process can deadlock
    context = multiprocessing.get_context("spawn")
    chunk = max(1, len(sources) // (jobs * 8))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(support, migrate, want_diff)) as pool:
        for result in pool.map(_work, sources, chunksize=chunk):
            yield result
            progress.tick()


class Progress:
    """'[n/N]' on stderr: live on a terminal, every 10% otherwise, for long runs only."""

    def __init__(self, total: int, verb: str, stream=None, min_total: int = 200) -> None:
        self.total, self.verb, self.done = total, verb, 0
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = total >= (20 if self.tty else min_total)
        self._last = 0.0

    def tick(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.tty:
            now = time.monotonic()
            if now - self._last > 0.1 or self.done == self.total:
                self._last = now
                self.stream.write(f"\r{self.verb}: {self.done}/{self.total} files")
                self.stream.flush()
        elif self.done * 10 // self.total != (self.done - 1) * 10 // self.total:
            self.stream.write(f"{self.verb}: {self.done}/{self.total} files\n")

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
