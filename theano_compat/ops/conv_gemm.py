"""A plain 2-D convolution on a CPU as Theano's CorrMM computes it: im2col + GEMM, a few images at a time.

XLA's CPU convolution is fine forward for few input channels, but its gradients (with respect to the filters
and to the image) are 3-6 times slower than im2col + GEMM on the same core, and a whole-batch im2col is no
better (a 64 MB patch matrix for LeNet's second layer). So, as Theano's C code does, the patches of a few
images at a time are multiplied with the filters, in a loop (lax.map / lax.scan) whose working set stays in
cache; the filter gradient is accumulated over the loop. Measured on one core of the project's CPU, LeNet's
layers at batch 500 (ms, XLA's convolution -> this): forward 11 -> 18 (kept XLA's: 1 input channel) and
66 -> 34, filter gradient 45 -> 16 and 94 -> 31, image gradient 75 -> 14 and 84 -> 29.

Only the CPU lowering uses it (compile/target.platform()), for stride 1, no dilation, one group; the
numbers differ from XLA's convolution only in the order of the float sums.
"""
from functools import partial

import jax
import jax.numpy as jnp
from jax import lax

_XLA_FORWARD_BELOW = 64  # patch length (channels x kernel area) under which XLA's forward is the faster


def _chunk(batch):
    """Images per loop step: the largest divisor of the batch up to 10."""
    return max(d for d in range(1, min(batch, 10) + 1) if batch % d == 0)


def _by_chunks(x, n):
    return x.reshape((x.shape[0] // n, n) + x.shape[1:])


def _patches(x, kh, kw, oh, ow):
    """im2col of images x (n, C, H, W): (n, C*kh*kw, oh*ow), rows in (c, u, v) order like the filters'.
    Columns first, then rows: two small stacks compile 3x faster than one of kh*kw slices."""
    n, c = x.shape[:2]
    shifted = jnp.stack([x[:, :, :, v:v + ow] for v in range(kw)], axis=2)  # n, c, kw, H, ow
    cols = jnp.stack([shifted[:, :, :, u:u + oh] for u in range(kh)], axis=2)  # n, c, kh, kw, oh, ow
    return cols.reshape(n, c * kh * kw, oh * ow)


def _xla(img, kern, precision):
    return lax.conv_general_dilated(img, kern, (1, 1), "VALID", dimension_numbers=("NCHW", "OIHW", "NCHW"),
                                    precision=precision)


@partial(jax.custom_vjp, nondiff_argnums=(2,))
def correlate(img, kern, precision):
    """Valid cross-correlation of img (B, C, H, W) with kern (O, C, kh, kw), stride 1."""
    b, c, h, w = img.shape
    o, _, kh, kw = kern.shape
    if c * kh * kw < _XLA_FORWARD_BELOW or b == 0:
        return _xla(img, kern, precision)
    oh, ow = h - kh + 1, w - kw + 1
    flat = kern.reshape(o, c * kh * kw)

    def step(x):
        return jnp.einsum("ok,nkp->nop", flat, _patches(x, kh, kw, oh, ow), precision=precision)
    return lax.map(step, _by_chunks(img, _chunk(b))).reshape(b, o, oh, ow)


def _forward(img, kern, precision):
    return correlate(img, kern, precision), (img, kern)


def _backward(precision, residuals, g):
    img, kern = residuals
    b, c, h, w = img.shape
    o, _, kh, kw = kern.shape
    oh, ow = g.shape[2:]
    if b == 0:
        return jnp.zeros_like(img), jnp.zeros_like(kern)
    n = _chunk(b)
    imgs, gs = _by_chunks(img, n), _by_chunks(g.reshape(b, o, oh * ow), n)

    def filter_grad(acc, xg):  # Theano's CorrMM_gradWeights: patches times output gradient
        x, gx = xg
        return acc + jnp.einsum("nop,nkp->ok", gx, _patches(x, kh, kw, oh, ow), precision=precision), None
    dk, _ = lax.scan(filter_grad, jnp.zeros((o, c * kh * kw), g.dtype), (imgs, gs))
    flat = kern.reshape(o, c * kh * kw)

    def image_grad(gx):  # CorrMM_gradInputs: filters times output gradient, then col2im
        cols = jnp.einsum("ok,nop->nkp", flat, gx, precision=precision).reshape(n, c, kh, kw, oh, ow)
        # sums of shifted (zero-padded) windows, along the width and then the height (scatter-adds, or one
        # sum of kh*kw windows, compile several times slower)
        no_pad = ((0, 0),) * 3
        rows = sum(jnp.pad(cols[:, :, :, v], no_pad + ((0, 0), (v, kw - 1 - v))) for v in range(kw))
        return sum(jnp.pad(rows[:, :, u], ((0, 0), (0, 0), (u, kh - 1 - u), (0, 0))) for u in range(kh))
    dimg = lax.map(image_grad, gs).reshape(img.shape)
    return dimg, dk.reshape(kern.shape)


correlate.defvjp(_forward, _backward)


def applies(img, kern, subsample, dilation, num_groups):
    """Whether a convolution can take this lowering (on a CPU)."""
    from ..compile.mesh import partitioning
    from ..compile.target import platform
    # a data-parallel step keeps XLA's convolution, which its partitioner splits by batch (it would gather the
    # whole batch for this lowering's loop over images)
    return (platform() == "cpu" and not partitioning() and img.ndim == 4 and tuple(subsample) == (1, 1) and tuple(dilation) == (1, 1)
            and num_groups == 1 and kern.ndim == 4)
