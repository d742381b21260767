"""The import alias: `import theano.X` loads `theano_compat.X`, the very same module objects.

install() puts a finder at the front of sys.meta_path; `theano-compat run` installs it before running a
script. A Theano module path this package does not provide fails with an ImportError that names it.
"""
import importlib
import importlib.abc
import importlib.machinery
import sys

# Every Theano module path the shim provides -> the module that implements it (one source of truth: the
# migration tool and the coverage table read it too).
MODULES = {
    "theano": "theano_compat",
    "theano.tensor": "theano_compat.tensor",
    "theano.tensor.nnet": "theano_compat.tensor.nnet",
    "theano.tensor.nnet.abstract_conv": "theano_compat.tensor.nnet.abstract_conv",
    "theano.tensor.nnet.nnet": "theano_compat.tensor.nnet.nnet",
    "theano.tensor.nnet.bn": "theano_compat.tensor.nnet.bn",
    "theano.tensor.nnet.conv": "theano_compat.tensor.nnet.conv",
    "theano.tensor.nnet.conv3d2d": "theano_compat.tensor.nnet.conv3d2d",
    "theano.tensor.signal": "theano_compat.tensor.signal",
    "theano.tensor.signal.pool": "theano_compat.tensor.signal.pool",
    "theano.tensor.signal.downsample": "theano_compat.tensor.signal.downsample",
    "theano.tensor.extra_ops": "theano_compat.tensor.extra_ops",
    "theano.tensor.nlinalg": "theano_compat.tensor.nlinalg",
    "theano.tensor.slinalg": "theano_compat.tensor.slinalg",
    "theano.tensor.xlogx": "theano_compat.tensor.xlogx",
    "theano.tensor.sort": "theano_compat.tensor.sort",
    "theano.tensor.opt": "theano_compat.tensor.opt",
    "theano.tensor.elemwise": "theano_compat.tensor.elemwise",
    "theano.tensor.var": "theano_compat.tensor.var",
    "theano.tensor.basic": "theano_compat.tensor.basic",
    "theano.scalar": "theano_compat.scalar",
    "theano.scalar.basic": "theano_compat.scalar.basic",
    "theano.compile": "theano_compat.compile",
    "theano.compile.function_module": "theano_compat.compile.function_module",
    "theano.compile.sharedvalue": "theano_compat.compile.sharedvalue",
    "theano.gof": "theano_compat.gof",
    "theano.gof.fg": "theano_compat.gof.fg",
    "theano.gof.graph": "theano_compat.gof.graph",
    "theano.gof.null_type": "theano_compat.gof.null_type",
    "theano.compile.pfunc": "theano_compat.compile.pfunc",
    "theano.compile.builders": "theano_compat.compile.builders",
    "theano.compile.io": "theano_compat.compile.io",
    "theano.misc": "theano_compat.misc",
    "theano.misc.may_share_memory": "theano_compat.misc.may_share_memory",
    "theano.misc.ordered_set": "theano_compat.misc.ordered_set",
    "theano.gradient": "theano_compat.gradient",
    "theano.printing": "theano_compat.printing",
    "theano.tensor.shared_randomstreams": "theano_compat.tensor.shared_randomstreams",
    "theano.tensor.raw_random": "theano_compat.tensor.raw_random",
    "theano.sandbox": "theano_compat.sandbox",
    "theano.scan_module": "theano_compat.scan_module",
    "theano.scan_module.scan": "theano_compat.scan_module.scan",
    "theano.scan_module.scan_utils": "theano_compat.scan_module.scan_utils",
    "theano.scan_module.scan_views": "theano_compat.scan_module.scan_views",
    "theano.ifelse": "theano_compat.ifelse",
    "theano.updates": "theano_compat.updates",
    "theano.sandbox.rng_mrg": "theano_compat.sandbox.rng_mrg",
    "theano.sandbox.softsign": "theano_compat.sandbox.softsign",
}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target):
        self.target = target

    def create_module(self, spec):
        return importlib.import_module(self.target)

    def exec_module(self, module):
        pass  # already executed under its own name


class TheanoAliasFinder(importlib.abc.MetaPathFinder):
    """Resolves theano.* imports to theano_compat modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "theano" and not fullname.startswith("theano."):
            return None
        target = MODULES.get(fullname)
        if target is None:
            raise ModuleNotFoundError(f"No module named '{fullname}': theano_compat does not support this "
                                      "Theano module (see migration_guide/ for what is supported)",
                                      name=fullname)
        module = importlib.import_module(target)
        is_package = hasattr(module, "__path__")
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(target), is_package=is_package)


def install():
    """Make `import theano` (and its submodules) load theano_compat. Idempotent."""
    if any(isinstance(f, TheanoAliasFinder) for f in sys.meta_path):
        return
    existing = sys.modules.get("theano")
    if existing is not None and not existing.__name__.startswith("theano_compat"):
        raise RuntimeError("A real Theano is already imported (from "
                           f"{getattr(existing, '__file__', '?')}); theano_compat cannot alias it. Call "
                           "theano_compat.install() before anything imports theano.")
    # The paths of modules already loaded are registered up front: importing `theano.tensor.sort` later
    # must not rebind the attribute `theano.tensor.sort` (the function) to the module, which a fresh import
    # would do. The others (theano.sandbox.softsign prints a notice on import, as in Theano) load lazily.
    for alias, target in MODULES.items():
        if target in sys.modules:
            sys.modules.setdefault(alias, sys.modules[target])
    sys.meta_path.insert(0, TheanoAliasFinder())
