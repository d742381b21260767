"""Theano's Assert (theano.tensor.opt.assert_op): x, after checking conditions at call time."""

from ..graph.ops import TheanoOp
from ..graph.constants import as_tensor_variable


def _assert_lower(x, *conds, msg):
    from ..compile.lower import runtime_check
    for c in conds:
        runtime_check(lambda c: c != 0, AssertionError, msg, operands=(c,))
    return x


class Assert(TheanoOp):
    """Theano's Assert(msg) (tensor.opt): T.opt.assert_op / Assert(msg)(x, *conds) makes its nodes."""

    @classmethod
    def from_props(cls, msg="Theano Assert failed!"):
        return assert_op.constructed(lambda op, x, *conds: assert_op(x, *conds, msg=op.msg), msg=msg)

    def node_props(self, node):
        return {"msg": node.params["msg"]}


class SpecifyShape(TheanoOp):
    """Theano's SpecifyShape: T.specify_shape makes its nodes; SpecifyShape()(x, shape) is T.specify_shape."""

    @classmethod
    def from_props(cls):
        return specify_shape_op.constructed(lambda op, x, shape: specify_shape(x, shape))


assert_op = Assert.record("assert_", lambda x, *conds, msg: [x.type], _assert_lower,
               lambda inputs, outputs, gouts, msg: [gouts[0]] + [None] * (len(inputs) - 1),
               describe=lambda node: "Assert{msg='%s'}" % node.params["msg"])
assert_op.checks = lambda node: True


def assert_(value, *conds, msg="Theano Assert failed!"):
    """value, once every condition is true (AssertionError at call time otherwise)."""
    conds = [as_tensor_variable(c) for c in conds]
    for c in conds:
        if c.ndim != 0:
            raise TypeError("Assert conditions must be scalars")
    return assert_op(as_tensor_variable(value), *conds, msg=msg)


def _specify_lower(x, *shape):
    from ..compile.lower import runtime_check
    if x.ndim != len(shape):
        raise AssertionError(f"SpecifyShape: got {x.ndim} dimensions, expected {len(shape)}")
    for k, s in enumerate(shape):
        runtime_check(lambda s, n=x.shape[k]: s == n, AssertionError,
                      f"SpecifyShape: dim {k} of input has shape {x.shape[k]}, expected {{s}}.", operands=(s,),
                      s=lambda s: s)
    return x


specify_shape_op = SpecifyShape.record("specify_shape", lambda x, *shape: [x.type], _specify_lower,
                      lambda inputs, outputs, gouts: [gouts[0]] + [None] * (len(inputs) - 1),
                      describe=lambda node: "SpecifyShape")
specify_shape_op.checks = lambda node: True


def specify_shape(x, shape):
    """theano.compile.specify_shape: x, with its shape checked at call time."""
    x = as_tensor_variable(x)
    shape = [as_tensor_variable(s) for s in (shape if isinstance(shape, (list, tuple)) else
                                             [shape[i] for i in range(x.ndim)])]
    if len(shape) != x.ndim:
        raise AssertionError(f"SpecifyShape: got {x.ndim} dimensions, expected {len(shape)}")
    return specify_shape_op(x, *shape)
