"""The jitted step of a function for one set of shape keys, and how a call runs it.

The pure step (compile/lower.make_step) becomes a jax.jit on the function's placement, traced with the
function's matmul_precision, returning (outputs, new shared values, flag, old values):

* flag is None when nothing can fail at call time; otherwise the int64 vector of compile/guard.py, and the
  new values are already rolled back where it is set, so the updated shared buffers are always donated.
  old values are None, except for an update that changes its variable's shape (no select is possible
  there): then the old value comes back too and a failed call restores it.
* Two variants: `host`, where checks on inputs given from the host were peeled off to run with numpy before
  dispatch, and `device`, where every check is in the graph (for calls whose checked inputs are JAX arrays).
  The host variant's checks are recorded per argument shapes when it is traced on purpose (prepare); a trace
  that JAX starts by itself (new dtypes, same shapes) keeps every check in the graph, so nothing is missed.
"""
import jax
import jax.numpy as jnp

from . import guard
from .target import lowering_for


def signature(values, shared):
    """The shapes of a call's arguments: what the traced sizes in host checks depend on."""
    return tuple(getattr(v, "shape", ()) for v in values) + tuple(v.shape for v in shared)


class Executable:
    """One jitted step (both variants) and the host checks of each argument shape it was traced for."""

    def __init__(self, step, keys, inputs, updated, readonly, placement, precision):
        self._step, self._keys, self._target = step, keys, (precision, placement.device.platform)
        self._n_inputs, self._n_updated = len(inputs), len(updated)
        self._explicit = False
        self.host_checks = {}  # signature -> [guard.HostCheck]
        donated = range(len(inputs), len(inputs) + len(updated))
        self.host = placement.jit(self._run(True), inputs, updated + readonly, donated)
        self.device = placement.jit(self._run(False), inputs, updated + readonly, donated)

    def _run(self, peel):
        n_in, n_up = self._n_inputs, self._n_updated

        def run(*args):
            explicit = peel and self._explicit
            host_inputs = {id(a): k for k, a in enumerate(args[:n_in])} if explicit else None
            with lowering_for(*self._target), guard.scope(host_inputs) as s:
                outs, news = self._step(args, self._keys)
            if explicit:
                self.host_checks[tuple(a.shape for a in args)] = s.host
            flag = s.flag()
            if flag is None:
                return outs, news, None, None
            ok, before = flag[0] == 0, args[n_in:n_in + n_up]
            olds = tuple(None if jnp.shape(new) == old.shape else old for new, old in zip(news, before))
            rolled = tuple(new if keep is not None else jnp.where(ok, new, old)
                           for new, keep, old in zip(news, olds, before))
            return outs, rolled + tuple(news[n_up:]), flag, olds
        return run

    @property
    def guarded(self):
        """Whether some trace peeled checks off to the host (calls must then look their checks up)."""
        return any(self.host_checks.values())

    def passes(self, values, shared):
        """Run the host checks of this call (raising what Theano raises); False when the fast path cannot
        serve it (shapes not traced on purpose yet, or a checked input given as a JAX array)."""
        checks = self.host_checks.get(signature(values, shared))
        if checks is None or not _on_host(checks, values):
            return False
        for check in checks:
            check.run(values)
        return True

    def prepare(self, values, shared):
        """The variant that serves this call, after tracing it for these shapes if needed and running the
        host checks (a failing check raises before anything is dispatched)."""
        sig = signature(values, shared)
        if sig not in self.host_checks:
            self._explicit = True
            try:
                self.host.trace(*values, *shared)
            finally:
                self._explicit = False
            self.host_checks.setdefault(sig, [])
        checks = self.host_checks[sig]
        if not _on_host(checks, values):
            return self.device
        for check in checks:
            check.run(values)
        return self.host


def _on_host(checks, values):
    return all(guard.is_host_value(values[p]) for c in checks for p in c.positions)


def finish(flag, outs):
    """Fetch a checked call's flag and outputs in one transfer: (failed, host outputs)."""
    flag, outs = jax.device_get((flag, tuple(outs)))
    return flag[0] != 0, outs, flag
