"""theano.compat: Theano's Python 2/3 helpers, which legacy code imports (PY3, izip, OrderedDict, ...)."""
import operator
from collections import OrderedDict, defaultdict  # noqa: F401  (Theano's module exports them)
from collections.abc import MutableMapping as DictMixin

PY3 = True
izip, imap, ifilter = zip, map, filter
operator_div = operator.truediv


def cmp(x, y):
    """Python 2's cmp: -1, 0 or 1."""
    return (x > y) - (x < y)


def decode(x):
    return x.decode()


def decode_iter(itr):
    for x in itr:
        yield x.decode()


def decode_with(x, encoding):
    return x.decode(encoding)


def exc_message(e):
    """The first argument of an exception (its message)."""
    msg = e.args[0]
    return msg.decode() if isinstance(msg, bytes) else msg


def get_unbound_function(unbound):
    """Python 3 methods are functions already."""
    return getattr(unbound, "__func__", unbound)


def maybe_add_to_os_environ_pathlist(var, newpath):
    """Prepend newpath to the os.pathsep-separated environment variable var, if it is a directory."""
    import os
    if os.path.isabs(newpath) and os.path.isdir(newpath):
        try:
            oldpaths = os.environ[var].split(os.pathsep)
            if newpath not in oldpaths:
                os.environ[var] = os.pathsep.join([newpath] + oldpaths)
        except KeyError:
            os.environ[var] = newpath


class DefaultOrderedDict(OrderedDict):
    """An OrderedDict with a default_factory, as defaultdict has."""

    def __init__(self, default_factory=None, *a, **kw):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable")
        OrderedDict.__init__(self, *a, **kw)
        self.default_factory = default_factory

    def __getitem__(self, key):
        try:
            return OrderedDict.__getitem__(self, key)
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __reduce__(self):
        args = tuple() if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def copy(self):
        return type(self)(self.default_factory, self)

string_types, integer_types = (str,), (int,)  # six's names; each Theano module shares these two tuples
