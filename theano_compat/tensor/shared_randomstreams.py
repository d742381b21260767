"""theano.tensor.shared_randomstreams: RandomStreams, random variables whose state is a shared variable.

As in Theano, every random variable gets its own numpy RandomState, seeded from the stream's seed
generator (`randint(2**30)` per variable, in creation order), in a shared variable whose default update is
the draw's new state; the draws are numpy's, on the host, so the numbers are Theano's. A call updates the
RandomState in place, so one borrowed with get_value(borrow=True) stays the live one (seeding it reseeds
the stream). With theano.config.randomstreams = 'threefry' new random variables draw with JAX's threefry
generator on the device instead (ops/random_threefry.py).
"""
import copy

import numpy as np

from ..compile.host_random import GeneratorContainer
from ..compile.shared import SharedVariable, shared, shared_constructor
from ..config import config
from ..ops.random import RandomStateType, random_state_type, threefry_state_type
from ..ops.random_threefry import ThreefryState
from . import raw_random

__all__ = ["RandomStreams", "RandomStateSharedVariable", "randomstate_constructor"]


class RandomStateSharedVariable(SharedVariable):
    """A shared random state: its value is a numpy RandomState (a ThreefryState for the threefry kind)."""

    @property
    def _numpy(self):
        return self.type.kind == "numpy"

    def get_value(self, borrow=False, return_internal_type=False):
        """The RandomState: a copy, or with borrow=True the live one (seeding it reseeds the stream)."""
        if self._numpy:
            rs = self.container.storage[0]
            return rs if borrow else copy.deepcopy(rs)
        if return_internal_type:
            return self.container.value
        return ThreefryState.from_key(None if borrow else self.container.value, shared=self if borrow else None)

    def set_value(self, new_value, borrow=False):
        """Take a numpy RandomState (copied unless borrow=True) as the new state."""
        if not self._numpy:
            self.container.value = self._to_device(new_value)
            return
        if type(new_value) is not np.random.RandomState:
            raise TypeError(f"a RandomStateSharedVariable takes a numpy.random.RandomState, got "
                            f"{type(new_value).__name__}", f'Container name "{self.name}"')
        self.container.storage[0] = new_value if borrow else copy.deepcopy(new_value)

    def zero(self, borrow=False):
        raise TypeError("a random state has no zero")


@shared_constructor
def randomstate_constructor(value, name=None, strict=False, allow_downcast=None, borrow=False,
                            broadcastable=None):
    """theano.shared for a numpy RandomState (or a ThreefryState): a RandomStateSharedVariable."""
    if isinstance(value, ThreefryState):
        return RandomStateSharedVariable(name=name, type=threefry_state_type, value=value, strict=strict,
                                         allow_downcast=allow_downcast)
    if not isinstance(value, np.random.RandomState):
        raise TypeError
    container = GeneratorContainer(value if borrow else copy.deepcopy(value))
    return RandomStateSharedVariable(name=name, type=random_state_type, value=None, strict=strict,
                                     allow_downcast=allow_downcast, container=container)


def _new_state(kind, seed):
    return np.random.RandomState(seed) if kind == "numpy" else ThreefryState(seed)


class RandomStreams(raw_random.RandomStreamsBase):
    """Random variables like numpy.random's, each with its own shared state (Theano's RandomStreams)."""

    def updates(self):
        return list(self.state_updates)

    def __init__(self, seed=None):
        super().__init__()
        # (shared state, its new value) for every random variable made here, in creation order
        self.state_updates = []
        self.default_instance_seed = seed
        # Theano: this numpy generator hands out the seed of each new stream
        self.gen_seedgen = np.random.RandomState(seed)

    def seed(self, seed=None):
        """Reseed every random variable of the stream, deterministically from `seed`."""
        if seed is None:
            seed = self.default_instance_seed
        seedgen = np.random.RandomState(seed)
        for old_r, new_r in self.state_updates:
            old_r_seed = seedgen.randint(2 ** 30)
            old_r.set_value(_new_state(old_r.type.kind, int(old_r_seed)), borrow=True)

    def __getitem__(self, item):
        """The RandomState of a random state variable of this stream."""
        return item.get_value(borrow=True)

    def __setitem__(self, item, val):
        item.set_value(val, borrow=True)

    def gen(self, op, *args, **kwargs):
        """A new random variable drawn by the raw_random function `op`, with its own shared state."""
        kind = RandomStateType(config.randomstreams).kind  # checks the flag's value
        seed = int(self.gen_seedgen.randint(2 ** 30))
        random_state_variable = shared(_new_state(kind, seed))
        random_state_variable.tag.is_rng = True
        new_r, out = op(random_state_variable, *args, **kwargs)
        out.rng = random_state_variable
        out.update = (random_state_variable, new_r)
        self.state_updates.append(out.update)
        random_state_variable.default_update = new_r
        return out
