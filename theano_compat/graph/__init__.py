"""The symbolic core: types, variables and apply nodes, Theano's dtype rules, and the op record."""
