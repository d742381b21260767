"""theano.compile.nanguardmode: NanGuardMode checks every intermediate value for NaN, Inf and huge values.
The mode is accepted and runs the step; the per-op checks are not applied (they would need a host round
trip per op): check outputs, or run with jax_debug_nans for NaNs."""
import numpy as np

from ..config import config  # noqa: F401
from ..stand_ins import noop
from .mode import Mode, get_mode  # noqa: F401

pygpu_available = False


def flatten(l):
    """Nested lists, tuples and dicts (their values) as one flat list."""
    if isinstance(l, (list, tuple)):
        return [x for item in l for x in flatten(item)]
    if isinstance(l, dict):
        return flatten(list(l.values()))
    return [l]


def contains_nan(arr, node=None, var=None):
    """Whether the array holds a NaN."""
    arr = np.asarray(arr)
    return arr.dtype.kind in "fc" and bool(np.isnan(np.min(arr)))


def contains_inf(arr, node=None, var=None):
    """Whether the array holds an Inf."""
    arr = np.asarray(arr)
    return arr.dtype.kind in "fc" and bool(np.isinf(np.nanmax(arr)) or np.isinf(np.nanmin(arr)))


def f_compute(op):
    """Theano's GPU reductions for the checks: op applied to the flattened array."""
    def result(inp):
        return op(np.asarray(inp).reshape(-1))
    return result


f_gpua_min, f_gpua_max = f_compute(np.min), f_compute(np.max)
f_gpua_absmax = f_compute(lambda x: np.max(np.abs(x)))


@noop("the per-op NaN/Inf/big-value checks are not applied on the fused XLA step; the mode runs as FAST_RUN")
class NanGuardMode(Mode):
    """NanGuardMode(nan_is_error, inf_is_error, big_is_error, optimizer, linker): accepted."""

    def __init__(self, nan_is_error=None, inf_is_error=None, big_is_error=None, optimizer="default", linker=None):
        super().__init__(linker="py" if linker is None else linker, optimizer=optimizer)
        self.nan_is_error, self.inf_is_error, self.big_is_error = nan_is_error, inf_is_error, big_is_error


from ..gpuarray.type import GpuArrayType  # noqa: E402,F401  (Theano's module imports it; a stand-in here)
