"""Record every public name of Theano 1.0.5, per module, as theano_api.json.

Run it under the reference Theano (it never imports theano_compat):

    bash /work/shared/theano-oracle/run.sh theano_compat/migrate/probe_theano_api.py

It writes theano_api.json beside itself (or to the path given as argument).

A module's public names are its ``__all__`` when it has one; otherwise every
name not starting with ``_`` whose object belongs to Theano (or is a plain
constant or container defined there), so that ``numpy``, ``os`` or ``six``
helpers that a module happens to import are not counted as Theano API.
"Belongs" goes by the defining module of a class or function, and by the
type of an instance: Theano's Elemwise ops (T.add, T.exp) set their own
``__module__`` to "tensor", and T.matrices is a functools.partial.
"""
import contextlib
import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
import types

import theano

# Scripts that print or compile at import time; they are tools, not API.
SCRIPTS = {"theano.misc.latence_gpu_transfert", "theano.misc.check_duplicate_key"}
# Numbers and containers defined in a module are API (T.float32_atol,
# T.int_types, T.all_dtypes); strings mostly are not (paths, C code snippets).
CONSTANT_TYPES = (bool, int, float, complex, tuple, frozenset, list, set, dict)


def is_test_module(name):
    parts = name.split(".")
    return any(p == "tests" or p.startswith("test_") for p in parts)


def walk_module_names():
    names = ["theano"]
    for info in pkgutil.walk_packages(theano.__path__, "theano.", onerror=lambda n: None):
        if not is_test_module(info.name) and info.name not in SCRIPTS:
            names.append(info.name)
    return sorted(set(names))


def first_sentence(message):
    # keep the record free of machine-specific paths (compiledir names, ...)
    return re.split(r"(?<=\.)\s|:\s|\s\(|\n", message, maxsplit=1)[0].strip()


def import_all(names):
    """Import every module first, so package attributes list all submodules."""
    loaded, failed = {}, {}
    for name in names:
        try:
            loaded[name] = importlib.import_module(name)
        except BaseException as exc:  # SkipTest, missing pygpu, ...: recorded, not fatal
            failed[name] = "%s: %s" % (type(exc).__name__, first_sentence(str(exc)))
    return loaded, failed


def defining_module(value):
    if isinstance(value, functools.partial):
        value = value.func
    if inspect.isclass(value) or inspect.isroutine(value):
        return getattr(value, "__module__", None) or ""
    return type(value).__module__


def belongs_to_theano(mod_name, value):
    if isinstance(value, types.ModuleType):
        return value.__name__.startswith(mod_name + ".") and not is_test_module(value.__name__)
    if isinstance(value, CONSTANT_TYPES):
        return True
    return defining_module(value).split(".")[0] == "theano"


def public_names(mod):
    explicit = getattr(mod, "__all__", None)
    if explicit is not None:
        return sorted(set(str(n) for n in explicit))
    return sorted(
        n for n, v in vars(mod).items()
        if not n.startswith("_") and belongs_to_theano(mod.__name__, v)
    )


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "theano_api.json")
    # Some modules print at import time; keep that out of the record.
    with contextlib.redirect_stdout(sys.stderr):
        loaded, failed = import_all(walk_module_names())
    modules = {name: public_names(mod) for name, mod in sorted(loaded.items())}
    record = {
        "theano_version": theano.__version__,
        "python": sys.version.split()[0],
        "generated_by": "theano_compat/migrate/probe_theano_api.py",
        "modules": modules,
        "unimportable": failed,
    }
    with open(out, "w") as fh:
        json.dump(record, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote %s: %d modules, %d names" % (out, len(modules), sum(map(len, modules.values()))))


if __name__ == "__main__":
    main(sys.argv)
