"""Bit-exact tests of theano_compat.ops.mrg against Theano 1.0.5 goldens.

tests/golden/mrg.json is written by tests/golden/probes/probe_mrg.py run
under the real Theano (see that file).  Each golden case is replayed the way
the symbolic wrapper will drive the kernel: host rstate -> per-variable
substream states -> two calls of the kernel -> optional reseed.
"""
import json
import pathlib
import sys

import numpy as np
import pytest
import jax

jax.config.update("jax_enable_x64", True)

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:        # run from anywhere without installing
    sys.path.insert(0, str(ROOT))
from theano_compat.ops import mrg  # noqa: E402

GOLDEN = json.loads((ROOT / 'tests' / 'golden' / 'mrg.json').read_text())
CASES = {c['name']: c for c in GOLDEN['cases']}
FLOATX = GOLDEN['floatX']            # dtype of binomial/multinomial uniforms


def decode(d):
    if 'hex' in d:
        vals = np.array([float.fromhex(h) for h in d['hex']])
        return vals.astype(d['dtype']).reshape(d['shape'])
    return np.array(d['data'], dtype=d['dtype']).reshape(d['shape'])


def check_state(got, want):
    got = np.asarray(got)
    assert got.dtype == np.int32
    assert list(got.shape) == want['shape']
    if 'data' in want:
        np.testing.assert_array_equal(got, np.array(want['data']))
    else:
        np.testing.assert_array_equal(got[:4], np.array(want['head']))
        np.testing.assert_array_equal(got[-2:], np.array(want['tail']))
    assert mrg.state_digest(got) == want['sha256']


def check_output(got, want):
    got = np.asarray(got)
    assert str(got.dtype) == want['dtype']
    np.testing.assert_array_equal(got, decode(want))


def streams_of(var):
    """Stream counts of a variable's shared rstates, as Theano guesses."""
    kw = var['kwargs']
    if var['method'] in ('uniform', 'binomial'):
        return [mrg.n_streams_for(tuple(kw['size']), kw.get('nstreams'))]
    # normal/multinomial/choice pass a symbolic size to uniform()
    n = mrg.n_streams_for(None, kw.get('nstreams'))
    truncated = kw.get('truncate') or var['method'] == 'truncated_normal'
    return [n, n] if truncated else [n]


def sample(var, states):
    """Draw one variable: (new states list, output), as the wrapper will."""
    kw, method, dt = var['kwargs'], var['method'], var['out_dtype']
    if method == 'uniform':
        size = tuple(kw['size'])
        new, u = mrg.mrg_uniform(states[0], int(np.prod(size)), dt)
        if 'low' in kw:
            u = mrg.mrg_uniform_low_high(u, kw['low'], kw['high'], dt)
        return [new], u.reshape(size)
    if method == 'binomial':
        size = tuple(kw['size'])
        new, u = mrg.mrg_uniform(states[0], int(np.prod(size)), FLOATX)
        out = mrg.mrg_binomial_from_uniform(u, kw['p'], kw.get('dtype',
                                                                'int64'))
        return [new], out.reshape(size)
    if method in ('normal', 'truncated_normal'):
        return sample_normal(var, states)
    p = np.asarray(kw.get('pvals', kw.get('p')), dtype=kw['pdtype'])
    n = kw.get('n', kw.get('size'))
    new, u = mrg.mrg_uniform(states[0], p.shape[0] * n, FLOATX)
    fn = (mrg.mrg_multinomial_from_uniform if method == 'multinomial'
          else mrg.mrg_choice_from_uniform)
    return [new], fn(p, u, n)


def sample_normal(var, states):
    kw, dt = var['kwargs'], var['out_dtype']
    size, avg, std = tuple(kw['size']), kw.get('avg', 0.0), kw.get('std', 1.0)
    new, u = mrg.mrg_uniform(states[0], mrg.n_uniform_for_normal(size), dt)
    if var['method'] == 'truncated_normal':
        std = np.float64(std) / mrg.TRUNCATED_STD_SCALE
    elif not kw.get('truncate'):
        return [new], mrg.mrg_normal_from_uniform(u, size, avg, std, dt)
    new_fix, out = mrg.mrg_truncated_normal_from_uniform(
        states[1], u, size, avg, std, dt)
    return [new, new_fix], out


def create_states(case):
    """Replay variable creation; checks every shared and host rstate."""
    host = mrg.seed_state(case['seed'])
    check_state(host, case['host_rstate0'])
    per_var = []
    for var in case['vars']:
        states = []
        for n, want in zip(streams_of(var), var['states0'], strict=True):
            states.append(mrg.substream_states(host, n))
            check_state(states[-1], want)
            host = mrg.next_stream_state(host)    # once per shared rstate
        check_state(host, var['host_rstate_after'])
        per_var.append(states)
    return per_var


def run_calls(case, per_var, calls):
    for call in calls:
        outs, flat = [], []
        for i, var in enumerate(case['vars']):
            per_var[i], out = sample(var, per_var[i])
            outs.append(out)
            flat.extend(per_var[i])
        for got, want in zip(outs, call['outputs'], strict=True):
            check_output(got, want)
        if 'states' in call:
            for got, want in zip(flat, call['states'], strict=True):
                check_state(got, want)


@pytest.mark.parametrize('name', sorted(CASES))
def test_golden_case(name):
    case = CASES[name]
    per_var = create_states(case)
    run_calls(case, per_var, case['calls'])          # draw 1, then draw 2
    if 'reseed' in case:
        rs = case['reseed']
        n_list = [n for var in case['vars'] for n in streams_of(var)]
        states, host = mrg.reseed_states(rs['seed'], n_list)
        for got, want in zip(states, rs['states'], strict=True):
            check_state(got, want)
        check_state(host, rs['host_rstate'])
        it = iter(states)
        per_var = [[next(it) for _ in streams_of(v)] for v in case['vars']]
        run_calls(case, per_var, [dict(outputs=rs['outputs'])])


@pytest.mark.parametrize('name, index', [
    ('seed42_float32', 5),      # uniform low/high (FMA)
    ('seed42_float64', 7),      # normal avg/std
    ('truncated', 4),           # truncated_normal float32, two rstates
])
def test_kernel_inside_outer_jit(name, index):
    """The wrapper will jit whole graphs, where XLA may fuse and simplify
    across the kernel's pieces: results must not change."""
    case = CASES[name]
    var = case['vars'][index]
    states = create_states(case)[index]
    new, out = jax.jit(lambda st: sample(var, st))(states)
    check_output(out, case['calls'][0]['outputs'][index])
    first = sum(len(streams_of(v)) for v in case['vars'][:index])
    for got, want in zip(new, case['calls'][0]['states'][first:]):
        check_state(got, want)


def test_n_streams_for():
    assert mrg.n_streams_for((1,)) == 1
    assert mrg.n_streams_for((6,)) == 6          # r <= 6 is kept as is
    assert mrg.n_streams_for((7,)) == 1          # then r // 6
    assert mrg.n_streams_for((2, 3, 4)) == 4
    assert mrg.n_streams_for((10 ** 6,)) == 60 * 256
    assert mrg.n_streams_for((np.int64(100),)) == 60 * 256  # not a py int
    assert mrg.n_streams_for(None) == 60 * 256
    assert mrg.n_streams_for((100,), nstreams=3) == 3


def test_seed_validation():
    for bad in (0, mrg.M2, [0, 0, 0, 1, 1, 1], [1, 1, 1, 0, 0, 0],
                [mrg.M1, 1, 1, 1, 1, 1], [1, 1, 1, mrg.M2, 1, 1]):
        with pytest.raises(ValueError):
            mrg.seed_state(bad)
    with pytest.raises(TypeError):
        mrg.seed_state([1, 2, 3])
    with pytest.raises(ValueError):      # Theano's 2**31 - 1 sample limit
        mrg.mrg_uniform(np.ones((1, 6), np.int32), mrg.M1 + 1, 'float32')


def test_float32_extremes_stay_in_open_interval():
    import jax.numpy as jnp
    v = jnp.array([1, mrg.M1, mrg.M1 - 1], dtype=jnp.int32)
    u32 = np.asarray(mrg._int_to_unit(v, 'float32'))
    assert u32.max() < 1.0 and u32.min() > 0.0
    assert np.asarray(mrg._int_to_unit(v, 'float64')).max() < 1.0


def test_substream_doubling_matches_sequential_jumps():
    rows = [mrg.seed_state(12345)]
    for _ in range(99):
        rows.append(mrg.jump_substream(rows[-1]))
    np.testing.assert_array_equal(mrg.substream_states(rows[0], 100),
                                  np.stack(rows))
