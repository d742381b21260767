"""Pooling (theano.tensor.signal.pool: pool_2d, pool_3d, Pool, MaxPoolGrad, AveragePoolGrad).

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
import warnings

import jax.numpy as jnp
import numpy as np
from jax import lax

from ..graph.ops import Primitive
from ..graph.types import TensorType
from ..graph.constants import as_tensor_variable

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
    if any(p >= w for p, w in zip(pad, ws)):
        # Theano's message says "strides" but it compares the padding with the window size.
        raise NotImplementedError("padding must be smaller than strides")
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


# ---------------------------------------------------------------- graph ops (Theano's Pool family)

def _pool_infer(x, *rest, ws, stride, pad, ignore_border, mode):
    nd = len(ws)
    return [TensorType(x.dtype, x.broadcastable[:-nd] + (False,) * nd)]


def _same_as_first(x, *rest, **params):
    return [TensorType(x.dtype, x.broadcastable)]


def _same_as_second(x, y, *rest, **params):
    return [TensorType(y.dtype, y.broadcastable)]


def _describe(name):
    def describe(node):
        p = node.params
        return f"{name}{{ignore_border={p['ignore_border']}, mode={p['mode']!r}, ndim={len(p['ws'])}}}"
    return describe


def _pool_grad(inputs, outputs, output_grads, **p):
    (x,), (out,), (gz,) = inputs, outputs, output_grads
    if p["mode"] == "max":
        return [max_pool_grad_op(x, out, gz, **p)]
    return [average_pool_grad_op(x, gz, **p)]


def _max_grad_grad(inputs, outputs, output_grads, **p):
    # MaxPoolGrad.grad: zeros for x and maxout, DownsampleFactorMaxGradGrad for the output gradient.
    from .math import zeros_like
    x, maxout, _ = inputs
    return [zeros_like(x), zeros_like(maxout), max_pool_grad_grad_op(x, maxout, output_grads[0], **p)]


def _max_grad_grad_grad(inputs, outputs, output_grads, **p):
    from .math import zeros_like
    x, maxout, _ = inputs
    return [zeros_like(x), zeros_like(maxout), max_pool_grad_op(x, maxout, output_grads[0], **p)]


def _average_grad_grad(inputs, outputs, output_grads, **p):
    # AveragePoolGrad.grad: the gradient of a linear map's transpose is the map itself (a Pool).
    from .math import zeros_like
    return [zeros_like(inputs[0]), pool_op(output_grads[0], **p)]


pool_op = Primitive("Pool", _pool_infer, lambda x, **p: pool_lower(x, **_geo(p), mode=p["mode"]), _pool_grad,
             describe=_describe("Pool"))
max_pool_grad_op = Primitive("MaxPoolGrad", _same_as_first,
                      lambda x, out, gz, **p: max_pool_grad_lower(x, out, gz, **_geo(p)), _max_grad_grad,
                      describe=_describe("MaxPoolGrad"))
average_pool_grad_op = Primitive("AveragePoolGrad", _same_as_first,
                          lambda x, gz, **p: average_pool_grad_lower(x, gz, **_geo(p), mode=p["mode"]),
                          _average_grad_grad, describe=_describe("AveragePoolGrad"))
max_pool_grad_grad_op = Primitive("DownsampleFactorMaxGradGrad", _same_as_second,
                           lambda x, out, ggx, **p: max_pool_grad_grad_lower(x, out, ggx, **_geo(p)),
                           _max_grad_grad_grad, describe=_describe("DownsampleFactorMaxGradGrad"))


def _geo(p):
    return dict(ws=p["ws"], ignore_border=p["ignore_border"], stride=p["stride"], pad=p["pad"])


# ---------------------------------------------------------------- the public API

def _int_tuple(v, what):
    """ws / stride / pad: ints (Theano: TypeError otherwise); symbolic values are not supported."""
    from ..graph.nodes import Constant, Variable
    if isinstance(v, Constant):
        v = v.data
    if isinstance(v, Variable):
        raise NotImplementedError(f"theano_compat needs the pooling {what} as constants, got {v}")
    arr = np.asarray(v)
    if arr.dtype.kind not in "iu":
        raise TypeError({"ws": "Pool downsample parameters must be ints.", "stride": "Stride parameters must be "
                         "ints.", "pad": "Padding parameters must be ints."}[what])
    return tuple(int(e) for e in arr.ravel())


def _old_names(nd, ws, stride, pad, ds, st, padding):
    """Theano's handling of the deprecated ds / st / padding keywords (same warnings and errors)."""
    if ds is not None:
        if ws is not None:
            raise ValueError("You can't provide a tuple value to both 'ws' and 'ds'. Please provide a value only "
                             "to 'ws'.")
        warnings.warn("DEPRECATION: the 'ds' parameter is not going to exist anymore as it is going to be "
                      "replaced by the parameter 'ws'.", stacklevel=4)
        ws = ds
    elif ws is None:
        raise ValueError("You must provide a tuple value for the window size.")
    if st is not None:
        if stride is not None:
            raise ValueError("You can't provide a tuple value to both 'st and 'stride'. Please provide a value "
                             "only to 'stride'.")
        warnings.warn("DEPRECATION: the 'st' parameter is not going to exist anymore as it is going to be "
                      "replaced by the parameter 'stride'.", stacklevel=4)
        stride = st
    if padding is not None:
        if pad not in {None, (0,) * nd}:
            raise ValueError("You can't provide a tuple value to both 'padding' and pad.  Please provide a value "
                             "only to pad.")
        warnings.warn("DEPRECATION: the 'padding' parameter is not going to exist anymore as it is going to be "
                      "replaced by the parameter 'pad'.", stacklevel=4)
        pad = padding
    return ws, stride, pad


def _pool_nd(nd, input, ws, ignore_border, stride, pad, mode, ds, st, padding):
    ws, stride, pad = _old_names(nd, ws, stride, pad, ds, st, padding)
    x = as_tensor_variable(input)
    if x.ndim < nd:
        raise NotImplementedError(f"pool_{nd}d requires a dimension >= {nd}")
    if ignore_border is None:
        warnings.warn(f"pool_{nd}d() will have the parameter ignore_border default value changed to True "
                      "(currently False). To have consistent behavior with all Theano version, explicitly add "
                      "the parameter ignore_border=True. On the GPU, using ignore_border=True is needed to use "
                      "cuDNN. When using ignore_border=False and not using cuDNN, the only GPU combination "
                      "supported is when `ws == stride and pad == " + str((0,) * nd) + " and mode == 'max'`. "
                      "Otherwise, the convolution will be executed on CPU.", stacklevel=3)
        ignore_border = False
    if mode == "max_deterministic":
        mode = "max"
    if mode not in MODES:
        raise ValueError("Pool mode parameter only support 'max', 'sum', 'average_inc_pad' and "
                         f"'average_exc_pad'. Got {mode}")
    ws = _int_tuple(ws, "ws")
    stride = ws if stride is None else _int_tuple(stride, "stride")
    pad = (0,) * nd if pad is None else _int_tuple(pad, "pad")
    ws, stride, pad, mode = check_params(nd, ws, stride, pad, bool(ignore_border), mode)
    return pool_op(x, ws=ws, stride=stride, pad=pad, ignore_border=bool(ignore_border), mode=mode)


def pool_2d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0), mode="max", ds=None, st=None,
            padding=None):
    """theano.tensor.signal.pool.pool_2d: pool the last two dims of input."""
    return _pool_nd(2, input, ws, ignore_border, stride, pad, mode, ds, st, padding)


def pool_3d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0, 0), mode="max", ds=None, st=None,
            padding=None):
    """theano.tensor.signal.pool.pool_3d: pool the last three dims of input."""
    return _pool_nd(3, input, ws, ignore_border, stride, pad, mode, ds, st, padding)


DOWNSAMPLE_MOVED = "downsample module has been moved to the theano.tensor.signal.pool module."


def max_pool_2d(input, ds, ignore_border=None, st=None, padding=(0, 0), mode="max"):
    """theano.tensor.signal.downsample.max_pool_2d (Theano 0.8/0.9; gone in 1.0.5, where importing
    theano.tensor.signal.downsample raises ImportError). It was pool_2d under the old keyword names;
    those Theano versions warned (UserWarning, text DOWNSAMPLE_MOVED) when the module was imported."""
    warnings.warn(DOWNSAMPLE_MOVED, stacklevel=2)
    return _pool_nd(2, input, ds, ignore_border, st, padding, mode, None, None, None)
