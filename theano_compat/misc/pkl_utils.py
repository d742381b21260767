"""theano.misc.pkl_utils: dump/load pickle an object into a zip file, its numpy arrays as separate NPY
files (named after the shared variables holding them), readable by numpy.load as in Theano."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
import os
import pickle
import sys
import tempfile
import zipfile
from collections import defaultdict, deque
from contextlib import closing
from io import BytesIO
from pickle import DEFAULT_PROTOCOL, HIGHEST_PROTOCOL  # noqa: F401  (Theano's module exports them)

import numpy as np

from ..compat import PY3
from ..compile.sharedvalue import SharedVariable
from ..config import config  # noqa: F401

min_recursion = 3000
if sys.getrecursionlimit() < min_recursion:  # Theano raises it too: deep graphs pickle recursively
    sys.setrecursionlimit(min_recursion)
Pickler = pickle.Pickler


class StripPickler(Pickler):
    """A Pickler that drops the `trace` and `test_value` tags of variables (smaller files)."""

    def __init__(self, file, protocol=0, extra_tag_to_remove=None):
        Pickler.__init__(self, file, protocol)
        self.tag_to_remove = ["trace", "test_value"] + list(extra_tag_to_remove or [])

    def reducer_override(self, obj):
        tag = getattr(obj, "tag", None) if hasattr(type(obj), "owner") or hasattr(obj, "owner") else None
        if tag is not None and hasattr(tag, "__dict__"):
            for name in self.tag_to_remove:
                tag.__dict__.pop(name, None)
        return NotImplemented


def load_reduce(self):
    """The REDUCE step of CompatUnpickler: retry with the arguments encoded when the call fails (py2 pickles)."""
    stack = self.stack
    args = stack.pop()
    func = stack[-1]
    try:
        stack[-1] = func(*args)
    except Exception:
        if self.encoding is not None:
            try:
                stack[-1] = func(*[a.encode(self.encoding) if isinstance(a, str) else a for a in args])
                return
            except Exception:  # noqa: BLE001 - Theano re-raises the first error
                pass
        raise


class CompatUnpickler(pickle._Unpickler):
    """Reads Python 2 pickles of numpy arrays (use encoding='latin1')."""

    dispatch = dict(pickle._Unpickler.dispatch)
    dispatch[pickle.REDUCE[0]] = load_reduce


class PersistentNdarrayID:
    """Persists each numpy array of the pickled object as an NPY file of the zip (`ndarray.<name>` ids)."""

    def __init__(self, zip_file):
        self.zip_file = zip_file
        self.count = 0
        self.seen = {}

    def _resolve_name(self, obj):
        name = "array_{0}".format(self.count)
        self.count += 1
        return name

    def __call__(self, obj):
        if type(obj) is np.ndarray:
            if id(obj) not in self.seen:
                name = self._resolve_name(obj)
                zipadd(lambda f: np.lib.format.write_array(f, obj), self.zip_file, name)
                self.seen[id(obj)] = "ndarray.{0}".format(name)
            return self.seen[id(obj)]
        return None


class PersistentGpuArrayID(PersistentNdarrayID):
    """Theano's GpuArray persistence; device values here are saved as numpy arrays."""


class PersistentSharedVariableID(PersistentGpuArrayID):
    """Names each shared variable's NPY file after the variable (`W`, `W_2` for a second `W`, ...)."""

    def __init__(self, zip_file, allow_unnamed=True, allow_duplicates=True):
        super().__init__(zip_file)
        self.name_counter = defaultdict(int)
        self.allow_unnamed = allow_unnamed
        self.allow_duplicates = allow_duplicates
        # The pickler reduces a shared variable right after asking for its id, so its value is the next
        # array it meets: (name, value) pairs wait here for it.
        self._pending = deque()

    def _resolve_name(self, obj):
        if self._pending and _same_array(self._pending[0][1], obj):
            name = self._pending.popleft()[0]
            count = self.name_counter[name]
            self.name_counter[name] += 1
            if count:
                if not self.allow_duplicates:
                    raise ValueError("multiple shared variables with the name `{0}` found".format(name))
                name = "{0}_{1}".format(name, count + 1)
            return name
        return super()._resolve_name(obj)

    def __call__(self, obj):
        if isinstance(obj, SharedVariable):
            if obj.name:
                if obj.name == "pkl":
                    raise ValueError("can't pickle shared variable with name `pkl`")
                self._pending.append((obj.name, obj.get_value(borrow=True)))
            elif not self.allow_unnamed:
                raise ValueError("unnamed shared variable, {0}".format(obj))
        return super().__call__(obj)


def _same_array(a, b):
    a = np.asarray(a)
    return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")


class PersistentNdarrayLoad:
    """Loads the arrays PersistentNdarrayID saved (each once, shared between the objects using it)."""

    def __init__(self, zip_file):
        self.zip_file = zip_file
        self.cache = {}

    def __call__(self, persid):
        array_type, name = persid.split(".")
        if name not in self.cache:
            with self.zip_file.open(name) as f:
                if array_type == "gpuarray":  # Theano's GPU arrays: context name, then the array
                    pickle.load(f)
                self.cache[name] = np.lib.format.read_array(f)
        return self.cache[name]


def dump(obj, file_handler, protocol=DEFAULT_PROTOCOL, persistent_id=PersistentSharedVariableID):
    """Pickle obj into a zip file: `pkl` holds the pickle, each numpy array its own NPY file."""
    with closing(zipfile.ZipFile(file_handler, "w", zipfile.ZIP_DEFLATED, allowZip64=True)) as zip_file:
        def write(f):
            p = pickle.Pickler(f, protocol=protocol)
            p.persistent_id = persistent_id(zip_file)
            p.dump(obj)
        zipadd(write, zip_file, "pkl")


def load(f, persistent_load=PersistentNdarrayLoad):
    """Load what dump wrote."""
    with closing(zipfile.ZipFile(f, "r")) as zip_file:
        p = pickle.Unpickler(BytesIO(zip_file.open("pkl").read()))
        p.persistent_load = persistent_load(zip_file)
        return p.load()


def zipadd(func, zip_file, name):
    """Call func with a file object, and store what it wrote in zip_file under name."""
    with tempfile.NamedTemporaryFile("wb", delete=False) as temp_file:
        func(temp_file)
        temp_file.close()
        zip_file.write(temp_file.name, arcname=name)
    if os.path.isfile(temp_file.name):
        os.remove(temp_file.name)


__all__ = ["dump", "load", "StripPickler", "CompatUnpickler", "PersistentNdarrayID", "PersistentGpuArrayID",
           "PersistentSharedVariableID", "PersistentNdarrayLoad", "zipadd", "PY3"]
