"""theano.tensor.type: TensorType and the value comparisons Theano attaches to it."""
from ..config import config  # noqa: F401
from ..gof.utils import hashtype  # noqa: F401
from ..graph.nodes import Variable  # noqa: F401
from ..graph.types import TensorType  # noqa: F401
from .checks import (values_eq_approx, values_eq_approx_always_true, values_eq_approx_remove_inf,  # noqa: F401
                     values_eq_approx_remove_inf_nan, values_eq_approx_remove_nan)

from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
