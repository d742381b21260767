"""theano.gof.params_type: ops' parameter bundles (the op-building API)."""
from ..graph.ops import MethodNotDefined  # noqa: F401

from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
