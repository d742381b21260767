"""`theano-compat migrate` and `theano-compat check`.

    theano-compat migrate PATH... [--write | --diff | --check | --out-tree DIR]
                          [--exclude GLOB] [-j N] [--report FILE] [--format text|json]
    theano-compat check PATH... [--exclude GLOB] [-j N] [--report FILE] [--format text|json]

Exit codes are listed in report.py and in the guide.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

from . import report
from .discover import discover
from .runner import CHANGED, FAILED, Progress, run
from .support import load_support

DESCRIPTION = {
    "migrate": "Rewrite Theano imports to theano_compat (dry run unless --write or --out-tree).",
    "check": "List uses of Theano APIs that theano_compat does not support, and Python 2 leftovers.",
}


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip paths or names matching GLOB (repeatable)")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="worker processes (default: one per CPU for 16 files or more)")
    parser.add_argument("--report", metavar="FILE", help="also write the report (findings, summary) to FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="theano-compat")
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser("migrate", description=DESCRIPTION["migrate"])
    _common(migrate)
    mode = migrate.add_mutually_exclusive_group()
    mode.add_argument("--write", dest="mode", action="store_const", const="write", help="rewrite files in place")
    mode.add_argument("--diff", dest="mode", action="store_const", const="diff", help="print only the diff")
    mode.add_argument("--check", dest="mode", action="store_const", const="check",
                      help="exit 1 when a file would change (for CI)")
    mode.add_argument("--out-tree", metavar="DIR", help="write a migrated copy of the tree to DIR")
    check = commands.add_parser("check", description=DESCRIPTION["check"])
    _common(check)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits; callers want a code
        return exc.code if isinstance(exc.code, int) else report.EXIT_USAGE
    if args.command == "check":
        args.mode, args.out_tree = "check-only", None
    elif args.out_tree:
        args.mode = "out-tree"
    args.mode = args.mode or "dry-run"
    for stream in (sys.stdout, sys.stderr):  # a diff of a latin-1 file must not crash an ASCII terminal
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    return Run(args).execute()


def _write_atomically(path: str, data: bytes, mode_from: str) -> None:
    """Replace `path` by `data` without a half-written state, keeping its mode."""
    target = os.path.realpath(path)  # through a symlink, not over it
    folder = os.path.dirname(target) or "."
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".theano-compat-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        shutil.copymode(mode_from, temp)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.migrate = args.command == "migrate"
        self.warnings: list[str] = []
        self.fatal = False
        self.base = self._base()

    def err(self, message: str) -> None:
        print(f"theano-compat: {message}", file=sys.stderr)

    def execute(self) -> int:
        args = self.args
        out_tree = os.path.abspath(args.out_tree) if args.out_tree else None
        if out_tree and any(os.path.isdir(p) and os.path.abspath(p) == out_tree for p in args.paths):
            self.err("error: --out-tree must not be one of the source directories")
            return report.EXIT_USAGE
        sources, missing = discover(args.paths, args.exclude, other_files=bool(out_tree),
                                    skip=(out_tree,) if out_tree else ())
        for message in missing:
            self.err(f"error: {message}")
        self.fatal = bool(missing)
        support = self._support()
        python = [s for s in sources if s.python]
        results = self._process(python, support, out_tree)
        if out_tree:
            self._copy_others([s for s in sources if not s.python], out_tree)
        return self._finish(results)

    def _support(self):
        support, warning = load_support()
        if warning:
            self.warnings.append(warning)
            self.err(f"warning: {warning}")
            # `check` exists to report support; without the shim's table it cannot
            self.fatal |= not self.migrate and support.shim is None
        return support

    def _jobs(self, count: int) -> int:
        if self.args.jobs > 0:
            return self.args.jobs
        return (os.cpu_count() or 1) if count >= 16 else 1

    def _process(self, sources, support, out_tree):
        verb = "migrate" if self.migrate else "check"
        progress = Progress(len(sources), verb)
        want_diff = self.args.mode in ("dry-run", "diff")
        results = []
        for result in run(sources, support, self.migrate, want_diff, self._jobs(len(sources)), progress):
            self._store(result, out_tree)
            result.new_bytes = None  # written; do not keep every file in memory
            results.append(result)
        progress.finish()
        return results

    def _store(self, result, out_tree) -> None:
        try:
            if self.args.mode == "write" and result.status == CHANGED:
                _write_atomically(result.source.path, result.new_bytes, result.source.path)
            elif out_tree:
                self._store_copy(result, out_tree)
        except OSError as exc:
            result.status, result.error = FAILED, f"cannot write: {exc}"

    def _base(self) -> str:
        """The folder the copy mirrors: common to all arguments (a file counts as its folder)."""
        roots = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))
                 for p in self.args.paths if os.path.exists(p)]
        return os.path.commonpath(roots) if roots else os.getcwd()

    def _destination(self, source, out_tree: str) -> str:
        destination = os.path.join(out_tree, os.path.relpath(os.path.abspath(source.path), self.base))
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        return destination

    def _store_copy(self, result, out_tree: str) -> None:
        destination = self._destination(result.source, out_tree)
        if result.status == CHANGED:
            with open(destination, "wb") as fh:
                fh.write(result.new_bytes)
            shutil.copymode(result.source.path, destination)
        else:  # unchanged or unparseable: the copy must still be complete
            shutil.copy2(result.source.path, destination)

    def _copy_others(self, sources, out_tree: str) -> None:
        for source in sources:
            try:
                shutil.copy2(source.path, self._destination(source, out_tree))
            except OSError as exc:
                self.err(f"error: cannot copy {source.display}: {exc}")
                self.fatal = True

    def _finish(self, results) -> int:
        args = self.args
        info = report.summary(results, args.command, args.mode)
        code = report.exit_code(results, args.mode in ("dry-run", "diff", "check"), self.fatal)
        for result in results:
            if result.status == FAILED:
                self.err(f"skipped {result.path}: {result.error}")
        with_diff = args.mode in ("dry-run", "diff")
        if args.format == "json":
            document = report.to_json(results, info, code, self.warnings, with_diff)
            sys.stdout.write(document)
        else:
            self._print_text(results, info)
        if args.report:
            self._write_report(results, info, code, with_diff)
        return code

    def _print_text(self, results, info) -> None:
        mode = self.args.mode
        changed = [r for r in results if r.status == CHANGED]
        out = sys.stdout
        if mode in ("dry-run", "diff"):
            out.write("".join(r.diff for r in changed))
        elif mode in ("write", "check"):
            label = "migrated" if mode == "write" else "would migrate"
            out.write("".join(f"{label}: {r.path}\n" for r in changed))
        # --diff keeps stdout a clean patch; the rest goes to stderr
        rest = sys.stderr if mode == "diff" else out
        rest.write(report.findings_text(results))
        line = report.summary_line(info)
        if mode == "out-tree":
            line += f"; copy written to {self.args.out_tree}"
        rest.write(line + "\n")

    def _write_report(self, results, info, code, with_diff) -> None:
        if self.args.format == "json":
            text = report.to_json(results, info, code, self.warnings, with_diff)
        else:
            text = report.report_text(results, info)
        try:
            with open(self.args.report, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            self.err(f"error: cannot write report: {exc}")
