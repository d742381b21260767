"""theano.scan_module: scan, map, reduce, foldl, foldr, scan_checkpoints and until (Theano 1.0's loops),
lowered to one lax.scan (lax.while_loop for until) inside the function's jitted step."""
from .scan import scan
from .scan_utils import OrderedUpdates, clone, until
from . import scan_checkpoints as _scan_checkpoints_module, scan_op, scan_utils, scan_views  # noqa: F401
from .scan_views import foldl, foldr, map, reduce, scan_checkpoints

__all__ = ["scan", "map", "reduce", "foldl", "foldr", "scan_checkpoints", "until", "OrderedUpdates"]
