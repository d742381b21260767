"""theano.shared semantics (dtype inference, get_value/set_value copying, filtering of set_value by
dtype / ndim / broadcastable, strict, allow_downcast, failed set_value leaves the value), replayed
against theano_compat.

Cases: tests/golden/probes/probe_function.py (group 'shared'); Theano 1.0.5's answers:
tests/golden/function.json.  Regenerate:

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_function.py

Steps labelled "info:" (memory aliasing with borrow=True) are recorded but not enforced.
"""
import numpy as np
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import FUNCTION_GOLD as GOLD, KEYS, PF, case_params, run_and_compare


@pytest.mark.parametrize('fx,name', case_params('shared'))
def test_shared_case(fx, name):
    run_and_compare(fx, name)


def test_get_value_is_a_copy():
    w = theano.shared(np.array([1., 2.]))
    v = w.get_value()
    v[0] = 99.
    assert w.get_value()[0] == 1.
    assert type(w.get_value()) is np.ndarray


def test_set_value_float64_into_float32_shared_raises_and_keeps_value():
    w = theano.shared(np.array([1., 2.], 'float32'))
    with pytest.raises(TypeError):
        w.set_value(np.array([5., 6.]))
    assert w.get_value().dtype == np.float32
    assert w.get_value().tolist() == [1., 2.]


def test_value_attribute_is_refused_both_ways():
    """Theano 1.0 removed sharedvar.value; a silent attribute would let `W.value = init` train from zeros."""
    w = theano.shared(np.zeros(3))
    with pytest.raises(AttributeError, match="get_value"):
        w.value
    with pytest.raises(AttributeError, match="set_value"):
        w.value = np.ones(3)
    assert w.get_value().tolist() == [0.0, 0.0, 0.0]


def test_generic_shared_variable_has_theanos_generic_type():
    # Theano 1.0.5 (its compile/tests/test_shared.py::test_ctors): shared([]).type == theano.gof.type.generic
    from theano_compat.gof.type import generic
    assert theano.shared([]).type == generic
    assert theano.compile.sharedvalue.generic is generic
