"""theano.sandbox: of Theano's experimental modules, rng_mrg (MRG_RandomStreams)."""

__all__ = ["rng_mrg"]
