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
        raise MethodNotDefined("make_node", type(self), type(self).__name__)

    def __call__(self, *inputs, **kwargs):
        return_list = kwargs.pop("return_list", False)
        node = self.make_node(*inputs, **kwargs)
        if not isinstance(node, Apply):
            raise TypeError(f"{self}.make_node must return an Apply instance, got {node!r}")
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
        self.lower = lower
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


REGISTRY = {}


def lookup(name):
    if name not in REGISTRY:
        import theano_compat  # noqa: F401  (registers every op)
    return REGISTRY[name]


def is_tracer(x):
    return isinstance(x, jax.core.Tracer)


def primitive_name(node):
    """The name of the built-in op applied at `node`, or None for a user's Op (graph patterns match on it)."""
    return node.op.name if isinstance(node.op, Primitive) else None
