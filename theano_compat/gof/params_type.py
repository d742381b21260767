"""theano.gof.params_type: ops' parameter bundles (the op-building API)."""
from ..graph.ops import MethodNotDefined  # noqa: F401
