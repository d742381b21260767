"""Theano's function object model (f[x], containers and state, f.maker, copies, pickling, trust_input,
pfunc / rebuild_collect_shared, In's checks, borrowed buffers, FunctionGraph) against Theano 1.0.5's recorded
answers: tests/golden/function_model.json, recorded by tests/golden/probes/probe_function_model.py.
Steps labelled "info:" are recorded, not enforced; the tests below say what the shim does there."""
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import PF, load_golden, load_probe

PM = load_probe("probe_function_model")
GOLD = load_golden("function_model.json")["cases"]


def _on_cpu():
    return all(d.platform == "cpu" for d in theano.shared(np.zeros(2)).container.value.devices())


@pytest.mark.parametrize("name", list(PM.CASES))
def test_golden(name):
    if name == "borrowed_buffers" and not _on_cpu():
        pytest.skip("on a GPU, get_value(borrow=True) is a copy, as with Theano's GPU back-end")
    problems = PF.compare_steps(GOLD[name]["steps"], PM.run_case(name, theano, T))
    assert not problems, "\n".join(problems)


def _got(name):
    return {label: step for label, step, _ in PM.run_case(name, theano, T)}


def test_default_name_is_file_and_line():
    """Theano names an unnamed function after the line that compiled it."""
    assert GOLD["names_and_arguments"]["steps"][-1][1]["ok"]["value"] == _got("names_and_arguments")[
        "info: name"]["ok"]["value"]


def test_borrowed_user_arrays():
    """On CPU a small array given with borrow=True stays the variable's storage (Theano's aliasing), and so does
    one XLA can use in place (64-byte aligned); others are copied once to the device (as Theano's GPU back-end
    did). Either way a function sees what get_value() says."""
    if not _on_cpu():
        pytest.skip("on a GPU nothing is shared with host memory")
    got = _got("borrowed_buffers")
    for label in ("info: shared(small, borrow=True) then changed in place",
                  "info: set_value(d, borrow=True) then changed in place"):
        assert got[label] == dict(GOLD["borrowed_buffers"]["steps"])[label], label
    raw = np.ones(100000 + 8)
    for offset in (0, 1, 2, 3, 4, 5, 6, 7):
        big = raw[offset:offset + 100000]  # one of these is not 64-byte aligned
        s = theano.shared(big, borrow=True)
        f = theano.function([], s.sum())
        big[0] += 5.
        assert f() == s.get_value().sum()
        assert (s.get_value(borrow=True) is big) == (big.ctypes.data % 64 == 0)


def test_maker_fgraph_is_read_only():
    x = T.dvector("x")
    f = theano.function([x], x * 2)
    fg = f.maker.fgraph
    assert [str(n) for n in fg.toposort()][-1] == "Elemwise{mul,no_inplace}(x, InplaceDimShuffle{x}.0)"
    with pytest.raises(NotImplementedError, match="FunctionGraph.replace"):
        fg.replace(fg.outputs[0], x * 3)


def test_maker_shows_inline_ops_expanded():
    x, y = T.dvectors("xy")
    inline = theano.OpFromGraph([x, y], [x * y], inline=True)
    opaque = theano.OpFromGraph([x, y], [x * y])
    a, b = T.dvectors("ab")
    f = theano.function([a, b], [inline(a, b), opaque(a, b)])
    ops = [type(n.op).__name__ for n in f.maker.fgraph.toposort()]
    assert sorted(ops) == ["Elemwise", "OpFromGraph"]


def test_state_survives_a_failed_call():
    x, s = T.dscalars("x", "s")
    f = theano.function([x, theano.In(s, value=1.0, update=s * x)], s * x)
    f(2.)
    with pytest.raises(ValueError):
        f("abc")
    assert f[s] == 2.0


def test_fn_runs_on_the_input_containers_into_output_storage():
    # tests/golden/probes/probe_function_fn.py under Theano 1.0.5 (its test_rng_mrg.py::test_multMatVect
    # drives DotModulo this way): f.fn() reads input_storage and fills output_storage
    x = T.dscalar("x")
    f = theano.function([x], [x * 2, x + 1])
    f.input_storage[0].storage[0] = np.asarray(3.0)
    f.fn()
    assert type(f.output_storage[0]).__name__ == "Container"
    assert [float(c.value) for c in f.output_storage] == [6.0, 4.0]
