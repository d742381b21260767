"""TensorVariable, TensorConstant: Theano's variable classes with their Python operators and methods."""
import numpy as np

from ..graph.nodes import Constant, Variable
from ..graph.types import TensorType


class _tensor_py_operators:
    """Operators and numpy-like methods, each a thin call into the op library (theano/tensor/var.py)."""

    # arithmetic; the reflected forms put the constant first, as Theano's graph does
    def __add__(self, other): return _T().add(self, other)
    def __radd__(self, other): return _T().add(other, self)
    def __sub__(self, other): return _T().sub(self, other)
    def __rsub__(self, other): return _T().sub(other, self)
    def __mul__(self, other): return _T().mul(self, other)
    def __rmul__(self, other): return _T().mul(other, self)
    def __truediv__(self, other): return _T().true_div(self, other)
    def __rtruediv__(self, other): return _T().true_div(other, self)
    def __floordiv__(self, other): return _T().int_div(self, other)
    def __rfloordiv__(self, other): return _T().int_div(other, self)
    def __mod__(self, other): return _T().mod(self, other)
    def __rmod__(self, other): return _T().mod(other, self)
    def __pow__(self, other): return _T().pow(self, other)
    def __rpow__(self, other): return _T().pow(other, self)
    def __neg__(self): return _T().neg(self)
    def __abs__(self): return _T().abs_(self)
    def __invert__(self): return _T().invert(self)
    def __and__(self, other): return _T().and_(self, other)
    def __rand__(self, other): return _T().and_(other, self)
    def __or__(self, other): return _T().or_(self, other)
    def __ror__(self, other): return _T().or_(other, self)
    def __xor__(self, other): return _T().xor(self, other)
    def __rxor__(self, other): return _T().xor(other, self)
    def __lt__(self, other): return _T().lt(self, other)
    def __le__(self, other): return _T().le(self, other)
    def __gt__(self, other): return _T().gt(self, other)
    def __ge__(self, other): return _T().ge(self, other)
    __hash__ = Variable.__hash__  # Theano: == is identity, so variables can be dict keys
    # numpy scalars and arrays on the left (np.float32(0.1) * x) defer to our reflected operators
    __array_ufunc__ = None
    __array_priority__ = 1000

    # Python's in-place operators build new variables (Theano's graph is immutable too)
    __iadd__, __isub__, __imul__ = __add__, __sub__, __mul__
    __itruediv__, __ifloordiv__, __ipow__ = __truediv__, __floordiv__, __pow__

    def __bool__(self):
        raise TypeError("Variables do not support boolean operations.")

    def __iter__(self):
        try:
            for i in range(_T().get_vector_length(self)):
                yield self[i]
        except TypeError:
            raise TypeError("TensorType does not support iteration. Maybe you are using builtin.sum instead "
                            "of theano.tensor.sum? (Maybe .max?)")

    def __len__(self):
        raise TypeError("len() of a symbolic variable is not defined; use x.shape[0]")

    def __getitem__(self, index):
        return _T().subtensor(self, index)

    # attributes
    dtype = property(lambda self: self.type.dtype)
    ndim = property(lambda self: self.type.ndim)
    broadcastable = property(lambda self: self.type.broadcastable)
    shape = property(lambda self: _T().shape(self))
    size = property(lambda self: _T().prod(self.shape))
    T = property(lambda self: _T().transpose(self))
    real = property(lambda self: _T().real(self))
    imag = property(lambda self: _T().imag(self))

    # methods
    def dimshuffle(self, *pattern): return _T().dimshuffle(self, *pattern)
    def reshape(self, shape, ndim=None): return _T().reshape(self, shape, ndim=ndim)
    def flatten(self, ndim=1): return _T().flatten(self, ndim)
    def transpose(self, *axes): return _T().transpose(self, axes[0] if len(axes) == 1 else (axes or None))
    def astype(self, dtype): return _T().cast(self, dtype)
    def sum(self, axis=None, dtype=None, keepdims=False, acc_dtype=None):
        return _T().sum(self, axis=axis, dtype=dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    def prod(self, axis=None, dtype=None, keepdims=False, acc_dtype=None):
        return _T().prod(self, axis=axis, dtype=dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    def mean(self, axis=None, dtype=None, keepdims=False, acc_dtype=None):
        return _T().mean(self, axis=axis, dtype=dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    def var(self, axis=None, ddof=0, keepdims=False, corrected=False):
        return _T().var(self, axis=axis, ddof=ddof, keepdims=keepdims, corrected=corrected)
    def std(self, axis=None, ddof=0, keepdims=False, corrected=False):
        return _T().std(self, axis=axis, ddof=ddof, keepdims=keepdims, corrected=corrected)
    def max(self, axis=None, keepdims=False): return _T().max(self, axis, keepdims=keepdims)
    def min(self, axis=None, keepdims=False): return _T().min(self, axis, keepdims=keepdims)
    def argmax(self, axis=None, keepdims=False): return _T().argmax(self, axis, keepdims=keepdims)
    def argmin(self, axis=None, keepdims=False): return _T().argmin(self, axis, keepdims=keepdims)
    def all(self, axis=None, keepdims=False): return _T().all(self, axis, keepdims=keepdims)
    def any(self, axis=None, keepdims=False): return _T().any(self, axis, keepdims=keepdims)
    def dot(self, other): return _T().dot(self, other)
    def __dot__(self, other): return _T().dot(self, other)
    def __rdot__(self, other): return _T().dot(other, self)
    def clip(self, a_min, a_max): return _T().clip(self, a_min, a_max)
    def norm(self, L, axis=None, keepdims=False): return _T().norm(self, L, axis=axis, keepdims=keepdims)
    def nonzero(self, return_matrix=False): return _T().nonzero(self, return_matrix=return_matrix)
    def nonzero_values(self): return _T().nonzero_values(self)
    def sort(self, axis=-1, kind="quicksort", order=None): return _T().sort(self, axis, kind, order)
    def argsort(self, axis=-1, kind="quicksort", order=None): return _T().argsort(self, axis, kind, order)
    def cumsum(self, axis=None): return _T().cumsum(self, axis)
    def cumprod(self, axis=None): return _T().cumprod(self, axis)
    def repeat(self, repeats, axis=None): return _T().repeat(self, repeats, axis)
    def round(self, mode=None): return _T().round(self, mode)
    def squeeze(self): return _T().squeeze(self)
    def trace(self): return _T().trace(self)
    def diagonal(self, offset=0, axis1=0, axis2=1): return _T().diagonal(self, offset, axis1, axis2)
    def swapaxes(self, axis1, axis2): return _T().swapaxes(self, axis1, axis2)
    def conj(self): return _T().conj(self)
    def copy(self, name=None):
        out = _T().tensor_copy(self)
        out.name = name
        return out
    def zeros_like(self, dtype=None): return _T().zeros_like(self, dtype=dtype)
    def ones_like(self, dtype=None): return _T().ones_like(self, dtype=dtype)
    def fill(self, value): return _T().fill(self, value)
    def sqrt(self): return _T().sqrt(self)
    def exp(self): return _T().exp(self)
    def log(self): return _T().log(self)
    def __array__(self, dtype=None):
        raise TypeError("A symbolic variable cannot be converted to a numpy array; compile a function or "
                        "call .eval()")


def _T():
    # theano.tensor is imported lazily: it imports this module.
    from .. import tensor
    return tensor


class TensorVariable(_tensor_py_operators, Variable):
    """A symbolic tensor (Theano's TensorVariable)."""


class TensorConstant(_tensor_py_operators, Constant):
    """A tensor constant; str() is Theano's TensorConstant{...}."""

    def signature(self):
        return (self.type, self.data.tobytes())


TensorType.Variable = TensorVariable
TensorType.Constant = TensorConstant
