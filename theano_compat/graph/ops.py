"""Ops: Theano's Op base class, which user-written ops subclass, and the Primitive record of every built-in op.

Theano's contract for an op (theano.gof.Op): `make_node(*inputs)` returns an Apply; `__call__` returns its
default output; `perform` computes outputs from numpy inputs; `grad`/`L_op`, `R_op` and `infer_shape` are
optional; `__props__` gives equality, hashing and the printed name. A user's op is lowered with its
`perform` running on the host (compile/host.py).

A built-in op is a Primitive: one record per op holding its Theano name, type rule, JAX lowering and
gradient, so the compiler never runs Python per element and gradients are ordinary graph.
"""
import jax

from .constants import as_tensor_variable
from .nodes import Apply


class MethodNotDefined(Exception):
    """An op method that a subclass must define was called (theano.gof.utils.MethodNotDefined)."""


MethodNotDefined.__module__ = "theano.gof.utils"


class MetaObject(type):
    """Theano's metaclass for ops: `__props__` gives _props(), _props_dict(), ==, hash and str."""

    def __new__(mcs, name, bases, dct):
        props = dct.get("__props__")
        if props is not None:
            if not isinstance(props, tuple):
                raise TypeError("__props__ has to be a tuple")
            if not all(isinstance(p, str) for p in props):
                raise TypeError("elements of __props__ have to be strings")
            dct["_props"] = lambda self: tuple(getattr(self, a) for a in props)
            dct["_props_dict"] = lambda self: {a: getattr(self, a) for a in props}
            dct.setdefault("__hash__", lambda self: hash((type(self), self._props())))
            dct.setdefault("__eq__", lambda self, other: type(self) == type(other)
                           and self._props() == other._props())
            if "__str__" not in dct:
                dct["__str__"] = _props_str(props)
        return super().__new__(mcs, name, bases, dct)


def _props_str(props):
    def __str__(self):
        if not props:
            return type(self).__name__
        return "%s{%s}" % (type(self).__name__, ", ".join("%s=%r" % (p, getattr(self, p)) for p in props))
    return __str__


class Op(metaclass=MetaObject):
    """theano.Op / theano.gof.Op: subclass it with make_node and perform (and optionally grad, R_op,
    infer_shape, __props__); instances are called on variables to build graph."""

    default_output = None
    view_map = {}
    destroy_map = {}

    def make_node(self, *inputs):
        """Theano's default: an op typed by its `itypes` and `otypes` lists."""
        if not hasattr(self, "itypes") or not hasattr(self, "otypes"):
            raise NotImplementedError("You can either define itypes and otypes, or implement make_node")
        if len(inputs) != len(self.itypes):
            raise ValueError(f"We expected {len(self.itypes)} inputs but got {len(inputs)}.")
        if not all(i.type == t for i, t in zip(inputs, self.itypes)):
            raise TypeError(f"We expected inputs of types '{list(self.itypes)}' but got types "
                            f"'{[i.type for i in inputs]}' ")
        return Apply(self, list(inputs), [t() for t in self.otypes])

    def __call__(self, *inputs, **kwargs):
        return_list = kwargs.pop("return_list", False)
        node = self.make_node(*inputs, **kwargs)
        if not isinstance(node, Apply):
            raise TypeError(f"{self}.make_node must return an Apply instance, got {node!r}")
        for hook in BUILT:
            hook(node)
        if self.default_output is not None:
            out = node.outputs[self.default_output]
            return [out] if return_list else out
        if return_list:
            return list(node.outputs)
        return node.outputs[0] if len(node.outputs) == 1 else node.outputs

    def __ne__(self, other):
        return not self == other

    def L_op(self, inputs, outputs, output_grads):
        return self.grad(inputs, output_grads)

    def R_op(self, inputs, eval_points):
        raise NotImplementedError(
            f"{self} of class {type(self).__name__} does not implement R_op. If this is a theano op, write to "
            "the theano-dev mailing list for assistance. If it is your own op, implement the R_op method.")

    def perform(self, node, inputs, output_storage, params=None):
        raise MethodNotDefined("perform", type(self), type(self).__name__,
                               "Did you used Theano flags mode=FAST_COMPILE? You can use "
                               "optimizer=fast_compile instead.")

    def do_constant_folding(self, node):
        return True

    def get_params(self, node):
        raise MethodNotDefined("get_params")

    def prepare_node(self, node, storage_map, compute_map, impl):
        """Theano calls it before making a thunk; nothing to prepare for XLA."""

    def describe(self, node):
        """How a node of this op prints in str() and debugprint (Theano: str(op))."""
        return str(self)

    # C code is never compiled here: what Theano's C linker would have asked is answered as "none".
    def c_code_cache_version(self):
        return ()

    def c_code(self, node, name, inputs, outputs, sub):
        raise MethodNotDefined(f"{type(self).__name__}.c_code", type(self), type(self).__name__)


class OpenMPOp(Op):
    """theano.OpenMPOp: an op whose C code may use OpenMP; XLA decides threading here, the flag is kept."""

    def __init__(self, openmp=None):
        self.openmp = bool(openmp)


PureOp = Op  # Theano's PureOp is Op without the C interface: one class serves both names here


class Primitive(Op):
    """A built-in op: its Theano name, type rule, JAX lowering and gradient, in one record.

    infer(*inputs, **params) -> list of output TensorTypes (the single source of truth for dtypes)
    lower(*arrays, **params) -> an array, or a tuple of arrays for several outputs
    grad(inputs, outputs, output_grads, **params) -> one symbolic gradient per input (None: disconnected);
        without it, the gradient is an op whose lowering calls jax.vjp on `lower` (compile/gradient.py).
        Stored as `grad_rule`: `grad` is the name of Theano's Op method.
    static(*arrays, **params) -> hashable; for ops whose output shape depends on input *values* (a slice
        with symbolic bounds, arange(n), a boolean mask): it is computed before the step runs and handed to
        `lower` as `static=`, so one compiled step serves every value that gives the same shapes.
        static_args(node) -> the positions of the inputs whose values it reads; only when one of them
        is traced does the step need the key computed ahead (otherwise it is computed while tracing).
    The parameters of one application (dtype, axis, ...) live on its Apply node (`node.params`): one
    Primitive serves every application.
    """

    expands = False  # an output much larger than the inputs (alloc, eye, ...): not constant-folded

    def __init__(self, name, infer, lower, grad=None, static=None, static_args=None, describe=None,
                 register=True):
        self.name = name
        self.infer = infer
        # `lowering` is what the compiler calls: Theano ops with a `lower` prop (Cholesky, Solve,
        # Eigvalsh) shadow `lower` on the copies carrying their props
        self.lower = self.lowering = lower
        self.grad_rule = grad
        self.static = static
        self.static_args = static_args
        self._describe = describe
        if register:
            if name in REGISTRY:
                raise ValueError(f"op {name!r} registered twice")
            REGISTRY[name] = self

    def make_node(self, *inputs, **params):
        inputs = [as_tensor_variable(i) for i in inputs]
        return Apply.from_types(self, inputs, self.infer(*inputs, **params), params)

    def describe(self, node):
        return self._describe(node) if self._describe else self.name

    def do_constant_folding(self, node):
        return not self.expands

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"Op({self.name})"

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def __reduce__(self):
        # Primitives are module-level singletons: a pickle names them, so unpickling finds the same record.
        return (lookup, (self.name,))


class OpClass(MetaObject):
    """The metaclass of Theano's op classes (Elemwise, DimShuffle, Pool, ...), which are Primitive subclasses.

    Calling such a class takes Theano's constructor arguments (`T.Elemwise(scalar.add)`,
    `DimShuffle((False,), ['x', 0])`) and gives the op Theano code expects: the registered record, or a
    copy of it carrying Theano's props, whose make_node turns the props into the record's parameters. The
    records themselves are made with `cls.record(name, infer, lower, ...)`.
    """

    def __call__(cls, *args, **kwargs):
        return cls.from_props(*args, **kwargs)


class TheanoOp(Primitive, metaclass=OpClass):
    """A built-in op of one of Theano's op classes (see OpClass)."""

    props = ()  # the names of Theano's props, for ops built from them
    # node_props(node) -> Theano's props of the op of one application (Sum.axis, Reshape.ndim), where they
    # vary per node; node_class(node) -> Theano's class of that application, where one record serves several
    # of Theano's classes (Subtensor / AdvancedSubtensor1 / ...). Either makes the node's op a copy of the
    # record (same lowering) carrying them, and its str() Theano's; the record itself stays the builders'.
    node_props = None
    node_class = None

    @classmethod
    def record(cls, *args, **kwargs):
        op = cls.__new__(cls)
        Primitive.__init__(op, *args, **kwargs)
        return op

    @classmethod
    def from_props(cls, *args, **kwargs):
        raise TypeError(f"theano_compat does not build {cls.__name__} ops from Theano's constructor; use the "
                        "theano.tensor function that makes them")

    def with_props(self, _cls=None, **props):
        """A copy of this record carrying Theano's props; equal to another copy with the same props."""
        op = object.__new__(_cls or type(self))
        op.__dict__.update(self.__dict__)
        op.__dict__.update(props)
        op.props = tuple(props)
        op.__props__ = op.props  # Theano's name for them, which code reads (op.__props__, op._props())
        return op

    def constructed(self, build, **props):
        """The op Theano's constructor gives (`T.Alloc()`, `Reshape(2)`): a copy of this record with the props,
        whose application is build(op, *inputs) -> the output variable(s) of the shim's builder function."""
        op = self.with_props(**props)
        op._build = build
        return op

    def make_node(self, *inputs, **params):
        build = self.__dict__.get("_build")
        if build is not None and not params:
            out = build(self, *inputs)
            return (out[0] if isinstance(out, (list, tuple)) else out).owner
        node = super().make_node(*inputs, **params)
        if params:
            self.dress(node)
        return node

    def dress(self, node):
        """Give the node Theano's op of its application (see node_props); build-time only (one small copy per
        node): the compiled step never sees it."""
        if self.node_props is not None or self.node_class is not None:
            props = self.node_props(node) if self.node_props is not None else {}
            op = self.with_props(self.node_class(node) if self.node_class is not None else None, **props)
            op._str = self.describe(node)
            node.op = op

    def __str__(self):
        # Theano's str of an op without per-node props is its class name (Alloc, Shape, SpecifyShape, ...)
        return self.__dict__.get("_str") or type(self).__name__

    def __repr__(self):
        return str(self)

    def __reduce__(self):
        # a copy carrying props pickles as its record plus the props (the record alone would lose them)
        if not self.props:
            return super().__reduce__()
        return (_with_props, (self.name, self._props_dict(), self.__dict__.get("__props__"), type(self)))

    def _props(self):
        return tuple(getattr(self, p) for p in self.props)

    def _props_dict(self):
        return {p: getattr(self, p) for p in self.props}

    def __eq__(self, other):
        # one record per name: a record equals its copies of the same class and props (Alloc() == alloc's op)
        return type(other) is type(self) and other.name == self.name and other._props() == self._props()

    def __hash__(self):
        return hash((type(self), self.name, _hashable(self._props())))


class PropsOp(TheanoOp):
    """A Theano op class whose props (its constructor's arguments) are node params of its record:
    `CumOp(axis=0, mode='mul')(x)` applies `cumprod_op` with axis=0. Subclasses name the props their record
    takes as params (`param_names`; props such as Cholesky's `destructive` are Theano's only) and define
    from_props (Theano's constructor checks; which record). str is Theano's default for an op with props."""

    param_names = ()

    @classmethod
    def record(cls, *args, **kwargs):
        op = super().record(*args, **kwargs)
        if "first_record" not in cls.__dict__:
            cls.first_record = op
        return op

    @classmethod
    def from_props(cls):
        """Theano's constructor of an op without props: the class's (first) record."""
        return cls.first_record

    def make_node(self, *inputs, **params):
        if not params and self.props:
            params = {p: getattr(self, p) for p in self.param_names}
        return super().make_node(*inputs, **params)

    def __str__(self):
        return _props_str(self.props)(self)

    def describe(self, node):
        return str(self) if self.props else super().describe(node)  # debugprint prints Theano's str


def _with_props(name, props, theano_props=None, cls=None):
    """Unpickling an op that carries props: its record, the props, and its class (a subclass may share its
    base's record, as MultinomialWOReplacementFromUniform does)."""
    op = lookup(name).with_props(**props)
    if theano_props is not None:
        op.__props__ = theano_props
    if cls is not None:
        op.__class__ = cls
    return op


def _hashable(value):
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, slice):  # Subtensor.idx_list entries (slices are unhashable before Python 3.12)
        return ("slice", _hashable(value.start), _hashable(value.stop), _hashable(value.step))
    return value


REGISTRY = {}
# Called with every node built by calling an op (compile/test_values.py: Theano's test values).
BUILT = []


def lookup(name):
    # A pickle that names a Primitive also names the variable classes of theano_compat.tensor, whose import
    # has registered every op by the time this runs.
    return REGISTRY[name]


def is_tracer(x):
    return isinstance(x, jax.core.Tracer)


def primitive_name(node):
    """The name of the built-in op applied at `node`, or None for a user's Op (graph patterns match on it)."""
    return node.op.name if isinstance(node.op, Primitive) else None


def may_fail(node):
    """Whether the node may fail at call time: a value check Theano makes (int // 0, an index out of range),
    or a user Op's perform (host code may raise). A step with one keeps its buffers, so that a failed call
    changes no shared variable."""
    if not isinstance(node.op, Primitive):
        inner = getattr(node.op, "inner_may_fail", None)  # an op lowered from its own graph (OpFromGraph)
        return True if inner is None else inner()
    return bool(getattr(node.op, "checks", None) and node.op.checks(node))
