"""images2neibs (Theano's Images2Neibs): the neighbourhoods (patches) of 4-d images as the rows of a matrix,
in Theano's five modes, and neibs2images, built from it as Theano builds it.

The patch and step sizes decide the output's shape, so their values are read before the step runs (the
static key); the patches are one gather on the (zero-padded) images.
"""
import jax
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph.constants import as_tensor_variable
from ..graph.ops import Primitive, TheanoOp
from ..graph.types import TensorType

MODES = ("valid", "ignore_borders", "wrap_centered", "half", "full")


def _ceil_intdiv(a, b):
    return a // b + (1 if a % b else 0)


def _grid(height, width, c, d, sx, sy, mode):
    """Theano's Images2Neibs.perform checks and grid sizes (TypeError/ValueError as Theano raises them)."""
    if sx <= 0 or sy <= 0:
        raise ValueError("neib_step wrong step ; values <= 0. Got " + str(np.array([sx, sy])))
    if c <= 0 or d <= 0:
        raise ValueError("neib_shape values <=0. Got " + str(np.array([c, d])))
    if mode == "wrap_centered":
        if c % 2 != 1 or d % 2 != 1:
            raise TypeError("Images2Neibs: in mode wrap_centered need patch with odd shapes")
        if height < c or width < d:
            raise TypeError("Images2Neibs: in wrap_centered mode, don't support image shapes smaller then the "
                            "patch shapes: neib_shape=(%d,%d), ten4[2:]=[%d,%d]" % (c, d, height, width))
        return _ceil_intdiv(height, sx), _ceil_intdiv(width, sy)
    span = {"valid": (c, d), "ignore_borders": (c, d), "half": (c % 2, d % 2), "full": (2 - c, 2 - d)}[mode]
    for axis, (size, n, step, used) in enumerate(((height, c, sx, span[0]), (width, d, sy, span[1]))):
        if mode != "ignore_borders" and (size < n or (size - used) % step != 0):
            raise TypeError("neib_shape[%d]=%d, neib_step[%d]=%d and ten4.shape[%d]=%d not consistent"
                            % (axis, n, axis, step, axis + 2, size))
    return 1 + (height - span[0]) // sx, 1 + (width - span[1]) // sy


def _positions(size, n, step, grid, mode):
    """(grid, n) source indices along one axis, and the zero padding they assume."""
    pos = np.arange(grid)[:, None] * step + np.arange(n)[None, :]
    if mode == "wrap_centered":
        return (pos - n // 2) % size, 0
    pad = {"half": n // 2, "full": n - 1}.get(mode, 0)
    return pos, pad


def _lower(x, neib_shape, neib_step, mode, static):
    (c, d), (sx, sy) = static
    batch, stack, height, width = x.shape
    grid_c, grid_d = _grid(height, width, c, d, sx, sy, mode)
    rows, pad_r = _positions(height, c, sx, grid_c, mode)
    cols, pad_c = _positions(width, d, sy, grid_d, mode)
    if pad_r or pad_c:
        x = jnp.pad(x, ((0, 0), (0, 0), (pad_r, pad_r), (pad_c, pad_c)))
    patches = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]  # (batch, stack, a, b, i, j)
    return patches.reshape(batch * stack * grid_c * grid_d, c * d)


def _static(x, neib_shape, neib_step, mode):
    return (tuple(int(v) for v in np.asarray(neib_shape)), tuple(int(v) for v in np.asarray(neib_step)))


def _check_shapes(neib_shape, neib_step):
    for v in (neib_shape, neib_step):
        if v.ndim != 1:
            raise AssertionError("neib_shape and neib_step must be vectors")


def _infer(x, neib_shape, neib_step, mode):
    if x.ndim != 4:
        raise AssertionError("images2neibs needs a 4-d tensor")
    _check_shapes(neib_shape, neib_step)
    return [TensorType(x.dtype, (False, False))]


def _same_steps(neib_shape, neib_step):
    from ..graph.nodes import Constant
    if neib_shape is neib_step:
        return True
    return isinstance(neib_shape, Constant) and isinstance(neib_step, Constant) and \
        np.array_equal(neib_shape.data, neib_step.data)


def _grad(inputs, outputs, gouts, mode):
    """Theano's Images2Neibs.grad: neibs2images for non-overlapping valid/ignore_borders patches, the sum of
    the overlapping ones for valid, and no gradient for the other modes."""
    from ..gradient import grad_not_implemented
    x, neib_shape, neib_step = inputs
    (gz,) = gouts
    if mode in ("valid", "ignore_borders") and _same_steps(neib_shape, neib_step):
        return [neibs2images(gz, neib_shape, x.shape, mode=mode), None, None]
    if mode == "valid":
        return [neibs_grad_op(x, gz, neib_shape, neib_step, mode=mode), None, None]
    return [grad_not_implemented(_OpName(mode), 0, x), None, None]


class _OpName:
    """How Theano names the op in its gradient messages."""

    def __init__(self, mode):
        self.mode = mode

    def __str__(self):
        return "Images2Neibs{%s}" % self.mode


def _grad_lower(x, gz, neib_shape, neib_step, mode, static):
    _, pullback = jax.vjp(lambda v: _lower(v, neib_shape, neib_step, mode, static), x)
    return pullback(gz.astype(x.dtype))[0]


class Images2Neibs(TheanoOp):
    """Theano's Images2Neibs(mode='valid')(ten4, neib_shape, neib_step=None): images2neibs makes its nodes."""

    @classmethod
    def from_props(cls, mode="valid"):
        if mode not in MODES:
            # Theano lists its enum's aliases, sorted
            raise NotImplementedError("Only modes %s have been implemented for %s" % (", ".join(sorted(MODES)),
                                                                                     cls.__name__))
        return images2neibs_op.with_props(mode=mode)

    def make_node(self, ten4, neib_shape, neib_step=None, **params):
        if params or not self.props:
            return super().make_node(ten4, neib_shape, neib_step, **params)
        ten4, neib_shape = as_tensor_variable(ten4), as_tensor_variable(neib_shape)
        neib_step = neib_shape if neib_step is None else as_tensor_variable(neib_step)
        return super().make_node(ten4, neib_shape, neib_step, mode=self.mode)

    def __str__(self):
        return "Images2Neibs{%s}" % self.mode if self.props else "Images2Neibs"


images2neibs_op = Images2Neibs.record("images2neibs", _infer, _lower, _grad, static=_static,
                                      static_args=lambda node: (1, 2),
                                      describe=lambda node: "Images2Neibs{%s}" % node.params["mode"])
neibs_grad_op = Primitive("images2neibs_grad", lambda x, gz, shp, step, mode: [x.type], _grad_lower, None,
                   static=lambda x, gz, shp, step, mode: _static(x, shp, step, mode),
                   static_args=lambda node: (2, 3), describe=lambda node: "Images2NeibsGrad{%s}" % node.params["mode"])


def images2neibs(ten4, neib_shape, neib_step=None, mode="valid"):
    """The (neib_shape) patches of 4-d ten4, every neib_step, as the rows of a matrix (Theano's layout:
    row by image, channel, patch row, patch column; column by pixel row, pixel column)."""
    return Images2Neibs(mode)(ten4, neib_shape, neib_step)


def neibs2images(neibs, neib_shape, original_shape, mode="valid"):
    """The inverse of images2neibs for non-overlapping patches (ignore_borders pads the borders with 0)."""
    from .basic import alloc
    from .join import concatenate, stack
    from .subtensor import set_subtensor
    neibs = as_tensor_variable(neibs)
    neib_shape = as_tensor_variable(neib_shape)
    original_shape = as_tensor_variable(original_shape)
    new_neib_shape = stack([original_shape[-1] // neib_shape[1], neib_shape[1]])
    output_2d = images2neibs(neibs.dimshuffle("x", "x", 0, 1), new_neib_shape, mode=mode)
    if mode == "ignore_borders":
        valid_shape = set_subtensor(original_shape[2], (original_shape[2] // neib_shape[0]) * neib_shape[0])
        valid_shape = set_subtensor(valid_shape[3], (valid_shape[3] // neib_shape[1]) * neib_shape[1])
        output_4d = output_2d.reshape(valid_shape, ndim=4)
        for d in (2, 3):  # the borders the patches did not cover come back as zeros
            pad_shape = [output_4d.shape[k] for k in range(4)]
            pad_shape[d] = original_shape[d] - valid_shape[d]
            output_4d = concatenate([output_4d, alloc(np.asarray(0, config.floatX), *pad_shape)], axis=d)  # Theano: floatX zeros
        return output_4d
    if mode == "valid":
        return output_2d.reshape(original_shape, ndim=4)
    raise NotImplementedError("neibs2images do not support mode=%s" % mode)
