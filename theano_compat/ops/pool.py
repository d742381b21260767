"""Pooling lowerings (the op classes and pool_2d / pool_3d are ops/pool_ops.py).

Pooling runs over the last `nd` dims; any leading dims are kept. The window arithmetic copies Theano's C
code (Pool.c_code, which is what Theano runs; its Python `perform` differs in corner cases):
  * output size: Pool.out_shape; with ignore_border=False the last window may hang over the end and
    only its in-image part is pooled ("partial windows");
  * padding (ignore_border=True only) is never part of 'max', 'sum' or 'average_exc_pad';
    'average_inc_pad' counts it, dividing by prod(ws) (the windows then always fit in the padded image);
  * the max gradient goes to EVERY element equal to its window's max (MaxPoolGrad), not to one of them
    as XLA's select_and_scatter would.
"""
import itertools

import jax.numpy as jnp
import numpy as np
from jax import lax


MODES = ("max", "sum", "average_inc_pad", "average_exc_pad")


def out_size(v, ws, stride, pad, ignore_border):
    """Pool.out_shape for one pooled dimension of size v."""
    v = v + 2 * pad
    if ignore_border:
        return max((v - ws) // stride + 1, 0)
    if stride >= ws:
        return (v - 1) // stride + 1
    return max(0, (v - 1 - ws + stride) // stride) + 1


def pool_out_shape(shape, ws, ignore_border, stride, pad):
    nd = len(ws)
    return tuple(shape[:-nd]) + tuple(out_size(v, w, s, p, ignore_border)
                                      for v, w, s, p in zip(shape[-nd:], ws, stride, pad))


def normalize(nd, ws, stride, pad):
    """ws / stride / pad as int tuples (stride defaults to ws, pad to zeros), as Pool.make_node does."""
    ws = tuple(int(w) for w in ws)
    stride = ws if stride is None else tuple(int(s) for s in stride)
    pad = (0,) * nd if pad is None else tuple(int(p) for p in pad)
    if not (len(ws) == len(stride) == len(pad) == nd):
        raise ValueError(f"ws, stride and pad must have {nd} elements")
    return ws, stride, pad


def check_params(nd, ws, stride, pad, ignore_border, mode):
    """Pool.__init__ / make_node's checks (Theano raises them when the graph is built)."""
    if mode == "max_deterministic":  # Theano: the CPU max pool already is deterministic
        mode = "max"
    if mode not in MODES:
        raise ValueError("Pool mode parameter only support 'max', 'sum', 'average_inc_pad' and "
                         f"'average_exc_pad'. Got {mode}")
    ws, stride, pad = normalize(nd, ws, stride, pad)
    if max(pad) != 0 and not ignore_border:
        raise NotImplementedError("padding works only with ignore_border=True")
    # Theano refuses pad >= ws only when building a node from Python tuples (pool_ops._window_inputs): its
    # kernels pool such windows (a gradient's Pool does), so the lowering does too.
    return ws, stride, pad, mode


# ---------------------------------------------------------------- window geometry

def _geometry(shape, ws, stride, pad, ignore_border):
    """Per pooled dim: (out size, (lo, hi) padding to apply) so that every window lies in the array.

    hi adds room for Theano's partial last windows; the filler value decides how the room counts.
    """
    nd = len(ws)
    geo = []
    for v, w, s, p in zip(shape[-nd:], ws, stride, pad):
        n = out_size(v, w, s, p, ignore_border)
        span = (n - 1) * s + w if n > 0 else 0
        geo.append((n, (p, max(p, span - v - p))))
    return geo


def _lax_pad(x, geo, value):
    lead = [(0, 0, 0)] * (x.ndim - len(geo))
    return lax.pad(x, jnp.asarray(value, x.dtype), lead + [(lo, hi, 0) for _, (lo, hi) in geo])


def _window_counts(shape, ws, stride, pad, ignore_border, mode):
    """Divisor of each window for the average modes, as a numpy constant (depends on shapes only)."""
    nd = len(ws)
    per_dim = []
    for v, w, s, p in zip(shape[-nd:], ws, stride, pad):
        n = out_size(v, w, s, p, ignore_border)
        starts = np.arange(n) * s
        if mode == "average_inc_pad" and ignore_border:
            cnt = np.full(n, w)  # C code: collector / prod(ws)
        elif mode == "average_inc_pad":
            cnt = np.minimum(starts + w, v + 2 * p) - starts  # pad is 0 here; clipped partial window
        else:  # exc_pad: elements of the window inside the unpadded image
            cnt = np.minimum(starts + w, v + p) - np.maximum(starts, p)
        per_dim.append(cnt)
    counts = per_dim[0]
    for c in per_dim[1:]:
        counts = np.multiply.outer(counts, c)
    return counts


def _dims(x, nd):
    return tuple(1 for _ in range(x.ndim - nd))


# ---------------------------------------------------------------- lowerings

def pool_lower(x, ws, ignore_border=False, stride=None, pad=None, mode="max"):
    """Pool over the last len(ws) dims of x; output dtype = x's dtype."""
    nd = len(ws)
    ws, stride, pad, mode = check_params(nd, ws, stride, pad, ignore_border, mode)
    geo = _geometry(x.shape, ws, stride, pad, ignore_border)
    lead = _dims(x, nd)
    if mode == "max":
        fill = -jnp.inf if jnp.issubdtype(x.dtype, jnp.floating) else jnp.iinfo(x.dtype).min
        xp = _lax_pad(x, geo, fill)
        init, op = jnp.asarray(fill, x.dtype), lax.max
    else:
        xp = _lax_pad(x, geo, 0)
        init, op = jnp.asarray(0, x.dtype), lax.add
    out = lax.reduce_window(xp, init, op, lead + ws, lead + stride, "VALID")
    out = out[tuple(slice(None) for _ in lead) + tuple(slice(0, n) for n, _ in geo)]
    if mode in ("average_inc_pad", "average_exc_pad"):
        counts = _window_counts(x.shape, ws, stride, pad, ignore_border, mode)
        out = out / jnp.asarray(counts, dtype=x.dtype)
    return out.astype(x.dtype)


def pool_2d_lower(x, ws, ignore_border=False, stride=None, pad=(0, 0), mode="max"):
    """theano.tensor.signal.pool.pool_2d on an array (x.ndim >= 2)."""
    if x.ndim < 2:
        raise NotImplementedError("pool_2d requires a dimension >= 2")
    return pool_lower(x, tuple(ws), ignore_border, stride, pad, mode)


def pool_3d_lower(x, ws, ignore_border=False, stride=None, pad=(0, 0, 0), mode="max"):
    """theano.tensor.signal.pool.pool_3d on an array (x.ndim >= 3)."""
    if x.ndim < 3:
        raise NotImplementedError("pool_3d requires a dimension >= 3")
    return pool_lower(x, tuple(ws), ignore_border, stride, pad, mode)


def _window_slices(geo, offset, stride):
    """Index of element `offset` of every window, in the padded array."""
    return tuple(slice(o, o + (n - 1) * s + 1, s) for (n, _), o, s in zip(geo, offset, stride))


def _spread(g, padded_shape, geo, offset, stride):
    """Put g (one value per window) at element `offset` of each window of a zero padded-size array.

    An interior-padded lax.pad rather than .at[].add: same values, and a far cheaper XLA compile.
    """
    nd = len(geo)
    lead = [(0, 0, 0)] * (g.ndim - nd)
    cfg = [(o, size - o - (n - 1) * s - 1, s - 1)
           for (n, _), o, s, size in zip(geo, offset, stride, padded_shape[-nd:])]
    return lax.pad(g, jnp.zeros((), g.dtype), lead + cfg)


def max_pool_grad_lower(x, out, gout, ws, ignore_border=False, stride=None, pad=None):
    """MaxPoolGrad: gx[i] = sum of gout over the windows containing i whose max equals x[i] (ties: all).

    Loops over the prod(ws) offsets inside a window: each offset picks one element of every window
    (a strided slice), compares it with that window's max and adds gout where equal.
    """
    nd = len(ws)
    ws, stride, pad = normalize(nd, ws, stride, pad)
    geo = _geometry(x.shape, ws, stride, pad, ignore_border)
    if any(n == 0 for n, _ in geo):
        return jnp.zeros_like(x)
    # Padding / overhang is filled with NaN: never equal to a max, so it never receives gradient.
    fill = jnp.nan if jnp.issubdtype(x.dtype, jnp.floating) else jnp.iinfo(x.dtype).min
    xp = _lax_pad(x, geo, fill)
    lead = tuple(slice(None) for _ in range(x.ndim - nd))
    gout = gout.astype(x.dtype)
    gx = jnp.zeros(xp.shape, x.dtype)
    for offset in itertools.product(*[range(w) for w in ws]):
        idx = lead + _window_slices(geo, offset, stride)
        hit = jnp.where(xp[idx] == out, gout, jnp.zeros((), x.dtype))
        gx = gx + _spread(hit, xp.shape, geo, offset, stride)
    crop = lead + tuple(slice(lo, lo + v) for (_, (lo, _)), v in zip(geo, x.shape[-nd:]))
    return gx[crop]


def average_pool_grad_lower(x, gout, ws, ignore_border=False, stride=None, pad=None, mode="average_inc_pad"):
    """AveragePoolGrad ('sum' and both average modes): each window spreads gout (/ its divisor) over it."""
    nd = len(ws)
    ws, stride, pad = normalize(nd, ws, stride, pad)
    if mode == "average_exc_pad" and max(pad) != 0:
        # Theano's C code refuses this case when the gradient is computed.
        raise ValueError("padding must be zero for average_exc_pad")
    geo = _geometry(x.shape, ws, stride, pad, ignore_border)
    if any(n == 0 for n, _ in geo):
        return jnp.zeros_like(x)
    gout = gout.astype(x.dtype)
    if mode != "sum":
        gout = gout / jnp.asarray(_window_counts(x.shape, ws, stride, pad, ignore_border, mode), x.dtype)
    padded_shape = tuple(x.shape[:-nd]) + tuple(v + lo + hi for v, (_, (lo, hi)) in zip(x.shape[-nd:], geo))
    lead = tuple(slice(None) for _ in range(x.ndim - nd))
    gx = jnp.zeros(padded_shape, x.dtype)
    for offset in itertools.product(*[range(w) for w in ws]):
        gx = gx + _spread(gout, padded_shape, geo, offset, stride)
    crop = lead + tuple(slice(lo, lo + v) for (_, (lo, _)), v in zip(geo, x.shape[-nd:]))
    return gx[crop]


def max_pool_grad_grad_lower(x, out, ggx, ws, ignore_border=False, stride=None, pad=None):
    """DownsampleFactorMaxGradGrad: per window, the sum of ggx over the elements equal to the max.

    The transpose of max_pool_grad_lower in its output gradient (so ties again all count).
    """
    nd = len(ws)
    ws, stride, pad = normalize(nd, ws, stride, pad)
    geo = _geometry(x.shape, ws, stride, pad, ignore_border)
    fill = jnp.nan if jnp.issubdtype(x.dtype, jnp.floating) else jnp.iinfo(x.dtype).min
    xp = _lax_pad(x, geo, fill)
    ggp = _lax_pad(ggx.astype(x.dtype), geo, 0)
    lead = tuple(slice(None) for _ in range(x.ndim - nd))
    gz = jnp.zeros(out.shape, x.dtype)
    if any(n == 0 for n, _ in geo):
        return gz
    for offset in itertools.product(*[range(w) for w in ws]):
        idx = lead + _window_slices(geo, offset, stride)
        gz = gz + jnp.where(xp[idx] == out, ggp[idx], jnp.zeros((), x.dtype))
    return gz


def max_pool_rop_lower(x, ex, ws, ignore_border=False, stride=None, pad=None):
    """MaxPoolRop: per window, ex at the position of x's first maximum (np.argmax's order: row-major)."""
    nd = len(ws)
    ws, stride, pad = normalize(nd, ws, stride, pad)
    geo = _geometry(x.shape, ws, stride, pad, ignore_border)
    lead = tuple(slice(None) for _ in range(x.ndim - nd))
    out_shape = tuple(x.shape[:-nd]) + tuple(n for n, _ in geo)
    if any(n == 0 for n, _ in geo):
        return jnp.zeros(out_shape, ex.dtype)
    fill = -jnp.inf if jnp.issubdtype(x.dtype, jnp.floating) else jnp.iinfo(x.dtype).min
    xp, ep = _lax_pad(x, geo, fill), _lax_pad(ex, geo, 0)
    best, chosen = None, None
    for offset in itertools.product(*[range(w) for w in ws]):
        idx = lead + _window_slices(geo, offset, stride)
        if best is None:
            best, chosen = xp[idx], ep[idx]
            continue
        later = xp[idx] > best  # strictly greater: the first maximum keeps its place
        best, chosen = jnp.where(later, xp[idx], best), jnp.where(later, ep[idx], chosen)
    return chosen
