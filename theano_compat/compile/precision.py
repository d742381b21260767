"""The precision of float products and convolutions in the step being traced.

A function takes its precision from the matmul_precision flag (config.matmul_precision()) when it is built,
as Theano reads its flags when it compiles, and the lowerings of dot, tensordot, batched_dot and the
convolutions ask for it here while the step is traced. Outside a step (eager evaluation) the flag applies.
"""
import contextlib

from ..config import matmul_precision

_STACK = []


def precision():
    """The lax.Precision to pass to jnp.dot / lax.conv_general_dilated (None: JAX's own default)."""
    return _STACK[-1] if _STACK else matmul_precision()


@contextlib.contextmanager
def tracing_with(value):
    """Trace a step with this precision."""
    _STACK.append(value)
    try:
        yield
    finally:
        _STACK.pop()
