"""theano.tensor.shared_randomstreams: RandomStreams, random variables whose state is a shared variable.

Every random variable gets its own shared state (a JAX key, seeded from the stream's numpy seed generator
exactly as Theano seeds its numpy RandomStates) whose default update is the draw's new state. The seeds are
Theano's; the numbers drawn from them are JAX's, not numpy's.
"""
import numpy as np

from ..compile.shared import SharedVariable, shared, shared_constructor
from ..ops.random import RandomState, random_state_type
from . import raw_random

__all__ = ["RandomStreams", "RandomStateSharedVariable", "randomstate_constructor", "RandomState"]


class RandomStateSharedVariable(SharedVariable):
    """A shared random state: get_value gives a RandomState (seedable), set_value takes one back."""

    def get_value(self, borrow=False, return_internal_type=False):
        """A RandomState; with borrow=True one bound to this variable, so seeding it reseeds the stream."""
        if return_internal_type:
            return self.container.value
        if borrow:
            return RandomState.from_key(None, shared=self)
        return RandomState.from_key(np.asarray(self.container.value))

    def set_value(self, new_value, borrow=False):
        """Take a RandomState (or a numpy RandomState, or a raw uint32[2] key) as the new state."""
        self.container.value = self._to_device(new_value)

    def zero(self, borrow=False):
        raise TypeError("a random state has no zero")


@shared_constructor
def randomstate_constructor(value, name=None, strict=False, allow_downcast=None, borrow=False,
                            broadcastable=None):
    """theano.shared for a RandomState (ours or numpy's): a RandomStateSharedVariable."""
    if not isinstance(value, (RandomState, np.random.RandomState)):
        raise TypeError
    return RandomStateSharedVariable(name=name, type=random_state_type, value=value, strict=strict,
                                     allow_downcast=allow_downcast)


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
            old_r.set_value(RandomState(int(old_r_seed)), borrow=True)

    def __getitem__(self, item):
        """The RandomState of a random state variable of this stream."""
        return item.get_value(borrow=True)

    def __setitem__(self, item, val):
        item.set_value(val, borrow=True)

    def gen(self, op, *args, **kwargs):
        """A new random variable drawn by the raw_random function `op`, with its own shared state."""
        seed = int(self.gen_seedgen.randint(2 ** 30))
        random_state_variable = shared(RandomState(seed))
        random_state_variable.tag.is_rng = True
        new_r, out = op(random_state_variable, *args, **kwargs)
        out.rng = random_state_variable
        out.update = (random_state_variable, new_r)
        self.state_updates.append(out.update)
        random_state_variable.default_update = new_r
        return out
