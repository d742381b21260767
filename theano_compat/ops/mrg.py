"""Numeric kernel of Theano 1.0.5's MRG31k3p generator (MRG_RandomStreams).

Pure functions, no graph code: host-side state bookkeeping in numpy (Theano
does it on the host when a random variable is created) and jittable jnp/lax
samplers reproducing Theano's CPU (C backend) numbers bit for bit.

How the symbolic wrapper uses it
--------------------------------
* ``MRG_RandomStreams(seed)`` keeps a host rstate ``seed_state(seed)``, (6,)
  int32.  Each uniform() it builds (normal, binomial, multinomial and choice
  all go through uniform(); a truncated normal builds two) does::

      n = n_streams_for(size, nstreams)     # size exactly as given
      rstate = substream_states(rng.rstate, n)   # (n, 6) int32
      rng.rstate = next_stream_state(rng.rstate)  # Theano's inc_rstate

  ``rstate`` becomes a new shared variable (tag is_rng) whose default update
  is the state the kernel returns, so every call of the compiled function
  advances it: ``new_rstate, u = mrg_uniform(rstate, prod(size), dtype)``.
* ``rng.seed(s)``: ``states, rng.rstate = reseed_states(s, [n1, n2, ...])``
  with one stream count per shared rstate, in creation order.
* Method mapping (u = flat mrg_uniform output, floatX = config.floatX):
  - uniform(size, low, high, dtype): uniforms of dtype on size, then
    ``mrg_uniform_low_high(u, low, high, dtype)`` (skip it for 0/1).
  - normal(size, avg, std, dtype): ``n_uniform_for_normal(size)`` uniforms
    of dtype on ``n_streams_for(None, nstreams)`` streams (Theano's size is
    symbolic there: 60*256 streams unless nstreams is given), then
    ``mrg_normal_from_uniform``; truncate=True / truncated_normal use
    ``mrg_truncated_normal_from_uniform`` with a second shared rstate
    (truncated_normal first divides std by TRUNCATED_STD_SCALE in float64).
  - binomial(size, n=1, p, dtype): floatX uniforms on size, then
    ``mrg_binomial_from_uniform``; n > 1 is NotImplementedError in Theano.
  - multinomial(pvals, n): ``pvals.shape[0] * n`` floatX uniforms (symbolic
    size: 60*256 streams), then ``mrg_multinomial_from_uniform``.
  - choice(size, p, replace=False): ``p.shape[0] * size`` floatX uniforms
    (60*256 streams), then ``mrg_choice_from_uniform``.

Exactness: the uniform kernel is integer arithmetic (wrapping int32, as in
the C code) plus one IEEE multiply, exact anywhere.  The float maths after
it reproduces Theano's CPU code on any backend with IEEE float64 (see
exactfloat.py): ``a*b+c`` is one exactly rounded FMA (gcc -O3 -march=native
contracts Theano's fused loops), float32 log/sin/cos are glibc's algorithms
rebuilt, sqrt is correctly rounded.  float64 normal() uses XLA's log/sin/cos:
glibc's on a CPU, the GPU library's elsewhere (which may differ in the last
bit).
"""
import hashlib
from functools import partial

import numpy as np
import jax
import jax.numpy as jnp
from jax import lax

from . import exactfloat

# MRG31k3p constants, copied from theano/sandbox/rng_mrg.py.
M1 = 2147483647                   # 2^31 - 1
M2 = 2147462579                   # 2^31 - 21069
MASK12 = 511                      # 2^9 - 1
MASK13 = 16777215                 # 2^24 - 1
MASK2 = 65535                     # 2^16 - 1
MULT2 = 21069
# The C code maps the int sample v in [1, M1] to v * NORM.  For float32 the
# constant is written 4.6566126e-10f, slightly *below* 2^-31, so that
# float32(M1) = 2^31 times it is 0.99999994 and never rounds to 1.0.
NORM64 = 4.656612873077392578125e-10          # exactly 2^-31
NORM32 = np.float32(4.6566126e-10)
NORM16 = np.float16(3.0458e-05)               # Python perform() only
DEFAULT_N_STREAMS = 60 * 256                  # guess_n_streams fallback

# Jump-ahead matrices (component 1 mod M1, component 2 mod M2): 2^72 steps
# separate the substreams of one variable, 2^134 two variables.
A1P72, A2P72, A1P134, A2P134 = (
    np.array(a, dtype=np.int64).reshape(3, 3) for a in (
    [1516919229, 758510237, 499121365, 1884998244, 1516919229, 335398200,
     601897748, 1884998244, 358115744],
    [1228857673, 1496414766, 954677935, 1133297478, 1407477216, 1496414766,
     2002613992, 1639496704, 1407477216],
    [1702500920, 1849582496, 1656874625, 828554832, 1702500920, 1512419905,
     1143731069, 828554832, 102237247],
    [796789021, 1464208080, 607337906, 1241679051, 1431130166, 1464208080,
     1401213391, 1178684362, 1431130166]))


# ---------------------------------------------------------------- host side

def seed_state(seed):
    """MRG_RandomStreams.set_rstate: the (6,) int32 host rstate of a seed.

    Same checks and messages as Theano (which lets negative ints through)."""
    if isinstance(seed, (int, np.integer)):
        if seed == 0:
            raise ValueError('seed should not be 0', seed)
        if seed >= M2:
            raise ValueError('seed should be less than %i' % M2, seed)
        return np.asarray([seed] * 6, dtype='int32')
    if len(seed) != 6:
        raise TypeError("seed should be 1 integer or 6 integers")
    for part, m, name in ((seed[:3], M1, 'first'), (seed[3:], M2, 'last')):
        if all(v == 0 for v in part):
            raise ValueError('The %s 3 values of seed should not be all 0'
                             % name, seed)
    for part, m, name in ((seed[:3], M1, 'first'), (seed[3:], M2, 'last')):
        if any(v >= m for v in part):
            raise ValueError('The %s 3 values of seed should be less than %i'
                             % (name, m), seed)
    return np.asarray(seed, dtype='int32')


def _mat_vec_mod(A, s, m):
    """Rows of s (…, 3) times A mod m, with DotModulo's C semantics.

    C's % truncates toward zero (np.fmod), which only matters for the
    negative states a negative seed produces; each product is reduced before
    summing, as in the C loop, so int64 never overflows.
    """
    s = np.asarray(s, dtype=np.int64)
    terms = np.fmod(s[..., None, :] * A, m)
    return np.fmod(terms.sum(axis=-1), m)


def _jump(states, A1, A2):
    states = np.asarray(states)
    return np.concatenate([_mat_vec_mod(A1, states[..., :3], M1),
                           _mat_vec_mod(A2, states[..., 3:], M2)],
                          axis=-1).astype(np.int32)


def jump_substream(state):
    """ff_2p72: advance a state (or each row) by 2^72 steps."""
    return _jump(state, A1P72, A2P72)


def next_stream_state(state):
    """MRG_RandomStreams.inc_rstate: advance the host rstate by 2^134."""
    return _jump(state, A1P134, A2P134)


inc_rstate = next_stream_state


def _mat_mat_mod(A, B, m):
    return np.sum(np.fmod(A[:, :, None] * B[None, :, :], m), axis=1) % m


def substream_states(rstate, n_streams):
    """get_substream_rstates: (n_streams, 6) int32, row i = ff_2p72^i(rstate).

    Theano loops n_streams times; we double the block each round with
    A^(2^j) instead (~14 rounds for 60*256 streams).  That is exact modular
    arithmetic, hence equal to the loop whenever states are non-negative; a
    negative seed keeps C's negative remainders, so it takes the plain loop.
    """
    if not 0 < n_streams < 2 ** 72:
        raise ValueError('n_streams must be positive', n_streams)
    rstate = np.asarray(rstate, dtype=np.int32)
    if (rstate < 0).any():
        rows = [rstate]
        for _ in range(1, n_streams):
            rows.append(jump_substream(rows[-1]))
        return np.stack(rows).astype(np.int32)
    block = rstate[None, :].astype(np.int64)
    p1, p2 = A1P72, A2P72
    while block.shape[0] < n_streams:
        nxt = np.concatenate([_mat_vec_mod(p1, block[:, :3], M1),
                              _mat_vec_mod(p2, block[:, 3:], M2)], axis=1)
        block = np.concatenate([block, nxt])
        p1, p2 = _mat_mat_mod(p1, p1, M1), _mat_mat_mod(p2, p2, M2)
    return block[:n_streams].astype(np.int32)


def reseed_states(seed, n_streams_list):
    """MRG_RandomStreams.seed(seed): (fresh shared states, host rstate).

    n_streams_list: stream count of each shared rstate, in creation order.
    """
    rstate = seed_state(seed)
    out = []
    for n in n_streams_list:
        out.append(substream_states(rstate, n))
        rstate = next_stream_state(rstate)
    return out, rstate


def n_streams_for(size, nstreams=None):
    """guess_n_streams, or nstreams when given.

    Quirk kept: only a tuple/list of *Python* ints counts as known (numpy
    integers or symbolic sizes, as in normal/multinomial/choice, give 60*256).
    """
    if nstreams is not None:
        return int(nstreams)
    if isinstance(size, (tuple, list)) and all(isinstance(i, int)
                                               for i in size):
        r = int(np.prod(size, dtype=object))
        if r > 6:
            r = r // 6          # "chosen as fastest for rbm_benchmark"
        return min(r, DEFAULT_N_STREAMS)
    return DEFAULT_N_STREAMS


def state_digest(states):
    """sha256 of an int32 state array (used by the golden tests)."""
    return hashlib.sha256(np.ascontiguousarray(
        np.asarray(states), dtype='<i4').tobytes()).hexdigest()


# -------------------------------------------------------------- device side

def _sub_if_out(y, m):
    # "if (y < 0 || y >= M) y -= M;" on wrapping int32, as in the C code.
    return jnp.where((y < 0) | (y >= m), y - m, y)


def _mrg_step(x):
    """One MRG31k3p step on every row of x (n, 6) int32.

    Returns (new x, v) with v in [1, M1] the integer sample.  All arithmetic
    is int32 and wraps like the C code (which relies on it: y1 may overflow
    and is fixed by the "y1 < 0" test).
    """
    i32 = np.int32
    x11, x12, x13, x21, x22, x23 = (x[:, j] for j in range(6))
    y1 = (((x12 & i32(MASK12)) << i32(22)) + (x12 >> i32(9))
          + ((x13 & i32(MASK13)) << i32(7)) + (x13 >> i32(24)))
    y1 = _sub_if_out(_sub_if_out(y1, i32(M1)) + x13, i32(M1))
    z1 = ((x21 & i32(MASK2)) << i32(15)) + i32(MULT2) * (x21 >> i32(16))
    z1 = _sub_if_out(z1, i32(M2))
    y2 = ((x23 & i32(MASK2)) << i32(15)) + i32(MULT2) * (x23 >> i32(16))
    y2 = _sub_if_out(y2, i32(M2))
    y2 = _sub_if_out(y2 + x23, i32(M2))
    y2 = _sub_if_out(y2 + z1, i32(M2))
    new_x = jnp.stack([y1, x11, x12, y2, x21, x22], axis=1)
    v = jnp.where(y1 <= y2, y1 - y2 + i32(M1), y1 - y2)
    return new_x, v


def _int_to_unit(v, dtype):
    """Map v in [1, M1] to (0, 1) the way Theano's mrg_uniform does."""
    if dtype == 'float64':
        return v.astype(jnp.float64) * NORM64
    if dtype == 'float32':
        # C: (npy_int32 v) * 4.6566126e-10f -> v rounded to float32 first.
        return v.astype(jnp.float32) * NORM32
    if dtype == 'float16':
        # perform() (no C code): float16(((v & 0x7fff) + 1) * NORM16) with
        # a float64 product; the float32 route below equals it for all 2^15
        # values (checked exhaustively).
        w = ((v & np.int32(0x7FFF)) + np.int32(1)).astype(jnp.float32)
        return (w * jnp.float32(NORM16)).astype(jnp.float16)
    raise TypeError('mrg_uniform dtype must be float16/32/64', dtype)


def mrg_uniform_rounds(states, n_valid, n_rounds, dtype):
    """Masked core: n_rounds round-robin passes over all streams.

    Element i = stream + k * n_streams is sample k of stream i % n_streams,
    so sample (k, s) of the scan output, flattened, is element i.  Streams
    past the last element in the final pass do not advance.  n_valid may be
    traced (truncated normal redraws); the output has n_rounds * n_streams
    entries, of which the first n_valid are meaningful.
    """
    n_streams = states.shape[0]
    ids = jnp.arange(n_streams, dtype=jnp.int32)

    def body(x, k):  # one pass: every stream steps, the active ones keep it
        new_x, v = _mrg_step(x)
        # ids < n_valid - k*n_streams avoids int32 overflow near M1 elements.
        active = ids < n_valid - k * np.int32(n_streams)
        return jnp.where(active[:, None], new_x, x), v

    x, vs = lax.scan(body, states, jnp.arange(n_rounds, dtype=jnp.int32))
    # The barrier stops XLA from folding v * NORM * c into v * (NORM * c)
    # when a constant factor follows (2*pi in normal, high-low in uniform):
    # Theano rounds the uniform first.
    return x, lax.optimization_barrier(_int_to_unit(vs.reshape(-1), dtype))


@partial(jax.jit, static_argnums=(1, 2))
def _uniform_jit(states, n_elements, dtype):
    n_rounds = -(-n_elements // states.shape[0])
    x, u = mrg_uniform_rounds(states, np.int32(n_elements), n_rounds, dtype)
    return x, u[:n_elements]


def mrg_uniform(states, n_elements, dtype):
    """mrg_uniform op: (new_states, flat samples in (0, 1)) of n_elements.

    states: (n_streams, 6) int32; n_elements and dtype are static.
    """
    if n_elements > M1:
        raise ValueError("rng_mrg does not support more then (2**31 -1) "
                         "samples")
    return _uniform_jit(jnp.asarray(states, dtype=jnp.int32),
                        int(n_elements), str(dtype))


def _cast(x, dtype):
    # Theano casts low/high/avg/std to dtype; one dtype also means one jit
    # cache entry whether the caller passes a Python or a numpy scalar.
    return jnp.asarray(x).astype(dtype)


@jax.jit
def _mul_add(a, b, c):
    # Theano runs this in one fused C loop that gcc -O3 -march=native turns
    # into an FMA: one rounding, computed exactly here whatever XLA fuses.
    if a.dtype == jnp.float16:  # Python perform() in Theano: no FMA
        return a * b + c
    return exactfloat.fma(a, b, c)


def mrg_uniform_low_high(u, low, high, dtype):
    """uniform(): ``u * (high - low) + low``, low/high cast to dtype first."""
    low, high = _cast(low, dtype), _cast(high, dtype)
    return _mul_add(u, high - low, low)


def mrg_binomial_from_uniform(u, p, dtype='int64'):
    """binomial(n=1): ``cast(u < p, dtype)`` (u has dtype floatX)."""
    return (u < p).astype(dtype)


def _radius(u, dtype):
    """sqrt(-2 * log(u)); -2.0 is a float32 constant in Theano (autocast)."""
    if dtype == 'float32':
        return exactfloat.sqrt32(jnp.float32(-2.0) * exactfloat.logf(u))
    if dtype == 'float64':
        # XLA's CPU backend calls glibc's log, as Theano's C code does (a GPU's may differ in the last bit)
        return jnp.sqrt(-2.0 * jnp.log(u))
    raise TypeError('MRG normal supports float32/float64 only', dtype)


def n_uniform_for_normal(size):
    """normal() draws an even number of uniforms: n + n % 2."""
    n = int(np.prod(size, dtype=np.int64))
    return n + n % 2


def _box_muller(u, dtype):
    """Theano's layout: first half of u -> radii, second half -> angles."""
    half = u.shape[0] // 2
    theta = jnp.asarray(np.array(2.0 * np.pi, dtype=dtype)) * u[half:]
    if dtype == 'float32':  # glibc's cosf/sinf, as Theano's C code calls them
        return _radius(u[:half], dtype), exactfloat.cosf(theta), exactfloat.sinf(theta)
    return _radius(u[:half], dtype), jnp.cos(theta), jnp.sin(theta)


def _finish(z, size, avg, std):
    # "samples *= std; samples += avg": one fused loop in Theano (FMA).
    z = z[:int(np.prod(size, dtype=np.int64))].reshape(size)
    return _mul_add(z, std, avg)


@partial(jax.jit, static_argnums=(3, 4))
def _normal(u, avg, std, size, dtype):
    r, cos_t, sin_t = _box_muller(u, dtype)
    return _finish(jnp.concatenate([r * cos_t, r * sin_t]), size, avg, std)


def mrg_normal_from_uniform(u, size, avg=0.0, std=1.0, dtype='float64'):
    """normal(truncate=False) from n_uniform_for_normal(size) uniforms u:
    concat(r*cos, r*sin), the last one dropped for odd sizes, reshaped,
    then * std + avg."""
    size, dtype = tuple(int(s) for s in size), str(dtype)
    return _normal(u, _cast(avg, dtype), _cast(std, dtype), size, dtype)


def _out_of_range(z):
    return (z < -2.0) | (z > 2.0)


def _truncate_half(z, trig, r_fix, offset):
    """One half of the truncated output: the in-range z in order, then the
    out-of-range ones redrawn as r_fix[offset + j] * trig[their index]."""
    bad = _out_of_range(z)
    order = jnp.argsort(bad, stable=True)
    n_ok = z.shape[0] - bad.sum()
    pos = jnp.arange(z.shape[0])
    fixed = jnp.take(r_fix, offset + pos - n_ok, mode='clip') * trig[order]
    return jnp.where(pos < n_ok, z[order], fixed), bad.sum()


@partial(jax.jit, static_argnums=(4, 5))
def _truncated(fix_states, u, avg, std, size, dtype):
    r, cos_t, sin_t = _box_muller(u, dtype)
    z0, z1 = r * cos_t, r * sin_t
    n_fix = (_out_of_range(z0).sum() + _out_of_range(z1).sum())
    n_rounds = -(-u.shape[0] // fix_states.shape[0])
    new_states, u_fix = mrg_uniform_rounds(
        fix_states, n_fix.astype(jnp.int32), n_rounds, dtype)
    # self.uniform((n_fix,), low=constant(1/e**2, dtype), high=1.)
    lower = np.array(1.0 / np.e ** 2, dtype=dtype)
    r_fix = _radius(mrg_uniform_low_high(u_fix, lower, 1.0, dtype), dtype)
    h0, n0 = _truncate_half(z0, cos_t, r_fix, 0)
    h1, _ = _truncate_half(z1, sin_t, r_fix, n0)
    return new_states, _finish(jnp.concatenate([h0, h1]), size, avg, std)


def mrg_truncated_normal_from_uniform(fix_states, u, size, avg=0.0, std=1.0,
                                      dtype='float64'):
    """normal(truncate=True) (and truncated_normal, whose std is first
    divided by TRUNCATED_STD_SCALE in float64).

    u: the first variable's n_uniform_for_normal(size) uniforms;
    fix_states: the second shared rstate (Theano creates a second uniform
    for the redraws, of data-dependent length).  Returns (new fix_states,
    samples).  Quirk kept: redrawn values go after the kept ones.
    """
    size, dtype = tuple(int(s) for s in size), str(dtype)
    return _truncated(jnp.asarray(fix_states, dtype=jnp.int32), u,
                      _cast(avg, dtype), _cast(std, dtype), size, dtype)


TRUNCATED_STD_SCALE = .87962566103423978   # scipy truncnorm(-2, 2).std()


def _cumsum_f64(p):
    """Row-wise cumsum accumulated left to right in double, like the C loop
    (jnp.cumsum does not promise that order)."""
    def body(acc, col):
        acc = acc + col.astype(jnp.float64)
        return acc, acc
    _, cols = lax.scan(body, jnp.zeros(p.shape[0], jnp.float64), p.T)
    return cols.T


def _first_hit(cum, u):
    """Index of the first column with cum > u per row, -1 when none."""
    hit = cum > u[:, None].astype(jnp.float64)
    return jnp.where(hit.any(axis=1), jnp.argmax(hit, axis=1), -1)


@partial(jax.jit, static_argnums=(2, 3))
def mrg_multinomial_from_uniform(pvals, unis, n=1, dtype='int64'):
    """MultinomialFromUniform C code: row r, draw c uses unis[c*rows + r]
    and counts the first outcome whose double cumsum exceeds it (a draw
    past the total mass counts nothing).  n, dtype static."""
    rows, cols = pvals.shape
    cum = _cumsum_f64(pvals)
    hits = jnp.stack([_first_hit(cum, unis[c * rows:(c + 1) * rows])
                      for c in range(n)])
    counts = (hits[:, :, None] == jnp.arange(cols)).sum(axis=0)
    return counts.astype(pvals.dtype if dtype == 'auto' else dtype)


def _renormalize(p, m, cum_m):
    """ChoiceFromUniform's fix-up after picking column m of each row, in the
    C order: sum = (pdtype)(cummul - p[m]); p[m] = 0; sum += p[k] for k >= m
    one by one in the pvals dtype; p /= sum."""
    ids = jnp.arange(p.shape[1])
    pm = jnp.take_along_axis(p, m[:, None], axis=1)[:, 0]
    s0 = (cum_m - pm.astype(jnp.float64)).astype(p.dtype)
    p = jnp.where(ids == m[:, None], jnp.zeros((), p.dtype), p)

    def body(s, k):
        s = jnp.where(k >= m, s + p[:, k], s)
        return s, None
    s, _ = lax.scan(body, s0, ids)
    return p / s[:, None]


@partial(jax.jit, static_argnums=(2, 3))
def mrg_choice_from_uniform(p, unis, n=1, dtype='int64'):
    """ChoiceFromUniform (replace=False) C code: (rows, n) indices; n,
    dtype static.  A row whose draw exceeds the whole mass gets -1 (Theano
    leaves that entry uninitialized) and is not renormalized."""
    rows = p.shape[0]
    out = []
    for c in range(n):
        cum = _cumsum_f64(p)
        m = _first_hit(cum, unis[c * rows:(c + 1) * rows])
        out.append(m)
        if c < n - 1:       # "No need to renormalize after the last sample"
            mc = jnp.maximum(m, 0)
            cum_m = jnp.take_along_axis(cum, mc[:, None], axis=1)[:, 0]
            p = jnp.where((m >= 0)[:, None], _renormalize(p, mc, cum_m), p)
    return jnp.stack(out, axis=1).astype('int64' if dtype == 'auto' else dtype)
