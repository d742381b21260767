"""theano.misc.ordered_set: a set that remembers insertion order (Theano's graphs rely on its order)."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
import types
from collections.abc import MutableSet



def check_deterministic(iterable):
    """Theano refuses to fill an ordered set from an unordered collection of 2+ items."""
    if iterable is not None and not isinstance(iterable, (list, tuple, OrderedSet, types.GeneratorType,
                                                          string_types)):
        if len(iterable) > 1:
            raise AssertionError("Get an not ordered iterable when one was expected")


class Link:
    """A node of the doubly linked list Theano's OrderedSet kept (prev, next, key)."""

    __slots__ = ("prev", "next", "key", "__weakref__")


class OrderedSet(MutableSet):
    """Set the remembers the order elements were added."""

    def __init__(self, iterable=None):
        check_deterministic(iterable)
        self._items = dict.fromkeys(iterable if iterable is not None else ())

    def __len__(self):
        return len(self._items)

    def __contains__(self, key):
        return key in self._items

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def add(self, key):
        self._items.setdefault(key)

    def discard(self, key):
        self._items.pop(key, None)

    def update(self, iterable):
        check_deterministic(iterable)
        for key in iterable:
            self.add(key)

    def union(self, s):
        check_deterministic(s)
        n = self.copy()
        n.update(s)
        return n

    def intersection_update(self, s):
        for elem in [e for e in self if e not in s]:
            self.remove(elem)
        return self

    def difference_update(self, s):
        check_deterministic(s)
        for elem in s:
            self.discard(elem)
        return self

    def copy(self):
        return OrderedSet(list(self))

    def pop(self, last=True):
        if not self._items:
            raise KeyError("set is empty")
        key = next(reversed(self._items)) if last else next(iter(self._items))
        del self._items[key]
        return key

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self)) if self else "%s()" % type(self).__name__

    def __eq__(self, other):
        if isinstance(other, OrderedSet):
            return len(self) == len(other) and list(self) == list(other)
        return set(self) == set(other)

    __hash__ = None
