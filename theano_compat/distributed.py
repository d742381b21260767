"""Several processes, one mesh: jax.distributed for the data_parallel flag (one process per host, or several on
one host for testing).

Every process runs the same script (SPMD). The coordinator's address, the process count and this process's id
come from `theano-compat run --coordinator HOST:PORT --num-processes K --process-id I`, or from the environment:
JAX_COORDINATOR_ADDRESS, JAX_NUM_PROCESSES, JAX_PROCESS_ID; or, under a launcher JAX knows (SLURM, Open MPI),
from the launcher's own variables when data_parallel is set. Processes must join before JAX starts its
backends, so this runs when theano_compat's configuration is loaded (config.py), before the device flag is
read. On CPUs the processes' collectives go through gloo.
"""
import os

import jax

_LAUNCHERS = ("SLURM_NTASKS", "OMPI_COMM_WORLD_SIZE")


def requested(environ=os.environ):
    """(coordinator, process count, process id) from the environment, or None where nothing asks to join."""
    address = environ.get("JAX_COORDINATOR_ADDRESS")
    if address:
        count, pid = environ.get("JAX_NUM_PROCESSES"), environ.get("JAX_PROCESS_ID")
        return address, int(count) if count else None, int(pid) if pid else None
    return None


def launched(environ=os.environ):
    """Whether a launcher JAX detects by itself started several processes."""
    return any(int(environ.get(k, "1") or 1) > 1 for k in _LAUNCHERS)


_JOINED = []


def initialize(coordinator=None, num_processes=None, process_id=None):
    """Join the processes' mesh (once); arguments left None are JAX's to detect."""
    if _JOINED:
        return
    if jax.config.jax_cpu_collectives_implementation in (None, "", "none"):
        # CPU devices of several processes reduce through gloo (XLA's default has no cross-process CPU path)
        jax.config.update("jax_cpu_collectives_implementation", "gloo")
    jax.distributed.initialize(coordinator, num_processes, process_id)
    _JOINED.append((coordinator, num_processes, process_id))


def from_environment(data_parallel):
    """At start-up: join when the environment asks (see the module doc)."""
    join = requested()
    if join is not None:
        initialize(*join)
    elif data_parallel != "off" and launched():
        initialize()


def is_distributed():
    """Whether this process joined others."""
    return bool(_JOINED)
