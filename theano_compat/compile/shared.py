"""Shared variables: graph roots whose values live on the device between calls (theano.shared)."""
import copy

import jax
import numpy as np

from ..graph.nodes import Variable
from ..graph.types import TensorType, generic
from ..tensor.var import _tensor_py_operators
from .container import Container, SharedContainer  # noqa: F401  (Theano's Container is served from here too)
from . import placement


def _no_value(self, *value):
    raise AttributeError("sharedvar.value does not exist anymore. Use sharedvar.get_value() or "
                         "sharedvar.set_value() instead.")


class SharedVariable(Variable):
    """A variable with a value kept between function calls (Theano's SharedVariable)."""

    def __init__(self, name, type, value, strict, allow_downcast=None, container=None, *, borrow=True):
        super().__init__(type, name=name)
        self.strict = strict
        self.allow_downcast = allow_downcast
        if container is None:
            # Theano: the variable holds the value it is given; theano.shared() copied it (borrow=False), so
            # there is nothing to share with the caller
            container = SharedContainer(self, None)
            container.store(self.type.filter(value, strict=strict, allow_downcast=allow_downcast),
                            self._put if self._on_device else None, alias=borrow)
        self.container = container

    def _to_device(self, value, strict=False):
        value = self.type.filter(value, strict=strict, allow_downcast=self.allow_downcast)
        return self._put(value) if self._on_device else value

    @staticmethod
    def _put(value):
        return placement.current().put(value)

    @property
    def _on_device(self):
        return isinstance(self.type, TensorType)  # a Generic value (a list, None, ...) stays on the host

    default_update = None  # Theano: set it to an expression to update the variable in every function using it

    # Theano 0.x's `sharedvar.value`: Theano 1.0 refuses both reading and assigning it. A silent attribute
    # would let legacy code (`W.value = init`) train from the wrong weights.
    value = property(_no_value, _no_value)

    def get_value(self, borrow=False, return_internal_type=False):
        """The current value as a numpy array: a copy, or with borrow=True the value's own ndarray (on CPU,
        changing it in place changes the variable, as in Theano). A value on several devices (data_parallel)
        is gathered whole; with borrow and return_internal_type it is the jax.Array itself."""
        if not self._on_device:
            value = self.container.value
            return value if borrow else copy.deepcopy(value)
        if borrow:
            if return_internal_type and _on_mesh(self.container.value):
                return self.container.value  # data_parallel: the jax.Array itself, with its sharding
            return self.container.host_view()
        return np.array(self.container.value, copy=True)

    def set_value(self, new_value, borrow=False):
        """Replace the value (a new shape is fine; another dtype or ndim raises TypeError). With borrow=True
        the variable may keep new_value's memory (see compile/container.py)."""
        if borrow and self._on_device and self.container.holds_view(new_value):
            return  # the value's own ndarray, perhaps changed in place: it is the value already
        if not borrow and isinstance(new_value, np.ndarray):
            new_value = new_value.copy()  # JAX may alias host memory on CPU: Theano copies unless borrow
        try:
            value = self.type.filter(new_value, strict=self.strict, allow_downcast=self.allow_downcast)
        except Exception as e:
            e.args = e.args + (f'Container name "{self.name}"',)  # Theano's Container adds this
            raise
        self.container.store(value, self._put if self._on_device else None, alias=borrow)

    def clone(self):
        cp = self.__class__(self.name, self.type, None, self.strict, self.allow_downcast,
                            container=self.container)
        cp.tag = copy.copy(self.tag)
        return cp

    def zero(self, borrow=False):
        self.container.value = jax.numpy.zeros_like(self.container.value)

    def __setstate__(self, state):
        self.__dict__.update(state)
        if self._on_device and isinstance(self.container, SharedContainer):
            self.container.store(np.asarray(self.container.value), self._put, alias=False)


def _on_mesh(value):
    return isinstance(value, jax.Array) and len(value.sharding.device_set) > 1


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
    return cls(name, ttype, np.array(value, copy=not borrow), strict, allow_downcast, borrow=borrow)


def _generic_constructor(value, name, strict, allow_downcast, borrow, broadcastable):
    if broadcastable is not None:
        raise TypeError("a generic shared variable has no broadcastable pattern")
    return SharedVariable(name, generic, value if borrow else copy.deepcopy(value), strict, allow_downcast)


# Constructors tried from the last registered (theano.compile.shared_constructor); random streams add one.
_CONSTRUCTORS = [_generic_constructor, _tensor_constructor]


def shared_constructor(ctor, remove=False):
    """Register (or remove) a constructor that theano.shared tries before the older ones."""
    if remove:
        _CONSTRUCTORS.remove(ctor)
    else:
        _CONSTRUCTORS.append(ctor)
    return ctor
