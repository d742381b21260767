"""theano.sandbox.multinomial: the ops MRG_RandomStreams samples multinomials and choices with."""
from ..graph.nodes import Apply  # noqa: F401
from ..ops.random_mrg import ChoiceFromUniform, MultinomialFromUniform, MultinomialWOReplacementFromUniform  # noqa: F401

from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..scalar import as_scalar  # noqa: E402,F401  (Theano's module imports it)
