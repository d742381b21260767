"""theano.tensor.nnet.bn: batch_normalization (BNComposite / high_mem), batch_normalization_train and
batch_normalization_test, with Theano 1.0.5's signatures, checks, outputs and gradients.

The train and test ops lower as Theano's CPU optimizer rewrites them (local_abstract_batch_norm_train,
..._inference): mean and var over `axes`, invstd = 1 / sqrt(var + epsilon), out = (x - mean) *
(scale * invstd) + bias, running averages r * (1 - f) + stat * f with var scaled by m / (m - 1).
Theano quirk kept: AbstractBatchNormTrain's gradient only uses the gradient of `out`; the mean and
invstd outputs pass none back.
"""
import jax.numpy as jnp
import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import TheanoOp
from ..graph.types import TensorType
from .elementwise import elementwise
from ..graph.constants import as_tensor_variable, constant


# --- batch_normalization: (x - mean) / std * gamma + beta ---

def _bn_grad(inputs, out, top):
    # Theano's BNComposite.grad
    x, mean, std, gamma, beta = inputs
    top_gamma = top * gamma
    x_mean = x - mean
    dx = top_gamma / std
    return [dx, -dx, -(top_gamma * x_mean) / (std * std), top * x_mean / std, top]


_bn_composite = elementwise("nnet.bn.batch_normalization", lambda x, m, s, g, b: ((x - m) / s) * g + b,
                            D.upcast_out, _bn_grad)
_bn_composite._describe = lambda node: "Elemwise{Composite{((((i0 - i1) / i2) * i3) + i4)}}"


def batch_normalization(inputs, gamma, beta, mean, std, mode="low_mem"):
    """theano.tensor.nnet.bn.batch_normalization: (inputs - mean) / std * gamma + beta."""
    if mode == "low_mem":
        return _bn_composite(inputs, mean, std, gamma, beta)
    if mode == "high_mem":
        return (inputs - mean) * (gamma / std) + beta
    raise ValueError('mode must be either "low_mem", "high_mem"')


# --- shared argument handling of batch_normalization_train / _test ---

def _prepare_axes(axes, ndim):
    if isinstance(axes, str) and axes == "per-activation":
        axes = (0,)
    elif isinstance(axes, str) and axes == "spatial":
        axes = (0,) + tuple(range(2, ndim))
    elif isinstance(axes, (tuple, list, np.ndarray)):
        axes = tuple(int(a) for a in axes)
    else:
        raise ValueError("invalid axes: %s", str(axes))
    axes = tuple(sorted(axes))
    if len(axes) == 0:
        raise ValueError("there should be at least one normalization axis")
    if min(axes) < 0 or max(axes) >= ndim:
        raise ValueError("axes should be less than ndim (<%d), but %s given" % (ndim, str(axes)))
    return axes, tuple(i for i in range(ndim) if i not in axes)


def _params_layout(gamma, ndim, non_bc_axes):
    """None when the parameters already have the inputs' ndim, else the dimshuffle pattern to apply."""
    if gamma.ndim == ndim:
        return None
    pattern = ["x"] * ndim
    for i, axis in enumerate(non_bc_axes):
        pattern[axis] = i
    return pattern


def _check_epsilon(epsilon):
    # Theano: epsilon becomes floatX first, so float32(1e-5) < 1e-5 is refused.
    epsilon = np.asarray(epsilon).astype(config.floatX)
    if epsilon < 1e-5:
        raise ValueError("epsilon must be at least 1e-5, got %s" % str(epsilon))
    return float(epsilon)


def _broadcast_param(p, pattern, axes):
    from .basic import addbroadcast
    from .shape import dimshuffle
    return dimshuffle(p, pattern) if pattern is not None else addbroadcast(p, *axes)


def _common(*vs):
    """as_common_dtype: every input cast to their upcast dtype."""
    from .basic import cast
    dtype = D.upcast(*[v.dtype for v in vs])
    return [v if v.dtype == dtype else cast(v, dtype) for v in vs]


def _sum(a, axes):
    # Theano's Sum accumulates float32 in float64 (CAReduceDtype's acc_dtype)
    acc = "float64" if a.dtype == jnp.float32 else a.dtype
    return jnp.sum(a, axis=axes, keepdims=True, dtype=acc).astype(a.dtype)


def _mean(a, axes):
    # theano.tensor.mean: a sum divided by each reduced length in turn
    s = _sum(a, axes)
    for ax in axes:
        s = s / a.shape[ax]
    return s


def _eps(epsilon, dtype):
    return np.asarray(epsilon, dtype=config.floatX).astype(dtype)


# --- Theano's op classes: AbstractBatchNorm{Train,Inference,TrainGrad}(axes) ---

def _constant_value(v, what):
    from .basic import NotScalarConstantError, get_scalar_constant_value
    try:
        return float(get_scalar_constant_value(v))
    except NotScalarConstantError:
        raise NotImplementedError(f"theano_compat needs the batch normalization's {what} as a constant") from None


class _BatchNormOp(TheanoOp):
    """Cls(axes) gives the op with Theano's prop axes; called as Theano's make_node is, with epsilon (and
    the running average factor) as constants, which become the node's parameters here."""

    @classmethod
    def from_props(cls, axes=(0,)):
        return cls.instance.with_props(axes=tuple(axes))

    @classmethod
    def record(cls, name, *args, **kwargs):
        cls.instance = super().record(name, *args, describe=lambda node: str(node.op), **kwargs)
        return cls.instance

    def make_node(self, *inputs, **params):
        # the shim's builders give the parameters; Theano code calls op(x, scale, ..., epsilon, ...)
        if params or not self.props:
            return super().make_node(*inputs, **params)
        return self.theano_node(*inputs)

    def __str__(self):
        return f"{type(self).__name__}{{axes={self.axes}}}" if self.props else type(self).__name__


class AbstractBatchNormTrain(_BatchNormOp):
    def theano_node(self, x, scale, bias, epsilon=1e-4, running_average_factor=0.1, running_mean=None,
                    running_var=None):
        running = [] if running_mean is None else [running_mean, running_var]
        args = _common(*(as_tensor_variable(v) for v in [x, scale, bias] + running))
        return super().make_node(*args, axes=self.axes, epsilon=_constant_value(epsilon, "epsilon"),
                                 running_average_factor=_constant_value(running_average_factor,
                                                                        "running_average_factor"))


class AbstractBatchNormInference(_BatchNormOp):
    def theano_node(self, x, scale, bias, estimated_mean, estimated_variance, epsilon=1e-4):
        args = _common(*(as_tensor_variable(v) for v in (x, scale, bias, estimated_mean, estimated_variance)))
        return super().make_node(*args, axes=self.axes, epsilon=_constant_value(epsilon, "epsilon"))


class AbstractBatchNormTrainGrad(_BatchNormOp):
    def theano_node(self, x, dy, scale, x_mean, x_invstd, epsilon=1e-4):
        args = [as_tensor_variable(v) for v in (x, dy, scale, x_mean, x_invstd)]
        return super().make_node(*args, axes=self.axes, epsilon=_constant_value(epsilon, "epsilon"))


# --- AbstractBatchNormTrain ---

def _train_infer(x, scale, bias, *running, axes, epsilon, running_average_factor):
    return [x.type, scale.type, scale.type] + [scale.type] * len(running)


def _train_lower(x, scale, bias, *running, axes, epsilon, running_average_factor):
    dtype = x.dtype
    mean = _mean(x, axes)
    var = _mean(jnp.square(x - mean), axes)
    invstd = 1.0 / jnp.sqrt(var + _eps(epsilon, dtype))
    out = (x - mean) * (scale * invstd) + bias
    if not running:
        return out, mean, invstd
    rm, rv = running
    f = np.asarray(running_average_factor, "float64")
    m = np.prod(x.shape) / np.prod(scale.shape)
    keep, take, ratio = (np.asarray(v).astype(dtype) for v in (1.0 - f, f, m / (m - 1)))
    return out, mean, invstd, rm * keep + mean * take, rv * keep + ratio * var * take


def _train_grad(inputs, outputs, gouts, axes, epsilon, running_average_factor):
    from .nnet_xent import is_zeros
    x, scale = inputs[0], inputs[1]
    for k, g in enumerate(gouts[3:]):
        if not is_zeros(g):  # Theano: the running averages' gradients contradict its connection_pattern
            raise TypeError(f"AbstractBatchNormTrain{{axes={axes}}}.grad returned DisconnectedType for input "
                            f"{5 + k}. Its connection_pattern method does not allow this.")
    if is_zeros(gouts[0]):
        # Theano's L_op passes out's DisconnectedType gradient on as a tensor (a second derivative through
        # the mean and invstd outputs, whose own gradients it ignores): AsTensorError.
        from ..tensor.var import AsTensorError
        raise AsTensorError("Variable type field must be a TensorType.", "<DisconnectedType>")
    grads = AbstractBatchNormTrainGrad(axes)(x, gouts[0], scale, outputs[1], outputs[2], axes=axes,
                                             epsilon=epsilon)
    return list(grads) + [None] * (len(inputs) - 3)


batch_norm_train_op = AbstractBatchNormTrain.record("nnet.bn.batch_normalization_train", _train_infer, _train_lower,
                                                    _train_grad)


def _train_grad_lower(x, dy, scale, x_mean, x_invstd, axes, epsilon):
    x_diff = x - x_mean
    mean_dy_x_diff = _mean(dy * x_diff, axes)
    c = (dy * x_invstd) - x_diff * (mean_dy_x_diff * (x_invstd ** 3))
    g_inputs = scale * (c - _mean(c, axes))
    g_scale = _sum(dy * x_invstd * x_diff, axes)
    g_bias = _sum(dy, axes)
    return g_inputs, g_scale, g_bias


batch_norm_train_grad_op = AbstractBatchNormTrainGrad.record(
    "nnet.bn.batch_normalization_train_grad",
    lambda x, dy, scale, x_mean, x_invstd, axes, epsilon: [x.type, scale.type, scale.type], _train_grad_lower)


def _check_gamma_beta(gamma, beta, ndim, non_bc_axes):
    """(layout pattern, ndim of the parameters), after Theano's check of gamma's and beta's ranks."""
    pattern = _params_layout(gamma, ndim, non_bc_axes)
    params_ndim = ndim if pattern is None else len(non_bc_axes)
    if gamma.ndim != params_ndim or beta.ndim != params_ndim:
        raise ValueError("gamma and beta dimensionality must match the number of non-normalized axes, or have "
                         "the same number of dimensions as the inputs; got %d and %d instead of %d"
                         % (gamma.ndim, beta.ndim, params_ndim))
    return pattern, params_ndim


def batch_normalization_train(inputs, gamma, beta, axes="per-activation", epsilon=1e-4,
                              running_average_factor=0.1, running_mean=None, running_var=None):
    """(out, mean, invstd) of inputs normalized over `axes`, plus (new_running_mean, new_running_var)
    when both running averages are given."""
    from .basic import patternbroadcast
    from .shape import dimshuffle
    ndim = inputs.ndim
    axes, non_bc_axes = _prepare_axes(axes, ndim)
    pattern, params_ndim = _check_gamma_beta(gamma, beta, ndim, non_bc_axes)
    if (running_mean is None) != (running_var is None):
        raise ValueError("running_mean and running_var must either both be given or both be None")
    for name, r in (("running_mean", running_mean), ("running_var", running_var)):
        if r is not None and r.ndim != params_ndim:
            raise ValueError("%s must be of the same dimensionality as gamma and beta; got %d instead of %d"
                             % (name, r.ndim, params_ndim))
    epsilon = _check_epsilon(epsilon)
    inputs, gamma, beta = (as_tensor_variable(v) for v in (inputs, gamma, beta))
    gamma, beta = (_broadcast_param(p, pattern, axes) for p in (gamma, beta))
    params = dict(axes=axes, epsilon=epsilon, running_average_factor=float(running_average_factor))
    if running_mean is not None:
        running = [_broadcast_param(as_tensor_variable(r), pattern, axes) for r in (running_mean, running_var)]
        args = _common(inputs, gamma, beta, *running)
        results = AbstractBatchNormTrain(axes)(*args, **params)
        results = results[:3] + [patternbroadcast(r, like.broadcastable) for r, like in zip(results[3:], running)]
    else:
        results = AbstractBatchNormTrain(axes)(*_common(inputs, gamma, beta), **params)
    if pattern is not None:
        results = [results[0]] + [dimshuffle(r, non_bc_axes) for r in results[1:]]
    return tuple(results)


# --- AbstractBatchNormInference ---

def _test_lower(x, scale, bias, mean, var, axes, epsilon):
    return (x - mean) * (scale / jnp.sqrt(var + _eps(epsilon, var.dtype))) + bias


def _test_grad(inputs, outputs, gouts, axes, epsilon):
    # Theano's AbstractBatchNormInference.grad
    from .basic import addbroadcast
    from .math import sqrt
    x, scale, bias, est_mean, est_var = inputs
    dy = gouts[0]
    scale, bias, est_mean, est_var = (addbroadcast(t, *axes) for t in (scale, bias, est_mean, est_var))
    est_var_eps = est_var + constant(np.asarray(epsilon, dtype=config.floatX))
    est_std = sqrt(est_var_eps)
    two = constant(2.)
    dx = dy * (scale / est_std)
    dscale = (dy * (x - est_mean)).sum(axes, keepdims=True) / est_std
    dbias = dy.sum(axes, keepdims=True)
    dmean = -dy.sum(axes, keepdims=True) * (scale / est_std)
    dvar = -(dy * (x - est_mean)).sum(axes, keepdims=True) * (scale / (two * est_var_eps * est_std))
    return [dx, dscale, dbias, dmean, dvar]


batch_norm_inference_op = AbstractBatchNormInference.record(
    "nnet.bn.batch_normalization_test", lambda x, *rest, axes, epsilon: [x.type], _test_lower, _test_grad)


def batch_normalization_test(inputs, gamma, beta, mean, var, axes="per-activation", epsilon=1e-4):
    """(inputs - mean) * gamma / sqrt(var + epsilon) + beta, with given statistics."""
    ndim = inputs.ndim
    axes, non_bc_axes = _prepare_axes(axes, ndim)
    pattern, params_ndim = _check_gamma_beta(gamma, beta, ndim, non_bc_axes)
    if mean.ndim != params_ndim or var.ndim != params_ndim:
        raise ValueError("mean and var must be of the same dimensionality as gamma and beta; got %d and %d "
                         "instead of %d" % (mean.ndim, var.ndim, params_ndim))
    epsilon = _check_epsilon(epsilon)
    params = [_broadcast_param(as_tensor_variable(p), pattern, axes) for p in (gamma, beta, mean, var)]
    args = _common(as_tensor_variable(inputs), *params)
    return AbstractBatchNormInference(axes)(*args, axes=axes, epsilon=epsilon)
