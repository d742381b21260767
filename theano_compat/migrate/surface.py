"""Theano 1.0.5's recorded surface, and the answer theano_compat gives for each of its names.

Theano's side is theano_api.json (tests/golden/probes/probe_surface.py, under the real Theano): per module,
dir() without _ names and what each name is, plus the modules left out of scope and why. The shim's side is
read from the package: `theano_compat.legacy.MODULES` serves the module, and the object a name resolves to
declares its answer (theano_compat.stand_ins): no-op, unsupported-when-used, or the working thing. The
coverage table, the migration checker and tests/test_surface.py all ask this module, so they agree.
"""
from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import types
from dataclasses import dataclass
from functools import lru_cache

WORKING, ALIAS, NOOP, UNSUPPORTED, MISSING = "working", "alias", "no-op", "unsupported", "missing"

# Names another piece of work owns, still missing: module -> names ("*" for all), and who provides them.
PENDING = {
}
OP_CLASSES = "Theano's op classes are being built (the op-building API)"


@dataclass(frozen=True)
class Answer:
    kind: str  # WORKING, ALIAS, NOOP, UNSUPPORTED or MISSING
    note: str = ""  # why (no-op, unsupported), the shim's object (alias), the owner (missing)


@lru_cache(maxsize=1)
def record() -> dict:
    from .support import load_theano_api
    return load_theano_api()


def split_kind(text: str) -> tuple[str, str, str]:
    """'instance theano.tensor.elemwise.Elemwise [op] =theano.tensor.exp' -> (kind, what, same-as path)."""
    text, _, same = text.partition(" =")
    kind, _, what = text.partition(" ")
    return kind, what.partition(" [")[0], same


def role(text: str) -> str:
    """'op' or 'type' for Theano's Op and Type classes (and their instances), else ''."""
    text = text.partition(" =")[0]
    return text[text.index(" [") + 2:-1] if not text.startswith("constant") and " [" in text else ""


def in_scope() -> list[str]:
    """Theano module paths theano_compat serves (recorded modules and sandbox.cuda, less the out-of-scope)."""
    rec = record()
    out = rec.get("out_of_scope", {})
    modules = set(rec["modules"]) | {"theano.sandbox.cuda"}
    return sorted(m for m in modules if m not in out)


def incidental(module: str, name: str, text: str) -> bool:
    """A name in Theano's dir() only because its module imported it from elsewhere: numpy, six, os, another
    Theano module (`theano.tensor.nnet.corr.gof`). Not Theano's API, so not served on purpose. Renamed
    imports (`python_all`, `izip`) and Theano's own objects imported across modules are API."""
    kind, what, _ = split_kind(text)
    if kind == "constant":  # "?": a machine path or a C snippet the probe left out (theano.rpath, ...)
        return what == "?"
    if kind == "module":  # a submodule is API, unless it is a test package or left out of scope
        return what != f"{module}.{name}" or ".tests" in what or what in record().get("out_of_scope", {})
    if kind == "instance":  # `from __future__ import division`, module loggers
        return what.startswith(("__future__.", "logging."))
    if what.split(".")[0] == "theano":
        return False
    return what.rsplit(".", 1)[-1] == name


def api_names(module: str) -> dict[str, str]:
    """name -> recorded kind, for the names of `module` that are Theano's API."""
    names = record()["modules"].get(module, {})
    return {n: t for n, t in sorted(names.items()) if not incidental(module, n, t)}


def incidental_names(module: str) -> list[str]:
    names = record()["modules"].get(module, {})
    return sorted(n for n, t in names.items() if incidental(module, n, t))


@lru_cache(maxsize=1)
def _load_all() -> None:
    """Import every served module once, first: a package's submodule attributes then do not depend on what
    happened to be imported before (the answers, and so the table, are the same in every process)."""
    from theano_compat import legacy
    for target in legacy.MODULES.values():
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                importlib.import_module(target)
        except Exception:  # noqa: BLE001 - load_shim reports it for its own module
            pass


def load_shim(module: str):
    """The shim's module for a Theano path, or the exception importing it raised."""
    from theano_compat import legacy
    _load_all()
    target = legacy.MODULES.get(module)
    if target is None:
        return ModuleNotFoundError(module)
    try:
        # Some modules print on import, as Theano's do (theano.sandbox.softsign's notice): not here.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return importlib.import_module(target)
    except Exception as exc:  # noqa: BLE001 - reported per module, one must not hide the others
        return exc


def shim_kind(obj) -> str:
    if isinstance(obj, types.ModuleType):
        return "module"
    if inspect.isclass(obj):
        return "class"
    if inspect.isroutine(obj) or hasattr(obj, "func") and callable(obj):
        return "function"
    return "instance"


def _pending(module: str, name: str) -> str:
    """Who provides a missing name: the op-building work owns Theano's Op and Type classes (and the type
    instances, T.dmatrix and scalar.float64 being TensorType and Scalar instances in Theano)."""
    names, who = PENDING.get(module, ("", ""))
    if names == "*" or name in names.split():
        return who
    text = record()["modules"].get(module, {}).get(name, "")
    kind, _, _ = split_kind(text)
    return OP_CLASSES if (role(text) == "op" and kind == "class") or role(text) == "type" else ""


def answer(module: str, name: str) -> Answer:
    """The answer theano_compat gives for Theano's `module.name`."""
    from theano_compat.stand_ins import declared
    shim = load_shim(module)
    if isinstance(shim, BaseException):
        return Answer(MISSING, _pending(module, name))
    try:
        obj = getattr(shim, name)
    except Exception:  # noqa: BLE001 - AttributeError, or a lazy attribute that failed
        return Answer(MISSING, _pending(module, name))
    said = declared(obj)
    if said is not None:
        return Answer(*said)
    kind, what, _ = split_kind(record()["modules"].get(module, {}).get(name, "constant"))
    if kind in ("class", "function", "instance") and shim_kind(obj) != kind:
        return Answer(ALIAS, f"{shim_kind(obj)} `{_where(obj)}`")
    if kind in ("class", "function") and getattr(obj, "__name__", None) not in (name, what.rsplit(".", 1)[-1]):
        return Answer(ALIAS, f"`{_where(obj)}`")
    return Answer(WORKING)


def _where(obj) -> str:
    if shim_kind(obj) in ("class", "function"):
        return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', getattr(obj, '__name__', '?'))}"
    return f"{type(obj).__module__}.{type(obj).__qualname__} instance"


def answers(module: str) -> dict[str, Answer]:
    return {name: answer(module, name) for name in api_names(module)}
