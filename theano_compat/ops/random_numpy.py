"""RandomStreams' faithful draws: Theano's RandomFunction.perform and its numpy helpers, run on the host.

Theano draws with a numpy RandomState in each op's `perform`; these are the same steps, in the same order,
with the same argument dtypes, so that the same generator state gives the same numbers (numpy's legacy
RandomState streams are frozen across numpy versions). compile/host_random.py calls `perform` in the step,
or before it when the draw's arguments are known ahead.
"""
import numpy as np


def _generate_broadcasting_indices(out_shape, *shapes):
    """Theano's index lists that broadcast each of `shapes` to out_shape (numpy.ndindex order)."""
    all_shapes = (out_shape,) + shapes
    ret_indices = [[()] for _ in all_shapes]
    for dim in range(len(out_shape)):
        _ret_indices = [[] for _ in all_shapes]
        out_range = list(range(out_shape[dim]))
        ranges = [out_range]
        for shape in shapes:
            if shape[dim] == out_shape[dim]:
                ranges.append(out_range)
            elif shape[dim] == 1:
                ranges.append([0] * out_shape[dim])
            else:
                raise ValueError(f"shape[{dim}] ({shape[dim]}) should be equal to out_shape[{dim}] "
                                 f"({out_shape[dim]}) or to 1", shape, out_shape, shapes)
        for prev_index in zip(*ret_indices):
            for dim_index in zip(*ranges):
                for i in range(len(all_shapes)):
                    _ret_indices[i].append(prev_index[i] + (dim_index[i],))
        ret_indices = _ret_indices
    return ret_indices


def _pad(a, ndim, name, size):
    if a.ndim > ndim:
        raise ValueError(f"{name}.ndim ({a.ndim}) should not be larger than len(size) ({ndim})", a, size)
    return a.reshape((1,) * (ndim - a.ndim) + a.shape)


def random_integers_helper(random_state, low, high, size):
    """Theano: one randint(low, high + 1) per element, in the output's index order."""
    out_ndim = len(size) if size is not None else max(low.ndim, high.ndim)
    low, high = _pad(low, out_ndim, "low", size), _pad(high, out_ndim, "high", size)
    out_size = tuple(size) if size is not None else tuple(max(low.shape[d], high.shape[d])
                                                          for d in range(out_ndim))
    out = np.ndarray(out_size)
    for oi, li, hi in zip(*_generate_broadcasting_indices(out_size, low.shape, high.shape)):
        out[oi] = random_state.randint(low=low[li], high=high[hi] + 1)
    return out


def choice_helper(random_state, a, replace, p, size):
    """numpy's choice, with `replace` as a bool and an empty p meaning None."""
    if a.ndim > 1:
        raise ValueError(f"a.ndim ({a.ndim}) must be 0 or 1")
    if p.ndim != 1:
        raise ValueError(f"p.ndim ({p.ndim}) must be 1")
    return random_state.choice(a, size, bool(replace), None if p.size == 0 else p)


def permutation_helper(random_state, n, shape):
    """One permutation of range(n) per index of `shape`: shape + (n,)."""
    assert n.shape == ()
    n = int(n.item())
    shape = () if shape is None else shape
    out = np.empty(list(shape) + [n], int)
    for i in np.ndindex(*shape):
        out[i] = random_state.permutation(n)
    return out


def multinomial_helper(random_state, n, pvals, size):
    """One numpy multinomial per row of pvals (broadcast with n), with Theano's nudge of sums just above 1."""
    ndim = len(size) if size is not None else max(n.ndim, pvals.ndim - 1)
    n = _pad(n, ndim, "n", size)
    if pvals.ndim - 1 > ndim:
        raise ValueError(f"pvals.ndim-1 ({pvals.ndim - 1}) should not be larger than len(size) ({ndim})",
                         pvals, size)
    pvals = pvals.reshape((1,) * (ndim - pvals.ndim + 1) + pvals.shape)
    size = tuple(size) if size is not None else tuple(max(n.shape[d], pvals.shape[d]) for d in range(ndim))
    out = np.ndarray(size + (pvals.shape[-1],))
    assert pvals.min() >= 0
    for mi, ni, pi in zip(*_generate_broadcasting_indices(size, n.shape, pvals.shape[:-1])):
        pvi = pvals[pi]
        pisum = np.sum(pvi)
        if 1.0 < pisum < 1.0 + 1e-5:  # Theano: numpy refuses sum(pvals[:-1]) > 1.0 from rounding
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        elif pvi[-1] < 5e-5:
            pvi = pvi * (1.0 - 5e-5)
            pisum = np.sum(pvi)
        assert pisum <= 1.0, pisum
        out[mi] = random_state.multinomial(n=n[ni], pvals=pvi.astype("float64"))
    return out


# op name -> the numpy function Theano's RandomFunction calls, (random_state, *args, size)
FUNCTIONS = {
    "uniform": np.random.RandomState.uniform,
    "normal": np.random.RandomState.normal,
    "binomial": np.random.RandomState.binomial,
    "poisson": np.random.RandomState.poisson,
    "random_integers_helper": random_integers_helper,
    "choice_helper": choice_helper,
    "permutation_helper": permutation_helper,
    "multinomial_helper": multinomial_helper,
}


# the draws that never touch the RandomState's cached gaussian (the others, normal and any other function a
# RandomFunction names, may: numpy's gamma, standard_t, ... use it too)
NO_GAUSSIAN = {"uniform", "binomial", "poisson", "random_integers_helper", "choice_helper", "permutation_helper",
               "multinomial_helper"}


def perform(dist, random_state, shape, args, dtype, ndim, ndim_added):
    """Theano's RandomFunction.perform: draw from random_state (advancing it) and check the result."""
    shape = None if len(shape) == 0 else tuple(shape)
    if shape is not None and ndim != len(shape) + ndim_added:
        raise ValueError(f"Shape mismatch: self.outtype.ndim ({ndim}) != len(shape) ({len(shape)}) + "
                         f"self.ndim_added ({ndim_added})")
    rval = FUNCTIONS[dist](random_state, *args, shape)
    if not isinstance(rval, np.ndarray) or str(rval.dtype) != dtype:
        rval = np.asarray(rval, dtype=dtype)
    if shape is None and rval.ndim == 0 and ndim > 0:  # numpy's scalar draw: Theano makes it [1]*ndim
        rval = rval.reshape([1] * ndim)
    if rval.ndim != ndim:
        raise ValueError(f'Shape mismatch: "out" should have dimension {ndim}, but the value produced by '
                         f'"perform" has dimension {rval.ndim}')
    if shape is not None:
        got = rval.shape[:len(rval.shape) - ndim_added]
        if shape != got:
            raise ValueError(f'Shape mismatch: "out" should have shape {shape}'
                             f'{f" (plus {ndim_added} extra dimensions)" if ndim_added else ""}, but the '
                             f'value produced by "perform" has shape {rval.shape}')
    return rval


def out_shape(dist, shape, arg_shapes, n, ndim):
    """The shape `perform` will return, from the static shapes of its arguments (the callback's spec);
    n: permutation's n (the other draws' shapes do not depend on values).

    Raises ValueError where numpy would, for shapes that do not broadcast (found here, before any draw)."""
    shape = tuple(int(s) for s in shape)
    if any(s < 0 for s in shape):
        raise ValueError("negative dimensions are not allowed")
    out = _out_shape(dist, shape, arg_shapes, n)
    if not shape and out == () and ndim > 0:
        out = (1,) * ndim  # numpy's scalar draw, reshaped by Theano
    if len(out) != ndim:
        raise ValueError(f'Shape mismatch: "out" should have dimension {ndim}, but the value produced by '
                         f'"perform" has dimension {len(out)}')
    return out


def _out_shape(dist, shape, arg_shapes, n):
    if dist == "permutation_helper":
        return shape + (n,)
    if dist == "choice_helper":
        return shape
    if dist == "multinomial_helper":
        n_shape, p_shape = arg_shapes
        batch = _broadcast(shape, n_shape, p_shape[:-1])
        return batch + p_shape[-1:]
    return _broadcast(shape, *arg_shapes)


def _broadcast(shape, *arg_shapes):
    try:
        full = np.broadcast_shapes(*arg_shapes)
        if shape:
            if np.broadcast_shapes(shape, full) != shape:
                raise ValueError
            return shape
    except ValueError:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape: arguments of shapes "
                         f"{', '.join(map(str, arg_shapes))} for a draw of size {shape or None}") from None
    return full
