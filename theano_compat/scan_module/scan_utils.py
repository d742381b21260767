"""theano.scan_module.scan_utils: until, and how scan reads what fn returns; OrderedUpdates (theano.updates)."""
import warnings
from collections import OrderedDict

from ..compile.shared import SharedVariable
from ..graph.nodes import Variable
from ..graph.constants import as_tensor_variable

__all__ = ["until", "get_updates_and_outputs", "OrderedUpdates"]


class until:
    """Returned by a scan's fn (last) to stop the loop after the step where `condition` is true."""

    def __init__(self, condition):
        self.condition = as_tensor_variable(condition)
        assert self.condition.ndim == 0


class OrderedUpdates(OrderedDict):
    """Shared variable -> new value (theano.updates.OrderedUpdates); `+` is the union of two of them."""

    def __init__(self, *key, **kwargs):
        if key and isinstance(key[0], dict) and len(key[0]) > 1 and not isinstance(key[0], OrderedDict):
            warnings.warn("Initializing an `OrderedUpdates` from a non-ordered dictionary with 2+ elements "
                          "could make your code non-deterministic. You can use an OrderedDict that is "
                          "available at theano.compat.OrderedDict for python 2.6+.")
        super().__init__(*key, **kwargs)
        for k in self:
            if not isinstance(k, SharedVariable):
                raise TypeError("OrderedUpdates keys must inherit from SharedVariable", k)

    def __setitem__(self, key, value):
        if not isinstance(key, SharedVariable):
            raise TypeError("OrderedUpdates keys must inherit from SharedVariable", key)
        return super().__setitem__(key, value)

    def update(self, other=None):
        if other is None:
            return
        if isinstance(other, dict) and len(other) > 1 and not isinstance(other, OrderedDict):
            warnings.warn("Updating an `OrderedUpdates` with a non-ordered dictionary with 2+ elements could "
                          "make your code non-deterministic", stacklevel=2)
        for key, val in OrderedDict(other).items():
            if key in self:
                if self[key] is val:
                    continue
                raise KeyError("Collision", key)
            self[key] = val

    def __add__(self, other):
        rval = OrderedUpdates()
        rval.update(self)
        rval.update(other)
        return rval

    def __radd__(self, other):
        rval = OrderedUpdates()
        rval.update(other)
        rval.update(self)
        return rval


def get_updates_and_outputs(ls):
    """Theano's scan_utils.get_updates_and_outputs: (condition, outputs, updates) of what fn returned."""
    def is_outputs(elem):
        return (isinstance(elem, (list, tuple)) and all(isinstance(x, Variable) for x in elem)) or \
            isinstance(elem, Variable)

    def is_updates(elem):
        if isinstance(elem, dict):
            if not isinstance(elem, OrderedDict) and len(elem) > 1:
                warnings.warn("Expected OrderedDict or OrderedUpdates, got " + str(type(elem)) +
                              ". This can make your script non-deterministic.")
            return True
        return isinstance(elem, (list, tuple)) and all(isinstance(x, (list, tuple)) and len(x) == 2
                                                       for x in elem)

    def is_condition(elem):
        return isinstance(elem, until)

    def _list(x):
        return list(x) if isinstance(x, (list, tuple)) else [x]

    def _filter(x):
        if isinstance(x, (list, tuple)):
            return all(_filter(y) for y in x)
        if isinstance(x, dict):
            return all(_filter(y) for y in x.items())
        return isinstance(x, (Variable, until))

    if not _filter(ls):
        raise ValueError("The return value of your scan lambda expression may only be made of lists, tuples, "
                         "or dictionaries containing Theano variables (or `theano.scan_module.until` objects "
                         "for conditions). In particular if you need to use constant values, you can use "
                         "`tensor.constant` to turn them into Theano variables.")
    if is_outputs(ls):
        return None, _list(ls), OrderedDict()
    if is_updates(ls):
        return None, [], OrderedDict(ls)
    error_msg = "Scan cannot parse the return value of your lambda expression, which is: %s" % (ls,)
    if not isinstance(ls, (list, tuple)):
        raise ValueError(error_msg)
    ls = list(ls)
    if len(ls) == 2:
        if is_outputs(ls[0]):
            if is_updates(ls[1]):
                return None, _list(ls[0]), OrderedDict(ls[1])
            if is_condition(ls[1]):
                return ls[1].condition, _list(ls[0]), OrderedDict()
            raise ValueError(error_msg)
        if is_updates(ls[0]):
            if is_outputs(ls[1]):
                raise ValueError("The return value of the lambda function has been restricted. you have to "
                                 "always return first the outputs (if any), afterwards the updates (if any) and "
                                 "at the end the conclusion")
            if is_condition(ls[1]):
                return ls[1].condition, [], OrderedDict(ls[0])
        raise ValueError(error_msg)
    if len(ls) == 3 and is_outputs(ls[0]) and is_updates(ls[1]) and is_condition(ls[2]):
        return ls[2].condition, _list(ls[0]), OrderedDict(ls[1])
    raise ValueError(error_msg)
