"""Where values and steps live: Theano's `device` flag as a JAX sharding.

device=cpu keeps shared variables and every step on the CPU even when JAX's default backend is a GPU;
device=cuda/cudaN/gpu puts them on that GPU, including functions that have no shared variable (their inputs
go straight to the device). A step is jitted with explicit in/out shardings, so a numpy argument is copied
once to the device and a JAX array already there is used in place (one elsewhere is moved).

The sharding is the extension point for data parallelism: a placement over a mesh gives shared values a
replicated NamedSharding and inputs a batch-split one, and the same jit call partitions the one pure step.
"""
import jax
from jax.sharding import SingleDeviceSharding

from ..config import config, jax_device
from ..distributed import is_distributed


class Placement:
    """One device for everything: the shardings a step and its shared values use."""

    def __init__(self, device):
        self.device = device
        self.sharding = SingleDeviceSharding(device)

    def put(self, value):
        """A shared variable's value, on the device."""
        return jax.device_put(value, self.sharding)

    def input_sharding(self, variable):
        """The sharding of a function input (a graph variable; a mesh placement splits its batch axis)."""
        return self.sharding

    def shared_sharding(self, variable):
        """The sharding of a shared variable's value (a mesh placement replicates it)."""
        return self.sharding

    def plan(self, inputs, givens, nodes):
        """The sharding constraints of a step's values (a mesh placement splits the givens' batches)."""
        return None

    def jit(self, fn, inputs, shared, donated):
        """jax.jit of a step fn(*inputs, *shared values): `inputs` and `shared` are the graph variables, and
        the arguments at positions `donated` give their buffers to the outputs."""
        ins = tuple(map(self.input_sharding, inputs)) + tuple(map(self.shared_sharding, shared))
        return jax.jit(fn, in_shardings=ins, out_shardings=self.sharding, donate_argnums=tuple(donated))

    def __repr__(self):
        return f"Placement({self.device})"


_CURRENT = {}


def current():
    """The placement that config.device names (read once: Theano fixes the device at start-up), over a mesh
    of that platform's devices when the data_parallel flag is set (compile/mesh.py)."""
    # processes that joined one mesh run data parallel over all its devices unless the flag says otherwise
    key = (config.device, "all" if config.data_parallel == "off" and is_distributed() else config.data_parallel)
    placement = _CURRENT.get(key)
    if placement is None:
        placement = Placement(jax_device(key[0]))
        if key[1] != "off":
            from . import mesh
            placement = mesh.current(placement.device, key[1])
        _CURRENT[key] = placement
    return placement
