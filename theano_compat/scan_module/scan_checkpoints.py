"""theano.scan_module.scan_checkpoints: scan that stores only every n-th step for the backward pass."""
from .scan_views import scan_checkpoints  # noqa: F401
