"""theano.scalar.basic_sympy: SymPyCCode compiled a SymPy expression to C; Theano itself needs sympy for it."""
import itertools as it

from ..graph.nodes import Apply  # noqa: F401  (Theano's module imports these)
from ..stand_ins import unsupported_class, unsupported_function
from .ops import ScalarOp
from .type import as_scalar, float32, float64, int64  # noqa: F401

imported_sympy = False
names = ("sympy_func_%d" % i for i in it.count(0))
_WHY = "it generates C code from a SymPy expression; write the expression with theano.scalar or tensor ops"
SymPyCCode = unsupported_class("theano.scalar.basic_sympy.SymPyCCode", _WHY, bases=(ScalarOp,))


def include_line(line):
    """Whether a line of generated C is an #include."""
    return "#include" in line


sympy_dtype = unsupported_function("theano.scalar.basic_sympy.sympy_dtype", _WHY)
theano_dtype = unsupported_function("theano.scalar.basic_sympy.theano_dtype", _WHY)
from ..gof.utils import remove  # noqa: E402,F401  (Theano's module imports it)
