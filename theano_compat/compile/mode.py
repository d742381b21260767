"""theano.compile.mode: Theano's compilation modes. XLA replaces Theano's optimizers and linkers, so every
mode compiles the same way; modes, linker and optimizer names are accepted so that legacy code naming them
keeps working, and registering new ones works as in Theano."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..config import config
from ..stand_ins import LINKER_WHY, OPTIMIZER_WHY, NoOpDB, NoOpLinker, NoOpOptimizer, noop



class Mode:
    """A way to compile a graph: (linker, optimizer), both accepted by name or object and not applied."""

    def __init__(self, linker=None, optimizer="default"):
        if linker is None:
            linker = config.linker
        if isinstance(optimizer, str) and optimizer == "default":
            optimizer = config.optimizer
        self.provided_linker, self.provided_optimizer = linker, optimizer
        self.linker = predefined_linkers.get(linker, linker) if isinstance(linker, str) else linker
        self.optimizer = predefined_optimizers.get(optimizer, optimizer) \
            if isinstance(optimizer, str) or optimizer is None else optimizer
        self.call_time = self.fn_time = 0

    def __getstate__(self):
        return (self.provided_linker, self.provided_optimizer)

    def __setstate__(self, state):
        Mode.__init__(self, *state)

    def including(self, *tags):
        return self

    def excluding(self, *tags):
        return self

    def requiring(self, *tags):
        return self

    def clone(self, link_kwargs=None, optimizer="", **kwargs):
        return type(self)(linker=self.provided_linker,
                          optimizer=self.provided_optimizer if optimizer == "" else optimizer)

    def __str__(self):
        return f"{type(self).__name__}(linker = {self.provided_linker}, optimizer = {self.provided_optimizer})"


@noop(OPTIMIZER_WHY)
class Query(NoOpOptimizer):
    """gof.optdb.Query: which optimizations a mode includes (accepted; XLA optimizes)."""

    def __init__(self, include=(), require=(), exclude=(), subquery=None, position_cutoff=float("inf"),
                 extra_optimizations=None):
        super().__init__()
        self.include, self.require, self.exclude = set(include), set(require or ()), set(exclude or ())
        self.subquery, self.position_cutoff = subquery or {}, position_cutoff
        self.extra_optimizations = extra_optimizations or []

    def including(self, *tags):
        return Query(self.include | set(tags), self.require, self.exclude, self.subquery, self.position_cutoff)

    def excluding(self, *tags):
        return Query(self.include, self.require, self.exclude | set(tags), self.subquery, self.position_cutoff)

    def requiring(self, *tags):
        return Query(self.include, self.require | set(tags), self.exclude, self.subquery, self.position_cutoff)


OPT_NONE = Query(include=[], exclude=[])
OPT_MERGE = Query(include=["merge"], exclude=[])
OPT_FAST_RUN = Query(include=["fast_run"], exclude=[])
OPT_FAST_RUN_STABLE = OPT_FAST_RUN.requiring("stable")
OPT_FAST_COMPILE = Query(include=["fast_compile"], exclude=[])
OPT_STABILIZE = Query(include=["fast_run"], exclude=[])
OPT_O2 = OPT_FAST_COMPILE.including("fusion")
OPT_O3 = OPT_FAST_RUN.excluding("inplace")
OPT_UNSAFE = OPT_O3.including("unsafe")

predefined_linkers = {name: NoOpLinker(name) for name in
                      ("py", "c", "c|py", "c|py_nogc", "vm", "cvm", "vm_nogc", "cvm_nogc")}
predefined_optimizers = {None: OPT_NONE, "None": OPT_NONE, "merge": OPT_MERGE, "o4": OPT_FAST_RUN,
                         "o3": OPT_O3, "o2": OPT_O2, "o1": OPT_FAST_COMPILE, "unsafe": OPT_UNSAFE,
                         "fast_compile": OPT_FAST_COMPILE, "fast_run": OPT_FAST_RUN,
                         "fast_run_stable": OPT_FAST_RUN_STABLE, "stabilize": OPT_STABILIZE}

optdb = NoOpDB("optdb")  # Theano's global optimizer database: libraries register passes here at import
local_useless = NoOpDB("local_useless")


@noop(OPTIMIZER_WHY)
class AddDestroyHandler(NoOpOptimizer):
    """Theano's pass that adds the in-place bookkeeping (no in-place on XLA)."""


@noop(OPTIMIZER_WHY)
class AddFeatureOptimizer(NoOpOptimizer):
    """Theano's pass that adds a feature to the function graph."""


@noop(OPTIMIZER_WHY)
class PrintCurrentFunctionGraph(NoOpOptimizer):
    """Theano's pass that prints the graph between optimizations."""


@noop(OPTIMIZER_WHY)
class Supervisor(NoOpOptimizer):
    """Theano's feature protecting the function's inputs from in-place optimizations."""


FAST_COMPILE = Mode("vm", "fast_compile")
FAST_RUN = Mode("cvm", "fast_run")
predefined_modes = {"FAST_COMPILE": FAST_COMPILE, "FAST_RUN": FAST_RUN}
instantiated_default_mode = None
exclude = []

# Theano 1.0 had removed ProfileMode; pre-1.0 scripts still name it, so it is accepted like a plain mode.
_ACCEPTED_NAMES = {"Mode", "DebugMode", "DEBUG_MODE", "NanGuardMode", "ProfileMode", "PROFILE_MODE"}


def register_linker(name, linker):
    """Add a linker referred to by `name` in Mode (accepted; XLA links)."""
    if name in predefined_linkers:
        raise ValueError("Linker name already taken: %s" % name)
    predefined_linkers[name] = linker


def register_optimizer(name, opt):
    """Add an optimizer referred to by `name` in Mode (accepted; XLA optimizes)."""
    if name in predefined_optimizers:
        raise ValueError("Optimizer name already taken: %s" % name)
    predefined_optimizers[name] = opt


def register_mode(name, mode):
    """Add a mode referred to by `name` in theano.function(mode=name)."""
    if name in predefined_modes:
        raise ValueError("Mode name already taken: %s" % name)
    predefined_modes[name] = mode


def get_mode(orig_string):
    """The Mode for theano.function's mode= (a Mode, a predefined or registered name, or None)."""
    string = config.mode if orig_string is None else orig_string
    if not isinstance(string, str):
        return string  # already a mode
    if string in predefined_modes:
        return predefined_modes[string]
    if string in _ACCEPTED_NAMES:
        from .debugmode import DebugMode
        from .nanguardmode import NanGuardMode
        cls = {"DebugMode": DebugMode, "DEBUG_MODE": DebugMode, "NanGuardMode": NanGuardMode}.get(string, Mode)
        return cls(optimizer=config.optimizer)
    raise Exception("No predefined mode exist for string: %s" % string)


def get_default_mode():
    return get_mode(None)


noop(LINKER_WHY)(register_linker)
noop(OPTIMIZER_WHY)(register_optimizer)
