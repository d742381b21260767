"""theano.tensor.nnet's op classes against Theano 1.0.5 (tests/golden/nnet_classes.json): the probe that recorded
Theano's answers (tests/golden/probes/probe_nnet_classes.py) runs here with `theano` being theano_compat.

- ops: for each expression, the class of the op making the result, its Theano op-class bases, str(op) and props;
- values: ops built from the classes (AbstractConv*_grad*, CorrMM*, ConvOp, batch norm, SparseBlock*, Prepend,
  Softmax on a vector) called directly, and their gradients: dtypes, shapes and values;
- errors: the constructors' and make_node's error classes.
"""
import pathlib
import sys

import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent / "golden"))
from shim_probe import load_golden, run_probe  # noqa: E402

GOLDEN = load_golden("nnet_classes")
ours = pytest.fixture(scope="module", name="ours")(lambda: run_probe("probe_nnet_classes"))


@pytest.mark.parametrize("name", sorted(GOLDEN["ops"]))
def test_op_class_str_and_props(ours, name):
    assert ours["ops"][name] == GOLDEN["ops"][name]


@pytest.mark.parametrize("name", sorted(GOLDEN["values"]))
def test_direct_op_values(ours, name):
    got, expected = ours["values"][name], GOLDEN["values"][name]
    if "error" in expected:
        assert got == expected
        return
    assert "value" in got, got
    assert len(got["value"]) == len(expected["value"])
    for g, e in zip(got["value"], expected["value"]):
        assert (g["dtype"], g["shape"]) == (e["dtype"], e["shape"])
        np.testing.assert_allclose(g["value"], e["value"], rtol=1e-9, atol=1e-11)


@pytest.mark.parametrize("name", sorted(GOLDEN["errors"]))
def test_constructor_errors(ours, name):
    assert ours["errors"][name] == GOLDEN["errors"][name]


def test_classes_build_equal_ops():
    """Ops with equal props are equal (Theano's __props__ equality), and isinstance follows Theano's tree."""
    import theano_compat
    theano_compat.install()
    from theano.tensor.nnet import abstract_conv as A, corr
    assert A.AbstractConv2d(border_mode=1) == A.AbstractConv2d(border_mode=(1, 1))
    assert A.AbstractConv2d(border_mode=1) != A.AbstractConv2d(border_mode=2)
    assert hash(corr.CorrMM(subsample=(2, 2))) == hash(corr.CorrMM(subsample=(2, 2)))
    assert isinstance(A.AbstractConv(2), A.AbstractConv2d)
    assert not isinstance(A.AbstractConv2d(), A.AbstractConv_gradInputs)


def test_ops_with_props_pickle():
    """A pickled graph keeps its ops' props (str, equality, and the grads that read them)."""
    import pickle

    import theano_compat
    theano_compat.install()
    import theano.tensor as T
    from theano.tensor.nnet import bn, conv, corr3d, nnet
    out = T.nnet.conv2d(T.dtensor4(), T.dtensor4(), border_mode=1, subsample=(2, 1))
    back = pickle.loads(pickle.dumps(out))
    assert back.owner.op == out.owner.op and str(back.owner.op) == str(out.owner.op)
    grad = T.grad(back.sum(), back.owner.inputs[1])
    assert type(grad.owner.op).__name__ == "AbstractConv2d_gradWeights" and grad.owner.op.subsample == (2, 1)
    for op in (conv.ConvOp(dx=2), corr3d.Corr3dMM(1), nnet.Prepend_scalar_constant_to_each_row(2.),
               bn.AbstractBatchNormTrain((0, 1))):
        again = pickle.loads(pickle.dumps(op))
        assert (again, str(again), again.__props__) == (op, str(op), op.__props__)
