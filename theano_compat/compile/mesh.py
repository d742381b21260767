"""Data parallelism (the `data_parallel` flag): each function's one pure step, partitioned by XLA over a 1-D
mesh of devices.

The step keeps the semantics of one device: it is jitted with explicit in/out shardings and XLA's SPMD
partitioner splits the work and inserts the reductions (a gradient's sum over the batch becomes a local sum
and an all-reduce). Whatever is split, the result is the single-device program's, up to the order of float
sums. What is split is only a matter of speed:

* shared variables are replicated (every device holds the whole value, as data parallelism wants: the
  updates are computed once per device, identically, with no communication after the all-reduce);
* a function input is split along its batch axis when the device count divides it (else it is replicated
  and the step runs as on one device, on every device): axis 0, or axis 1 for a time-major array (a scan
  sequence, or an array combined elementwise with one, e.g. the targets of an RNN's outputs): scan walks
  over time, each device over its part of the batch;
* the value of a `givens` replacement (the classic minibatch: train_x[i * bs:(i + 1) * bs] of a dataset held in
  a replicated shared variable) gets the same split as a sharding constraint, so each device computes on its
  own rows of the slice;
* outputs and new shared values are replicated: a function returns its whole (global) result.

On the CPU with simulated devices (XLA_FLAGS=--xla_force_host_platform_device_count=N) two partitioned
steps in flight at once can deadlock XLA's in-process all-reduce (one thread pool serves every device), so a
CPU mesh step waits for its results before returning (a training loop fetches its loss anyway).
"""
import contextlib
import hashlib
import warnings
import weakref

import jax
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec

AXIS = "batch"


class MeshPlacement:
    """Data parallel over `devices`: shared values replicated, batches split (see the module doc)."""

    def __init__(self, devices):
        self.devices = list(devices)
        self.device = self.devices[0]  # the platform the step is lowered for (compile/target.py)
        self.size = len(self.devices)
        self.mesh = Mesh(np.array(self.devices), (AXIS,))
        self.sharding = NamedSharding(self.mesh, PartitionSpec())  # replicated
        self.multiprocess = any(d.process_index != jax.process_index() for d in self.devices)
        self._axes = weakref.WeakKeyDictionary()  # input variable -> its batch axis (plan)

    def split(self, axis):
        """The sharding that splits an array's `axis` over the mesh."""
        return NamedSharding(self.mesh, PartitionSpec(*([None] * axis + [AXIS])))

    def splits(self, shape, axis):
        """Whether an array of this shape is split along `axis` (the device count divides it)."""
        return len(shape) > axis and shape[axis] > 0 and shape[axis] % self.size == 0

    def put(self, value):
        """A shared variable's value, replicated on the mesh (on several processes: checked identical)."""
        if not self.multiprocess:
            return jax.device_put(value, self.sharding)
        value = np.asarray(value)
        check_identical(value)
        return jax.make_array_from_callback(value.shape, self.sharding, lambda index: value[index])

    def plan(self, inputs, givens, nodes):
        """Decide the batch axis of each input and return the constraints of the step: {given value:
        function(traced value) -> the value split along its batch axis where the device count divides it}."""
        major = time_major(nodes)
        for v in inputs:
            self._axes[v] = 1 if v in major else 0
        constrain = {}
        for v in givens:
            if getattr(v, "ndim", 0) >= 1 and v not in inputs:
                constrain[v] = self._constraint(1 if v in major else 0)
        return constrain

    def _constraint(self, axis):
        sharding = self.split(axis)

        def constrain(value):
            if self.splits(np.shape(value), axis):
                return jax.lax.with_sharding_constraint(value, sharding)
            return value
        return constrain

    def jit(self, fn, inputs, shared, donated):
        """The partitioned step: one jax.jit per way of splitting the inputs (their shapes decide)."""
        return MeshStep(self, fn, [self._axes.get(v, 0) for v in inputs], len(shared), tuple(donated))

    def __repr__(self):
        return f"MeshPlacement({self.size} x {self.device.platform})"


class MeshStep:
    """A step jitted for the mesh, called like a jax.jit: it picks the variant that splits these arguments."""

    def __init__(self, placement, fn, axes, n_shared, donated):
        self._placement, self._fn, self._axes = placement, fn, axes
        self._n_shared, self._donated = n_shared, donated
        self._jits = {}
        self._wait = placement.device.platform == "cpu" and placement.size > 1  # one device: no all-reduce

    def _variant(self, args):
        p = self._placement
        key = tuple(p.splits(np.shape(a), axis) for a, axis in zip(args, self._axes))
        jitted = self._jits.get(key)
        if jitted is None:
            ins = tuple(p.split(axis) if split else p.sharding for split, axis in zip(key, self._axes))
            jitted = self._jits[key] = jax.jit(self._traced, in_shardings=ins + (p.sharding,) * self._n_shared,
                                               out_shardings=p.sharding, donate_argnums=self._donated)
        return jitted, key

    def _traced(self, *args):
        with tracing(self._placement):
            return self._fn(*args)

    def _global(self, args, key):
        """On several processes, numpy inputs become global arrays: each process places its own part (the
        script being the same on every process, every process holds the same whole batch)."""
        p, n = self._placement, len(self._axes)
        placed = []
        for k, a in enumerate(args):
            if k < n and not isinstance(a, jax.Array):
                a = np.asarray(a)
                sharding = p.split(self._axes[k]) if key[k] else p.sharding
                a = jax.make_array_from_callback(a.shape, sharding, lambda index, a=a: a[index])
            placed.append(a)
        return placed

    def _prepared(self, args):
        jitted, key = self._variant(args)
        return jitted, (self._global(args, key) if self._placement.multiprocess else args)

    def __call__(self, *args):
        jitted, args = self._prepared(args)
        result = jitted(*args)
        if self._wait:
            jax.block_until_ready(result)
        return result

    def trace(self, *args):
        jitted, args = self._prepared(args)
        return jitted.trace(*args)


def time_major(nodes):
    """The variables whose batch axis is 1: scan's sequences and stacked outputs, and what meets them in an
    elementwise op with the same number of dimensions (an RNN's targets)."""
    from ..ops.elementwise import Elemwise
    from ..graph.ops import primitive_name
    from ..ops.scan import scan_op
    major = set()
    for node in nodes:
        if primitive_name(node) == scan_op.name:
            n_seqs = len(node.params["spec"].seqs)
            major.update(v for v in node.inputs[1:1 + n_seqs] if getattr(v, "ndim", 0) >= 2)
            major.update(v for v in node.outputs if getattr(v, "ndim", 0) >= 2)
        elif isinstance(node.op, Elemwise):
            dims = {v.ndim for v in list(node.inputs) + list(node.outputs) if v in major}
            if dims:
                major.update(v for v in list(node.inputs) + list(node.outputs) if getattr(v, "ndim", -1) in dims)
    return major


# --- host code inside a partitioned step ---

_TRACING = []
_WARNED = set()


@contextlib.contextmanager
def tracing(placement):
    """While a mesh step is traced (host callbacks ask here)."""
    _TRACING.append(placement)
    try:
        yield
    finally:
        _TRACING.pop()


def partitioning():
    """Whether the step being traced is partitioned over several devices."""
    return bool(_TRACING) and _TRACING[-1].size > 1


def host_code(what):
    """Called where a step being traced calls back to the host (`what` names it). On one process the
    callback runs replicated (XLA gathers its operands on one device), correctly but not split: a one-time
    warning says so. On several processes it would run on one process only: refused."""
    if not partitioning():
        return
    if _TRACING[-1].multiprocess:
        raise NotImplementedError(f"data_parallel over several processes: {what} runs on the host, inside the "
                                  "step, and cannot run on every process; use it with data_parallel=off, or "
                                  "replace it (MRG_RandomStreams or randomstreams=threefry for random draws)")
    if what not in _WARNED:
        _WARNED.add(what)
        warnings.warn(f"data_parallel: {what}: host code inside the step, computed on one device with its "
                      "operands gathered (correct, not split)", stacklevel=2)


# --- several processes ---

def check_identical(value):
    """Fail clearly when a shared variable's initial value differs between processes (the user seeds its
    initialisation, as in Theano; data parallelism needs the same replica everywhere)."""
    from jax.experimental import multihost_utils
    digest = hashlib.sha256(np.ascontiguousarray(value).tobytes()).digest()[:8]
    mine = np.array([int.from_bytes(digest, "little", signed=True), value.size], np.int64)
    every = np.asarray(multihost_utils.process_allgather(mine))
    if not (every == every[0]).all():
        differ = [k for k in range(len(every)) if not (every[k] == every[0]).all()]
        raise ValueError(f"data_parallel: a shared variable of shape {value.shape} starts with different values "
                         f"on processes {differ} than on process 0; seed its initialisation identically on "
                         "every process (numpy.random.RandomState(seed))")


def current(device, count):
    """The mesh placement for the device flag's platform and the data_parallel flag ('all' or a count)."""
    try:
        devices = jax.devices(device.platform)
    except RuntimeError:
        devices = [device]
    n = len(devices) if count == "all" else int(count)
    if n > len(devices):
        raise RuntimeError(f"data_parallel={count} was requested but JAX sees only {len(devices)} "
                           f"{device.platform.upper()} device(s)")
    return MeshPlacement(devices[:n])
