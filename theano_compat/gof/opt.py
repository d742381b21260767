"""theano.gof.opt: Theano's graph optimizer classes and decorators. XLA optimizes the compiled step, so
these are accepted and never applied: libraries subclass and register them at import time, harmlessly."""
from ..compat import integer_types, string_types  # noqa: F401  (Theano's six names)
from ..config import config  # noqa: F401
from ..misc.ordered_set import OrderedSet  # noqa: F401
from ..stand_ins import (OPTIMIZER_WHY, NoOpOptimizer, declare_noop, local_optimizer, noop, noop_function)
from .fg import InconsistencyError  # noqa: F401

izip = zip

declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="""
    Optimizer FromFunctionOptimizer SeqOptimizer MergeFeature MergeOptimizer LocalOptimizer
    FromFunctionLocalOptimizer LocalOptGroup GraphToGPULocalOptGroup OpSub OpRemove PatternSub Updater
    NavigatorOptimizer TopoOptimizer OpKeyOptimizer ChangeTracker EquilibriumOptimizer LocalMetaOptimizer
    CheckStackTraceOptimization CheckStrackTraceFeature""")


class LocalMetaOptimizerSkipAssertionError(AssertionError):
    """Theano's LocalMetaOptimizer skips a candidate that raises this."""


def optimizer(f):
    """Decorator: a global optimizer from a function (accepted, never applied)."""
    return FromFunctionOptimizer(f)


def inplace_optimizer(f):
    """Decorator: an in-place global optimizer (accepted, never applied)."""
    return FromFunctionOptimizer(f)


def in2out(*local_opts, **kwargs):
    """A TopoOptimizer applying the local optimizers from inputs to outputs (accepted, never applied)."""
    return TopoOptimizer(*local_opts, **kwargs)


def out2in(*local_opts, **kwargs):
    """A TopoOptimizer applying the local optimizers from outputs to inputs (accepted, never applied)."""
    return TopoOptimizer(*local_opts, **kwargs)


for _f in (optimizer, inplace_optimizer, in2out, out2in):
    noop(OPTIMIZER_WHY)(_f)
pre_constant_merge = noop(OPTIMIZER_WHY)(lambda vars: vars)
pre_constant_merge.__name__ = pre_constant_merge.__qualname__ = "pre_constant_merge"
pre_greedy_local_optimizer = noop(OPTIMIZER_WHY)(lambda list_optimizations, out: out)
pre_greedy_local_optimizer.__name__ = pre_greedy_local_optimizer.__qualname__ = "pre_greedy_local_optimizer"
check_chain = noop_function("check_chain", OPTIMIZER_WHY)
copy_stack_trace = noop_function("copy_stack_trace", OPTIMIZER_WHY)


def inherit_stack_trace(from_var):
    """A context manager copying stack traces to the variables built inside (nothing to copy here)."""
    import contextlib
    return contextlib.nullcontext()


def merge_dict(d1, d2):
    """Merge 2 dicts by adding the values."""
    d = d1.copy()
    for k, v in d2.items():
        d[k] = d[k] + v if k in d else v
    return d


def check_stack_trace(f_or_fgraph, ops_to_check="last", bug_print="raise"):
    """Theano's check that optimizations kept stack traces: none are rewritten here."""
    return True


def is_same_graph_with_merge(var1, var2, givens=None):
    """Whether var1 and var2 compute the same thing (Theano merges the two graphs to answer)."""
    from .graph import is_same_graph
    return is_same_graph(var1, var2, givens)


__all__ = ["local_optimizer"]
