"""theano.tensor.raw_random: draws from a random state variable, and RandomStreamsBase.

Each function takes a RandomStateType variable and returns (new state, sample), with Theano's argument
handling, output types and shape inference; the draw ops themselves are in theano_compat.ops.random.
"""
import sys
from functools import reduce

import numpy as np

from ..config import config
from ..graph import dtypes as D
from ..graph.ops import Op
from ..ops.random import (RandomStateType, RandomStateVariable, define_draw, draw, permute_row_elements,
                          random_state_type)
from ..ops.random_numpy import choice_helper, multinomial_helper, permutation_helper, random_integers_helper
from .basic import as_tensor_variable, constant, get_vector_length

__all__ = ["RandomFunction", "RandomStateType", "random_state_type", "RandomStateVariable",
           "RandomStreamsBase", "uniform", "normal", "binomial", "random_integers", "choice", "poisson",
           "permutation", "multinomial", "permute_row_elements", "random_integers_helper", "choice_helper",
           "permutation_helper", "multinomial_helper", "theano", "tensor"]
# Theano's raw_random has no __all__: `from theano.tensor.raw_random import *` also brings `theano` and
# `tensor`, which Theano's own tests then use.
theano = sys.modules[__name__.split(".")[0]]
tensor = sys.modules[__name__.rsplit(".", 1)[0]]

from ..compat import string_types  # noqa: E402,F401  (Theano's six names)
from ..compile.mode import optdb  # noqa: E402,F401  (Theano registers random_make_inplace there)
from ..stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop  # noqa: E402

xrange = range
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="random_make_inplace")


class RandomFunction(Op):
    """Theano's op drawing with a numpy RandomState method (by name, or the method itself) or a function of
    the same form, fn(random_state, *args, size): op(random_state, size, *args) -> [new state, sample].

    Its draws are Theano's RandomFunction.perform on the host (ops/random_numpy.py). The sample's shape must
    follow from size and the arguments' shapes (numpy's rule), or be one of raw_random's helpers.
    """

    __props__ = ("fn", "outtype", "inplace", "ndim_added")

    def __init__(self, fn, outtype, inplace=False, ndim_added=0):
        self.fn, self.outtype, self.inplace, self.ndim_added = fn, outtype, inplace, ndim_added
        self.exec_fn = getattr(np.random.RandomState, fn) if isinstance(fn, str) else fn
        if inplace:
            self.destroy_map = {0: [0]}

    def __str__(self):
        return "RandomFunction{%s}" % self.exec_fn.__name__

    def make_node(self, r, shape, *args):
        shape = as_tensor_variable(shape, ndim=1)
        if shape.dtype not in ("int64", "int32"):
            raise TypeError("shape must be an int32 or int64 vector", shape.type)
        if not isinstance(r.type, RandomStateType):
            print("WARNING: RandomState instances should be in RandomStateType", file=sys.stderr)
        out = self.outtype()  # a TensorType, or a variable constructor such as T.dvector
        out_type = out.type if hasattr(out, "type") else out
        dist = define_draw(self.exec_fn)
        return draw(dist, r, T_cast(shape, "int64"), [as_tensor_variable(a) for a in args], out_type.dtype,
                    out_type.broadcastable, self.ndim_added)[0].owner


def T_cast(x, dtype):
    from .. import tensor as T
    return x if x.dtype == dtype else T.cast(x, dtype)


def _infer_ndim_bcast(ndim, shape, *args):
    """Theano's shape inference: (ndim, int64 shape vector, broadcastable) from size, ndim and the args."""
    from .. import tensor as T
    args_ndim = max(arg.ndim for arg in args) if args else 0
    if isinstance(shape, (tuple, list)):
        # -1 in shape means "the matching dimension of a (broadcast) argument"
        if ndim is None:
            ndim = len(shape)
        elif len(shape) != ndim:
            raise ValueError("ndim should be equal to len(shape), but\n",
                             f"ndim = {ndim}, len(shape) = {len(shape)}, shape = {shape}")
        bcast, pre_v_shape = [], []
        for i, s in enumerate(shape):
            if hasattr(s, "type"):
                bcast.append(False)
                pre_v_shape.append(s)
            elif s >= 0:
                pre_v_shape.append(as_tensor_variable(s))
                bcast.append(s == 1)
            elif s == -1:
                n_a_i = 0
                for a in args:
                    if i >= ndim - a.ndim:
                        n_a_i += 1
                        a_i = i + a.ndim - ndim
                        if not a.broadcastable[a_i]:
                            pre_v_shape.append(a.shape[a_i])
                            bcast.append(False)
                            break
                else:
                    if n_a_i == 0:
                        raise ValueError("Auto-shape of -1 must overlapwith the shape of one of the "
                                         "broadcastableinputs")
                    pre_v_shape.append(as_tensor_variable(1))
                    bcast.append(True)
            else:
                raise ValueError("negative shape", s)
        v_shape = constant(np.zeros(0, dtype="int64")) if not pre_v_shape else T.stack(pre_v_shape)
    elif shape is None:
        if not args:
            raise TypeError("_infer_ndim_bcast cannot infer shape without either shape or args")
        template = reduce(lambda a, b: a + b, args)
        v_shape = template.shape
        bcast = template.broadcastable
        ndim = template.ndim
    else:
        v_shape = as_tensor_variable(shape)
        if v_shape.ndim != 1:
            raise TypeError(f"shape must be a vector or list of scalar, got '{v_shape}'")
        if ndim is None:
            ndim = get_vector_length(v_shape)
        bcast = [False] * ndim
    if v_shape.ndim != 1:
        raise TypeError(f"shape must be a vector or list of scalar, got '{v_shape}'")
    if v_shape.dtype not in D.integer_dtypes:
        raise TypeError("shape must be an integer vector or list", v_shape.dtype)
    if args_ndim > ndim:
        raise ValueError("ndim should be at least as big as required by args value", (ndim, args_ndim), args)
    return ndim, T.cast(v_shape, "int64"), tuple(bcast)


def uniform(random_state, size=None, low=0.0, high=1.0, ndim=None, dtype=None):
    """Uniform draws in [low, high); dtype: at least floatX, upcast with low and high."""
    low, high = as_tensor_variable(low), as_tensor_variable(high)
    if dtype is None:
        dtype = D.upcast(config.floatX, low.dtype, high.dtype)
    ndim, size, bcast = _infer_ndim_bcast(ndim, size, low, high)
    return draw("uniform", random_state, size, [low, high], dtype, bcast)


def normal(random_state, size=None, avg=0.0, std=1.0, ndim=None, dtype=None):
    """Normal draws; dtype: at least floatX, upcast with avg and std."""
    avg, std = as_tensor_variable(avg), as_tensor_variable(std)
    if dtype is None:
        dtype = D.upcast(config.floatX, avg.dtype, std.dtype)
    ndim, size, bcast = _infer_ndim_bcast(ndim, size, avg, std)
    return draw("normal", random_state, size, [avg, std], dtype, bcast)


def binomial(random_state, size=None, n=1, p=0.5, ndim=None, dtype="int64", prob=None):
    """The number of successes in n trials of probability p."""
    if prob is not None:
        p = prob
        print("DEPRECATION WARNING: the parameter prob to the binomal fct have been renamed to p to have the "
              "same name as np.", file=sys.stderr)
    n, p = as_tensor_variable(n), as_tensor_variable(p)
    ndim, size, bcast = _infer_ndim_bcast(ndim, size, n, p)
    return draw("binomial", random_state, size, [n, p], dtype, (False,) * ndim)


def random_integers(random_state, size=None, low=0, high=1, ndim=None, dtype="int64"):
    """Integers between low and high, both inclusive."""
    low, high = as_tensor_variable(low), as_tensor_variable(high)
    ndim, size, bcast = _infer_ndim_bcast(ndim, size, low, high)
    return draw("random_integers_helper", random_state, size, [low, high], dtype, bcast)


def choice(random_state, size=None, a=2, replace=True, p=None, ndim=None, dtype="int64"):
    """Values of a (or of range(a) for a scalar), with or without replacement, with probabilities p."""
    a = as_tensor_variable(a)  # Theano checks a.ndim and p.ndim when it draws (choice_helper)
    replace = constant(replace, dtype="int8") if isinstance(replace, bool) else as_tensor_variable(replace)
    p = as_tensor_variable(p or [])  # Theano: p=None (or 0, or []) is an empty vector, meaning "uniform"
    ndim, size, bcast = _infer_ndim_bcast(ndim, size)
    return draw("choice_helper", random_state, size, [a, replace, p], dtype, bcast)


def poisson(random_state, size=None, lam=1.0, ndim=None, dtype="int64"):
    """Poisson draws of expectation lam (size or ndim must be given)."""
    lam = as_tensor_variable(lam)
    ndim, size, bcast = _infer_ndim_bcast(ndim, size)
    return draw("poisson", random_state, size, [lam], dtype, bcast)


def permutation(random_state, size=None, n=1, ndim=None, dtype="int64"):
    """Permutations of range(n), as many as size asks: the output has shape size + (n,)."""
    if size is None or size == ():
        if not (ndim is None or ndim == 1):
            raise TypeError("You asked for just one permutation but asked for more then 1 dimensions.")
        ndim, size, bcast = 1, constant(np.zeros(0, dtype="int64")), ()
    else:
        ndim, size, bcast = _infer_ndim_bcast(ndim, size)
    return draw("permutation_helper", random_state, size, [as_tensor_variable(n)], dtype, bcast + (False,),
                ndim_added=1)


def multinomial(random_state, size=None, n=1, pvals=(0.5, 0.5), ndim=None, dtype="int64"):
    """Counts of n draws from each distribution in the last axis of pvals: shape size + (len(pvals),)."""
    n, pvals = as_tensor_variable(n), as_tensor_variable(list(pvals) if isinstance(pvals, tuple) else pvals)
    tmp = pvals.T[0].T
    ndim, size, bcast = _infer_ndim_bcast(ndim, size, n, tmp)
    bcast = bcast + (pvals.type.broadcastable[-1],)
    return draw("multinomial_helper", random_state, size, [n, pvals], dtype, bcast, ndim_added=1)


class RandomStreamsBase:
    """The distribution methods of RandomStreams; `gen(fn, *args, **kwargs)` makes one random variable."""

    def binomial(self, size=None, n=1, p=0.5, ndim=None, dtype="int64", prob=None):
        if prob is not None:
            p = prob
            print("DEPRECATION WARNING: the parameter prob to the binomal fct have been renamed to p to have the "
                  "same name as numpy.", file=sys.stderr)
        return self.gen(binomial, size, n, p, ndim=ndim, dtype=dtype)

    def uniform(self, size=None, low=0.0, high=1.0, ndim=None, dtype=None):
        return self.gen(uniform, size, low, high, ndim=ndim, dtype=dtype)

    def normal(self, size=None, avg=0.0, std=1.0, ndim=None, dtype=None):
        return self.gen(normal, size, avg, std, ndim=ndim, dtype=dtype)

    def random_integers(self, size=None, low=0, high=1, ndim=None, dtype="int64"):
        return self.gen(random_integers, size, low, high, ndim=ndim, dtype=dtype)

    def choice(self, size=None, a=2, replace=True, p=None, ndim=None, dtype="int64"):
        return self.gen(choice, size, a, replace, p, ndim=ndim, dtype=dtype)

    def poisson(self, size=None, lam=None, ndim=None, dtype="int64"):
        return self.gen(poisson, size, lam, ndim=ndim, dtype=dtype)

    def permutation(self, size=None, n=1, ndim=None, dtype="int64"):
        return self.gen(permutation, size, n, ndim=ndim, dtype=dtype)

    def multinomial(self, size=None, n=1, pvals=(0.5, 0.5), ndim=None, dtype="int64"):
        return self.gen(multinomial, size, n, pvals, ndim=ndim, dtype=dtype)

    def shuffle_row_elements(self, input):
        """input with every row (last axis) shuffled; the permutation is the result's `.permutation`."""
        perm = self.permutation(size=input.shape[:-1], n=input.shape[-1], ndim=input.ndim - 1)
        shuffled = permute_row_elements(input, perm)
        shuffled.permutation = perm
        return shuffled

