"""Theano's whole public surface: every recorded name of every served module resolves, as the kind of answer
its code declares, and migration_guide/COVERAGE.md says so (recorded: tests/golden/probes/probe_surface.py)."""
import importlib
import math
import os

import pytest

import theano_compat
from theano_compat import legacy, stand_ins
from theano_compat.migrate import coverage, surface

GUIDE = os.path.join(os.path.dirname(__file__), "..", "migration_guide", "COVERAGE.md")
SCOPE = surface.in_scope()
# Constants that describe the machine Theano was recorded on, not Theano.
MACHINE = {"theano.configparser.THEANO_FLAGS", "theano.version.git_revision", "theano.sparse.scipy_ver",
           "theano.compile.profiling.theano_imported_time"}


@pytest.fixture(scope="module")
def answers():
    return {m: surface.answers(m) for m in SCOPE}


def test_every_served_module_is_in_the_table_and_imports_as_in_theano():
    theano_compat.install()
    pending = {m for m, (names, _) in surface.PENDING.items() if names == "*"}
    assert set(SCOPE) - pending <= set(legacy.MODULES), "serve it, or record why it is out of scope (probe_surface.py)"
    for module in set(SCOPE) & set(legacy.MODULES):
        if module in surface.record()["unimportable"]:
            with pytest.raises(ImportError, match="removed from Theano"):
                importlib.import_module(module)
        else:
            assert importlib.import_module(module).__name__ == legacy.MODULES[module]


def test_out_of_scope_modules_fail_with_the_reason():
    theano_compat.install()
    with pytest.raises(ModuleNotFoundError, match="C code generation"):
        importlib.import_module("theano.gof.cmodule")


def test_every_recorded_name_resolves_except_the_declared_pending_ones(answers):
    missing = [f"{m}.{n}" for m in SCOPE for n, a in answers[m].items() if a.kind == surface.MISSING and not a.note]
    assert not missing, f"{len(missing)} recorded names do not resolve: {missing[:40]}"


def test_pending_names_are_really_missing(answers):
    """PENDING lists what another piece of work will provide: once a name resolves, it must leave the list."""
    for module, (names, _) in surface.PENDING.items():
        if names != "*":
            stale = [n for n in names.split() if answers.get(module, {}).get(n, surface.Answer("x")).kind
                     != surface.MISSING]
            assert not stale, f"{module}: resolves now, remove from PENDING: {stale}"


def test_constants_have_theanos_values():
    wrong = []
    for module in SCOPE:
        shim = surface.load_shim(module)
        for name, text in surface.api_names(module).items():
            kind, value, _ = surface.split_kind(text)
            if kind != "constant" or value == "?" or f"{module}.{name}" in MACHINE or not hasattr(shim, name):
                continue
            got = getattr(shim, name)
            expected = eval(value)  # noqa: S307 - recorded reprs of plain constants
            if isinstance(got, (set, frozenset)):
                got = sorted(got)
            if module.startswith("theano.sparse") and isinstance(got, list):  # Theano builds these from sets
                got, expected = sorted(got), sorted(expected)
            same = got == expected or (isinstance(got, float) and math.isnan(got) and math.isnan(expected))
            if not same or type(got) is not type(expected):
                wrong.append(f"{module}.{name}: {got!r} != {expected!r}")
    assert not wrong, wrong


def test_theanos_aliases_are_the_very_same_objects_in_the_shim(answers):
    """Where Theano serves one object under several paths (T.nnet.sigm.sigmoid is T.nnet.sigmoid), so does
    the shim."""
    different = []
    for module in SCOPE:
        shim = surface.load_shim(module)
        for name, text in surface.api_names(module).items():
            _, _, same = surface.split_kind(text)
            other_module, _, other = same.rpartition(".")
            if not same or other_module not in SCOPE or answers[module][name].kind == surface.MISSING:
                continue
            if answers[other_module].get(other, surface.Answer(surface.MISSING)).kind == surface.MISSING:
                continue
            if getattr(shim, name) is not getattr(surface.load_shim(other_module), other):
                different.append(f"{module}.{name} is not {same}")
    assert not different, f"{len(different)}: {different[:30]}"


def test_every_unsupported_stand_in_raises_naming_itself(answers):
    for module in SCOPE:
        shim = surface.load_shim(module)
        for name, ans in answers[module].items():
            if ans.kind != surface.UNSUPPORTED:
                continue
            obj = getattr(shim, name)
            own = getattr(obj, "__name__", None) or obj._qualname.rsplit(".", 1)[-1]  # an alias names its target
            with pytest.raises(stand_ins.UnsupportedError, match=rf"\b{own}\b.*not supported"):
                obj(*([] if isinstance(obj, type) else [None]))


def test_register_decorators_give_back_what_they_decorate():
    from theano_compat.tensor import opt
    from theano_compat.compile import optdb

    def local_thing(node):
        return False
    assert opt.register_canonicalize(local_thing) is local_thing
    assert opt.register_specialize("fast_compile")(local_thing) is local_thing
    assert opt.register_stabilize(local_thing, "tag", name="x") is local_thing
    optdb.register("my_opt", local_thing, 49.5, "fast_run")  # accepted; the step is XLA's to optimize
    assert stand_ins.declared(optdb)[0] == stand_ins.NOOP


def test_committed_coverage_table_is_current():
    with open(GUIDE, encoding="utf-8") as fh:
        assert fh.read() == coverage.render(), f"regenerate it: {coverage.COMMAND}"
