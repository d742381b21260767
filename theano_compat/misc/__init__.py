"""theano.misc: Theano's small helpers (pkl_utils's dump/load, OrderedSet, frozendict, may_share_memory)."""
from . import frozendict, ordered_set, safe_asarray  # noqa: F401  (imported with theano, as in Theano)
