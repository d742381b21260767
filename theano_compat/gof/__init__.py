"""theano.gof: Theano's graph library, under its old module path."""
from ..compile.ops import ops_with_inner_function  # noqa: F401
from ..graph.ops import MethodNotDefined
from ..graph.nodes import Apply, Constant, Variable
from ..graph.ops import Op, PureOp
from ..graph.types import Generic, PureType, Type, generic
from ..stand_ins import C_CODE_WHY, LINKER_WHY, OPTIMIZER_WHY, NoOpLinker, NoOpOptimizer, declare_noop
from . import fg, graph, link, null_type, op, opt, optdb, params_type, type, utils  # noqa: F401
from .fg import CachedConstantError, FunctionGraph, InconsistencyError, MissingInputError
from .graph import view_roots
from .op import COp, OpenMPOp  # noqa: F401
from .params_type import Params, ParamsType  # noqa: F401
from .type import CEnumType, EnumList, EnumType  # noqa: F401
from .link import Container, Linker, LocalLinker, PerformLinker, WrapLinker, WrapLinkerMany
from .opt import (CheckStackTraceOptimization, EquilibriumOptimizer, LocalOptGroup, LocalOptimizer,
                  MergeOptimizer, NavigatorOptimizer, OpKeyOptimizer, OpRemove, OpSub, Optimizer, PatternSub,
                  SeqOptimizer, TopoOptimizer, inplace_optimizer, local_optimizer, optimizer)
from .optdb import DB, EquilibriumDB, LocalGroupDB, ProxyDB, Query, SequenceDB
from .utils import hashtype, object2

# Names theano.gof takes from its C-linker, destroy-handler and toolbox modules (not served themselves).
declare_noop(globals(), LINKER_WHY, NoOpLinker, classes="CLinker DualLinker OpWiseCLinker")
declare_noop(globals(), C_CODE_WHY, NoOpLinker, classes="HideC")
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="""
    DestroyHandler Feature Bookkeeper History Validator ReplaceValidate NodeFinder PrintListener
    NoOutputFromInplace""")


class ReplacementDidntRemovedError(Exception):
    """Theano's optimizer toolbox: a replacement left the replaced node in the graph."""


__all__ = ["Apply", "Constant", "Variable", "Op", "PureOp", "Type", "PureType", "Generic", "generic",
           "MethodNotDefined", "fg", "graph", "FunctionGraph"]
