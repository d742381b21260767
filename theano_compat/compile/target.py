"""What the step being traced is lowered for: its device's platform and the precision of float products.

A function takes both when it is built, as Theano reads its flags when it compiles: the platform of its
placement (the device flag) and the matmul_precision flag (config.matmul_precision()). Lowerings ask here
while the step is traced: dot, tensordot, batched_dot and the convolutions for their precision, the
convolutions for the platform (on a CPU they lower to GEMMs, see ops/conv_gemm.py). Outside a step (eager
evaluation) the flag and JAX's default backend apply.
"""
import contextlib

import jax

from ..config import matmul_precision

_STACK = []


def precision():
    """The lax.Precision to pass to jnp.dot / lax.conv_general_dilated (None: JAX's own default)."""
    return _STACK[-1][0] if _STACK else matmul_precision()


def platform():
    """'cpu', 'gpu' or 'tpu': where the step will run."""
    return _STACK[-1][1] if _STACK else jax.default_backend()


@contextlib.contextmanager
def lowering_for(precision, platform):
    """Trace a step with this precision, for this platform."""
    _STACK.append((precision, platform))
    try:
        yield
    finally:
        _STACK.pop()
