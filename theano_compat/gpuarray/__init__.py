"""theano.gpuarray: Theano's GPU back end, as it imports on a machine without pygpu (pygpu_activated is
False, no context, dnn_available() False). theano_compat runs on GPUs through JAX instead: set
config.device (THEANO_FLAGS=device=cuda) and the compiled step runs there."""
from collections import namedtuple

from ..compile.mode import optdb  # noqa: F401
from ..config import config  # noqa: F401
from ..stand_ins import declare_unsupported
from ..tensor.basic import register_transfer  # noqa: F401
from . import dnn, type  # noqa: F401
from .type import (ContextNotDefined, GpuArrayConstant, GpuArraySharedVariable, GpuArrayType,  # noqa: F401
                   GpuArrayVariable, NO_PYGPU, get_context, gpuarray_shared_constructor, pygpu, reg_context)

pygpu_activated = False
theano_gpu_is_already_active = False
from .type import as_gpuarray_variable  # noqa: E402

declare_unsupported(globals(), NO_PYGPU, functions="init_dev use")


def transfer(x, target):
    """x on the GPU context `target`: None when no such context exists (always, without pygpu)."""
    try:
        get_context(target)
    except ContextNotDefined:
        return None
    return as_gpuarray_variable(x, target)  # noqa: F821  (bound by declare_unsupported above)


def pygpu_parse_version(version_string):
    """pygpu's version string as (major, minor, patch, fullversion)."""
    version_type = namedtuple("version_type", ("major", "minor", "patch", "fullversion"))
    pieces = version_string.split(".", 2)
    assert len(pieces) == 3, version_string
    major, minor = int(pieces[0]), int(pieces[1])
    patch = int(pieces[2].split("+", 1)[0] if "+" in pieces[2] else pieces[2].split(".", 1)[0])
    return version_type(major=major, minor=minor, patch=patch, fullversion="%d.%d.%s" % (major, minor, pieces[2]))
