"""What the checker reports: codes, severities and the Finding record.

Codes are stable (users grep and filter them); the table below is the one
place that says what each means, and the guide lists it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, WARNING, NOTE = "error", "warning", "note"

# code -> (severity, short title)
CODES = {
    "TC100": (ERROR, "Theano API not supported by theano_compat"),
    "TC101": (ERROR, "Theano module not provided by theano_compat"),
    "TC102": (WARNING, "not a Theano 1.0.5 name"),
    "TC103": (NOTE, "supported with differences"),
    "TC104": (ERROR, "Theano name that resolves but raises when used"),
    "TC105": (ERROR, "Theano API removed before 1.0 (shared_var.value)"),
    "TC200": (ERROR, "Theano imported by a string (not migrated)"),
    "TC201": (WARNING, "THEANO_FLAGS setting"),
    "TC202": (WARNING, "string names a Theano module"),
    "TC300": (ERROR, "Python 2 print statement"),
    "TC301": (ERROR, "Python 2 builtin"),
    "TC302": (ERROR, "Python 2 module"),
    "TC303": (WARNING, "'/' between integers is true division on Python 3"),
    "TC304": (ERROR, "Python 2 dict method"),
    "TC305": (ERROR, "Python 2 syntax"),
    "TC306": (ERROR, "name removed from Python or numpy since Theano's time"),
    "TC900": (ERROR, "file cannot be parsed as Python 3"),
}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int  # 1-based
    col: int  # 1-based, like flake8 and compilers
    code: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    def to_text(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def to_json(self) -> dict:
        record = asdict(self)
        record["severity"] = self.severity
        return record


def count_by_severity(findings) -> dict:
    counts = {ERROR: 0, WARNING: 0, NOTE: 0}
    for finding in findings:
        counts[finding.severity] += 1
    return counts
