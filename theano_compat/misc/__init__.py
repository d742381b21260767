"""theano.misc: Theano's small helpers (pkl_utils's dump/load, OrderedSet, frozendict, may_share_memory)."""
