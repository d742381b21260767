"""theano.scan_module.scan_checkpoints: scan that stores only every n-th step for the backward pass."""
from .scan_views import scan_checkpoints  # noqa: F401
from ..ops.join import Join  # noqa: E402,F401  (Theano's module imports it)
