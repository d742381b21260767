"""The import alias: `import theano.X` loads `theano_compat.X`, the very same module objects.

install() puts a finder at the front of sys.meta_path; `theano-compat run` installs it before running a
script. A Theano module path this package does not provide fails with an ImportError that names it.
"""
import importlib
import importlib.abc
import importlib.machinery
import sys

# Every Theano module path the shim serves; `theano.X` is served by `theano_compat.X` (the package mirrors
# Theano's layout). One source of truth: the finder, the migration tool and the coverage table read it.
# Theano's C-code, optimizer-pass and GPU-kernel modules are left out on purpose (see the recorded
# surface, theano_compat/migrate/theano_api.json "out_of_scope", and migration_guide/COVERAGE.md).
PATHS = """
theano theano.compat theano.configdefaults theano.configparser theano.gradient theano.ifelse theano.printing theano.raise_op
theano.updates theano.version
theano.compile theano.compile.builders theano.compile.debugmode theano.compile.function
theano.compile.function_module theano.compile.io theano.compile.mode theano.compile.monitormode
theano.compile.nanguardmode theano.compile.ops theano.compile.pfunc theano.compile.profiling
theano.compile.sandbox theano.compile.sharedvalue
theano.d3viz theano.d3viz.d3viz theano.d3viz.formatting
theano.gof theano.gof.fg theano.gof.graph theano.gof.link theano.gof.null_type theano.gof.op theano.gof.opt
theano.gof.optdb theano.gof.params_type theano.gof.type theano.gof.utils
theano.gpuarray theano.gpuarray.dnn theano.gpuarray.type
theano.misc theano.misc.doubleop theano.misc.frozendict theano.misc.may_share_memory theano.misc.ordered_set
theano.misc.pkl_utils theano.misc.safe_asarray theano.misc.strutil
theano.sandbox theano.sandbox.blocksparse theano.sandbox.conv theano.sandbox.cuda theano.sandbox.fourier
theano.sandbox.linalg theano.sandbox.linalg.ops theano.sandbox.multinomial theano.sandbox.neighbours
theano.sandbox.rng_mrg theano.sandbox.softsign theano.sandbox.solve
theano.scalar theano.scalar.basic theano.scalar.basic_scipy theano.scalar.basic_sympy theano.scalar.sharedvar
theano.scan_module theano.scan_module.scan theano.scan_module.scan_checkpoints theano.scan_module.scan_op
theano.scan_module.scan_utils theano.scan_module.scan_views
theano.sparse theano.sparse.basic theano.sparse.sharedvar theano.sparse.type theano.sparse.utils
theano.tensor theano.tensor.basic theano.tensor.elemwise theano.tensor.extra_ops theano.tensor.fft
theano.tensor.fourier theano.tensor.inplace theano.tensor.io theano.tensor.nlinalg theano.tensor.opt
theano.tensor.raw_random theano.tensor.shared_randomstreams theano.tensor.sharedvar theano.tensor.slinalg
theano.tensor.sort theano.tensor.subtensor theano.tensor.type theano.tensor.type_other theano.tensor.utils
theano.tensor.var theano.tensor.xlogx
theano.tensor.nnet theano.tensor.nnet.abstract_conv theano.tensor.nnet.blocksparse theano.tensor.nnet.bn
theano.tensor.nnet.conv theano.tensor.nnet.conv3d2d theano.tensor.nnet.corr theano.tensor.nnet.corr3d
theano.tensor.nnet.ctc theano.tensor.nnet.neighbours theano.tensor.nnet.nnet theano.tensor.nnet.sigm
theano.tensor.signal theano.tensor.signal.conv theano.tensor.signal.downsample theano.tensor.signal.pool
theano.typed_list theano.typed_list.basic theano.typed_list.type
""".split()
MODULES = {path: "theano_compat" + path[len("theano"):] for path in PATHS}


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
            raise ModuleNotFoundError(_not_served(fullname), name=fullname)
        module = importlib.import_module(target)
        _register_loaded()  # its submodules, loaded with it, keep the attributes their package gave them
        is_package = hasattr(module, "__path__")
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(target), is_package=is_package)


def _register_loaded():
    """Give every loaded shim module its Theano name in sys.modules. Importing a Theano path whose module
    is loaded must not rebind the parent's attribute of that name (T.sort and theano.d3viz.d3viz are the
    functions, as in Theano, where the package has already imported the module)."""
    for alias, target in MODULES.items():
        if target in sys.modules:
            sys.modules.setdefault(alias, sys.modules[target])


def _not_served(fullname):
    """The ImportError message for a Theano module the shim does not serve, with the recorded reason."""
    from .migrate.support import load_theano_api  # read only on this error path
    out = load_theano_api().get("out_of_scope", {})
    reason = next((why for m, why in out.items() if fullname == m or fullname.startswith(m + ".")), None)
    if reason:
        why = f"left out on purpose: {reason}"
    elif fullname in load_theano_api()["modules"]:
        why = "a Theano 1.0.5 module theano_compat does not serve yet"
    else:
        why = "not a Theano 1.0.5 module theano_compat knows"
    return (f"No module named '{fullname}': theano_compat does not serve it ({why}; see "
            "migration_guide/COVERAGE.md)")


def install():
    """Make `import theano` (and its submodules) load theano_compat. Idempotent."""
    if any(isinstance(f, TheanoAliasFinder) for f in sys.meta_path):
        return
    existing = sys.modules.get("theano")
    if existing is not None and not existing.__name__.startswith("theano_compat"):
        raise RuntimeError("A real Theano is already imported (from "
                           f"{getattr(existing, '__file__', '?')}); theano_compat cannot alias it. Call "
                           "theano_compat.install() before anything imports theano.")
    # The modules already loaded get their Theano names up front (see _register_loaded); the others
    # (theano.sandbox.softsign prints a notice on import, as in Theano) load lazily.
    _register_loaded()
    sys.meta_path.insert(0, TheanoAliasFinder())
