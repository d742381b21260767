"""theano.tensor.type_other: None and slices as graph values (NoneConst, SliceConstant)."""
from ..graph.types import Generic
from ..gof.utils import hashtype  # noqa: F401
from ..graph.nodes import Apply, Constant  # noqa: F401
from ..stand_ins import declare_unsupported

declare_unsupported(globals(), "symbolic slice objects are not graph values here: index with Python slices, "
                    "whose bounds may be symbolic scalars", objects="make_slice")


class SliceConstant(Constant):
    """A constant slice(start, stop, step)."""

    def __init__(self, type, data, name=None):
        assert isinstance(data, slice)
        data = slice(*(int(v) if hasattr(v, "ndim") and v.ndim == 0 else v
                       for v in (data.start, data.stop, data.step)))
        Constant.__init__(self, type, data, name)

    def signature(self):
        return (SliceConstant, self.data.start, self.data.stop, self.data.step)

    def __str__(self):  # noqa: D105
        return "%s{%s, %s, %s}" % (type(self).__name__, self.data.start, self.data.stop, self.data.step)


class _NoneConstant(Constant):
    def __str__(self):
        return "NoneConst"


NoneConst = _NoneConstant(Generic(), None, name="NoneConst")  # Theano: a Constant of NoneTypeT


def _is_none_const(x):
    return x is NoneConst or (isinstance(x, Constant) and x.value is None)


def as_int_none_variable(x):
    """None (or NoneConst) as NoneConst; anything else as an integer scalar variable."""
    if x is None:
        return NoneConst
    if _is_none_const(x):
        return x
    from .basic import as_tensor_variable
    from ..graph.dtypes import integer_dtypes
    x = as_tensor_variable(x, ndim=0)
    if x.type.dtype not in integer_dtypes:
        raise TypeError("index must be integers")
    return x

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
