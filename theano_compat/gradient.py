"""theano.gradient: grad, the R and L operators, jacobian, hessian, verify_grad and the gradient-shaping
helpers."""
from .compile.gradient import (DisconnectedInputError, DisconnectedType, NullType, NullTypeGradError,
                               consider_constant,
                               disconnected_type,
                               disconnected_grad, grad, grad_clip, undefined_grad as _null_grad, zero_grad)
from .compile.grad_tools import (GradientError, Lop, Rop, format_as, grad_scale, hessian, jacobian, numeric_grad,
                                 subgraph_grad, undefined_grad, verify_grad)


from .compile.debugmode import DebugMode  # noqa: E402,F401
from .compile.mode import FAST_RUN, get_mode  # noqa: E402
from .compile.gradient import NullType  # noqa: E402,F401
from .gof.op import get_debug_values  # noqa: E402,F401
from .graph.nodes import Variable  # noqa: E402,F401

izip, xrange = zip, range
grad_time = 0
tensor = None  # Theano: a placeholder the module fills in lazily
# Theano's op classes of the gradient-shaping ops, and its instances of them
from .compile.gradient import (ConsiderConstant, DisconnectedGrad, GradClip, GradScale, UndefinedGrad,  # noqa: E402
                               ViewOp, ZeroGrad)

consider_constant_, zero_grad_, disconnected_grad_ = ConsiderConstant(), ZeroGrad(), DisconnectedGrad()
from .gof.null_type import null_type  # noqa: E402,F401


def __getattr__(name):
    # UndefinedGrad's record lives with the random streams' ops, registered once theano.tensor is imported
    if name == "undefined_grad_":
        return UndefinedGrad()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def mode_not_slow(mode):
    """FAST_RUN for FAST_COMPILE or DebugMode (verify_grad's numeric checks would be slow), else mode."""
    if mode == "FAST_COMPILE":
        return FAST_RUN
    mode = get_mode(mode)
    return FAST_RUN.clone(optimizer=mode.optimizer) if isinstance(mode, DebugMode) else mode


def grad_undefined(op, x_pos, x, comment=""):
    """A NullType gradient: the gradient of op with respect to its input x_pos (x) is undefined."""
    return _null_grad(x, str(op), f"This variable is Null because the grad method for input {x_pos} ({x}) of the "
                                  f"{op} op is mathematically undefined. {comment}")


def grad_not_implemented(op, x_pos, x, comment=""):
    """A NullType gradient saying the op does not implement this gradient."""
    return _null_grad(x, str(op), f"This variable is Null because the grad method for input {x_pos} ({x}) of the "
                                  f"{op} op is not implemented. {comment}")


__all__ = ["grad", "DisconnectedInputError", "DisconnectedType", "NullType", "disconnected_type", "NullTypeGradError", "consider_constant", "disconnected_grad",
           "zero_grad", "grad_clip", "grad_scale", "undefined_grad", "grad_undefined", "grad_not_implemented",
           "GradientError", "Lop", "Rop", "hessian", "jacobian", "numeric_grad", "verify_grad", "subgraph_grad",
           "format_as"]
