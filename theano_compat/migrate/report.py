"""The outcome of a run: exit code, summary, and its text and JSON forms.

Exit codes (documented in migration_guide/README.md), the highest that applies:
    0  clean: nothing to change, no error finding
    1  changes needed (dry run, --diff, --check): some file would be migrated
    2  usage error (bad arguments)
    3  unsupported Theano API or Python 2 code found (error findings)
    4  failure: a file could not be read or parsed, or support data is missing
"""
from __future__ import annotations

import json

from .findings import ERROR, count_by_severity
from .runner import CHANGED, FAILED

EXIT_CLEAN, EXIT_CHANGES, EXIT_USAGE, EXIT_UNSUPPORTED, EXIT_FAILURE = 0, 1, 2, 3, 4


def all_findings(results) -> list:
    return sorted(f for r in results for f in r.findings)


def exit_code(results, pending_changes: bool, fatal: bool = False) -> int:
    """`pending_changes`: whether a changed file means 'changes needed' (not after --write)."""
    if fatal or any(r.status == FAILED for r in results):
        return EXIT_FAILURE
    if any(f.severity == ERROR for f in all_findings(results)):
        return EXIT_UNSUPPORTED
    if pending_changes and any(r.status == CHANGED for r in results):
        return EXIT_CHANGES
    return EXIT_CLEAN


def summary(results, command: str, mode: str) -> dict:
    return {
        "command": command,
        "mode": mode,
        "files": len(results),
        "changed": sum(r.status == CHANGED for r in results),
        "failed": sum(r.status == FAILED for r in results),
        "findings": count_by_severity(all_findings(results)),
    }


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def summary_line(info: dict) -> str:
    verb = {"write": "migrated", "out-tree": "migrated in the copy"}.get(info["mode"], "to migrate")
    parts = [_plural(info["files"], "file")]
    if info["command"] == "migrate":
        parts.append(f"{info['changed']} {verb}")
    if info["failed"]:
        parts.append(f"{info['failed']} skipped (cannot be read or parsed)")
    counts = info["findings"]
    parts.append(", ".join(_plural(counts[k], k) for k in ("error", "warning", "note")))
    return f"{info['command']}: " + ", ".join(parts)


def to_json(results, info: dict, code: int, warnings: list[str], with_diff: bool) -> str:
    files = []
    for r in results:
        record = {"path": r.path, "status": r.status}
        if r.error:
            record["error"] = r.error
        if with_diff and r.diff:
            record["diff"] = r.diff
        files.append(record)
    document = {
        "version": 1,
        "summary": info,
        "exit_code": code,
        "warnings": warnings,
        "files": files,
        "findings": [f.to_json() for f in all_findings(results)],
    }
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def findings_text(results) -> str:
    return "".join(f.to_text() + "\n" for f in all_findings(results))


def report_text(results, info: dict) -> str:
    """What --report FILE holds in text form: the findings and the summary."""
    return findings_text(results) + summary_line(info) + "\n"
