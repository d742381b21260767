"""theano_compat: Theano 1.0's API on JAX. `import theano_compat as theano` is Theano.

Legacy code can also keep `import theano`: call theano_compat.install() first, or run the script with
`theano-compat run script.py`.
"""
from .config import config
from . import tensor
from .compile import (In, Out, Param, SharedVariable, Mode, function, shared, FAST_RUN, FAST_COMPILE)
from .compile.builders import OpFromGraph
from .compile.gradient import grad
from .graph.nodes import Variable, Constant, Apply
from .graph.ops import Op
from .graph.types import Generic, Type, generic
from .printing import pp, pprint
from . import printing
from .legacy import install
from .scan_module import scan, map, reduce, foldl, foldr, scan_checkpoints
from .scan_module.scan_utils import OrderedUpdates, clone
from . import compile, gof, ifelse, gradient, sandbox, scan_module
from .compile import ops as _compile_ops  # noqa: F401  (theano.compile.ops, as in Theano)
from .ops import random_mrg  # noqa: F401  (registers the MRG ops, so pickled functions find them)
from .toplevel import *  # noqa: F401,F403  (the rest of Theano's top-level names)
from .toplevel import __all__ as _top_all, _asarray  # noqa: F401

__version__ = "1.0.5"
version = __version__


def dot(l, r):
    return tensor.dot(l, r)


__all__ = ["config", "tensor", "In", "Out", "Param", "SharedVariable", "Mode", "function", "shared", "grad",
           "Variable", "Constant", "Apply", "Op", "Type", "Generic", "generic", "pp", "pprint", "printing", "clone", "dot", "install",
           "__version__", "FAST_RUN", "FAST_COMPILE", "scan", "map", "reduce", "foldl", "foldr",
           "scan_checkpoints", "OrderedUpdates", "ifelse", "gradient", "sandbox", "compile", "gof", "scan_module",
           "version", "OpFromGraph"] + _top_all
