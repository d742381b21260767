"""What Theano 1.0.5 had, and what theano_compat supports of it.

Both the checker and the coverage table read this, so the tool and the guide
cannot disagree. Theano's side is recorded data (theano_api.json, made by
tests/golden/probes/probe_surface.py under the real Theano); the shim's side is
read from the package itself (surface.py): ``theano_compat.legacy.MODULES``,
what each recorded name resolves to, and the answer its object declares
(UNSUPPORTED_MARK: the name resolves, so imports succeed, but raises when used).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

API_PATH = Path(__file__).with_name("theano_api.json")

GPU_HINT = "JAX places the work: drop CUDA/gpuarray code and pick the device with theano.config.device ('cpu', 'cuda0')"

# Differences a user can notice, keyed by Theano qualified name. The core may
# add its own in theano_compat.legacy.DIFFERENCES; those win.
DIFFERENCES = {
    "theano.function": "mode= and profile= are accepted and ignored",
    "theano.compile.function": "mode= and profile= are accepted and ignored",
}

# The one declaration of "this name resolves but raises when used": an attribute on the public object
# (function, class, or an instance's class) holding (UNSUPPORTED, why). The stand-ins that raise when used
# set it; the checker (TC104) and the coverage table read it from the objects themselves, so they cannot
# drift. (Same attribute and values as the surface work's theano_compat/stand_ins.py ANSWER.)
UNSUPPORTED_MARK = "__theano_compat_answer__"
UNSUPPORTED = "unsupported"

TEST_HINT = "Theano's own test helpers are not part of theano_compat; compare results with numpy.testing"

# Replacements that Theano itself pointed to when it moved things.
MOVED = {
    "theano.sandbox.softsign.softsign": "theano.tensor.nnet.softsign",
    "theano.sandbox.solve.solve": "theano.tensor.slinalg.solve",
    "theano.tensor.signal.downsample.max_pool_2d": "theano.tensor.signal.pool.pool_2d",
    "theano.sandbox.neighbours.images2neibs": "theano.tensor.nnet.neighbours.images2neibs",
}


def _is_test_module(module: str) -> bool:
    return ".tests" in module


class Status(Enum):
    SUPPORTED = "supported"
    DIFFERENT = "supported with differences"
    UNSUPPORTED = "not supported"
    RAISES = "raises when used"  # resolves, so imports work, but using it raises an error naming it
    NO_MODULE = "module not provided"
    UNKNOWN = "not in Theano 1.0.5"
    UNCHECKED = "unchecked"  # the shim's table could not be read


@dataclass(frozen=True)
class Verdict:
    status: Status
    qualname: str
    note: str = ""


@lru_cache(maxsize=1)
def load_theano_api(path: Path = API_PATH) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _public_names(module) -> frozenset:
    names = getattr(module, "__all__", None)
    if names is None:  # the contract says explicit __all__; be lenient anyway
        names = [n for n in vars(module) if not n.startswith("_")]
    return frozenset(names)


def shim_table() -> tuple[dict, dict, list, dict]:
    """(theano module -> names that resolve, differences, broken modules, names that raise when used).

    A recorded name resolves unless surface.answer finds it missing; the reason a stand-in declares becomes
    its note: a no-op's in the differences, an unsupported one's in the names that raise when used. Names
    the shim adds come from each module's `__all__`. Imported lazily: the core imports jax, which the rewriter never needs.
    Raises ImportError while theano_compat.legacy does not exist.
    """
    from theano_compat import legacy

    from . import surface

    unimportable = load_theano_api().get("unimportable", {})
    table, broken, unusable = {}, [], {}
    differences = dict(DIFFERENCES, **getattr(legacy, "DIFFERENCES", {}))
    for theano_path in sorted(legacy.MODULES):
        module = surface.load_shim(theano_path)
        if isinstance(module, BaseException):
            table[theano_path] = frozenset()
            if theano_path not in unimportable:  # sandbox.cuda raises on import, as Theano's does
                broken.append(f"{legacy.MODULES[theano_path]}: {type(module).__name__}: {module}")
            continue
        names = set(_public_names(module)) - set(load_theano_api()["modules"].get(theano_path, ()))
        for name, ans in surface.answers(theano_path).items():
            if ans.kind == surface.NOOP:
                differences.setdefault(f"{theano_path}.{name}", f"accepted and ignored: {ans.note}")
            elif ans.kind == surface.UNSUPPORTED:
                unusable[f"{theano_path}.{name}"] = ans.note
            if ans.kind != surface.MISSING:
                names.add(name)
        table[theano_path] = frozenset(names)
    return table, differences, broken, unusable


@dataclass(frozen=True)
class Support:
    theano: dict  # Theano module -> frozenset of public names
    removed: frozenset  # Theano modules that exist but cannot be imported (sandbox.cuda)
    shim: dict | None  # Theano module path -> names theano_compat supports
    differences: dict = field(default_factory=dict)
    broken: tuple = ()
    unusable: dict = field(default_factory=dict)  # Theano qualified name -> why it raises when used

    @property
    def theano_modules(self) -> frozenset:
        return frozenset(self.theano) | self.removed

    @property
    def modules(self) -> frozenset:
        return self.theano_modules | frozenset(self.shim or ())

    def split(self, qualname: str):
        """'theano.tensor.nnet.conv.conv2d.x' -> ('theano.tensor.nnet.conv', 'conv2d')."""
        parts = qualname.split(".")
        if parts[0] == "theano_compat":  # already-migrated code is checked the same way
            parts[0] = "theano"
        if parts[0] != "theano":
            return None
        if "tests" in parts:  # Theano's test suites: real modules, left out of the record on purpose
            end = parts.index("tests") + 2
            return ".".join(parts[:end]), (parts[end] if end < len(parts) else None)
        modules = self.modules
        for end in range(len(parts), 0, -1):
            module = ".".join(parts[:end])
            if module in modules:
                return module, (parts[end] if end < len(parts) else None)
        return None

    def provides(self, module: str, name: str) -> bool:
        """Whether `from module import *` could bind `name` (in Theano or in the shim)."""
        module = "theano" + module[len("theano_compat"):] if module.startswith("theano_compat") else module
        return name in self.theano.get(module, ()) or name in (self.shim or {}).get(module, ())

    def verdict(self, module: str, name: str | None) -> Verdict:
        qualname = f"{module}.{name}" if name else module
        if self.shim is None:
            return Verdict(Status.UNCHECKED, qualname)
        if module not in self.shim:
            known = module in self.theano_modules or _is_test_module(module)
            return Verdict(Status.NO_MODULE if known else Status.UNKNOWN, module)
        if qualname in self.unusable:
            return Verdict(Status.RAISES, qualname, self.unusable[qualname])
        if name is None or name in self.shim[module] or qualname in self.shim:
            note = self.differences.get(qualname, "")
            return Verdict(Status.DIFFERENT if note else Status.SUPPORTED, qualname, note)
        if name in self.theano.get(module, ()) or qualname in self.theano_modules:
            return Verdict(Status.UNSUPPORTED, qualname)
        return Verdict(Status.UNKNOWN, qualname)

    def hint(self, module: str, name: str | None) -> str:
        """A way out for an unsupported name, where one is known."""
        qualname = f"{module}.{name}" if name else module
        if any(p in qualname for p in (".cuda", "gpuarray")) or (name or "").lower().startswith(("gpu", "cuda")):
            return GPU_HINT
        if _is_test_module(module):
            return TEST_HINT
        if qualname in MOVED:
            return f"use {MOVED[qualname]}"
        return self._supported_parent(module, name)

    def _supported_parent(self, module: str, name: str | None) -> str:
        # theano.tensor.nnet.nnet.sigmoid is unsupported, theano.tensor.nnet.sigmoid may not be
        parts = module.split(".")
        for end in range(len(parts) - 1, 0, -1):
            parent = ".".join(parts[:end])
            if name and self.verdict(parent, name).status in (Status.SUPPORTED, Status.DIFFERENT):
                return f"use {parent}.{name}"
        return ""


def load_support(with_shim: bool = True) -> tuple[Support, str]:
    """The support data, and a warning when the shim's side is unavailable."""
    api = load_theano_api()
    theano = {m: frozenset(names) for m, names in api["modules"].items()}
    removed = frozenset(api.get("unimportable", ()))
    if not with_shim:
        return Support(theano, removed, None), ""
    try:
        table, differences, broken, unusable = shim_table()
    except ImportError as exc:
        return Support(theano, removed, None), f"theano_compat.legacy is not available ({exc}); Theano API support not checked"
    warning = "; ".join(f"cannot import {b}" for b in broken)
    return Support(theano, removed, table, differences, tuple(broken), unusable), warning
