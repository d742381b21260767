"""theano.updates: OrderedUpdates, the updates dictionary scan returns."""
from .compile.shared import SharedVariable  # noqa: F401
from .scan_module.scan_utils import OrderedUpdates

__all__ = ["OrderedUpdates"]
