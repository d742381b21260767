"""theano.tensor.type_other: None and slices as graph values (NoneConst, SliceConstant)."""
from ..graph.types import Generic, Type
from ..gof.utils import hashtype  # noqa: F401
from ..graph.nodes import Apply, Constant  # noqa: F401
from ..stand_ins import declare_unsupported

declare_unsupported(globals(), "symbolic slice objects are not graph values here: index with Python slices, "
                    "whose bounds may be symbolic scalars", classes="MakeSlice", objects="make_slice")


class SliceType(Type):
    """Theano's type of slice values (SliceConstant's type)."""

    def filter(self, x, strict=False, allow_downcast=None):
        if isinstance(x, slice):
            return x
        raise TypeError("Expected a slice!")

    def __str__(self):
        return "slice"

    def __eq__(self, other):
        return type(self) == type(other)

    def __hash__(self):
        return hash(type(self))

    @staticmethod
    def may_share_memory(a, b):
        return isinstance(a, slice) and a is b


slicetype = SliceType()


class NoneTypeT(Generic):
    """Theano's type of None (NoneConst's type)."""

    def filter(self, x, strict=False, allow_downcast=None):
        if x is None:
            return x
        raise TypeError("Expected None!")

    @staticmethod
    def may_share_memory(a, b):
        return False


none_type_t = NoneTypeT()


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


NoneConst = _NoneConstant(none_type_t, None, name="NoneConst")


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
