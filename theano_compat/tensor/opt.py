"""theano.tensor.opt: the ops legacy code takes from Theano's optimizer module (Assert, MakeVector).
Graph optimisations themselves are XLA's business here."""
from ..graph import dtypes as D
from ..ops.basic import make_vector as _make_vector
from ..ops.checks import assert_ as _assert


class Assert:
    """Assert(msg)(x, *conds): x, once every (scalar) condition holds at call time (AssertionError)."""

    def __init__(self, msg="Theano Assert failed!"):
        self.msg = msg

    def __call__(self, value, *conds):
        return _assert(value, *conds, msg=self.msg)


class MakeVector:
    """MakeVector(dtype='int64')(*scalars): a vector of the scalars, upcast (never downcast) to dtype."""

    def __init__(self, dtype="int64"):
        self.dtype = dtype

    def __call__(self, *inputs):
        from .basic import as_tensor_variable
        inputs = [as_tensor_variable(i) for i in inputs]
        if inputs and D.upcast(self.dtype, *[i.dtype for i in inputs]) != self.dtype:
            raise AssertionError("The upcast of the inputs to MakeVector should match the dtype given in __init__.")
        return _make_vector(*inputs, dtype=self.dtype)


assert_op = Assert()
make_vector = MakeVector()

__all__ = ["Assert", "MakeVector", "assert_op", "make_vector"]
