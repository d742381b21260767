"""TensorVariable, TensorConstant: Theano's variable classes with their Python operators and methods."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
import numpy as np

from ..graph.nodes import Constant, Variable
from ..graph.types import TensorType


from ..graph.constants import AsTensorError


def _binary(name, reflected=False, catch=True):
    """A Python operator calling T.<name>; Theano returns NotImplemented when the other operand is not a
    tensor (so `x + True` is Python's TypeError), except on its reflected and division operators."""
    def op(self, other):
        fn = getattr(_T(), name)
        if not catch:
            return fn(other, self) if reflected else fn(self, other)
        try:
            return fn(other, self) if reflected else fn(self, other)
        except AsTensorError:
            return NotImplemented
    op.__name__ = name
    return op


def _method(name):
    def method(self):
        return getattr(_T(), name)(self)
    method.__name__ = name
    return method


class _tensor_py_operators:
    """Operators and numpy-like methods, each a thin call into the op library (theano/tensor/var.py)."""

    __add__ = _binary("add")
    __sub__ = _binary("sub")
    __mul__ = _binary("mul")
    __pow__ = _binary("pow")
    __mod__ = _binary("mod_check")
    __truediv__ = _binary("true_div", catch=False)
    __floordiv__ = _binary("floor_div", catch=False)
    __radd__ = _binary("add", True, False)
    __rsub__ = _binary("sub", True, False)
    __rmul__ = _binary("mul", True, False)
    __rpow__ = _binary("pow", True, False)
    __rmod__ = _binary("mod", True, False)
    __rtruediv__ = _binary("true_div", True, False)
    __rfloordiv__ = _binary("floor_div", True, False)
    __and__ = _binary("and_", catch=False)
    __or__ = _binary("or_", catch=False)
    __xor__ = _binary("xor", catch=False)
    __rand__ = _binary("and_", True, False)
    __ror__ = _binary("or_", True, False)
    __rxor__ = _binary("xor", True, False)

    def __divmod__(self, other): return _T().divmod(self, other)
    def __rdivmod__(self, other): return _T().divmod(other, self)
    def __neg__(self): return _T().neg(self)
    def __abs__(self): return _T().abs_(self)
    def __invert__(self): return _T().invert(self)
    def __ceil__(self): return _T().ceil(self)
    def __floor__(self): return _T().floor(self)
    def __trunc__(self): return _T().trunc(self)

    # Theano: comparison results refuse bool() (a < b < c would silently misbehave); other variables are true.
    _is_nonzero = True

    def _compare(self, name, other):
        rval = getattr(_T(), name)(self, other)
        rval._is_nonzero = False
        return rval

    def __lt__(self, other): return self._compare("lt", other)
    def __le__(self, other): return self._compare("le", other)
    def __gt__(self, other): return self._compare("gt", other)
    def __ge__(self, other): return self._compare("ge", other)
    __hash__ = Variable.__hash__  # Theano: == is identity, so variables can be dict keys

    def __bool__(self):
        if self._is_nonzero:
            return True
        raise TypeError("Variables do not support boolean operations.")

    def __iter__(self):
        # Theano: a vector whose length the graph tells (x.shape, x.shape[:2], a stack) iterates; another
        # vector raises ValueError("length not known"), anything else this TypeError
        try:
            n = _T().get_vector_length(self)
        except TypeError:
            raise TypeError("TensorType does not support iteration. Maybe you are using builtin.sum instead "
                            "of theano.tensor.sum? (Maybe .max?)") from None
        for i in range(n):
            yield self[i]

    def __getitem__(self, index):
        from ..ops.subtensor import subtensor  # T.subtensor is Theano's module of that name
        if isinstance(index, list) and any(isinstance(a, slice) for a in index):
            index = tuple(index)  # Theano (numpy 1): a list holding slices is a tuple of indices
        return subtensor(self, index)

    def take(self, indices, axis=None, mode="raise"): return _T().take(self, indices, axis, mode)

    # attributes
    dtype = property(lambda self: self.type.dtype)
    ndim = property(lambda self: self.type.ndim)
    broadcastable = property(lambda self: self.type.broadcastable)
    shape = property(lambda self: _T().shape(self))
    size = property(lambda self: self.shape[0] if self.ndim == 1 else _T().prod(self.shape))
    T = property(lambda self: _T().transpose(self))
    real = property(lambda self: _T().real(self))
    imag = property(lambda self: _T().imag(self))
    # numpy scalars and arrays on the left (np.float32(0.1) * x) defer to our reflected operators
    __array_ufunc__ = None
    __array_priority__ = 1000

    # methods
    def dimshuffle(self, *pattern): return _T().dimshuffle(self, *pattern)

    def reshape(self, shape, ndim=None):
        if ndim is not None and not isinstance(ndim, (int, np.integer)):
            raise ValueError("Expected ndim to be an integer, is " + str(type(ndim)))
        return _T().reshape(self, shape, ndim=ndim)

    def flatten(self, ndim=1): return _T().flatten(self, ndim)
    def ravel(self): return _T().flatten(self)

    def transpose(self, *axes):
        if not axes:
            return _T().transpose(self)
        try:
            iter(axes[0])
            iterable = True
        except TypeError:
            iterable = False
        return _T().transpose(self, axes[0] if len(axes) == 1 and iterable else axes)

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

    def norm(self, L, axis=None, keepdims=False):
        """Theano's method: (sum |x|**L)**(1/L), built from elementwise ops and a sum."""
        T = _T()
        if L == 0 or np.isinf(L):
            raise NotImplementedError(f"norm with L={L}: Theano's TensorVariable.norm raises here too")
        y = T.pow(T.pow(T.abs_(self), L).sum(axis=axis), 1.0 / L)
        return T.makeKeepDims(self, y, axis) if keepdims else y

    def max(self, axis=None, keepdims=False): return _T().max(self, axis, keepdims=keepdims)
    def min(self, axis=None, keepdims=False): return _T().min(self, axis, keepdims=keepdims)
    def argmax(self, axis=None, keepdims=False): return _T().argmax(self, axis, keepdims=keepdims)
    def argmin(self, axis=None, keepdims=False): return _T().argmin(self, axis, keepdims=keepdims)
    def all(self, axis=None, keepdims=False): return _T().all(self, axis=axis, keepdims=keepdims)
    def any(self, axis=None, keepdims=False): return _T().any(self, axis=axis, keepdims=keepdims)
    def dot(self, other): return _T().dot(self, other)
    def __dot__(self, other): return _T().dot(self, other)
    def __rdot__(self, other): return _T().dot(other, self)
    def clip(self, a_min, a_max): return _T().clip(self, a_min, a_max)
    def nonzero(self, return_matrix=False): return _T().nonzero(self, return_matrix=return_matrix)
    def nonzero_values(self): return _T().nonzero_values(self)
    def sort(self, axis=-1, kind="quicksort", order=None): return _T().sort(self, axis, kind, order)
    def argsort(self, axis=-1, kind="quicksort", order=None): return _T().argsort(self, axis, kind, order)
    def cumsum(self, axis=None): return _T().extra_ops.cumsum(self, axis)
    def cumprod(self, axis=None): return _T().extra_ops.cumprod(self, axis)
    def searchsorted(self, v, side="left", sorter=None): return _T().extra_ops.searchsorted(self, v, side, sorter)
    def repeat(self, repeats, axis=None): return _T().extra_ops.repeat(self, repeats, axis)
    def compress(self, a, axis=None): return _T().extra_ops.compress(self, a, axis=axis)
    def squeeze(self): return _T().extra_ops.squeeze(self)
    def round(self, mode=None): return _T().round(self, mode)
    def trace(self): return _T().nlinalg.trace(self)
    def ptp(self, axis=None): return _T().ptp(self, axis)
    def diagonal(self, offset=0, axis1=0, axis2=1): return _T().diagonal(self, offset, axis1, axis2)
    def swapaxes(self, axis1, axis2): return _T().swapaxes(self, axis1, axis2)
    def choose(self, choices, out=None, mode="raise"): return _T().choose(self, choices, out=None, mode="raise")
    def conj(self): return _T().conj(self)
    conjugate = conj
    def get_scalar_constant_value(self): return _T().get_scalar_constant_value(self)

    def copy(self, name=None):
        out = _T().tensor_copy(self)
        out.name = name
        return out

    def zeros_like(self, dtype=None): return _T().zeros_like(self, dtype=dtype)
    def ones_like(self, dtype=None): return _T().ones_like(self, dtype=dtype)
    def fill(self, value): return _T().fill(self, value)

    def transfer(self, target):
        """Theano's device transfer: XLA places arrays itself, so this is the variable unchanged."""
        return self

    arccos, arccosh, arcsin, arcsinh = (_method(n) for n in ("arccos", "arccosh", "arcsin", "arcsinh"))
    arctan, arctanh, ceil, cos, cosh = (_method(n) for n in ("arctan", "arctanh", "ceil", "cos", "cosh"))
    deg2rad, exp, exp2, expm1, floor = (_method(n) for n in ("deg2rad", "exp", "exp2", "expm1", "floor"))
    log, log10, log1p, log2, rad2deg = (_method(n) for n in ("log", "log10", "log1p", "log2", "rad2deg"))
    sin, sinh, sqrt, tan, tanh, trunc = (_method(n) for n in ("sin", "sinh", "sqrt", "tan", "tanh", "trunc"))

    def eval(self, inputs_to_values=None):
        """Compile (once per set of inputs) and run a function computing this variable."""
        from ..compile.function import function
        inputs_to_values = inputs_to_values or {}
        inputs = tuple(inputs_to_values)
        cache = self.__dict__.setdefault("_eval_cache", {})
        if inputs not in cache:
            cache[inputs] = function(list(inputs), self)
        return cache[inputs](*[inputs_to_values[i] for i in inputs])

    def __getstate__(self):
        state = dict(super().__getstate__())  # a shared variable's own state (its value as numpy) first
        state.pop("_eval_cache", None)  # compiled functions are rebuilt, not pickled
        return state


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


__all__ = ["TensorVariable", "TensorConstant", "AsTensorError", "_tensor_py_operators"]


# The rest of Theano's theano.tensor.var namespace.
from ..compat import PY3  # noqa: E402,F401
from ..config import config  # noqa: E402,F401
from ..gof.utils import hashtype  # noqa: E402,F401
from ..ops.math import ComplexError  # noqa: E402,F401
from .signature import TensorConstantSignature, equal_slices  # noqa: E402,F401
from .utils import hash_from_ndarray  # noqa: E402,F401

xrange = range
from ..ops.math import IntegerDivisionError  # noqa: E402,F401
