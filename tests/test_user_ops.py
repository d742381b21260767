"""User-written Ops (theano.Op subclasses, itypes/otypes, as_op, a scipy-backed op with a gradient, several
outputs, default_output, ops in scan, gradients, Rop and the errors) against Theano 1.0.5's recorded answers
(tests/golden/user_ops.json, recorded by tests/golden/probes/probe_user_ops.py), and how their perform
enters the compiled step (what Theano cannot be asked)."""
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import load_golden, load_probe

PU = load_probe("probe_user_ops")
PS = load_probe("probe_scan")
GOLD = load_golden("user_ops.json")["cases"]


@pytest.mark.parametrize("name", list(PU.CASES))
def test_golden(name):
    steps = PU.run_case(name, theano, T)
    mismatches = PS.compare_steps(GOLD[name]["steps"], steps)
    assert not mismatches, "\n".join(mismatches)


def _counting_op():
    calls = []

    class Counting(theano.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return theano.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            calls.append(inputs[0].shape)
            output_storage[0][0] = inputs[0] + 1

        def infer_shape(self, node, shapes):
            return shapes
    return Counting, calls


def test_perform_runs_once_per_call_inside_one_compiled_step():
    Counting, calls = _counting_op()
    x = T.dvector("x")
    f = theano.function([x], Counting()(x) * 2)
    for _ in range(3):
        assert np.allclose(f(np.ones(3)), 4.0)
    assert calls == [(3,)] * 3
    assert f._fast is not None  # after the first call, the jitted step is called directly


def test_learned_shapes_are_checked():
    """Without infer_shape, shapes are learned per input shape; an op whose output shape then changes with
    the values gets a clear error instead of a wrong answer."""
    class Nonzero(theano.Op):
        __props__ = ()

        def make_node(self, x):
            x = T.as_tensor_variable(x)
            return theano.Apply(self, [x], [x.type()])

        def perform(self, node, inputs, output_storage):
            output_storage[0][0] = inputs[0][inputs[0] != 0]

    x = T.dvector("x")
    f = theano.function([x], Nonzero()(x))
    assert np.array_equal(f(np.array([1., 0., 2.])), [1., 2.])  # learns: (3,) -> (2,)
    with pytest.raises(Exception, match="infer_shape"):
        f(np.array([1., 3., 2.]))
