"""theano.misc.frozendict: immutable (hashable) mappings."""
import collections
import functools
import operator
from collections.abc import Mapping


class frozendict(Mapping):
    """An immutable, hashable wrapper around a dict."""

    dict_cls = dict

    def __init__(self, *args, **kwargs):
        self._dict = self.dict_cls(*args, **kwargs)
        self._hash = None

    def __getitem__(self, key):
        return self._dict[key]

    def __contains__(self, key):
        return key in self._dict

    def copy(self, **add_or_replace):
        return self.__class__(self, **add_or_replace)

    def __iter__(self):
        return iter(self._dict)

    def __len__(self):
        return len(self._dict)

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self._dict)

    def __hash__(self):
        if self._hash is None:
            self._hash = functools.reduce(operator.xor, map(hash, self.items()), 0)
        return self._hash


class FrozenOrderedDict(frozendict):
    """A frozendict that keeps its keys' order."""

    dict_cls = collections.OrderedDict
