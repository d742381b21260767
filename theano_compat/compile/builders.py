"""theano.compile.builders: OpFromGraph, an op built from a graph (the op-building API)."""
from ..graph.nodes import Variable  # noqa: F401
from ..gof.graph import io_connection_pattern  # noqa: F401
from .mode import optdb  # noqa: F401
from .ops import ops_with_inner_function  # noqa: F401
from .pfunc import orig_function, rebuild_collect_shared  # noqa: F401
from .shared import SharedVariable  # noqa: F401

izip = zip
inline_ofg_expansion = __import__("theano_compat.stand_ins", fromlist=["NoOpOptimizer"]).NoOpOptimizer(
    name="inline_ofg_expansion")

from ..compile.gradient import DisconnectedType, NullType  # noqa: E402,F401  (Theano's module imports it)
