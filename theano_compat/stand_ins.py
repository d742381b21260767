"""Stand-ins: Theano names with no XLA counterpart, each declaring which answer it is.

Two answers besides the working thing (read by the coverage table, theano_compat/migrate/surface.py):
- NOOP: accepted and harmless. Linkers, optimizer databases, the `register_*` decorators libraries call at
  import time: XLA compiles and optimizes the whole step, so these have nothing to do.
- UNSUPPORTED: the name resolves (an import never fails where Theano's succeeds), and using it raises
  UnsupportedError naming it. A class stays a class (isinstance checks and subclassing work; making an
  instance raises); a function or op instance raises when called.
"""
import functools

ANSWER = "__theano_compat_answer__"  # (NOOP or UNSUPPORTED, why) on the function, class or instance's class
NOOP, UNSUPPORTED = "no-op", "unsupported"


class UnsupportedError(NotImplementedError):
    """A Theano name theano_compat serves only as a stand-in was used."""


def theano_path(module_name, name=None):
    """'theano_compat.tensor.io', 'load' -> 'theano.tensor.io.load' (what the user wrote)."""
    if module_name == "theano_compat" or module_name.startswith("theano_compat."):
        module_name = "theano" + module_name[len("theano_compat"):]
    return f"{module_name}.{name}" if name else module_name


def declared(obj):
    """The (answer, why) an object declares, or None for the working thing."""
    if isinstance(obj, type):
        return vars(obj).get(ANSWER)  # a working subclass of a no-op base class is not a no-op
    try:
        return getattr(obj, ANSWER, None)
    except Exception:  # noqa: BLE001 - an object that refuses attribute access declares nothing
        return None


def _message(qualname, why):
    return f"{qualname} is not supported by theano_compat: {why}"


def unsupported_function(qualname, why):
    """A function that raises UnsupportedError naming `qualname` when called."""
    def stand_in(*args, **kwargs):
        raise UnsupportedError(_message(qualname, why))
    stand_in.__name__ = stand_in.__qualname__ = qualname.rsplit(".", 1)[-1]
    stand_in.__doc__ = f"Not supported by theano_compat: {why}"
    setattr(stand_in, ANSWER, (UNSUPPORTED, why))
    return stand_in


def unsupported_class(qualname, why, bases=(object,)):
    """A class: isinstance and subclassing work; making an instance raises UnsupportedError naming it."""
    def __init__(self, *args, **kwargs):
        raise UnsupportedError(_message(qualname, why))
    module, _, name = qualname.rpartition(".")
    return type(name, bases, {"__init__": __init__, "__module__": module, ANSWER: (UNSUPPORTED, why),
                              "__doc__": f"Not supported by theano_compat: {why}"})


class _UnsupportedObject:
    """An instance Theano exports (an op, a type): calling it or reading its attributes raises."""

    def __init__(self, qualname, why):
        object.__setattr__(self, "_qualname", qualname)
        object.__setattr__(self, ANSWER, (UNSUPPORTED, why))

    def __call__(self, *args, **kwargs):
        raise UnsupportedError(_message(self._qualname, getattr(self, ANSWER)[1]))

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise UnsupportedError(_message(self._qualname, getattr(self, ANSWER)[1]))

    def __repr__(self):
        return f"<{self._qualname}: not supported by theano_compat>"


def declare_unsupported(namespace, why, classes="", functions="", objects=""):
    """Bind each named stand-in in a module's namespace: `classes`, `functions` and `objects` are
    space-separated names (as Theano's module has them: classes, functions, instances)."""
    module = namespace["__name__"]
    for name in classes.split():
        namespace[name] = unsupported_class(theano_path(module, name), why)
    for name in functions.split():
        namespace[name] = unsupported_function(theano_path(module, name), why)
    for name in objects.split():
        namespace[name] = _UnsupportedObject(theano_path(module, name), why)


def noop(why):
    """Mark a function or class as a no-op on XLA (it accepts its arguments and changes nothing)."""
    def mark(obj):
        setattr(obj, ANSWER, (NOOP, why))
        return obj
    return mark


def noop_function(name, why):
    """A function that accepts any arguments and does nothing (returns None), named `name`."""
    def stand_in(*args, **kwargs):
        return None
    stand_in.__name__ = stand_in.__qualname__ = name
    stand_in.__doc__ = f"Accepted and ignored: {why}."
    return noop(why)(stand_in)


OPTIMIZER_WHY = "XLA optimizes the compiled step; Theano's graph optimizations are not applied"
LINKER_WHY = "XLA compiles and runs the step; Theano's linkers are not used"
C_CODE_WHY = "XLA generates the code; Theano's C code is not used"


def register_decorator(qualname, why=OPTIMIZER_WHY):
    """Theano's `register_*(lopt, *tags, **kwargs)`: usable bare or with tags, returns what it decorates."""
    @noop(why)
    def register(*args, **kwargs):
        if args and isinstance(args[0], str):  # @register_canonicalize('fast_compile'): tags first
            return lambda obj, *a, **k: obj
        return args[0] if args else (lambda obj, *a, **k: obj)
    register.__name__ = register.__qualname__ = qualname.rsplit(".", 1)[-1]
    register.__doc__ = f"Accepted and ignored: {why}."
    return register


@noop(OPTIMIZER_WHY)
class NoOpOptimizer:
    """Theano's optimizer classes and the optimizers libraries build: accepted, never applied."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.name = kwargs.get("name")

    def __call__(self, *args, **kwargs):
        return None

    def transform(self, *args, **kwargs):
        return False  # Theano: "no replacement"

    def optimize(self, *args, **kwargs):
        return None

    apply = optimize

    def add_requirements(self, *args, **kwargs):
        return None

    def tracks(self):
        return None

    def print_summary(self, *args, **kwargs):
        return None


@noop(OPTIMIZER_WHY)
class NoOpDB(NoOpOptimizer):
    """An optimizer database (optdb, gpu_seqopt, ...): register, query and tag without effect."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.__db__ = {}

    def register(self, name, obj, *args, **kwargs):
        self.__db__[name] = obj

    def add_tags(self, *args, **kwargs):
        return None

    remove_tags = add_tags

    def query(self, *args, **kwargs):
        return NoOpOptimizer()

    def __getitem__(self, name):
        return self.__db__[name]

    def __contains__(self, name):
        return name in self.__db__


def local_optimizer(*args, **kwargs):
    """gof.local_optimizer(tracks): the decorated function becomes an optimizer object that is never run."""
    def wrap(fn):
        opt = NoOpOptimizer(fn)
        opt.fn = fn
        opt.__name__ = getattr(fn, "__name__", "local_optimizer")
        return functools.update_wrapper(opt, fn, updated=()) if callable(fn) else opt
    return wrap


noop(OPTIMIZER_WHY)(local_optimizer)


@noop(LINKER_WHY)
class NoOpLinker:
    """Theano's linkers (PerformLinker, CLinker, VM_Linker, ...): accepted as mode= arguments, unused."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs

    def accept(self, *args, **kwargs):
        return self

    def __call__(self, *args, **kwargs):
        return self


def declare_noop(namespace, why, base, classes="", objects=""):
    """Bind no-op subclasses of `base` (NoOpOptimizer, NoOpLinker, ...) under Theano's class names, and
    no-op instances of `base` under the names of Theano's registered optimizations (`objects`)."""
    module = namespace["__name__"]
    for name in classes.split():
        namespace[name] = noop(why)(type(name, (base,), {"__module__": module, "__doc__": f"Accepted: {why}."}))
    for name in objects.split():
        namespace[name] = base(name=name)
