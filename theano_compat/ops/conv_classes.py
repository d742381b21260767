"""Theano's abstract convolution op classes: BaseAbstractConv and its AbstractConv / _gradInputs / _gradWeights
branches, each in 2d and 3d. `AbstractConv2d(imshp, kshp, border_mode, ...)` checks and normalizes the props as
BaseAbstractConv.__init__ does and returns the record (ops/conv.py, ops/conv_grads.py) carrying them; calling it
on variables makes the node, whose parameters are the props with the shape hints as ints. The shim's conv2d,
conv3d and the conv*_grad_wrt_* functions build their nodes this way, so graphs hold Theano's classes.
"""
from ..graph.ops import TheanoOp

PROPS = ("convdim", "border_mode", "subsample", "filter_flip", "imshp", "kshp", "filter_dilation", "num_groups",
         "unshared")


def _hint(shape, n, what):
    """A shape hint as Theano keeps it (a tuple, None entries unknown), checked to be constant."""
    from ..ops.basic import NotScalarConstantError, get_scalar_constant_value
    shape = tuple(shape) if shape else (None,) * n
    for s in shape:
        if s is not None:
            try:
                get_scalar_constant_value(s, only_process_constants=True)
            except NotScalarConstantError:
                raise ValueError(f"{what} should be None or a tuple of constant int values") from None
    return shape


def as_ints(shape):
    """A constant shape hint as ints (None kept)."""
    from ..ops.basic import get_scalar_constant_value
    return tuple(None if s is None else int(get_scalar_constant_value(s)) for s in shape)


def _assert_shape(x, hint, msg):
    # Theano's make_node checks the input against the hint at run time when config.conv.assert_shape is on
    from ..tensor.nnet.abstract_conv import assert_shape
    return assert_shape(x, hint, msg)


class BaseAbstractConv(TheanoOp):
    """Theano's base of the abstract convolution ops; its props are PROPS."""

    convdim = None  # fixed by the 2d / 3d classes; AbstractConv(convdim, ...) takes it as an argument

    @classmethod
    def from_props(cls, *args, **kwargs):
        if cls.convdim is None:
            if cls.__name__ not in ("AbstractConv", "AbstractConv_gradInputs", "AbstractConv_gradWeights"):
                raise TypeError(f"{cls.__name__} is an abstract base class; use AbstractConv2d, AbstractConv3d "
                                "or their _gradInputs / _gradWeights")
            return cls._for(*args, **kwargs)
        if cls.convdim == 3 and kwargs.get("unshared"):  # Theano's 3d constructors have no such argument
            raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument 'unshared'")
        return cls._props_op(cls.convdim, *args, **kwargs)

    @classmethod
    def _for(cls, convdim, *args, **kwargs):
        from ..stand_ins import UnsupportedError
        sub = {c.convdim: c for c in cls.__subclasses__()}.get(convdim)
        if sub is None:
            raise ValueError("convolution dimension {} is not supported", convdim)
        if not hasattr(sub, "instance"):
            raise UnsupportedError(f"{sub.__name__} has no implementation in theano_compat")
        return sub._props_op(convdim, *args, **kwargs)

    @classmethod
    def _props_op(cls, convdim, imshp=None, kshp=None, border_mode="valid", subsample=None, filter_flip=True,
                  filter_dilation=None, num_groups=1, unshared=False):
        from .conv import normalize_params
        border_mode, subsample, dilation, num_groups = normalize_params(
            convdim, border_mode, subsample, filter_dilation, num_groups, unshared)
        return cls.instance.with_props(
            convdim=convdim, border_mode=border_mode, subsample=subsample, filter_flip=filter_flip,
            imshp=_hint(imshp, 2 + convdim, "imshp"),
            kshp=_hint(kshp, 2 + 2 * convdim if unshared else 2 + convdim, "kshp"),
            filter_dilation=dilation, num_groups=num_groups, unshared=unshared)

    @classmethod
    def record(cls, name, *args, **kwargs):
        cls.instance = super().record(name, *args, describe=lambda node: str(node.op), **kwargs)
        return cls.instance

    def node_params(self):
        """The props as the record's parameters (shape hints as ints)."""
        params = self._props_dict()
        params.update(imshp=as_ints(self.imshp), kshp=as_ints(self.kshp), filter_flip=bool(self.filter_flip),
                      unshared=bool(self.unshared))
        return params

    def _check_kern(self, kern, what="kern"):
        want = 2 + 2 * self.convdim if self.unshared else 2 + self.convdim
        if kern.ndim != want:
            raise TypeError(f"{what} must be {want}D tensor" + (" for unshared convolution" if self.unshared else ""))

    def _check_rank(self, x, what):
        if x.ndim != 2 + self.convdim:
            raise TypeError(f"{what} must be {2 + self.convdim}D tensor")

    def __str__(self):
        if not self.props:
            return type(self).__name__
        return "%s{%s}" % (type(self).__name__, ", ".join("%s=%r" % (p, getattr(self, p)) for p in PROPS))


class AbstractConv(BaseAbstractConv):
    """The forward convolution: op(img, kern)."""

    def make_node(self, img, kern, **params):
        from ..graph.constants import as_tensor_variable
        if params or not self.props:
            return super().make_node(img, kern, **params)
        img, kern = as_tensor_variable(img), as_tensor_variable(kern)
        self._check_rank(img, "img")
        self._check_kern(kern)
        img = _assert_shape(img, self.imshp, "AbstractConv shape mismatch: shape of image does not match given "
                            "imshp.")
        kern = _assert_shape(kern, self.kshp, "AbstractConv shape mismatch: shape of filters does not match given "
                             "kshp.")
        return super().make_node(img, kern, **self.node_params())


class _GradOp(BaseAbstractConv):
    """gradInputs / gradWeights: op(kern or img, topgrad, shape), shape the spatial shape of the result."""

    first = None  # the first input's name, in the messages

    def make_node(self, x, topgrad, shape, add_assert_shape=True, **params):
        from ..graph.constants import as_tensor_variable
        if params or not self.props:
            return super().make_node(x, topgrad, shape, **params)
        x, topgrad = as_tensor_variable(x), as_tensor_variable(topgrad)
        if self.first == "kern":
            self._check_kern(x)
        else:
            self._check_rank(x, self.first)
        self._check_rank(topgrad, "topgrad")
        if add_assert_shape:
            hint = self.kshp if self.first == "kern" else self.imshp
            x = _assert_shape(x, hint, f"{type(self).__bases__[0].__name__} shape mismatch: shape of "
                              f"{'filters' if self.first == 'kern' else 'image'} does not match given "
                              f"{'kshp' if self.first == 'kern' else 'imshp'}.")
        shape = as_tensor_variable(shape)
        return super().make_node(x, topgrad, shape, **self.node_params())


class AbstractConv_gradInputs(_GradOp):
    """The input gradient (the transposed convolution): op(kern, topgrad, shape)."""
    first = "kern"


class AbstractConv_gradWeights(_GradOp):
    """The weight gradient: op(img, topgrad, shape)."""
    first = "img"


class AbstractConv2d(AbstractConv):
    convdim = 2


class AbstractConv3d(AbstractConv):
    convdim = 3


class AbstractConv2d_gradInputs(AbstractConv_gradInputs):
    convdim = 2


class AbstractConv3d_gradInputs(AbstractConv_gradInputs):
    convdim = 3


class AbstractConv2d_gradWeights(AbstractConv_gradWeights):
    convdim = 2


class AbstractConv3d_gradWeights(AbstractConv_gradWeights):
    convdim = 3


def like(grad, var):
    """grad with var's broadcastable pattern: Theano's conv grads force it, whatever the optimizer infers."""
    from .basic import patternbroadcast
    return patternbroadcast(grad, var.broadcastable)


def conv_class(kind, convdim):
    """AbstractConv{convdim}d{kind} (kind: '', '_gradInputs', '_gradWeights')."""
    return {(c.__name__[len("AbstractConv") + 2:], c.convdim): c for c in
            (AbstractConv2d, AbstractConv3d, AbstractConv2d_gradInputs, AbstractConv3d_gradInputs,
             AbstractConv2d_gradWeights, AbstractConv3d_gradWeights)}[kind, convdim]
