"""str()/repr() of types, variables, constants and shared variables, theano.printing.pp and
theano.printing.debugprint, replayed against theano_compat.

Cases: tests/golden/probes/probe_function.py (group 'printing'); Theano 1.0.5's answers:
tests/golden/function.json.  Regenerate:

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_function.py
"""
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import FUNCTION_GOLD as GOLD, KEYS, PF, case_params, run_and_compare


@pytest.mark.parametrize('fx,name', case_params('printing'))
def test_printing_case(fx, name):
    run_and_compare(fx, name)


def test_str_of_types_and_variables():
    assert str(T.dmatrix().type) == 'TensorType(float64, matrix)'
    assert str(T.frow().type) == 'TensorType(float32, row)'
    assert str(T.dscalar('x')) == 'x'
    assert str(T.dvector()) == '<TensorType(float64, vector)>'
    assert str(theano.shared(0.0)) == '<TensorType(float64, scalar)>'


def test_pp():
    x = T.dscalar('x')
    y = T.dscalar('y')
    assert theano.printing.pp(x * y ** 2) == '(x * (y ** TensorConstant{2}))'
