"""Record the public surface of Theano 1.0.5: for every module, dir() without _ names and what each name is.

Run under the reference Theano (it never imports theano_compat):

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_surface.py

It writes theano_compat/migrate/theano_api.json: the migration tool reads it at run time (so it lives in the
package), the coverage table and tests/test_surface.py check the shim against it.

Each module is imported in a fresh child (forked after `import theano`), so its dir() is what a user sees
after `import theano.X`, not the union after every submodule was loaded. A name's record is its kind:
"module M", "class M.Q", "function M.Q", "instance M.Q" (of that class) or "constant REPR"; " [op]" or
" [type]" after a class (or an instance's class) that is one of
Theano's Op or Type classes; then, for an
object Theano serves under several paths, " =PATH": the shortest of them in scope (one process, all modules
loaded), so identity can be checked in the shim (`theano.tensor.nnet.sigm.sigmoid is T.nnet.sigmoid`).

SCOPE_OUT below is the decision of which modules the shim does not serve, and why; it goes into the record.
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

SCRIPTS = {"theano.misc.latence_gpu_transfert", "theano.misc.check_duplicate_key"}
C_CODE = "Theano's C code generation, compilation cache and C/VM linkers: XLA compiles here"
OPTIMIZER = "Theano's graph optimizer passes: XLA optimizes here (the optimizer databases and register_* " \
            "decorators libraries call are served, as no-ops, from theano.compile / gof.opt / tensor.opt)"
GPU_KERNELS = "the gpuarray back-end's kernels and ops (pygpu/CUDA): JAX places the work on the device; " \
              "theano.gpuarray, .type and .dnn are served as on a machine without pygpu"
TOOLS = "a developer script or platform helper of Theano's, not an API"
SCOPE_OUT = {
    "theano._version": "versioneer's private module (theano.__version__ is served)",
    "theano.configdefaults": "the definitions of Theano's flags: served through theano.config",
    "theano.pathparse": "compiledir path parsing for the C cache",
    "theano.gof.callcache": C_CODE, "theano.gof.cc": C_CODE, "theano.gof.cmodule": C_CODE,
    "theano.gof.compiledir": C_CODE, "theano.gof.compilelock": C_CODE, "theano.gof.cutils": C_CODE,
    "theano.gof.lazylinker_c": C_CODE, "theano.gof.vm": C_CODE,
    "theano.tensor.blas": C_CODE, "theano.tensor.blas_c": C_CODE, "theano.tensor.blas_headers": C_CODE,
    "theano.tensor.blas_scipy": C_CODE, "theano.tensor.elemwise_cgen": C_CODE, "theano.tensor.inc_code": C_CODE,
    "theano.scan_module.scan_perform_ext": C_CODE,
    "theano.gof.destroyhandler": OPTIMIZER, "theano.gof.sched": OPTIMIZER, "theano.gof.toolbox": OPTIMIZER,
    "theano.gof.unify": OPTIMIZER, "theano.tensor.opt_uncanonicalize": OPTIMIZER,
    "theano.tensor.nnet.opt": OPTIMIZER, "theano.scan_module.scan_opt": OPTIMIZER,
    "theano.sparse.opt": OPTIMIZER, "theano.typed_list.opt": OPTIMIZER,
    "theano.sparse.sandbox": "experimental sparse ops (theano.sparse itself has no XLA counterpart)",
    "theano.sandbox.minimal": "a test op needing a test-only dependency (parameterized)",
    "theano.misc.gh_api": TOOLS,
}
for _tool in ("buildbot_filter", "burn_gpu", "check_blas", "check_multi_gpu", "cpucount", "elemwise_openmp_speedup",
              "elemwise_time_test", "windows"):
    SCOPE_OUT["theano.misc." + _tool] = TOOLS
GPU_SERVED = {"theano.gpuarray", "theano.gpuarray.dnn", "theano.gpuarray.type"}
CONSTANTS = (bool, int, float, complex, str, bytes, type(None))


def out_of_scope(name):
    if name.startswith("theano.gpuarray.") and name not in GPU_SERVED:
        return GPU_KERNELS
    for prefix, why in SCOPE_OUT.items():
        if name == prefix or name.startswith(prefix + "."):
            return why
    return None


def is_test_module(name):
    return any(p == "tests" or p.startswith("test_") for p in name.split("."))


def walk_module_names():
    names = ["theano"]
    for info in pkgutil.walk_packages(theano.__path__, "theano.", onerror=lambda n: None):
        if not is_test_module(info.name) and info.name not in SCRIPTS:
            names.append(info.name)
    return sorted(set(names))


def first_sentence(message):
    return re.split(r"(?<=\.)\s|:\s|\s\(|\n", message, maxsplit=1)[0].strip()


def qualified(obj):
    return "%s.%s" % (getattr(obj, "__module__", None) or "?", getattr(obj, "__qualname__", None) or obj.__name__)


def constant_repr(value):
    simple = isinstance(value, CONSTANTS) or (
        isinstance(value, (tuple, frozenset, list, set)) and all(isinstance(v, CONSTANTS) for v in value))
    if not simple:
        return None
    text = repr(sorted(value) if isinstance(value, (set, frozenset)) else value)
    if len(text) > 200 or os.path.expanduser("~") in text or "/tmp/" in text or "site-packages" in text:
        return "?"  # long C snippets and machine paths: the kind is enough
    return text


def role(cls):
    """' [op]' for Theano's op classes, ' [type]' for its type classes: the op-building API."""
    if issubclass(cls, theano.gof.op.PureOp):
        return " [op]"
    return " [type]" if issubclass(cls, theano.gof.type.Type) else ""


def kind(value):
    if isinstance(value, types.ModuleType):
        return "module " + value.__name__
    if inspect.isclass(value):
        return "class " + qualified(value) + role(value)
    if isinstance(value, functools.partial):
        return "function " + qualified(value.func)
    if inspect.isroutine(value):
        return "function " + qualified(value)
    text = constant_repr(value)
    if text is not None:
        return "constant " + text
    return "instance " + qualified(type(value)) + role(type(value))


def public(module):
    return {n: getattr(module, n) for n in dir(module) if not n.startswith("_")}


def record(name):
    try:
        with contextlib.redirect_stdout(sys.stderr):
            module = importlib.import_module(name)
    except BaseException as exc:
        return None, "%s.%s: %s" % (type(exc).__module__, type(exc).__name__, first_sentence(str(exc)))
    return {n: kind(v) for n, v in public(module).items()}, None


def identities(names):
    """(module, name) -> the shortest path of the same object, for objects reachable under several paths."""
    groups = {}
    for mod_name in names:
        try:
            with contextlib.redirect_stdout(sys.stderr):
                module = importlib.import_module(mod_name)
        except BaseException:
            continue
        for n, v in public(module).items():
            if isinstance(v, types.ModuleType) or constant_repr(v) is not None:
                continue  # small ints and strings are shared by accident; modules are paths already
            groups.setdefault(id(v), (v, []))[1].append("%s.%s" % (mod_name, n))
    same = {}
    for _, paths in groups.values():
        if len(paths) > 1:
            first = min(paths, key=lambda p: (out_of_scope(p.rpartition(".")[0]) is not None, p.count("."), p))
            for path in paths:
                if path != first:
                    same[path] = first
    return same


def in_child(fn, *args):
    """fn(*args) in a forked child (a fresh view of theano's modules); its JSON-able result."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            payload = json.dumps(fn(*args))
        except BaseException as exc:
            payload = json.dumps({"probe failed": repr(exc)})
        with os.fdopen(write, "w") as fh:
            fh.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def main(argv):
    if os.environ.get("PYTHONHASHSEED") != "0":  # theano.sparse builds dtype lists from sets: a fixed order
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + argv)
    here = os.path.dirname(os.path.abspath(__file__))
    out = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..", "..", "theano_compat", "migrate",
                                                     "theano_api.json")
    names = in_child(walk_module_names)  # walk_packages imports packages: not in this process
    modules, failed = {}, {}
    for name in names:
        recorded, error = in_child(record, name)
        if error is None:
            modules[name] = recorded
        else:
            failed[name] = error
    same = in_child(identities, names)
    for path, first in same.items():
        mod_name, _, n = path.rpartition(".")
        if mod_name in modules and n in modules[mod_name]:
            modules[mod_name][n] += " =" + first
    scope_out = {m: out_of_scope(m) for m in sorted(set(modules) | set(failed)) if out_of_scope(m)}
    rec = {"theano_version": theano.__version__, "python": sys.version.split()[0],
           "generated_by": "tests/golden/probes/probe_surface.py", "modules": modules, "unimportable": failed,
           "out_of_scope": scope_out}
    with open(out, "w") as fh:
        json.dump(rec, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote %s: %d modules (%d out of scope), %d names, %d unimportable" % (
        out, len(modules), len(scope_out), sum(map(len, modules.values())), len(failed)))


if __name__ == "__main__":
    main(sys.argv)
