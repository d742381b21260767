"""theano.scalar's output-type rules (output_types_preference): Scalar types in, a tuple of Scalar types out.

Each is graph.dtypes' rule of the same name (the single source of truth, on dtype names) seen through
Scalar types, so a scalar op and the tensor op of the same name always agree.
"""
from ..graph import dtypes as D
from .type import bool, complex64, complex128, complex_types, float64, get_scalar_type, int64  # noqa: A004


def _typed(rule, nin=None):
    """The Scalar-typed version of a graph.dtypes rule, named as Theano's."""
    def typed(*types):
        return (get_scalar_type(rule(*[t.dtype for t in types])),)
    typed.__name__ = typed.__qualname__ = rule.__name__
    typed.__doc__ = f"Theano's {rule.__name__} on Scalar types."
    return typed


upcast_out = _typed(D.upcast_out)
upcast_out_nobool = _typed(D.upcast_out_nobool)
upcast_out_min8 = _typed(D.upcast_out_min8)
upcast_out_no_complex = _typed(D.upcast_out_no_complex)
upgrade_to_float = _typed(D.upgrade_to_float)
upgrade_to_float_no_complex = _typed(D.upgrade_to_float_no_complex)
upgrade_to_float64 = _typed(D.upgrade_to_float64)
same_out = _typed(D.same_out)
same_out_nobool = _typed(D.same_out_nobool)
same_out_min8 = _typed(D.same_out_min8)
same_out_nocomplex = _typed(D.same_out_nocomplex)
same_out_float_only = _typed(D.same_out_float_only)
real_out = _typed(D.real_out)


def int_out(*types):
    return (int64,)


def float_out(*types):
    return (float64,)


def _no_complex(types):
    if any(t in complex_types for t in types):
        raise TypeError("complex argument not supported")


def int_out_nocomplex(*types):
    _no_complex(types)
    return (int64,)


def float_out_nocomplex(*types):
    _no_complex(types)
    return (float64,)


class transfer_type:
    """Theano's transfer_type(i, ...): output k has the type of input transfer[k] (None: the upcast)."""

    __props__ = ("transfer",)

    def __init__(self, *transfer):
        assert all(type(x) in [int, str] or x is None for x in transfer)
        self.transfer = transfer

    def __str__(self):
        return "transfer_type{%s}" % ", ".join(map(str, self.transfer)) if len(self.transfer) != 1 \
            else "transfer_type{%s}" % self.transfer[0]

    def __call__(self, *types):
        upcast = upcast_out(*types)
        return [upcast if i is None else i if isinstance(i, str) else types[i] for i in self.transfer]

    def __eq__(self, other):
        return type(other) is type(self) and other.transfer == self.transfer

    def __hash__(self):
        return hash((transfer_type, self.transfer))


class specific_out:
    """Theano's specific_out(type, ...): the given output types whatever the inputs."""

    __props__ = ("spec",)

    def __init__(self, *spec):
        self.spec = spec

    def __str__(self):
        return "specific_out{spec=%r}" % (self.spec,)

    def __call__(self, *types):
        return self.spec

    def __eq__(self, other):
        return type(other) is type(self) and other.spec == self.spec

    def __hash__(self):
        return hash((specific_out, self.spec))


class unary_out_lookup:
    """Theano's unary_out_lookup({int8: int32, ...}): output types looked up from the input type."""

    def __init__(self, type_table):
        self.tbl = type_table

    def __call__(self, *types):
        if len(types) == 1:
            types = types[0]
        try:
            rval = self.tbl[types]
        except Exception:  # noqa: BLE001 - Theano's
            raise TypeError(types) from None
        return rval if isinstance(types, (list, tuple)) else [rval]

    def __eq__(self, other):
        return type(self) is type(other) and self.tbl == other.tbl

    def __hash__(self):
        return hash(type(self))


def upcast(dtype, *dtypes):
    """theano.scalar.upcast: the dtype numpy gives adding 0-d arrays of these dtypes ('floatX' allowed)."""
    from ..config import config
    return D.upcast(*[config.floatX if d == "floatX" else d for d in (dtype,) + dtypes])


# used by Sgn, Complex, ... (class-level rules in Theano)
def sgn_rule(x):
    if x == bool:
        raise TypeError("sgn() does not support bool input")  # Theano: same_out_nocomplex, less bool
    return same_out_nocomplex(x)


def complex_rule(x, y):
    for t in (x, y):
        if t in complex_types:
            raise TypeError(t)
    wide = D.upcast(x.dtype, y.dtype) in ("float64", "int64", "uint64", "int32", "uint32")
    return (complex128,) if wide else (complex64,)

