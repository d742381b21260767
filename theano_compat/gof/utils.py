"""theano.gof.utils: Theano's small graph-library helpers (flatten, toposort of a dependency dict, memoize,
hash_from_code, the tag-trace helpers) and MethodNotDefined."""
from ..compat import integer_types, string_types  # noqa: F401  (Theano's six names)
import hashlib
import linecache
import sys
import traceback
from io import StringIO

from ..config import config
from ..graph.ops import MethodNotDefined
from ..compat import PY3  # noqa: F401  (Theano's module exports it)

simple_types = (int, float, str, bool, type(None))
undef = object()
c_cpp_keywords = set()  # Theano's list of C++ keywords, used to name generated C variables


class object2:
    """Theano's base of graph objects: `!=` as the negation of `==`."""

    __slots__ = []

    def __ne__(self, other):
        return not self == other


class scratchpad:
    """A bag of attributes (Theano's var.tag)."""

    def clear(self):
        self.__dict__.clear()

    def __update__(self, other):
        self.__dict__.update(other.__dict__)
        return self

    def __str__(self):
        return "scratchpad" + str(self.__dict__)

    __repr__ = __str__

    def info(self):
        print("<theano.gof.utils.scratchpad instance at %i>" % id(self))
        for k, v in self.__dict__.items():
            print("  %s: %s" % (k, v))


class D:
    """A bag built from keyword arguments."""

    def __init__(self, **d):
        self.__dict__.update(d)


class MetaObject(type):
    """Theano's metaclass giving classes with __props__ their __eq__/__hash__ (here: plain type)."""


class Keyword:
    """A named sentinel (ABORT, RETRY, FAILURE, ANY_TYPE, FALL_THROUGH)."""

    def __init__(self, name, nonzero=True):
        self.name, self.nonzero = name, nonzero

    def __bool__(self):
        return self.nonzero

    def __str__(self):
        return "<%s>" % self.name

    __repr__ = __str__


ABORT = Keyword("ABORT", False)
RETRY = Keyword("RETRY", False)
FAILURE = Keyword("FAILURE", False)
ANY_TYPE = Keyword("ANY_TYPE")
FALL_THROUGH = Keyword("FALL_THROUGH")


def hashtype(self):
    t = type(self)
    return hash(t.__name__) ^ hash(t.__module__)


def flatten(a):
    """Nested lists, tuples and sets as one flat list."""
    if isinstance(a, (tuple, list, set)):
        return [x for item in a for x in flatten(item)]
    return [a]


def unique(x):
    return len(set(x)) == len(x)


def uniq(seq):
    return [x for i, x in enumerate(seq) if seq.index(x) == i]


def difference(seq1, seq2):
    return [x for x in seq1 if x not in seq2]


def hist(coll):
    counts = {}
    for elem in coll:
        counts[elem] = counts.get(elem, 0) + 1
    return counts


def remove(predicate, coll):
    return [x for x in coll if not predicate(x)]


def to_return_values(values):
    return values[0] if len(values) == 1 else values


def from_return_values(values):
    return values if isinstance(values, (list, tuple)) else [values]


def memoize(f):
    """f with its results cached by arguments."""
    cache = {}

    def rval(*args, **kwargs):
        key = (args, tuple(kwargs.items()))
        if key not in cache:
            cache[key] = f(*args, **kwargs)
        return cache[key]
    return rval


def deprecated(filename, msg=""):
    """A decorator printing a deprecation warning on the first call."""
    def _deprecated(f):
        printme = [True]

        def g(*args, **kwargs):
            if printme[0]:
                print("WARNING: %s.%s deprecated. %s" % (filename, f.__name__, msg))
                printme[0] = False
            return f(*args, **kwargs)
        return g
    return _deprecated


@deprecated("theano.gof.utils", msg="give_variables_names is not used by Theano anymore")
def give_variables_names(variables):
    """Name each unnamed variable of the list uniquely."""
    names = [v.name for v in variables if v.name]
    for i, v in enumerate(variables):
        if v.name is None or names.count(v.name) > 1:
            v.name = "var%d" % i
    return variables


def toposort(prereqs_d):
    """The keys of {x: set of prerequisites}, each after its prerequisites."""
    seq, done, postreqs_d = [], set(), {}
    for x, prereqs in prereqs_d.items():
        for prereq in prereqs:
            postreqs_d.setdefault(prereq, set()).add(x)
    ready = {k for k in prereqs_d if not prereqs_d[k]}
    while ready:
        bases, ready = ready, set()
        for x in bases:
            done.add(x)
            seq.append(x)
        for x in bases:
            for post in postreqs_d.get(x, []):
                if not prereqs_d[post].difference(done):
                    ready.add(post)
    if len(prereqs_d) != len(seq):
        raise Exception("Cannot sort topologically: there might be cycles, prereqs_d does not have a key for "
                        "each element or some orderings contain invalid elements.")
    return seq


def _guard(types, f, old_f):
    def new_f(*args):
        if all(t is ANY_TYPE or isinstance(a, t) for t, a in zip(types, args)):
            value = f(*args)
            return old_f(*args) if value is FALL_THROUGH else value
        if len(types) == 2 and all(t is ANY_TYPE or isinstance(a, t) for t, a in zip(types, args[1::-1])):
            value = f(args[1], args[0], *args[2:])
            return old_f(*args) if value is FALL_THROUGH else value
        return old_f(*args)
    new_f.__name__ = f.__name__
    return new_f


def comm_guard(type1, type2):
    """Dispatch f(arg1, arg2) on the argument types, in either order, else the previous definition."""
    return lambda f: _guard((type1, type2), f, f.__globals__[f.__name__])


def type_guard(type1):
    """Dispatch f(arg1) on arg1's type, else the previous definition."""
    return lambda f: _guard((type1,), f, f.__globals__[f.__name__])


def simple_extract_stack(f=None, limit=None, skips=()):
    """The user's stack frames as (file, line, function, text), without the frames under `skips`."""
    frames = traceback.extract_stack(f or sys._getframe(1), limit=limit)
    trace = [(fr.filename, fr.lineno, fr.name, linecache.getline(fr.filename, fr.lineno).strip() or None)
             for fr in frames]
    while trace and any(p in trace[-1][0] and "tests" not in trace[-1][0] for p in skips):
        trace.pop()
    return trace


def add_tag_trace(thing, user_line=None):
    """Store where `thing` was created in thing.tag.trace (Theano's error messages show it)."""
    limit = config.traceback.limit if user_line is None else user_line
    tr = simple_extract_stack(limit=None if limit == -1 else limit, skips=["theano_compat/", "theano/"])
    thing.tag.trace = [tr] if tr else tr
    return thing


def get_variable_trace_string(v):
    """The creation backtrace of v, as Theano appends it to error messages."""
    sio = StringIO()
    tr = getattr(v.tag, "trace", [])
    if isinstance(tr, list) and len(tr) > 0:
        print(" \nBacktrace when that variable is created:\n", file=sio)
        if isinstance(tr[0], tuple):
            traceback.print_list(v.tag.trace, sio)
        else:
            for idx, subtr in enumerate(tr):
                if len(tr) > 1:
                    print("trace %d" % idx, file=sio)
                traceback.print_list(subtr, sio)
    return sio.getvalue()


def hash_from_code(msg):
    """The md5 hex digest of msg (str or bytes), as Theano keys its caches."""
    return hashlib.md5(msg.encode() if isinstance(msg, str) else bytes(msg)).hexdigest()


def hash_from_file(file_path):
    with open(file_path, "rb") as f:
        return hash_from_code(f.read())
