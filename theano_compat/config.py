"""theano.config: floatX, device and the other flags legacy code reads, from THEANO_FLAGS and ~/.theanorc.

This module owns the one switch that puts JAX in 64-bit mode (``jax_enable_x64``). Theano's float64 and
int64 are real 64-bit types and Theano's default floatX is float64, so the shim cannot run without it. The
consequence for other JAX code in the same process: Python floats and ``jnp.arange`` default to 64-bit there
too, exactly as numpy does. Code that wants float32 should ask for it (as Theano code does with floatX).
"""
import configparser
import os
import warnings

import jax

jax.config.update("jax_enable_x64", True)

# The flags Theano 1.0.5 code reads, with Theano's defaults. Most steer Theano's C/CUDA back ends, which
# XLA replaces: they are accepted and kept so that code that reads or sets them keeps working.
_DEFAULTS = {
    "floatX": "float64", "device": "cpu", "init_gpu_device": "", "mode": "Mode", "optimizer": "fast_run",
    "linker": "cvm", "cast_policy": "custom", "int_division": "int", "compute_test_value": "off",
    "compute_test_value_opt": "off", "on_unused_input": "raise", "warn_float64": "ignore",
    "allow_gc": True, "openmp": False, "exception_verbosity": "low", "profile": False,
    "optimizer_including": "", "optimizer_excluding": "", "on_opt_error": "warn", "cxx": "g++",
    "base_compiledir": os.path.expanduser("~/.theano"), "compiledir": os.path.expanduser("~/.theano"),
    "print_active_device": True, "traceback.limit": 8, "deterministic": "default",
    "warn.subtensor_merge_bug": False, "warn.sum_div_dimshuffle_bug": False, "warn.round": False,
    "blas.ldflags": "", "dnn.enabled": "auto", "dnn.conv.algo_fwd": "small", "nvcc.fastmath": False,
    "gpuarray.preallocate": 0.0, "lib.cnmem": 0.0, "scan.allow_gc": False, "scan.allow_output_prealloc": True,
    "nocleanup": False, "reoptimize_unpickled_function": False, "unpickle_function": True,
    # Not a Theano flag: RandomStreams' generator, numpy's (Theano's numbers) or JAX's threefry (on the device)
    "randomstreams": "numpy",
}
# Every other flag of Theano 1.0.5, with Theano's default (config_flags.py); Theano's optimizer is 'o4'.
from .config_flags import THEANO_DEFAULTS  # noqa: E402
_DEFAULTS.update(THEANO_DEFAULTS)
_FLOATX = ("float64", "float32", "float16")
_GPU_PREFIXES = ("cuda", "gpu", "opencl")


class _Section:
    """A dotted group of flags (config.warn, config.dnn.conv, ...), read and written as attributes."""

    def __init__(self, root, prefix):
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name):
        return self._root._get(self._prefix + name)

    def __setattr__(self, name, value):
        self._root._set(self._prefix + name, value)


class TheanoConfigParser:
    """The object behind ``theano.config``."""

    def __init__(self):
        object.__setattr__(self, "_values", dict(_DEFAULTS))

    def _get(self, key):
        values = self._values
        if key in values:
            return values[key]
        prefix = key + "."
        if any(k.startswith(prefix) for k in values):
            return _Section(self, prefix)
        raise AttributeError(f"theano.config has no flag {key!r}")

    def _set(self, key, value):
        if key == "floatX" and value not in _FLOATX:
            raise ValueError(f"Invalid value ({value!r}) for configuration variable \"floatX\". "
                             f"Valid options are {_FLOATX}")
        if key == "device":
            value = str(value)
            jax_device(value)  # refuses a GPU device when JAX has none, before anything changes
        if key not in self._values:
            warnings.warn(f"Theano does not recognise this flag: {key}", stacklevel=3)
        self._values[key] = _coerce(self._values.get(key), value)

    def __getattr__(self, name):
        return self._get(name)

    def __setattr__(self, name, value):
        self._set(name, value)

    def __str__(self):
        return "\n".join(f"{k} ({type(v).__name__}) \n    Value:  {v}" for k, v in sorted(self._values.items()))


def _coerce(default, value):
    """Flags come in as strings from THEANO_FLAGS; give them the type of their default."""
    if not isinstance(value, str) or default is None or isinstance(default, str):
        return value
    if isinstance(default, bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return type(default)(value)


def jax_device(name=None):
    """The JAX device that Theano's ``device`` flag names: cpu, or cuda/cudaN/gpu/gpuN for a GPU."""
    name = config.device if name is None else name
    if name == "cpu":
        return jax.devices("cpu")[0]
    if not name.startswith(_GPU_PREFIXES):
        raise ValueError(f"Invalid value ({name!r}) for configuration variable \"device\": use 'cpu', "
                         "'cuda', 'cudaN', 'gpu' or 'gpuN'")
    try:
        gpus = jax.devices("gpu")
    except RuntimeError:
        gpus = []
    if not gpus:
        raise RuntimeError(f"device={name} was requested but JAX finds no GPU on this machine. Install a CUDA "
                           "build of jaxlib (pip install 'jax[cuda12]') or use device=cpu.")
    digits = name.lstrip("cudagpopencl")
    index = int(digits) if digits.isdigit() else 0
    if index >= len(gpus):
        raise RuntimeError(f"device={name} was requested but JAX sees only {len(gpus)} GPU(s)")
    return gpus[index]


def _parse_flags(text):
    """THEANO_FLAGS: comma-separated key=value pairs (Theano's format)."""
    pairs = []
    for item in filter(None, (s.strip() for s in text.split(","))):
        if "=" not in item:
            warnings.warn(f"THEANO_FLAGS entry without '=' ignored: {item!r}")
            continue
        key, value = item.split("=", 1)
        pairs.append((key.strip(), value.strip()))
    return pairs


def _theanorc_pairs():
    """~/.theanorc (or the files THEANORC names): [global] keys plain, [section] keys as section.key."""
    paths = os.environ.get("THEANORC", "~/.theanorc:~/.theanorc.txt").split(os.pathsep)
    parser = configparser.ConfigParser()
    parser.optionxform = str  # Theano's keys are case-sensitive (floatX)
    parser.read([os.path.expanduser(p) for p in paths])
    for section in parser.sections():
        for key, value in parser.items(section):
            yield (key if section == "global" else f"{section}.{key}"), value


def _load():
    for key, value in list(_theanorc_pairs()) + _parse_flags(os.environ.get("THEANO_FLAGS", "")):
        config._set(key, value)


config = TheanoConfigParser()
_load()
