"""theano.updates: OrderedUpdates, the updates dictionary scan returns."""
from .scan_module.scan_utils import OrderedUpdates

__all__ = ["OrderedUpdates"]
