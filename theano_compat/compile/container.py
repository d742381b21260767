"""Containers: the storage cells Theano's functions and shared variables keep their values in.

`Container` is Theano's gof.link.Container: a one-element `storage` list whose value is filtered by the
type on assignment; a function's explicit inputs keep their defaults and state in them (f[x], f.container).

`SharedContainer` holds a shared variable's value as the compiled step takes it: `value` is a plain attribute
(a device array), because the per-call path reads and writes it. Theano's CPU back-end handed out its
internal ndarray (get_value(borrow=True), container.storage[0]) and let code change it in place; here, on a
CPU device, `host_view()` is a writable ndarray over the device array's own memory (zero-copy), so an
in-place change is seen by the next call, as in Theano. On other devices it is a fresh copy each time, as
Theano's GPU back-end gave.
"""
import copy

import numpy as np

from ..graph.types import Type


class Container:
    """Theano's Container: joins a variable (or type) with a one-element storage list holding its value."""

    def __init__(self, r, storage, readonly=False, strict=False, allow_downcast=None, name=None):
        if not isinstance(storage, list) or not len(storage) >= 1:
            raise TypeError("storage must be a list of length at least one")
        self.type = r if isinstance(r, Type) else r.type
        self.name = getattr(r, "name", None) if name is None else name
        self.storage = storage
        self.readonly = readonly
        self.strict = strict
        self.allow_downcast = allow_downcast

    def _get(self):
        return self.storage[0]

    def _set(self, value):
        if self.readonly:
            raise Exception("Cannot set readonly storage: %s" % self.name)
        try:
            if value is None:
                self.storage[0] = None
                return
            kwargs = {}
            if self.strict:
                kwargs["strict"] = True
            if self.allow_downcast is not None:
                kwargs["allow_downcast"] = self.allow_downcast
            self.storage[0] = self.type.filter(value, **kwargs)
        except Exception as e:
            e.args = e.args + ('Container name "%s"' % self.name,)
            raise

    data = property(_get, _set)
    value = property(_get, _set)

    def read(self):
        """The value as Theano code sees it (f[x], f.value[x])."""
        return self.storage[0]

    def __str__(self):
        return "<" + str(self.storage[0]) + ">"

    def __repr__(self):
        return "<" + repr(self.storage[0]) + ">"

    def __deepcopy__(self, memo):
        r = type(self)(copy.deepcopy(self.type, memo), copy.deepcopy(self.storage, memo), self.readonly,
                       self.strict, self.allow_downcast, self.name)
        if r.storage[0] is not None and not self.type.is_valid_value(r.storage[0]):
            # numpy's deepcopy of a 0-d array gives a scalar: Theano filters it back
            r.storage[0] = self.type.filter(r.storage[0], strict=False, allow_downcast=False)
        return r


class SharedContainer(Container):
    """A shared variable's container; `value` is its current value as a device array (see the module doc)."""

    value = None  # a plain attribute: the per-call path reads and writes it

    def __init__(self, variable, value):
        self.type = variable.type
        self.name = variable.name
        self.readonly = False
        self.strict = variable.strict
        self.allow_downcast = variable.allow_downcast
        self.value = value
        self._view = None  # (ndarray, the device array whose memory it is)

    @property
    def storage(self):
        """[the value as an ndarray] (Theano code reads container.storage[0]; writing it in place works on CPU)."""
        return [self.host_view()]

    data = property(lambda self: self.host_view())

    def read(self):
        return self.host_view()

    def host_view(self):
        """The value as a writable ndarray: on a CPU device the device array's own memory (the same object until
        the value changes); elsewhere a fresh copy. A non-tensor value is returned as it is."""
        value = self.value
        if self._view is not None and self._view[1] is value:
            return self._view[0]
        if isinstance(value, np.ndarray):
            return value  # a host array the step reads as it is (see store)
        if not hasattr(value, "unsafe_buffer_pointer"):
            return value if not hasattr(value, "__array__") else np.array(value)
        view = _writable_view(value)
        if view is None:
            return np.array(value)
        self._view = (view, value)
        return view

    def store(self, value, put, alias):
        """Make `value` (filtered by the type) the value; `put` places an ndarray on the device (None: a
        value kept on the host). With `alias` (borrow=True) the variable keeps the array's memory where it
        can: an ndarray XLA can use in place, or, on CPU, a small one (HOST_BYTES) the step reads as it is;
        a larger one is copied to the device once (later changes to it are not seen)."""
        self._view = None
        if put is None or not isinstance(value, np.ndarray):
            self.value = value if put is None else put(value)
            return
        device = put(value)
        if alias and _shares_memory(device, value):
            self._view = (value, device)
        elif alias and value.nbytes <= HOST_BYTES and _on_cpu(device):
            device = value  # Theano's aliasing exactly: the step takes the array as it is, call after call
        self.value = device

    def holds_view(self, array):
        """Whether `array` is the ndarray host_view() returned for the current value."""
        return self._view is not None and self._view[0] is array and self._view[1] is self.value

    def __deepcopy__(self, memo):
        r = object.__new__(type(self))
        r.__dict__.update(self.__dict__)
        r.value = np.array(self.host_view()) if hasattr(self.value, "__array__") else copy.deepcopy(self.value, memo)
        r._view = None
        return r

    def __getstate__(self):
        state = dict(self.__dict__)
        if hasattr(self.value, "unsafe_buffer_pointer"):
            state["value"] = np.array(self.value)  # a numpy value; SharedVariable puts it back on the device
        state["_view"] = None
        return state


# On CPU, an array of at most this many bytes given with borrow=True stays the variable's storage (the step
# takes it as its argument, a copy of this size per call at most); larger ones are copied to the device once.
HOST_BYTES = 64 * 1024


def _shares_memory(device, array):
    try:
        return device.unsafe_buffer_pointer() == array.ctypes.data and array.size > 0
    except Exception:  # noqa: BLE001 - a sharded array has no single buffer
        return False


def _on_cpu(device):
    try:
        return all(d.platform == "cpu" for d in device.devices())
    except Exception:  # noqa: BLE001
        return False


class _Hold:
    """The base of a writable view: keeps JAX's read-only view (and with it JAX's hold on the buffer) alive."""

    def __init__(self, ro):
        self._ro = ro
        self.__array_interface__ = {"shape": ro.shape, "typestr": ro.dtype.str, "strides": ro.strides,
                                    "data": (ro.ctypes.data, False), "version": 3}


def _writable_view(array):
    """A writable ndarray over a CPU device array's memory, or None where that memory is not the host's.

    JAX's own ndarray view of a CPU array is read-only and registers an external reference, which keeps the
    buffer from being donated (or freed) while the view lives; the writable view is built over it.
    """
    try:
        ro = np.asarray(array)
        pointer = array.unsafe_buffer_pointer()
    except Exception:  # noqa: BLE001 - a sharded or deleted array has no single host buffer
        return None
    if ro.size == 0 or ro.ctypes.data != pointer:
        return None
    return np.asarray(_Hold(ro))
