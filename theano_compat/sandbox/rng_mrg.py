"""theano.sandbox.rng_mrg: MRG_RandomStreams, Theano's MRG31k3p generator, with Theano 1.0.5's numbers.

As in Theano, the stream keeps a host rstate; each random variable gets its own shared rstate of
(n_streams, 6) int32 rows (substreams 2^72 apart, the host rstate then jumping 2^134), whose default
update is the state mrg_uniform returns, so each call of a compiled function advances it. The sampling
itself is the pure-JAX kernel in theano_compat.ops.mrg, bit for bit Theano's C code on CPU.
"""
from ..compat import integer_types, string_types  # noqa: F401  (Theano's six names)
import warnings

import numpy as np

from .. import tensor as T
from ..compile.shared import shared
from ..config import config
from ..graph import dtypes as D
from ..graph.nodes import Constant, Variable
from ..ops import mrg
from ..ops.random_mrg import (choice_from_uniform, mrg_normal_op, mrg_truncated_normal_op,  # noqa: F401
                              mrg_uniform, mrg_uniform_base, multinomial_from_uniform, size_broadcastable,
                              undefined_grad_op)
from ..ops.shape import get_vector_length
from ..graph.constants import as_tensor_variable, constant
from ..graph.ops import primitive_name

from ..compile.function import function  # noqa: E402,F401
from ..gradient import undefined_grad  # noqa: E402  (Theano's rng_mrg imports it from theano.gradient)
from ..compile.mode import optdb  # noqa: E402,F401
from ..graph.nodes import Apply  # noqa: E402,F401
from ..ops.basic import cast  # noqa: E402,F401
from ..stand_ins import OPTIMIZER_WHY, NoOpOptimizer, local_optimizer  # noqa: E402,F401
from .mrg_numpy import (A1p72, A1p134, A2p72, A2p134, M1, M2, MASK2, MASK12, MASK13, MULT2, NORM,  # noqa: E402,F401
                        matVecModM, mrg_next_value, multMatVect, np_int32_vals)

__all__ = ["MRG_RandomStreams", "guess_n_streams", "ff_2p134", "ff_2p72", "M1", "M2"]
xrange = range
mrg_random_make_inplace = NoOpOptimizer(name="mrg_random_make_inplace")
ff_2p134 = mrg.next_stream_state
ff_2p72 = mrg.jump_substream


def guess_n_streams(size, warn=False):
    """Theano's guess: prod(size) // 6 (kept below 60*256) for a tuple of Python ints, else 60*256."""
    if warn and mrg.n_streams_for(size) == mrg.DEFAULT_N_STREAMS and not _all_ints(size):
        warnings.warn(f"MRG_RandomStreams Can't determine #streams from size ({size}), guessing 60*256",
                      stacklevel=3)
    return mrg.n_streams_for(size)


def _all_ints(size):
    return isinstance(size, (tuple, list)) and all(isinstance(i, int) for i in size)


def _cast(x, dtype):
    return T.cast(x, dtype)


class MRG_RandomStreams:
    """Random variables from Theano's MRG31k3p generator (uniform, normal, binomial, multinomial, choice)."""

    def updates(self):
        return list(self.state_updates)

    def __init__(self, seed=12345):
        # (shared rstate, its update, size, nstreams) of every random variable, in creation order
        self.state_updates = []
        self.default_instance_seed = seed
        self.set_rstate(seed)

    def set_rstate(self, seed):
        """Set the host rstate from one int (replicated 6 times) or 6 ints."""
        self.rstate = mrg.seed_state(seed)

    def seed(self, seed=None):
        """Re-initialize every random variable of the stream from `seed` (default: the constructor's)."""
        if seed is None:
            seed = self.default_instance_seed
        self.set_rstate(seed)
        for old_r, new_r, size, nstreams in self.state_updates:
            if nstreams is None:
                nstreams = self.n_streams(size)
            rstates = self.get_substream_rstates(nstreams, "int32")
            assert old_r.get_value(borrow=True, return_internal_type=True).shape == rstates.shape
            old_r.set_value(rstates, borrow=True)

    def inc_rstate(self):
        """Jump the host rstate 2^134 steps, to the start of the next stream."""
        self.rstate = mrg.next_stream_state(self.rstate)

    def get_substream_rstates(self, n_streams, dtype, inc_rstate=True):
        """(n_streams, 6) int32 states spaced 2^72 apart from the host rstate (then jumped, by default)."""
        rval = mrg.substream_states(self.rstate, int(n_streams))
        if inc_rstate:
            self.inc_rstate()
        return rval

    def n_streams(self, size):
        return guess_n_streams(size)

    def pretty_return(self, node_rstate, new_rstate, sample, size, nstreams):
        sample.rstate = node_rstate
        sample.update = (node_rstate, new_rstate)
        self.state_updates.append((node_rstate, new_rstate, size, nstreams))
        node_rstate.default_update = new_rstate
        return sample

    def _new_rstate(self, nstreams, size, dtype):
        rstate = shared(self.get_substream_rstates(nstreams if nstreams is not None else self.n_streams(size),
                                                   dtype))
        rstate.tag.is_rng = True  # as Theano: tells random states from other shared variables
        return rstate

    def uniform(self, size, low=0.0, high=1.0, ndim=None, dtype=None, nstreams=None, **kwargs):
        """Uniform draws in (low, high); size: a tuple of ints / scalar variables, or a vector variable."""
        low, high = as_tensor_variable(low), as_tensor_variable(high)
        if dtype is None:
            dtype = D.upcast(config.floatX, low.dtype, high.dtype)
        low, high = undefined_grad(_cast(low, dtype)), undefined_grad(_cast(high, dtype))
        if isinstance(size, tuple):
            if not all(isinstance(i, (np.integer, int, Variable)) for i in size):
                raise AssertionError("size must be a tuple of int or a Theano variable")
            if any(isinstance(i, (np.integer, int)) and i <= 0 for i in size):
                raise ValueError("The specified size contains a dimension with value <= 0", size)
        elif not (isinstance(size, Variable) and size.ndim == 1):
            raise TypeError(f"size must be a tuple of int or a Theano Variable with 1 dimension, got {size} of "
                            f"type {type(size)}")
        kwargs.pop("target", None)  # a GPU context name: XLA places everything itself
        if kwargs:
            raise TypeError(f"uniform() got unexpected keyword arguments {kwargs.keys()}")
        node_rstate = self._new_rstate(nstreams, size, dtype)
        new_rstate, u = _mrg_uniform(node_rstate, ndim, dtype, size)
        u = self.pretty_return(node_rstate, new_rstate, u, size=size, nstreams=nstreams)
        r = u * (high - low) + low
        if u.type.broadcastable != r.type.broadcastable:
            raise NotImplementedError("Increase the size to match the broadcasting pattern of `low` and `high` "
                                      "arguments")
        assert r.dtype == dtype
        return r

    def binomial(self, size=None, n=1, p=0.5, ndim=None, dtype="int64", nstreams=None, **kwargs):
        """Bernoulli draws (n=1 only, as in Theano): cast(uniform(size) < p, dtype)."""
        if isinstance(n, Variable) or n != 1:
            raise NotImplementedError("MRG_RandomStreams.binomial with n > 1")
        p = undefined_grad(as_tensor_variable(p))
        x = self.uniform(size=size, nstreams=nstreams, **kwargs)
        return _cast(T.lt(x, p), dtype)

    def multinomial(self, size=None, n=1, pvals=None, ndim=None, dtype="int64", nstreams=None, **kwargs):
        """Counts of n draws from each row of the 2-d pvals (size and ndim are not used)."""
        if pvals is None:
            raise TypeError("You have to specify pvals")
        pvals = undefined_grad(as_tensor_variable(pvals))
        if size is not None:
            if any(isinstance(i, int) and i <= 0 for i in size):
                raise ValueError("The specified size contains a dimension with value <= 0", size)
            raise ValueError("Provided a size argument to MRG_RandomStreams.multinomial, which does not use the "
                             "size argument.")
        if ndim is not None:
            raise ValueError("Provided an ndim argument to MRG_RandomStreams.multinomial, which does not use the "
                             "ndim argument.")
        if pvals.ndim != 2:
            raise NotImplementedError("MRG_RandomStreams.multinomial only implemented for pvals.ndim = 2")
        unis = self.uniform(size=pvals[:, 0].shape * n, ndim=1, nstreams=nstreams, **kwargs)
        return multinomial_from_uniform(pvals, unis, as_tensor_variable(n), odtype=dtype)

    def choice(self, size=1, a=None, replace=True, p=None, ndim=None, dtype="int64", nstreams=None, **kwargs):
        """`size` indices per row of the 2-d p, without replacement (replace=False is required, as in Theano)."""
        if replace:
            raise NotImplementedError("MRG_RandomStreams.choice only works without replacement for now.")
        if a is not None:
            raise TypeError("For now, a has to be None in MRG_RandomStreams.choice. Sampled values are between 0 "
                            "and p.shape[1]-1")
        if p is None:
            raise TypeError("For now, p has to be specified in MRG_RandomStreams.choice.")
        p = undefined_grad(as_tensor_variable(p))
        if ndim is not None:
            raise ValueError("ndim argument to MRG_RandomStreams.choice is not used.")
        if p.ndim != 2:
            raise NotImplementedError("MRG_RandomStreams.choice is only implemented for p.ndim = 2")
        unis = self.uniform(size=p[:, 0].shape * size, ndim=1, nstreams=nstreams, **kwargs)
        return choice_from_uniform(p, unis, as_tensor_variable(size), odtype=dtype)

    def multinomial_wo_replacement(self, size=None, n=1, pvals=None, ndim=None, dtype="int64", nstreams=None,
                                   **kwargs):
        warnings.warn("MRG_RandomStreams.multinomial_wo_replacement() is deprecated and will be removed in the "
                      "next release of Theano. Please use MRG_RandomStreams.choice() instead.")
        assert size is None
        return self.choice(size=n, a=None, replace=False, p=pvals, dtype=dtype, nstreams=nstreams, ndim=ndim,
                           **kwargs)

    def normal(self, size, avg=0.0, std=1.0, ndim=None, dtype=None, nstreams=None, truncate=False, **kwargs):
        """Normal draws (Box-Muller on MRG uniforms); truncate=True redraws values beyond 2 std."""
        if ndim is None and (isinstance(size, (tuple, list, int, np.integer))
                             or isinstance(size, Variable) and size.ndim == 0):
            ndim = len(size) if isinstance(size, (tuple, list)) else 1
        size = _check_size(size)
        avg, std = undefined_grad(as_tensor_variable(avg)), undefined_grad(as_tensor_variable(std))
        if dtype is None:
            dtype = D.upcast(config.floatX, avg.dtype, std.dtype)
        avg, std = _cast(avg, dtype), _cast(std, dtype)
        if ndim is None:
            ndim = get_vector_length(size)
        if max(avg.ndim, std.ndim) > ndim:
            raise NotImplementedError("MRG_RandomStreams.normal: avg and std with more dimensions than size")
        # an even number of uniforms; a variable even for a constant size, as in Theano (so 60*256 streams)
        if isinstance(size, Constant):
            n_odd = int(np.prod(size.data, dtype=np.int64))
            n_even = constant(np.asarray(n_odd + n_odd % 2, dtype="int64"))
        else:
            n_odd = T.prod(size, dtype="int64")
            n_even = n_odd + n_odd % 2
        u = self.uniform((n_even,), low=0., high=1., ndim=1, dtype=dtype, nstreams=nstreams, **kwargs)
        bcast = size_broadcastable(size, ndim)
        bcast = tuple(b and all(v.broadcastable[k - ndim + v.ndim] for v in (avg, std) if k >= ndim - v.ndim)
                      for k, b in enumerate(bcast))
        if not truncate:
            return mrg_normal_op(u, avg, std, size, dtype=dtype, bcast=bcast)
        # Theano's second uniform, for the redraws: its own rstate, with a data-dependent size
        fix_rstate = self._new_rstate(nstreams, None, dtype)
        new_fix, samples = mrg_truncated_normal_op(fix_rstate, u, avg, std, size, dtype=dtype, bcast=bcast)
        self.state_updates.append((fix_rstate, new_fix, None, nstreams))
        fix_rstate.default_update = new_fix
        return samples

    def truncated_normal(self, size, avg=0.0, std=1.0, ndim=None, dtype=None, nstreams=None, **kwargs):
        """Normal draws truncated at 2 std, rescaled so that the result has standard deviation std."""
        std = as_tensor_variable(std) / constant(mrg.TRUNCATED_STD_SCALE)
        return self.normal(size=size, avg=avg, std=std, truncate=True, ndim=ndim, dtype=dtype, nstreams=nstreams,
                           **kwargs)


def _mrg_uniform(rstate, ndim, dtype, size):
    """The (new rstate, sample) pair of a draw, through Theano's entry point mrg_uniform.new."""
    if ndim is not None and isinstance(size, (tuple, list)):
        size = size[:ndim]
    return mrg_uniform.new(rstate, ndim, dtype, size)


def _check_size(size):
    """Theano's canonical size: a one-dimensional variable from an int, a tuple/list, or a variable."""
    if isinstance(size, Variable):
        if size.ndim == 1:
            return size
        if size.ndim == 0:
            return T.stack([size])
        raise ValueError("Theano variable must have 1 dimension to be a valid size.", size)
    if isinstance(size, (np.integer, int)):
        return constant([size], ndim=1)
    if not isinstance(size, (tuple, list)):
        raise ValueError("Size must be a int, tuple, list or Theano variable.", size)
    for i in size:
        if isinstance(i, Variable):
            if i.ndim != 0:
                raise ValueError("Non-scalar Theano variable in size", size, i)
        elif isinstance(i, (np.integer, int)):
            if i <= 0:
                raise ValueError("Non-positive dimensions not allowed in size.", size, i)
        else:
            raise ValueError("Only Theano variables and integers are allowed in a size-tuple.", size, i)
    return as_tensor_variable(size, ndim=1)

from ..graph.ops import Op  # noqa: E402
from ..graph.types import TensorType  # noqa: E402,F401  (Theano's module imports it)


class DotModulo(Op):
    """Theano's DotModulo(A, s, m, A2, s2, m2): matVecModM of both triples, concatenated. Its perform is
    Theano's numpy code, run on the host like any user-written op's."""

    __props__ = ()

    def make_node(self, A, s, m, A2, s2, m2):
        inputs = [as_tensor_variable(v) for v in (A, s, m, A2, s2, m2)]
        return Apply(self, inputs, [inputs[1].type()])

    def perform(self, node, inputs, outputs):
        A, s, m, A2, s2, m2 = inputs
        outputs[0][0] = np.concatenate((matVecModM(A, s, m), matVecModM(A2, s2, m2)))

    def infer_shape(self, node, shapes):
        return [(shapes[0][0] + shapes[3][0],)]
from ..gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)

from ..scalar import bool as bool_t, int32 as int_t  # noqa: E402,F401  (Theano's module imports them)
