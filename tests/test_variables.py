"""Variables at the Python level (iteration, len, list-of-slices indexing, numpy object arrays of symbolic
scalars, gof.graph walks, shared variables' types, clone, set_value's filtering) against Theano 1.0.5's
recorded answers: tests/golden/variables.json, recorded by tests/golden/probes/probe_variables.py."""
import pytest

import theano_compat as theano
import theano_compat.tensor as T
from golden_cases import PF, load_golden, load_probe

PV = load_probe("probe_variables")
GOLD = load_golden("variables.json")["cases"]


@pytest.mark.parametrize("name", list(PV.CASES))
def test_golden(name):
    problems = PF.compare_steps(GOLD[name]["steps"], PV.run_case(name, theano, T))
    assert not problems, "\n".join(problems)
