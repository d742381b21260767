"""theano.gof.optdb: Theano's optimizer databases (accepted; XLA optimizes the compiled step)."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..compat import DefaultOrderedDict  # noqa: F401
from ..compile.mode import Query  # noqa: F401
from ..config import config  # noqa: F401
from ..misc.ordered_set import OrderedSet  # noqa: F401
from ..stand_ins import OPTIMIZER_WHY, NoOpDB, declare_noop

declare_noop(globals(), OPTIMIZER_WHY, NoOpDB, classes="DB EquilibriumDB SequenceDB LocalGroupDB TopoDB ProxyDB")
