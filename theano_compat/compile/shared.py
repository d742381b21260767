"""Shared variables: graph roots whose values live on the device between calls (theano.shared)."""
import copy

import jax
import numpy as np

from ..graph.nodes import Variable
from ..graph.types import TensorType
from ..tensor.var import _tensor_py_operators
from . import placement


class Container:
    """Holds a shared variable's current value: a JAX array on the configured device."""

    def __init__(self, value):
        self.value = value

    @property
    def storage(self):  # Theano code sometimes reads container.storage[0]
        return [np.asarray(self.value)]


def _no_value(self, *value):
    raise AttributeError("sharedvar.value does not exist anymore. Use sharedvar.get_value() or "
                         "sharedvar.set_value() instead.")


class SharedVariable(Variable):
    """A variable with a value kept between function calls (Theano's SharedVariable)."""

    def __init__(self, name, type, value, strict, allow_downcast=None, container=None):
        super().__init__(type, name=name)
        self.strict = strict
        self.allow_downcast = allow_downcast
        self.default_update = None
        self.container = container or Container(self._to_device(value, strict))

    def _to_device(self, value, strict=False):
        value = self.type.filter(value, strict=strict, allow_downcast=self.allow_downcast)
        return placement.current().put(value) if self._on_device else value

    @property
    def _on_device(self):
        return isinstance(self.type, TensorType)  # a Generic value (a list, None, ...) stays on the host

    # Theano 0.x's `sharedvar.value`: Theano 1.0 refuses both reading and assigning it. A silent attribute
    # would let legacy code (`W.value = init`) train from the wrong weights.
    value = property(_no_value, _no_value)

    def get_value(self, borrow=False, return_internal_type=False):
        """The current value as a numpy array; a copy unless borrow=True."""
        value = self.container.value
        if not self._on_device:
            return value if borrow else copy.deepcopy(value)
        return np.asarray(value) if borrow else np.array(value, copy=True)

    def set_value(self, new_value, borrow=False):
        """Replace the value (a new shape is fine; another dtype or ndim raises TypeError)."""
        if not borrow and isinstance(new_value, np.ndarray):
            new_value = new_value.copy()  # JAX may alias host memory on CPU: Theano copies unless borrow
        try:
            self.container.value = self._to_device(new_value, self.strict)
        except Exception as e:
            e.args = e.args + (f'Container name "{self.name}"',)  # Theano's Container adds this
            raise

    def clone(self):
        cp = self.__class__(self.name, self.type, None, self.strict, self.allow_downcast,
                            container=self.container)
        cp.tag = copy.copy(self.tag)
        return cp

    def zero(self, borrow=False):
        self.container.value = jax.numpy.zeros_like(self.container.value)

    def __getstate__(self):
        state = dict(super().__getstate__())
        if self._on_device:
            state["container"] = Container(np.asarray(self.container.value))
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        if self._on_device:
            self.container.value = placement.current().put(np.asarray(self.container.value))


class TensorSharedVariable(_tensor_py_operators, SharedVariable):
    """A shared tensor (Theano's TensorSharedVariable)."""


class ScalarSharedVariable(TensorSharedVariable):
    """A shared tensor made from a Python or numpy scalar (Theano's class for shared(0), shared(0.0))."""


def shared(value, name=None, strict=False, allow_downcast=None, borrow=False, broadcastable=None):
    """theano.shared: a shared variable holding `value` (dtype taken from the value, as in Theano)."""
    if isinstance(value, Variable):
        raise TypeError("Shared variable constructor needs numeric values and not symbolic variables.")
    for constructor in reversed(_CONSTRUCTORS):
        try:
            var = constructor(value, name=name, strict=strict, allow_downcast=allow_downcast,
                              borrow=borrow, broadcastable=broadcastable)
        except TypeError:
            continue
        if var is not None:
            return var
    raise TypeError(f"No suitable SharedVariable constructor could be found. Are you sure all kwargs are "
                    f"supported? value = {value!r}")


def _tensor_constructor(value, name, strict, allow_downcast, borrow, broadcastable):
    cls = TensorSharedVariable
    if isinstance(value, (np.number, float, int, complex)):
        value = np.asarray(value)  # Theano's scalar_constructor: shared(0) is int64, shared(0.0) float64
        cls = ScalarSharedVariable
        if broadcastable not in (None, ()):
            raise TypeError("scalar shared variables have no broadcastable pattern")
    elif not isinstance(value, (np.ndarray, jax.Array)):
        raise TypeError(f"shared() needs a numpy array or a Python number, got {type(value).__name__}")
    bcast = (False,) * value.ndim if broadcastable is None else tuple(broadcastable)
    ttype = TensorType(str(value.dtype), bcast)
    return cls(name, ttype, np.array(value, copy=not borrow), strict, allow_downcast)


class Generic:
    """Theano's generic type: a shared variable holding any Python object (a list, None, ...)."""

    def filter(self, data, strict=False, allow_downcast=None):
        return data

    def __eq__(self, other):
        return type(other) is Generic

    def __hash__(self):
        return hash(Generic)

    def __str__(self):
        return "Generic"

    __repr__ = __str__


def _generic_constructor(value, name, strict, allow_downcast, borrow, broadcastable):
    if broadcastable is not None:
        raise TypeError("a generic shared variable has no broadcastable pattern")
    return SharedVariable(name, Generic(), value if borrow else copy.deepcopy(value), strict, allow_downcast)


# Constructors tried from the last registered (theano.compile.shared_constructor); random streams add one.
_CONSTRUCTORS = [_generic_constructor, _tensor_constructor]


def shared_constructor(ctor, remove=False):
    """Register (or remove) a constructor that theano.shared tries before the older ones."""
    if remove:
        _CONSTRUCTORS.remove(ctor)
    else:
        _CONSTRUCTORS.append(ctor)
    return ctor
