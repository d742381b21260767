"""theano.scalar.sharedvar: shared variables of theano.scalar's types (scan imports the module)."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..compile.shared import SharedVariable  # noqa: F401
