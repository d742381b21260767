"""Call-time failures of a compiled step: Theano's value checks and host callbacks' exceptions, one mechanism.

Theano raises at call time on some values (x[5] of a length-5 x, int // 0, a label past the last class, a
singular matrix), and a failing call leaves every shared variable as it was. Here, without a second host round
trip and with the step's buffers still donated:

* A check whose operands are inputs of the step that the caller gave as host values (numpy arrays, numbers)
  runs on the host, with numpy, before the step is dispatched (``runtime_check`` with a test function; the
  step itself then carries no trace of it). Its static parameters (sizes) are the traced shapes, so the
  function keys these host checks by the shapes of the call's arguments.
* Every other check becomes part of one flag, an int64 vector ``[code, detail, detail]`` (code 0: all
  passed, else the first failure in graph order) that the step returns beside its outputs and that the
  caller fetches in the same transfer. Inside the step, every update is rolled back where the flag is set
  (``jnp.where(ok, new, old)``), so donated buffers can be reused and a failed call still changes no state.
* A host callback (compile/host.py) that catches an exception reports it through the same flag, and the call
  then raises that very exception object. From the callback (host side) and its lowering (trace side)::

      def perform_on_host(*arrays):               # runs during the call, on the host
          try:
              outs = user_op.perform(...)
          except Exception as e:                  # never let it unwind through XLA
              return placeholders..., np.int64(guard.stash(e))
          guard.on_failure(undo)                  # optional: undo the host state this call changed
          return outs..., np.int64(0)

      *outs, failed = jax.pure_callback(perform_on_host, (*out_shapes, jax.ShapeDtypeStruct((), np.int64)),
                                        *args)
      guard.report_host_failure(failed)          # trace time: route it through the step's flag

  After such a call the function restores every shared variable, runs the registered undo actions (newest
  first) and raises the stashed exception. Undo actions of a call that succeeded are dropped.

Checks inside loops and branches (scan, lazy ifelse) open a nested ``scope()`` in their body, return its
``flag()`` as one more output and ``report()`` it to the enclosing scope (``report_steps`` for a loop's
stacked flags). A check traced where no scope listens (inside an op's jax.vjp lowering: the forward op
checks the same values) is dropped.
"""
import contextlib
import itertools
import threading

import jax
import jax.numpy as jnp
import numpy as np

from ..graph.ops import is_tracer

WIDTH = 3  # [code, detail, detail]: a failure's code and up to two integers its message names

try:  # the trace being recorded: a check made in another one (jax.vjp, lax.scan's body) cannot use its scope
    from jax._src.core import trace_ctx as _trace_ctx
except ImportError:  # pragma: no cover  (another JAX: trust that scopes are opened where they should be)
    _trace_ctx = None


def _current_trace():
    return _trace_ctx.trace if _trace_ctx is not None else None


# --- failure kinds: the registry that a flag's code points into ---

class Failure:
    """One way a call can fail: an error class and a message whose {names} come from the flag's details."""

    def __init__(self, code, error, message, names):
        self.code, self.error, self.message, self.names = code, error, message, names

    def exception(self, details):
        if self.error is None:  # a host callback's own exception
            return stashed(int(details[0]))
        return self.error(self.message.format(**{n: int(d) for n, d in zip(self.names, details)}))


_FAILURES = [None]  # by code; code 0 means "no failure"
_BY_KEY = {}
_LOCK = threading.Lock()


def _failure(error, message, names=()):
    key = (error, message, tuple(names))
    with _LOCK:
        kind = _BY_KEY.get(key)
        if kind is None:
            kind = _BY_KEY[key] = Failure(len(_FAILURES), error, message, tuple(names))
            _FAILURES.append(kind)
    return kind


_HOST = _failure(None, "a host callback failed", ("id",))


def exception_of(flag):
    """The exception a fetched flag stands for (flag[0] != 0)."""
    return _FAILURES[int(flag[0])].exception(flag[1:])


# --- host callbacks' exceptions, kept until the call that raised them can raise them ---

_STASH = {}
_IDS = itertools.count(1)
_UNDO = []


def stash(exc):
    """Keep a host callback's exception; the nonzero id (below 2^31: it fits any integer word) to return
    through the step (report_host_failure)."""
    with _LOCK:
        key = next(_IDS) % (1 << 31) or next(_IDS)
        _STASH[key] = exc
    return key


def stashed(key):
    """The exception kept under `key` (once)."""
    with _LOCK:
        exc = _STASH.pop(key, None)
    return exc if exc is not None else RuntimeError("a host callback failed and its exception was lost")


def on_failure(undo):
    """From a host callback: call undo() if the call it runs in fails (so host state changes all or nothing)."""
    with _LOCK:
        _UNDO.append(undo)


def settle(failed):
    """After a call with a flag: run the undo actions if it failed (newest first), else drop them."""
    with _LOCK:
        undo = _UNDO[:]
        _UNDO.clear()
    if failed:
        for action in reversed(undo):
            action()


# --- scopes: where the checks of one trace are collected ---

class HostCheck:
    """A check run with numpy on the call's arguments before the step is dispatched."""

    def __init__(self, positions, test, kind, values):
        self.positions, self.test, self.kind, self.values = positions, test, kind, values
        self.key = None

    def run(self, args):
        operands = [np.asarray(args[p]) for p in self.positions]
        if not np.all(self.test(*operands)):
            details = [_first(f(*operands)) for f in self.values]
            raise self.kind.exception(details)


class Scope:
    """The checks of one trace: host checks peeled off (the step's own scope only) and the in-graph flag."""

    def __init__(self, host_inputs=None):
        self.trace = _current_trace()
        self.host_inputs = host_inputs  # {id(tracer): argument position} of inputs that come from the host
        self.host = []
        self._pending = []  # (ok scalar, flag vector to report where not ok)

    def owns(self, x):
        return self.trace is None or getattr(x, "_trace", self.trace) is self.trace

    def add(self, ok, kind, details):
        row = jnp.asarray([kind.code] + [_first(d) for d in details] + [0] * (WIDTH - 1 - len(details)),
                          dtype=jnp.int64)
        self._pending.append((jnp.all(ok), row))

    def report(self, flag):
        """Fold a nested scope's flag into this one."""
        if flag is not None:
            self._pending.append((flag[0] == 0, flag))

    def flag(self):
        """The int64 [code, details] vector of the first failed check in order, or None without checks."""
        if not self._pending:
            return None
        flag = jnp.zeros(WIDTH, jnp.int64)
        for ok, row in reversed(self._pending):
            flag = jnp.where(ok, flag, row)
        return flag


_SCOPES = []


@contextlib.contextmanager
def scope(host_inputs=None):
    """Collect the checks traced inside (a step, or the body of a loop or branch)."""
    s = Scope(host_inputs)
    _SCOPES.append(s)
    try:
        yield s
    finally:
        _SCOPES.pop()


def report(flag):
    """Hand a nested body's flag (from scope().flag(), returned by lax.cond/while) to the enclosing scope."""
    if _SCOPES and flag is not None:
        _SCOPES[-1].report(flag)


def report_steps(flags):
    """Hand a loop's stacked per-step flags (n, WIDTH) to the enclosing scope: the first failing step wins."""
    if flags is not None and flags.shape[0]:
        report(flags[jnp.argmax(flags[:, 0] != 0)])


def report_host_failure(failed):
    """Trace side of a host callback: `failed` (int64 from the callback; batched under vmap) is 0 or an id
    from stash()."""
    if _SCOPES and _SCOPES[-1].owns(failed):
        _SCOPES[-1].add(failed == 0, _HOST, [jnp.max(failed)])


def no_flag_row():
    """The flag of a body without failures (for a branch that has no checks beside one that has)."""
    return jnp.zeros(WIDTH, jnp.int64)


# --- the check itself ---

def runtime_check(ok, error, message, operands=None, key=None, **values):
    """Raise error(message.format(**values)) where `ok` is False: at once when the values are known, else
    at the end of the call that computes them (see the module doc).

    ok: a boolean array; or, with `operands`, a function of them giving one, written with operators and
    numpy-compatible calls (it also runs with numpy on host inputs). values: the integers the message names,
    as arrays (or functions of the operands, with `operands`); the first element of each is used. key: a
    hashable naming what `ok` tests, so that the same test of the same inputs runs once on the host (an index
    checked by an op and again by its gradient).
    An op whose lowering calls this sets `op.checks = lambda node: True` (or a test on the node).
    """
    if operands is not None:
        operands = tuple(o if is_tracer(o) else np.asarray(o) for o in operands)
        if not any(is_tracer(o) for o in operands):
            ok = np.asarray(ok(*operands))
            values = {k: f(*operands) for k, f in values.items()}
        else:
            s = _SCOPES[-1] if _SCOPES else None
            if s is not None and s.host_inputs is not None and _host_ready(s, operands):
                check = _host_check(s.host_inputs, operands, ok, error, message, values)
                check.key = None if key is None else (key, check.kind, check.positions)
                if check.key is None or all(c.key != check.key for c in s.host):
                    s.host.append(check)
                return
            ok, values = ok(*operands), {k: f(*operands) for k, f in values.items()}
    if not is_tracer(ok) and not any(is_tracer(v) for v in values.values()):
        if not bool(np.all(np.asarray(ok))):
            raise error(message.format(**{k: _first(v) for k, v in values.items()}))
        return
    s = _SCOPES[-1] if _SCOPES else None
    if s is None or not s.owns(ok):
        return  # traced where no scope listens (an op's jax.vjp lowering): the forward op checks these values
    s.add(ok, _failure(error, message, values), list(values.values()))


def check_range(v, low, high, error, message, name=None):
    """runtime_check that every element of the integer array v is in [low, high); the message may name the
    first element outside as {name}."""
    def test(v):
        v = v.astype(np.int64)
        return (v >= low) & (v < high)

    def first_outside(v):
        if not v.size:
            return 0
        argmin = jnp.argmin if is_tracer(v) else np.argmin
        return v.ravel()[argmin(test(v).ravel())]
    runtime_check(test, error, message, operands=(v,), key=("range", low, high) if is_tracer(v) else None,
                  **({name: first_outside} if name else {}))


def _host_ready(s, operands):
    return all(not is_tracer(o) or id(o) in s.host_inputs for o in operands)


def _host_check(host_inputs, operands, test, error, message, values):
    # Constant operands are bound now; the traced ones are read from the call's arguments by position.
    bound = [(k, o) for k, o in enumerate(operands) if not is_tracer(o)]
    traced = [host_inputs[id(o)] for o in operands if is_tracer(o)]

    def complete(fn):
        def call(*args):
            full = list(args)
            for k, o in bound:
                full.insert(k, o)
            return fn(*full)
        return call if bound else fn
    return HostCheck(tuple(traced), complete(test), _failure(error, message, values),
                     [complete(f) for f in values.values()])


def _first(v):
    if is_tracer(v):
        return jnp.ravel(jnp.asarray(v))[0].astype(jnp.int64) if jnp.size(v) else jnp.int64(0)
    a = np.ravel(np.asarray(v))
    return int(a[0]) if a.size else 0


def is_host_value(v):
    """A call argument that lives on the host (what a host check can read without a transfer)."""
    return not isinstance(v, jax.Array)
