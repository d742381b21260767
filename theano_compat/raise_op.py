"""theano.raise_op: Theano's Raise op (the op-building API)."""
