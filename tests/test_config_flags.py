"""theano.config has every flag of Theano 1.0.5 with Theano's default (tests/golden/config_flags.json, made by
tests/golden/probes/probe_config.py); flags that describe the machine (compiler, CUDA, compiledir) aside."""
import json
import pathlib

import pytest

from theano_compat import config
from theano_compat.configparser import AddConfigVar, BoolParam, EnumStr, IntParam, change_flags

FLAGS = json.loads((pathlib.Path(__file__).parent / "golden" / "config_flags.json").read_text())["flags"]


def test_every_flag_has_theanos_default():
    wrong = []
    for name, flag in FLAGS.items():
        if flag["machine"]:
            continue
        expected = float("inf") if flag["default"] == "inf" else flag["default"]
        got = config._get(name)
        if got != expected or type(got) is not type(expected):
            wrong.append(f"{name}: {got!r} != {expected!r}")
    assert not wrong, wrong


def test_change_flags_restores_the_old_values_even_on_error():
    with pytest.raises(ZeroDivisionError):
        with change_flags({"warn.round": True}, compute_test_value="warn"):
            assert config.warn.round is True and config.compute_test_value == "warn"
            1 / 0
    assert config.warn.round is False and config.compute_test_value == "off"


def test_add_config_var_declares_a_flag_once():
    AddConfigVar("surface_test.level", "a flag a library declares", IntParam(3))
    AddConfigVar("surface_test.mode", "another", EnumStr("a", "b"))
    AddConfigVar("surface_test.on", "a third", BoolParam(False))
    assert (config.surface_test.level, config.surface_test.mode, config.surface_test.on) == (3, "a", False)
    with pytest.raises(AttributeError, match="already taken"):
        AddConfigVar("surface_test.level", "again", IntParam(4))


def test_configdefaults_helpers_answer_as_theano():
    # tests/golden/probes/probe_configdefaults.py under Theano 1.0.5 printed: 64 64 float32, and
    # Linux-3.10-el7.x86_64-x86_64-with-redhat-7.3-Maipo (its own Test_SharedVariable.test_ctors calls these)
    from theano_compat import configdefaults as c
    assert (c.python_int_bitwidth(), c.local_bitwidth(), c.floatX_convert("32")) == (64, 64, "float32")
    assert c.short_platform("3.10.0-514.16.1.el7.x86_64", "Linux-3.10.0-514.16.1.el7.x86_64-x86_64-with-redhat-7.3"
                            "-Maipo") == "Linux-3.10-el7.x86_64-x86_64-with-redhat-7.3-Maipo"
