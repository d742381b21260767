"""data_parallel: the same legacy training loops on 1 device (this process, flag off) and on 4 and 8 simulated CPU
devices (XLA_FLAGS=--xla_force_host_platform_device_count, in a subprocess: the device count is fixed when JAX
starts), and on two processes joined by jax.distributed on localhost.

Tolerance: the partitioned step computes the same program; only the order of the float sums over the batch
changes (per-device partial sums, then an all-reduce), each a few roundings apart. Over 20 SGD steps of these
small, well-conditioned models that stays within a few ulps (measured: <= 2 ulp of the losses, <= 1 ulp of
the parameters); 64 ulps (64 * eps of the dtype, relative on losses, absolute on the O(1) parameters) leaves
room for other machines and still fails at once where a device's part of a reduction is lost (an O(1) error).
"""
import json
import os
import pathlib
import pickle
import socket
import subprocess
import sys

import numpy as np
import pytest

import data_parallel_cases as C
import theano_compat as theano
from theano_compat.compile import placement
from theano_compat.config import _data_parallel_value

ROOT = pathlib.Path(__file__).resolve().parents[1]
CASES = ["mlp", "lenet", "rnn", "logistic", "perform", "draws"]
DTYPES = ["float32", "float64"]
SPLIT = {"mlp": [[True, True]], "lenet": [[True, True]], "rnn": [[True, True]], "logistic": [[False]],
         "perform": [[True]], "draws": [[True]]}
HOST_CODE = {"perform": "the user Op Counting's perform", "draws": "RandomStreams' numpy draws"}


def _env(devices, flags="", **extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT), XLA_FLAGS=f"--xla_force_host_platform_device_count={devices}")
    env["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"), flags]))
    env.update(extra)
    return env


def _json(stdout):
    return json.loads(next(line[5:] for line in stdout.splitlines() if line.startswith("JSON ")))


def _cases(devices):
    """The cases in a process with `devices` simulated devices (started now, read when called)."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests/data_parallel_cases.py"), ",".join(CASES),
                             ",".join(DTYPES)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(devices, f"data_parallel={devices}"))

    def result():
        try:
            out, err = proc.communicate(timeout=300)
        finally:
            proc.kill()
        assert proc.returncode == 0, err[-4000:]
        return _json(out)
    return result


@pytest.fixture(scope="module")
def meshes():
    return {n: _cases(n) for n in (4, 8)}  # both running while this process computes the reference


@pytest.fixture(scope="module")
def reference(meshes):
    assert type(placement.current()) is placement.Placement  # this process: the flag is off
    ref = {f"{c}-{d}": C.run(c, d) for c in CASES for d in DTYPES}
    for n, result in list(meshes.items()):
        meshes[n] = result()
    return ref


def _same(ref, got, dtype):
    ulps = 64 * np.finfo(dtype).eps
    np.testing.assert_allclose(got["losses"], ref["losses"], rtol=ulps, atol=ulps)
    for a, b in zip(ref["params"], got["params"]):
        np.testing.assert_allclose(b, a, rtol=0, atol=ulps)
    assert got["dtypes"] == ref["dtypes"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("devices", [4, 8])
def test_same_losses_and_parameters_on_n_devices(reference, meshes, devices, case, dtype):
    ref, got = reference[f"{case}-{dtype}"], meshes[devices][f"{case}-{dtype}"]
    _same(ref, got, dtype)
    layout = got["placement"]
    assert layout["shared"] == [[devices, True]] * len(ref["params"])  # replicated on every device
    assert layout["variants"] == SPLIT[case]  # the inputs' batch axis split (logistic: the index is a scalar)
    assert layout["all_reduce"]  # the batch work is split: XLA reduces across the devices
    assert layout["axes"] == ([1, 1] if case == "rnn" else [0] * len(SPLIT[case][0]))  # scan: batch, not time
    warned = [w for w in got["warnings"] if case in HOST_CODE and HOST_CODE[case] in w]
    # warned once per process: the float64 run after the float32 one is not warned again
    assert len(warned) == (1 if case in HOST_CODE and dtype == DTYPES[0] else 0), got["warnings"]
    assert len(got["warnings"]) == len(warned)


def test_pickles_gather_and_load_on_one_device(reference, meshes):
    got = meshes[4]["mlp-float64"]
    assert got["reloaded_equal"]  # on the mesh again: replicated (asserted above for the live value)
    loaded = pickle.loads(bytes.fromhex(got["pickled"]))  # here: one device, the flag off
    np.testing.assert_array_equal(loaded.get_value().ravel(), got["params"][0])
    value = loaded.get_value(borrow=True, return_internal_type=True)
    assert isinstance(value, np.ndarray)  # Theano's internal type on one CPU device, as before
    f = pickle.loads(bytes.fromhex(got["pickled_function"]))  # the trained function, with its shared values
    x, y = C.mlp("float64")[3]
    np.testing.assert_allclose(f(x, y), got["next_loss"], rtol=64 * np.finfo("float64").eps)


def test_trailing_partial_batch_runs_replicated(reference, meshes):
    # logistic: index 4 is the trailing batch of 6 rows, which 4 devices do not divide (8 rows, the others, do)
    for devices in (4, 8):
        got = meshes[devices]["logistic-float64"]["losses"]
        np.testing.assert_allclose(got[4::5], reference["logistic-float64"]["losses"][4::5], rtol=1e-13)


def test_flag_values():
    assert theano.config.data_parallel == "off"
    assert [_data_parallel_value(v) for v in ("off", "None", "4", " all ", 1)] == ["off", "off", "4", "all", "1"]
    for bad in ("0", "-2", "two"):
        with pytest.raises(ValueError, match="data_parallel"):
            _data_parallel_value(bad)


def test_more_devices_than_there_are_is_refused():
    proc = subprocess.run([sys.executable, "-c", "import theano_compat as t; t.shared(1.0)"], capture_output=True,
                          text=True, timeout=120, env=_env(2, "data_parallel=3"))
    assert proc.returncode != 0 and "data_parallel=3 was requested but JAX sees only 2 CPU device(s)" in proc.stderr


# --- several processes ---

def _port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _processes(commands, envs):
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e, cwd=str(ROOT))
             for c, e in zip(commands, envs)]
    try:
        outs = [p.communicate(timeout=240) for p in procs]
    finally:
        for p in procs:
            p.kill()
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err[-4000:]
    return [out for out, _ in outs]


@pytest.mark.multiprocess
def test_two_processes_print_theanos_numbers():
    """examples/logistic_sgd.py, unchanged, on two processes (theano-compat run's options): each prints what
    Theano 1.0.5 printed (its minibatches of 50 and the trailing 30 are split over the processes). The explicit
    device flag starts JAX's backends when theano_compat is imported: the command runs again to join first."""
    port = _port()
    commands = [[sys.executable, "-m", "theano_compat", "run", "--coordinator", f"127.0.0.1:{port}",
                 "--num-processes", "2", "--process-id", str(k), "examples/logistic_sgd.py"] for k in range(2)]
    outs = _processes(commands, [_env(1, "device=cpu,data_parallel=all")] * 2)
    golden = (ROOT / "tests/golden/logistic_sgd.theano.out").read_text().splitlines()
    # gloo (the CPU processes' collectives) announces its connections on stdout
    assert [[line for line in out.splitlines() if not line.startswith("[Gloo]")] for out in outs] == [golden] * 2


@pytest.mark.multiprocess
def test_two_processes_of_two_devices_same_losses(reference):
    """A 4-device mesh over two processes (JAX's environment variables): the same losses and parameters;
    a shared variable initialised differently per process is refused, naming the processes; a user Op's
    perform inside a step is refused, naming it."""
    port = _port()
    command = [sys.executable, str(ROOT / "tests/data_parallel_cases.py"), "mlp,rnn,logistic", "float64",
               "differing", "host"]
    envs = [_env(2, "data_parallel=all", JAX_COORDINATOR_ADDRESS=f"127.0.0.1:{port}", JAX_NUM_PROCESSES="2",
                 JAX_PROCESS_ID=str(k)) for k in range(2)]
    results = [_json(out) for out in _processes([command] * 2, envs)]
    for got in results:
        for case in ("mlp", "rnn", "logistic"):
            _same(reference[f"{case}-float64"], got[f"{case}-float64"], "float64")
            assert got[f"{case}-float64"]["placement"]["shared"][0] == [4, True]
        assert "starts with different values on processes [1] than on process 0" in got["differing"]
        assert got["host"].startswith("data_parallel over several processes: the user Op Counting's perform")
