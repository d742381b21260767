"""Device placement (compile/placement.py): the device flag puts shared variables and every step on one
device, whatever JAX's default device is. Checked in a process with two CPU devices and device=cpu1 (an
extension of Theano's flag for exactly this: the GPU path is the same code with another device)."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = r"""
import json
import numpy as np
import jax
import theano_compat as theano, theano_compat.tensor as T
cpu0, cpu1 = jax.devices("cpu")
seen = {"device": theano.config.device, "jax_default": jax.devices()[0].id}
w = theano.shared(np.ones(3), name="w")
seen["shared"] = [d.id for d in w.container.value.devices()]
x = T.dvector("x")
f = theano.function([x], x * 2)  # no shared variable: still on the device
f(np.ones(3))
seen["step_without_shared"] = [d.id for d in f._compiled[()].host(np.ones(3))[0][0].devices()]
g = theano.function([x], (x * w).sum(), updates=[(w, w + x)])
g(np.ones(3))
seen["after_update"] = [d.id for d in w.container.value.devices()]
on1, on0 = jax.device_put(np.ones(3), cpu1), jax.device_put(np.ones(3), cpu0)
seen["inputs"] = [float(g(on1)), float(g(on0)), bool(on1.is_deleted()), bool(on0.is_deleted())]
w.set_value(np.zeros(3))
seen["set_value"] = [d.id for d in w.container.value.devices()]
try:
    theano.config.device = "cpu"
except Exception as e:
    seen["reassign"] = str(e)
print(json.dumps(seen))
"""


def test_the_device_flag_places_shared_values_and_steps():
    env = dict(os.environ, PYTHONPATH=ROOT, XLA_FLAGS="--xla_force_host_platform_device_count=2",
               THEANO_FLAGS=",".join(filter(None, [os.environ.get("THEANO_FLAGS"), "device=cpu1"])))
    run = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"device": "cpu1", "jax_default": 0, "shared": [1], "step_without_shared": [1],
                    "after_update": [1], "inputs": [6.0, 9.0, False, False], "set_value": [1],
                    "reassign": "Can't change the value of this config parameter after initialization!"}
