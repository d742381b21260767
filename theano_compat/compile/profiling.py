"""theano.compile.profiling: Theano's per-op profiler. XLA runs one fused step, so there are no per-op
timings to collect; profile= and ProfileStats are accepted (use jax.profiler to profile the step)."""
import time

from ..config import config  # noqa: F401
from ..stand_ins import noop, noop_function

PROFILER_WHY = "Theano's per-op profiler has no counterpart on one fused XLA step (use jax.profiler)"
theano_imported_time = time.time()
total_fct_exec_time = 0.0
total_graph_opt_time = 0.0
total_time_linker = 0.0


@noop(PROFILER_WHY)
class ProfileStats:
    """Accepted; summary() reports that no per-op profile exists."""

    def __init__(self, atexit_print=True, flag_time_thunks=None, gpu_checks=True, **kwargs):
        self.message = kwargs.get("message")
        self.fct_callcount, self.fct_call_time, self.compile_time = 0, 0.0, 0.0
        self.apply_time, self.apply_callcount, self.variable_shape = {}, {}, {}

    def summary(self, file=None, n_ops_to_print=20, n_apply_to_print=20):
        print("ProfileStats: %s" % PROFILER_WHY, file=file)


@noop(PROFILER_WHY)
class ScanProfileStats(ProfileStats):
    """Scan's profile (accepted)."""


print_global_stats = noop_function("print_global_stats", PROFILER_WHY)
register_profiler_printer = noop_function("register_profiler_printer", PROFILER_WHY)
