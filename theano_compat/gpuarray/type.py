"""theano.gpuarray.type: the gpuarray back end's types and its registry of GPU contexts, as on a machine
without pygpu (no context is ever registered; JAX places the work on devices instead)."""
from ..compile.shared import SharedVariable  # noqa: F401
from ..config import config  # noqa: F401
from ..graph.nodes import Constant, Variable  # noqa: F401
from ..graph.types import TensorType  # noqa: F401
from ..stand_ins import declare_unsupported
from ..tensor.checks import (values_eq_approx, values_eq_approx_remove_inf,  # noqa: F401
                             values_eq_approx_remove_inf_nan, values_eq_approx_remove_nan)

NO_PYGPU = "theano_compat has no gpuarray back end (pygpu); JAX runs the step on the device config.device names"
pygpu = None
notset = object()
EQ_MAP = {}
_context_reg = {}
declare_unsupported(globals(), NO_PYGPU, functions="as_gpuarray_variable")
declare_unsupported(globals(), NO_PYGPU, classes="""GpuArrayType GpuArrayVariable GpuArrayConstant
    GpuArraySharedVariable GpuArraySignature GpuContextType""", functions="""gpuarray_shared_constructor
    GpuArray_pickler GpuArray_unpickler""", objects="gpu_context_type")


class ContextNotDefined(ValueError):
    """No GPU context is registered under that name."""


def reg_context(name, ctx):
    """Register a GPU context under a name (pygpu contexts only; there are none here)."""
    if name in _context_reg:
        raise ValueError("context name %s is already defined" % (name,))
    raise TypeError("context is not GpuContext")


def get_context(name):
    """The context registered under name (ContextNotDefined: none ever is, without pygpu)."""
    if name not in _context_reg:
        raise ContextNotDefined("context name %s not defined" % (name,))
    return _context_reg[name]


def list_contexts():
    """The names of the registered contexts (none)."""
    return _context_reg.keys()


def gpu_supported(data):
    """Whether the data's dtype is one the GPU back end supports (complex is not)."""
    from ..graph.dtypes import complex_dtypes
    return str(data.dtype) not in complex_dtypes


def move_to_gpu(data):
    """Whether Theano would move this computation to the GPU (not complex, not scalar)."""
    return gpu_supported(data) and data.ndim != 0

from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
