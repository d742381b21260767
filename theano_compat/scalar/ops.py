"""theano.scalar's op classes: ScalarOp and its families, with Theano's construction, equality, hash and str.

A scalar op is linked to the elementwise op of the same computation (ops/elementwise.py's records: T.add for
scalar.add): its lowering is that record's JAX lowering applied to 0-d arrays, its gradient that record's rule
seen through 0-d tensors, and Elemwise(op) is that record. An op without a link (a user's subclass with
`impl`) runs its `impl` on the host, as Theano's perform does.
"""
import numpy as np

from ..graph.nodes import Apply
from ..graph.ops import MethodNotDefined, Op
from ..graph.types import Type
from .type import as_scalar, bool as bool_type, get_scalar_type, integer_types  # noqa: F401


class ScalarOp(Op):
    """Theano's ScalarOp: ScalarOp(output_types_preference=None, name=None)."""

    nin = -1
    nout = 1
    link = None  # (elementwise record, its params): set for Theano's own instances by scalar/basic.py

    def __init__(self, output_types_preference=None, name=None):
        self.name = name
        if output_types_preference is not None:
            if not callable(output_types_preference):
                raise TypeError(f"Expected a callable for the 'output_types_preference' argument to "
                                f"{self.__class__}. (got: {output_types_preference})")
            self.output_types_preference = output_types_preference

    def make_node(self, *inputs):
        if self.nin >= 0 and len(inputs) != self.nin:
            raise TypeError("Wrong number of inputs for %s.make_node (got %i(%s), expected %i)"
                            % (self, len(inputs), str(inputs), self.nin))
        inputs = [as_scalar(i) for i in inputs]
        outputs = [t() for t in self.output_types([i.type for i in inputs])]
        if len(outputs) != self.nout:
            raise TypeError(f"Not the right number of outputs produced for {self}({', '.join(map(str, inputs))})."
                            f" Expected {self.nout}, got {len(outputs)}.")
        return Apply(self, inputs, outputs)

    def output_types(self, types):
        if hasattr(self, "output_types_preference"):
            variables = self.output_types_preference(*types)
            if not isinstance(variables, (list, tuple)) or any(not isinstance(x, Type) for x in variables):
                raise TypeError("output_types_preference should return a list or a tuple of types",
                                self.output_types_preference, variables)
            if len(variables) != self.nout:
                raise TypeError(f"Not the right number of outputs types produced for {self}"
                                f"({', '.join(map(str, variables))}) by {self.output_types_preference}. "
                                f"Expected {self.nout}, got {len(variables)}.")
            return variables
        if self.link is not None:  # the elementwise op's dtype rule (Theano's class-level output_types)
            return [get_scalar_type(self.link[0].rule(*[t.dtype for t in types]))]
        raise NotImplementedError(f"Cannot calculate the output types for {self}")

    # --- computing ---

    def lower_node(self, node, args, keys):
        """The node's value from 0-d arrays, with the elementwise op's JAX lowering (compile/lower.py)."""
        if self.link is None:
            from ..compile.host import lower_perform
            return lower_perform(node, args)  # a user's scalar op: its impl, on the host
        record, params = self.link
        dtype = node.outputs[0].type.dtype
        return record.lower(*args, dtype=dtype, bcast=((),) * len(args), **params)

    def impl(self, *inputs):
        if self.link is None:
            raise MethodNotDefined("impl", type(self), self.__class__.__name__)
        out = self.make_node(*[_typed_constant(i) for i in inputs])
        value = self.lower_node(out, [np.asarray(i) for i in inputs], None)
        return np.asarray(value, dtype=out.outputs[0].type.dtype)[()]

    def perform(self, node, inputs, output_storage, params=None):
        if self.nout == 1:
            output_storage[0][0] = self.impl(*inputs)
        else:
            for storage, value in zip(output_storage, self.impl(*inputs)):
                storage[0] = value

    # --- gradient: the elementwise op's rule, on 0-d tensors ---

    def L_op(self, inputs, outputs, output_gradients):
        if self.link is None:
            return self.grad(inputs, output_gradients)
        from ..gradient import disconnected_type
        from .convert import as_tensor_of
        record, params = self.link
        tin, tout = [as_tensor_of(i) for i in inputs], [as_tensor_of(o) for o in outputs]
        tg = [as_tensor_of(as_scalar(g)) for g in output_gradients]
        terms = record.grad_rule(tin, tout, tg, dtype=outputs[0].type.dtype, bcast=((),) * len(tin), **params)
        memo = {}
        return [disconnected_type() if t is None else t if not hasattr(t.type, "broadcastable")
                else as_scalar_graph(t, memo) for t in terms]

    def grad(self, inputs, output_gradients):
        raise MethodNotDefined("grad", type(self), self.__class__.__name__)

    # --- Theano's identity and printing ---

    def __eq__(self, other):
        return (type(self) == type(other) and getattr(self, "output_types_preference", None)
                == getattr(other, "output_types_preference", None))

    def __hash__(self):
        return hash((type(self), getattr(self, "output_types_preference", 0)))

    def __str__(self):
        if getattr(self, "name", None):
            return self.name
        param = [(k, v) for k, v in self.__dict__.items()
                 if k not in ("name", "_op_use_c_code", "bool", "output_types_preference", "link")]
        if param:
            return "%s{%s}" % (self.__class__.__name__, ", ".join("%s=%s" % (k, v) for k, v in param))
        return self.__class__.__name__

    def make_elemwise(self):
        """The elementwise op applying this scalar op (T.Elemwise(op)), or TypeError."""
        record, params = self.link or (None, None)
        if record is None or params:
            raise TypeError(f"theano_compat has no elementwise op for the scalar op {self}")
        return record

    def c_code_cache_version(self):
        return (4,)

    def supports_c_code(self, inputs, outputs):
        return False


def as_scalar_graph(t, memo):
    """The 0-d tensor graph `t` (an elementwise op's gradient rule's answer) rewritten with scalar ops, so a
    scalar op's gradient is a scalar graph as in Theano; what has no scalar op stays a ScalarFromTensor."""
    from ..graph.nodes import Constant
    from .convert import TensorFromScalar, scalar_from_tensor
    if t in memo:
        return memo[t]
    node, out = t.owner, None
    if node is None:
        if isinstance(t, Constant) and t.ndim == 0:
            out = get_scalar_type(t.dtype).make_constant(t.data[()])
    elif isinstance(node.op, TensorFromScalar):
        out = node.inputs[0]
    elif all(i.ndim == 0 for i in node.inputs) and len(node.outputs) == 1:
        out = _scalar_node(node, [as_scalar_graph(i, memo) for i in node.inputs])
    if out is None or out.type.dtype != t.dtype:
        out = scalar_from_tensor(t)
    memo[t] = out
    return out


def _scalar_node(node, inputs):
    """The scalar version of one 0-d node: its Elemwise's scalar op, a cast, or a 0-d DimShuffle's input."""
    from ..ops.shape import DimShuffle
    scalar_op = getattr(node.op, "scalar_op", None)
    if isinstance(scalar_op, ScalarOp) and set(node.params) <= {"dtype", "bcast"}:
        return scalar_op(*inputs)
    if getattr(node.op, "name", None) == "cast":
        from .basic import cast
        return cast(inputs[0], node.params["dtype"])
    if isinstance(node.op, DimShuffle):
        return inputs[0]
    return None


def _typed_constant(value):
    value = np.asarray(value)
    return get_scalar_type(str(value.dtype)).make_constant(value[()])


class UnaryScalarOp(ScalarOp):
    nin = 1
    amd_float32 = None
    amd_float64 = None


class BinaryScalarOp(ScalarOp):
    nin = 2


class _Comparison:
    """A comparison's Theano quirks: a `bool` flag (old pickles) taking part in equality."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bool = True

    def __eq__(self, other):
        return super().__eq__(other) and getattr(self, "bool", False) == getattr(other, "bool", False)

    def __hash__(self):
        return super().__hash__()


class LogicalComparison(_Comparison, BinaryScalarOp):
    """A comparison: a bool output; gradients are zeros (of floatX), as in Theano."""


class FixedLogicalComparison(_Comparison, UnaryScalarOp):
    """A comparison with a fixed value (isnan, isinf)."""


class UnaryBitOp(UnaryScalarOp):
    def output_types(self, *input_types):
        for i in input_types[0]:
            if i not in (bool_type,) + integer_types:
                raise TypeError(f"input to a BitOp must have type (u)int8, (u)int16, (u)int32 or (u)int64 or "
                                f"be all bools not {i}")
        return [input_types[0][0]]


class BinaryBitOp(BinaryScalarOp):
    def output_types(self, *input_types):
        t0, t1 = input_types[0]
        if t0 == bool_type and t1 == bool_type:
            return [bool_type]
        for i in input_types[0]:
            if i not in integer_types:
                raise TypeError(f"input to a BitOp must have type (u)int8, (u)int16, (u)int32 or (u)int64 or "
                                f"be all bools not {i}")
        from .rules import upcast_out
        return upcast_out(*input_types[0])


def attach(namespace):
    """Make each instance in `namespace` the scalar_op of the elementwise op it is linked to (T.add.scalar_op
    is scalar.add, as in Theano)."""
    for op in list(namespace.values()):
        if isinstance(op, ScalarOp) and op.link is not None and not op.link[1]:
            op.link[0].scalar_op = op


def linked_class(cls_name, record, base, module, **attrs):
    """Theano's scalar op class `cls_name` (of Theano's module `module`), linked to the elementwise record
    named `record`."""
    from ..graph.ops import REGISTRY
    cls = type(cls_name, (base,), dict(attrs, __doc__=f"Theano's scalar {cls_name} op.",
                                       __module__=module.replace("theano.", "theano_compat.", 1)))
    cls.link = (REGISTRY[record], {})
    return cls


def linked_op(cls_name, record, base, module, otp, name):
    """A linked class (see linked_class) and its instance, made the record's scalar_op."""
    cls = linked_class(cls_name, record, base, module)
    op = cls(otp, name=name)
    cls.link[0].scalar_op = op
    return cls, op
