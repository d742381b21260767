"""theano.tensor.io's LoadFromDisk: an array read from a .npy file.

Theano's constant folding computes the op when the function is compiled (its only input, the path, is a
constant), so a function reads the file once, then keeps that value: the same here, where a node of
constants is folded while the step is traced. The file is read on the host by a callback. The path is a node
parameter (Theano makes it a Generic constant input)."""
import jax
import numpy as np

from ..graph.ops import PropsOp
from ..graph.types import TensorType


def _read(path, mmap_mode, dtype):
    if path.split(".")[-1] == "npz":
        raise ValueError("Expected a .npy file, got %s instead" % path)
    result = np.load(path, mmap_mode=mmap_mode)
    if result.dtype != dtype:
        raise TypeError("Expected an array of type %s, got %s instead" % (dtype, result.dtype))
    return result


def _load_lower(path, dtype, broadcastable, mmap_mode, static):
    from jax.experimental import io_callback
    return io_callback(lambda: np.asarray(_read(path, mmap_mode, np.dtype(dtype))),
                       jax.ShapeDtypeStruct(static, np.dtype(dtype)))


class LoadFromDisk(PropsOp):
    """Theano's LoadFromDisk(dtype, broadcastable, mmap_mode=None): (path) -> the array in the .npy file."""

    @classmethod
    def from_props(cls, dtype, broadcastable, mmap_mode=None):
        if mmap_mode not in (None, "c"):
            raise ValueError("The only supported values for mmap_mode are None and 'c', got %s" % mmap_mode)
        return load_op.with_props(dtype=np.dtype(dtype), broadcastable=broadcastable, mmap_mode=mmap_mode)

    def make_node(self, path, **params):
        if params or not self.props:
            return super().make_node(**params)
        return super().make_node(path=str(path), dtype=str(self.dtype), broadcastable=tuple(self.broadcastable),
                                 mmap_mode=self.mmap_mode)

    def __str__(self):
        return "Load{dtype: %s, broadcastable: %s, mmep: %s}" % (self.dtype, self.broadcastable, self.mmap_mode) \
            if self.props else "LoadFromDisk"


load_op = LoadFromDisk.record(
    "io.load", lambda path, dtype, broadcastable, mmap_mode: [TensorType(dtype, broadcastable)], _load_lower,
    lambda inputs, outputs, gouts, **p: [],
    static=lambda path, dtype, broadcastable, mmap_mode: _read(path, "r", np.dtype(dtype)).shape,
    describe=lambda node: "Load{dtype: %(dtype)s, broadcastable: %(broadcastable)s, mmep: %(mmap_mode)s}" % node.params)
load_op.checks = lambda node: True  # the file may be missing or of another dtype


def load(path, dtype, broadcastable, mmap_mode=None):
    """The array in the .npy file at path (read when the function is compiled, as Theano folds it); dtype and
    broadcastable declare its type."""
    return LoadFromDisk(dtype, broadcastable, mmap_mode)(path)
