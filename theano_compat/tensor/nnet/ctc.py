"""theano.tensor.nnet.ctc: the connectionist temporal classification loss through the warp-ctc C library,
which Theano needs installed (ctc_available() is False without it, as here)."""
from ...config import config  # noqa: F401
from ...gof.op import GCC_compiler  # noqa: F401
from ...gof.opt import local_optimizer  # noqa: F401
from ...gradient import grad_undefined  # noqa: F401
from ...stand_ins import NoOpOptimizer, declare_unsupported
from ..extra_ops import cpu_contiguous  # noqa: F401
from ..opt import register_canonicalize  # noqa: F401

NO_WARP_CTC = "theano_compat does not bind the warp-ctc library"
local_ctc_no_grad = NoOpOptimizer(name="local_ctc_no_grad")
declare_unsupported(globals(), "it runs the warp-ctc C library, which theano_compat does not bind", functions="ctc",
                    classes="ConnectionistTemporalClassification")


def ctc_present():
    """Whether the warp-ctc library is there: no (the reason is in ctc_present.msg)."""
    return False


def ctc_available():
    """Whether ctc() can run: no (the reason is in ctc_available.msg)."""
    return False


ctc_present.msg = ctc_available.msg = NO_WARP_CTC
