"""Float operations whose results do not depend on the backend, for MRG_RandomStreams' bit-exact numbers.

Theano's CPU numbers come from gcc -O3 -march=native code and glibc: `a * b + c` contracted into one fused
multiply-add, and glibc's logf / sinf / cosf. XLA on a GPU or TPU contracts differently (or not at all) and
calls other math libraries, so here:
* fma(a, b, c) is computed exactly in integer arithmetic (128-bit products in pairs of uint64) and rounded
  once to nearest even, whatever XLA fuses;
* sqrt32 is the float64 square root rounded to float32 (correctly rounded: 53 >= 2 * 24 + 2 bits);
* logf, sinf and cosf are glibc 2.36's float32 algorithms (sysdeps/ieee754/flt-32), evaluated in IEEE
  float64 arithmetic with glibc's tables; they equal glibc on every float32 input they are used for
  (checked exhaustively against libm, evaluated op by op and jitted: XLA's own contraction of their float64
  steps never reaches the float32 result).
All of it needs real IEEE float64 (CPU and GPU have it; a TPU emulates float64 and is not covered).
"""
import jax.numpy as jnp
import numpy as np
from jax import lax

_U64 = jnp.uint64


# --- 128-bit unsigned integers as (hi, lo) pairs of uint64 ---

def _u(x):
    return jnp.asarray(x, _U64)


def _add(a, b):
    lo = a[1] + b[1]
    return a[0] + b[0] + (lo < a[1]).astype(_U64), lo


def _sub(a, b):  # a >= b
    return a[0] - b[0] - (a[1] < b[1]).astype(_U64), a[1] - b[1]


def _gt(a, b):
    return (a[0] > b[0]) | ((a[0] == b[0]) & (a[1] > b[1]))


def _bits(a):
    """Bit length (0 for zero)."""
    return jnp.where(a[0] != 0, 128 - lax.clz(a[0]), 64 - lax.clz(a[1])).astype(jnp.int64)


def _shl(a, k):
    """a << k for 0 <= k < 128 (bits shifted past 128 are lost)."""
    k = _u(k)
    small = (a[0] << k) | jnp.where(k == 0, _u(0), a[1] >> (_u(64) - k))
    hi = jnp.where(k < 64, small, a[1] << (k - _u(64)))
    lo = jnp.where(k < 64, a[1] << k, _u(0))
    return hi, lo


def _shr_sticky(a, k):
    """(a >> k, whether any 1 bit was shifted out) for k >= 0 (any size)."""
    k = jnp.minimum(k, 128)
    ku = _u(k)
    lo_small = (a[1] >> ku) | jnp.where(ku == 0, _u(0), a[0] << (_u(64) - ku))
    hi = jnp.where(k < 64, a[0] >> ku, _u(0))
    lo = jnp.where(k < 64, lo_small, jnp.where(k < 128, a[0] >> (ku - _u(64)), _u(0)))
    back = _shl((hi, lo), jnp.minimum(k, 127))
    lost = jnp.where(k >= 128, (a[0] | a[1]) != 0, (back[0] != a[0]) | (back[1] != a[1]))
    return (hi, lo), lost


def _mul(a, b):
    """The 128-bit product of two integers below 2^64 given as uint64 (exact)."""
    mask = _u(0xFFFFFFFF)
    a1, a0, b1, b0 = a >> _u(32), a & mask, b >> _u(32), b & mask
    p00, p01, p10, p11 = a0 * b0, a0 * b1, a1 * b0, a1 * b1
    mid = p01 + p10
    carry_mid = (mid < p01).astype(_U64) << _u(32)  # mid overflowed 64 bits: 2^64 * 2^32
    lo = p00 + (mid << _u(32))
    hi = p11 + (mid >> _u(32)) + carry_mid + (lo < p00).astype(_U64)
    return hi, lo


# --- fused multiply-add, rounded once ---

_FORMATS = {np.dtype("float32"): (24, 8, jnp.uint32), np.dtype("float64"): (53, 11, jnp.uint64)}


def _decode(x, p, e_bits, uint):
    bits = lax.bitcast_convert_type(x, uint).astype(_U64)
    width = p + e_bits
    sign = (bits >> _u(width - 1)).astype(bool)
    field = ((bits >> _u(p - 1)) & _u((1 << e_bits) - 1)).astype(jnp.int64)
    frac = bits & _u((1 << (p - 1)) - 1)
    mant = jnp.where(field == 0, frac, frac | _u(1 << (p - 1)))
    bias = (1 << (e_bits - 1)) - 1
    return sign, mant, jnp.where(field == 0, 1, field) - bias - (p - 1)  # x = +-mant * 2^exp


def fma(a, b, c):
    """a * b + c rounded once to nearest even (C's fma), for finite float32 or float64 arrays."""
    dtype = np.dtype(jnp.result_type(a))
    p, e_bits, uint = _FORMATS[dtype]
    a, b, c = (jnp.asarray(v, dtype) for v in (a, b, c))
    sa, ma, ea = _decode(a, p, e_bits, uint)
    sb, mb, eb = _decode(b, p, e_bits, uint)
    sc, mc, ec = _decode(c, p, e_bits, uint)
    prod, sp, ep = _mul(ma, mb), sa ^ sb, ea + eb
    cw = (jnp.zeros_like(mc), mc)
    # Both terms in one 128-bit window whose top is 2 bits above the larger term's leading bit; the smaller
    # term shifted into it keeps a sticky bit for what falls below (enough to round correctly).
    bp, bc = _bits(prod), _bits(cw)
    top_p = jnp.where(bp == 0, -(1 << 40), ep + bp)
    top_c = jnp.where(bc == 0, -(1 << 40), ec + bc)
    base = jnp.maximum(top_p, top_c) - 126  # exponent of the window's last bit
    P = _place(prod, ep - base)
    C = _place(cw, ec - base)
    same = sp == sc
    bigger_p = _gt(P, C)
    total = _where2(same, _add(P, C), _where2(bigger_p, _sub(P, C), _sub(C, P)))
    sign = jnp.where(same, sp, jnp.where(bigger_p, sp, sc))
    exact_zero = (total[0] == 0) & (total[1] == 0)
    sign = jnp.where(exact_zero, sp & sc, sign)  # x + (-x) is +0 when rounding to nearest
    return _round(total, base, sign, p, e_bits, uint, dtype)


def _where2(cond, a, b):
    return jnp.where(cond, a[0], b[0]), jnp.where(cond, a[1], b[1])


def _place(x, shift):
    """x * 2^shift in the window: shifted left, or right with the sticky bit folded into bit 0."""
    left = _shl(x, jnp.clip(shift, 0, 127))
    right, lost = _shr_sticky(x, jnp.maximum(-shift, 0))
    right = (right[0], right[1] | lost.astype(_U64))
    return _where2(shift >= 0, left, right)


def _round(total, base, sign, p, e_bits, uint, dtype):
    bias = (1 << (e_bits - 1)) - 1
    emin = 1 - bias
    top = base + _bits(total) - 1  # exponent of the leading bit
    lsb = jnp.maximum(top, emin) - (p - 1)  # exponent of the result's last bit (subnormals: emin - p + 1)
    drop = lsb - base
    kept, lost = _shr_sticky(total, jnp.maximum(drop - 1, 0))  # keep one guard bit
    guard = (kept[1] & _u(1)) != 0
    q = (kept[1] >> _u(1)) | (kept[0] << _u(63))
    q = jnp.where(drop >= 1, q + (guard & (lost | ((q & _u(1)) != 0))).astype(_U64),
                  _shl(total, jnp.clip(-drop, 0, 127))[1])
    carry = q >> _u(p)  # rounding reached 2^p: one more bit of exponent
    q, lsb = jnp.where(carry != 0, q >> _u(1), q), lsb + carry.astype(jnp.int64)
    normal = q >= _u(1 << (p - 1))
    field = jnp.where(normal, lsb + (p - 1) + bias, 0)
    frac = jnp.where(normal, q - _u(1 << (p - 1)), q)
    inf = field >= (1 << e_bits) - 1
    field, frac = jnp.where(inf, (1 << e_bits) - 1, field), jnp.where(inf, _u(0), frac)
    bits = (sign.astype(_U64) << _u(p + e_bits - 1)) | (_u(field) << _u(p - 1)) | frac
    return lax.bitcast_convert_type(bits.astype(uint), dtype)


# --- glibc's float32 log ---

# glibc 2.36 logf (sysdeps/ieee754/flt-32/e_logf.c) data, read from libm.
# Theano's float32 C code calls logf; XLA's own float32 log differs from it
# in the last bit for ~14% of uniforms, float64 log rounded to float32 for
# <1%.  This rebuild equals glibc's logf on every float32 in [2^-31, 1)
# (checked exhaustively, jitted and eager).
_LOGF_TAB = np.array([float.fromhex(h) for h in """
    0x1.661ec79f8f3bep+0 -0x1.57bf7808caadep-2 0x1.571ed4aaf883dp+0
    -0x1.2bef0a7c06ddbp-2 0x1.49539f0f010b0p+0 -0x1.01eae7f513a67p-2
    0x1.3c995b0b80385p+0 -0x1.b31d8a68224e9p-3 0x1.30d190c8864a5p+0
    -0x1.6574f0ac07758p-3 0x1.25e227b0b8ea0p+0 -0x1.1aa2bc79c8100p-3
    0x1.1bb4a4a1a343fp+0 -0x1.a4e76ce8c0e5ep-4 0x1.12358f08ae5bap+0
    -0x1.1973c5a611cccp-4 0x1.0953f419900a7p+0 -0x1.252f438e10c1ep-5
    0x1.0000000000000p+0 0x0.0p+0 0x1.e608cfd9a47acp-1
    0x1.aa5aa5df25984p-5 0x1.ca4b31f026aa0p-1 0x1.c5e53aa362eb4p-4
    0x1.b2036576afce6p-1 0x1.526e57720db08p-3 0x1.9c2d163a1aa2dp-1
    0x1.bc2860d224770p-3 0x1.886e6037841edp-1 0x1.1058bc8a07ee1p-2
    0x1.767dcf5534862p-1 0x1.4043057b6ee09p-2""".split()]).reshape(16, 2)
_LOGF_A = [float.fromhex(h) for h in (
    '-0x1.00ea348b88334p-2', '0x1.5575b0be00b6ap-2', '-0x1.ffffef20a4123p-2')]
_LOGF_LN2 = float.fromhex('0x1.62e42fefa39efp-1')


def logf(x):
    """glibc logf for positive normal float32 x (all a uniform can be)."""
    u32 = np.uint32
    ix = lax.bitcast_convert_type(x, jnp.uint32)
    tmp = ix - u32(0x3f330000)
    i = ((tmp >> u32(19)) & u32(15)).astype(jnp.int32)
    k = lax.bitcast_convert_type(tmp, jnp.int32) >> np.int32(23)
    iz = ix - (tmp & u32(0x1ff << 23))
    tab = jnp.asarray(_LOGF_TAB)
    z = lax.bitcast_convert_type(iz, jnp.float32).astype(jnp.float64)
    r = z * tab[i, 0] - 1.0
    y0 = tab[i, 1] + k.astype(jnp.float64) * _LOGF_LN2
    r2 = r * r
    y = _LOGF_A[1] * r + _LOGF_A[2]
    y = _LOGF_A[0] * r2 + y
    y = y * r2 + (y0 + r)
    return jnp.where(ix == u32(0x3f800000), jnp.float32(0),
                     y.astype(jnp.float32))


def sqrt32(x):
    """float32 square root, correctly rounded (through float64)."""
    return jnp.sqrt(x.astype(jnp.float64)).astype(jnp.float32)


# --- glibc's float32 sin and cos (sysdeps/ieee754/flt-32/s_sincosf.h, __sincosf_table), for 0 <= x < 120 ---

_h = float.fromhex
_SINCOS = [dict(c0=c0, c1=c0 * _h("-0x1.ffffffd0c621cp-2"), s1=_h("-0x1.555545995a603p-3"),
                c2=c0 * _h("0x1.55553e1068f19p-5"), s2=_h("0x1.1107605230bc4p-7"),
                c3=c0 * _h("-0x1.6c087e89a359dp-10"), s3=_h("-0x1.994eb3774cf24p-13"),
                c4=c0 * _h("0x1.99343027bf8c3p-16")) for c0 in (1.0, -1.0)]
# 2/pi * 2^24 (x86_64 has no rint intrinsic there: the quadrant comes from a scaled conversion), and pi/2
_HPI_INV, _HPI = _h("0x1.45F306DC9C883p+23"), _h("0x1.921FB54442D18p0")
_PIO4, _TINY = _h("0x1.921FB6p-1"), 2.0 ** -12


def _abstop12(x):
    return (lax.bitcast_convert_type(x, jnp.uint32) >> np.uint32(20)) & np.uint32(0x7FF)


def _top12(v):
    return np.uint32((np.float32(v).view(np.uint32) >> 20) & 0x7FF)


def _poly(x, x2, table, odd):
    """sinf_poly: the sine polynomial (quadrant even) or the cosine one (odd), with table 0 or 1."""
    def pick(name):
        return jnp.where(table == 0, _SINCOS[0][name], _SINCOS[1][name])
    x3, x4 = x * x2, x2 * x2
    sin = (x + x3 * pick("s1")) + (x3 * x2) * (pick("s2") + x2 * pick("s3"))
    cos = (pick("c0") + x2 * pick("c1") + x4 * pick("c2")) + (x4 * x2) * (pick("c3") + x2 * pick("c4"))
    return jnp.where(odd, cos, sin)


def _sincosf(y, cosine):
    x = y.astype(jnp.float64)
    r = x * _HPI_INV
    n = (r.astype(jnp.int32) + np.int32(0x800000)) >> np.int32(24)  # reduce_fast: the quadrant
    xr = x - n.astype(jnp.float64) * _HPI
    sign = jnp.where((n & 3) >= 1, jnp.where((n & 3) <= 2, -1.0, 1.0), 1.0)  # sign[n & 3] = 1, -1, -1, 1
    table = (n >> 1) & 1
    reduced = _poly(xr * sign, xr * xr, table, (n & 1) == (0 if cosine else 1))
    small = _abstop12(y) < _top12(_PIO4)  # |y| < pi/4, as glibc tests it: no reduction
    direct = _poly(x, x * x, 0, cosine)
    out = jnp.where(small, direct, reduced).astype(jnp.float32)
    tiny = _abstop12(y) < _top12(_TINY)
    return jnp.where(tiny, jnp.float32(1) if cosine else y, out)


def sinf(y):
    """glibc's sinf for float32 0 <= y < 120."""
    return _sincosf(y, False)


def cosf(y):
    """glibc's cosf for float32 0 <= y < 120."""
    return _sincosf(y, True)
