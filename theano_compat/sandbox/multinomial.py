"""theano.sandbox.multinomial: the ops MRG_RandomStreams samples multinomials and choices with."""
from ..graph.nodes import Apply  # noqa: F401
