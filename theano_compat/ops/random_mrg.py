"""MRG_RandomStreams' ops: Theano's mrg_uniform, MultinomialFromUniform and ChoiceFromUniform, and the
normal transforms, each lowered onto the bit-exact MRG31k3p kernel in theano_compat.ops.mrg.

mrg_uniform follows Theano's pattern: (rstate, size) -> (new rstate, sample), the new rstate being the
default update of the shared rstate. The normal transforms are single ops here (Theano builds them from
elementwise ops) because the kernel reproduces the exact float operations of Theano's fused C loops.
"""
import numpy as np

from ..graph.constants import as_tensor_variable
from ..graph.nodes import Constant
from ..graph.ops import Primitive, PropsOp, TheanoOp, primitive_name
from ..graph.types import TensorType
from . import mrg
from .basic import NotScalarConstantError, cast, get_scalar_constant_value
from .shape import get_vector_length


def _undefined(name):
    def grad(inputs, outputs, gouts, **params):
        from ..graph.null import undefined_grad
        return [undefined_grad(i, name, f"This variable is Null because the grad method for input {k} ({i}) "
                               f"of the {name} op is mathematically undefined. No gradient defined through "
                               "random sampling op") for k, i in enumerate(inputs)]
    return grad


def _shape_key(shape):
    return tuple(int(s) for s in np.asarray(shape))


def _n_elements(shape):
    return int(np.prod(shape, dtype=np.int64))


# --- mrg_uniform: (rstate, size) -> (new rstate, uniform sample in (0, 1)) ---

def _uniform_lower(rstate, size, static, dtype, bcast):
    if len(static) != len(bcast):
        raise ValueError(f"mrg_uniform: size {static} does not have {len(bcast)} dimensions")
    new, u = mrg.mrg_uniform(rstate, _n_elements(static), dtype)
    return new, u.reshape(static)


class mrg_uniform(TheanoOp):  # noqa: N801  (Theano's class name)
    """Theano's mrg_uniform(output_type, inplace=False): (rstate, size) -> (new rstate, sample)."""

    @classmethod
    def from_props(cls, output_type, inplace=False):
        return mrg_uniform_op.with_props(output_type=output_type, inplace=inplace)

    @classmethod
    def new(cls, rstate, ndim, dtype, size):
        """Theano's entry point: the (new rstate, sample) pair of a uniform draw of this size."""
        v_size = as_tensor_variable(size)
        if ndim is None:
            ndim = get_vector_length(v_size)
        return cls(TensorType(dtype, (False,) * ndim))(rstate, v_size)

    def make_node(self, rstate, size, **params):
        if params or not self.props:
            return super().make_node(rstate, size, **params)
        v_size = as_tensor_variable(size)
        bcast = size_broadcastable(v_size, self.output_type.ndim)
        return super().make_node(rstate, cast(v_size, "int64"), dtype=self.output_type.dtype, bcast=bcast)

    def __str__(self):
        if not self.props:
            return "mrg_uniform"
        return f"mrg_uniform{{{self.output_type},{'inplace' if self.inplace else 'no_inplace'}}}"


def size_broadcastable(size, ndim):
    """Theano: a dimension of a draw's size that is the constant 1 is broadcastable."""
    if isinstance(size, Constant):
        return tuple(bool(s == 1) for s in size.data)
    if size.owner is not None and primitive_name(size.owner) == "make_vector":
        return tuple(_is_one(s) for s in size.owner.inputs)
    return (False,) * ndim


def _is_one(s):
    """Whether a size entry is the constant 1, through casts (Theano's extract_constant(s) == 1)."""
    if isinstance(s, (int, np.integer)):
        return s == 1
    try:
        return bool(get_scalar_constant_value(s) == 1)
    except NotScalarConstantError:
        return False


mrg_uniform_base = mrg_uniform  # Theano's CPU/GPU base class: one class serves here

mrg_uniform_op = mrg_uniform.record(
    "mrg_uniform", lambda rstate, size, dtype, bcast: [rstate.type, TensorType(dtype, bcast)], _uniform_lower,
    _undefined("mrg_uniform"), static=lambda rstate, size, dtype, bcast: _shape_key(size),
    static_args=lambda node: [1],
    describe=lambda node: f"mrg_uniform{{{TensorType(node.params['dtype'], node.params['bcast'])},no_inplace}}")


# --- normal(size, avg, std): Box-Muller on 2*ceil(n/2) uniforms, as Theano lays it out ---

def _normal_infer(u, avg, std, size, dtype, bcast):
    return [TensorType(dtype, bcast)]


def _normal_lower(u, avg, std, size, static, dtype, bcast):
    return mrg.mrg_normal_from_uniform(u, static, avg, std, dtype)


mrg_normal_op = Primitive("mrg_normal", _normal_infer, _normal_lower, _undefined("mrg_normal"),
                   static=lambda u, avg, std, size, dtype, bcast: _shape_key(size),
                   static_args=lambda node: [3], describe=lambda node: "MRGNormal")


def _truncated_infer(fix_rstate, u, avg, std, size, dtype, bcast):
    return [fix_rstate.type, TensorType(dtype, bcast)]


def _truncated_lower(fix_rstate, u, avg, std, size, static, dtype, bcast):
    return mrg.mrg_truncated_normal_from_uniform(fix_rstate, u, static, avg, std, dtype)


# Theano redraws the out-of-range values from a second uniform of data-dependent length; that uniform's
# rstate is this op's first input, and its new value the op's first output.
mrg_truncated_normal_op = Primitive(
    "mrg_truncated_normal", _truncated_infer, _truncated_lower, _undefined("mrg_truncated_normal"),
    static=lambda fix_rstate, u, avg, std, size, dtype, bcast: _shape_key(size),
    static_args=lambda node: [4], describe=lambda node: "MRGTruncatedNormal")


# --- multinomial and choice from uniforms (theano.sandbox.multinomial) ---

def _odtype(pvals_dtype, odtype, auto):
    """The output dtype: odtype, or for 'auto' pvals' dtype (multinomial) or int64 (choice)."""
    return odtype if odtype != "auto" else (str(pvals_dtype) if auto == "pvals" else auto)


def _from_uniform_infer(pvals, unis, n, odtype, auto):
    if pvals.ndim != 2:
        raise NotImplementedError("pvals ndim should be 2", pvals.ndim)
    if unis.ndim != 1:
        raise NotImplementedError("unis ndim should be 1", unis.ndim)
    return [TensorType(_odtype(pvals.dtype, odtype, auto), pvals.broadcastable)]


class MultinomialFromUniform(PropsOp):
    """Theano's MultinomialFromUniform(odtype): (pvals, unis, n=1) -> n draws per row of pvals, counted
    (odtype 'auto': pvals' dtype)."""

    @classmethod
    def from_props(cls, odtype):
        return multinomial_from_uniform_op.with_props(odtype=odtype)

    def make_node(self, pvals, unis, n=1, **params):
        if params or not self.props:
            return super().make_node(pvals, unis, n, **params)
        return super().make_node(pvals, unis, n, odtype=self.odtype, auto="pvals")

    def __str__(self):
        return "%s{%s}" % (type(self).__name__, self.odtype) if self.props else type(self).__name__


class ChoiceFromUniform(MultinomialFromUniform):
    """Theano's ChoiceFromUniform(odtype, replace=False): (pvals, unis, n=1) -> n indices per row drawn
    without replacement (odtype 'auto': int64)."""

    @classmethod
    def from_props(cls, odtype, replace=False):
        if replace:
            raise NotImplementedError("theano_compat's ChoiceFromUniform draws without replacement only "
                                      "(MRG_RandomStreams.choice uses it so)")
        return cls.first_record.with_props(odtype=odtype, replace=replace)

    def make_node(self, pvals, unis, n=1, **params):
        if params or not self.props:
            return super().make_node(pvals, unis, n, **params)
        return PropsOp.make_node(self, pvals, unis, n, odtype=self.odtype, auto="int64")

    __str__ = PropsOp.__str__  # Theano's default str of an op with props


class MultinomialWOReplacementFromUniform(ChoiceFromUniform):
    """Theano's deprecated name of ChoiceFromUniform."""

    @classmethod
    def from_props(cls, *args, **kwargs):
        import warnings
        warnings.warn("MultinomialWOReplacementFromUniform is deprecated, use ChoiceFromUniform instead.",
                      DeprecationWarning, stacklevel=3)
        op = super().from_props(*args, **kwargs)
        op.__class__ = cls  # the choice record's op, under Theano's deprecated class name
        return op


def _from_uniform_lower(draw):
    return lambda pvals, unis, n, static, odtype, auto: draw(pvals, unis, static, _odtype(pvals.dtype, odtype, auto))


def _from_uniform_describe(node):
    return f"MultinomialFromUniform{{{node.params['odtype']}}}"


multinomial_from_uniform_op = MultinomialFromUniform.record(
    "MultinomialFromUniform", _from_uniform_infer, _from_uniform_lower(mrg.mrg_multinomial_from_uniform),
    _undefined("MultinomialFromUniform"), static=lambda pvals, unis, n, odtype, auto: int(n),
    static_args=lambda node: [2], describe=_from_uniform_describe)

choice_from_uniform_op = ChoiceFromUniform.record(
    "ChoiceFromUniform", _from_uniform_infer, _from_uniform_lower(mrg.mrg_choice_from_uniform),
    _undefined("ChoiceFromUniform"), static=lambda pvals, unis, n, odtype, auto: int(n),
    static_args=lambda node: [2], describe=lambda node: "ChoiceFromUniform{odtype=%r, replace=False}"
    % node.params["odtype"])
MultinomialWOReplacementFromUniform.first_record = choice_from_uniform_op


def multinomial_from_uniform(pvals, unis, n, odtype="int64"):
    """theano.sandbox.multinomial.MultinomialFromUniform(odtype)(pvals, unis, n)"""
    return MultinomialFromUniform(odtype)(pvals, unis, n)


def choice_from_uniform(pvals, unis, n, odtype="int64"):
    """theano.sandbox.multinomial.ChoiceFromUniform(odtype)(pvals, unis, n), without replacement."""
    return ChoiceFromUniform(odtype)(pvals, unis, n)


# --- theano.gradient.undefined_grad: the identity, with an undefined gradient ---

from ..compile.gradient import UndefinedGrad  # noqa: E402  (Theano's class of the record)

undefined_grad_op = UndefinedGrad.record("undefined_grad", lambda x: [x.type], lambda x: x, _undefined("UndefinedGrad"),
                       describe=lambda node: "UndefinedGrad")
