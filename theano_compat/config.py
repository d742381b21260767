"""theano.config: floatX, device and the other flags legacy code reads, from THEANO_FLAGS and ~/.theanorc.

This module owns the one switch that puts JAX in 64-bit mode (``jax_enable_x64``). Theano's float64 and
int64 are real 64-bit types and Theano's default floatX is float64, so the shim cannot run without it. The
consequence for other JAX code in the same process: Python floats and ``jnp.arange`` default to 64-bit there
too, exactly as numpy does. Code that wants float32 should ask for it (as Theano code does with floatX).
"""
import configparser
import os
import platform
import re
import struct
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
    "base_compiledir": os.path.join(os.path.expanduser("~"), ".theano"), "compiledir": None,
    "compiledir_format": "compiledir_%(short_platform)s-%(processor)s-%(python_version)s-%(python_bitwidth)s",
    # Not a Theano flag: the precision of float32 products and convolutions (see matmul_precision below).
    "matmul_precision": "float32",
    "print_active_device": True, "traceback.limit": 8, "deterministic": "default",
    "warn.subtensor_merge_bug": False, "warn.sum_div_dimshuffle_bug": False, "warn.round": False,
    "blas.ldflags": "", "dnn.enabled": "auto", "dnn.conv.algo_fwd": "small", "nvcc.fastmath": False,
    "gpuarray.preallocate": 0.0, "lib.cnmem": 0.0, "scan.allow_gc": False, "scan.allow_output_prealloc": True,
    "nocleanup": False, "reoptimize_unpickled_function": False, "unpickle_function": True,
    # Not a Theano flag: RandomStreams' generator, numpy's (Theano's numbers) or JAX's threefry (on the device)
    "randomstreams": "numpy",
    # Not a Theano flag: data parallelism over N devices of the device flag's platform (compile/mesh.py):
    # 'off', a device count, or 'all'
    "data_parallel": "off",
}
# Every other flag of Theano 1.0.5, with Theano's default (config_flags.py); Theano's optimizer is 'o4'.
from .config_flags import THEANO_DEFAULTS  # noqa: E402
_DEFAULTS.update(THEANO_DEFAULTS)
_FLOATX = ("float64", "float32", "float16")
_GPU_PREFIXES = ("cuda", "gpu", "opencl")
# Theano: these flags are read once, when theano is imported ("allow_override=False").
_FIXED = {"device", "init_gpu_device", "base_compiledir", "compiledir", "compiledir_format"}


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
        object.__setattr__(self, "_explicit", set())  # the flags the user set (THEANO_FLAGS, .theanorc, code)
        object.__setattr__(self, "_loaded", False)

    def _get(self, key):
        values = self._values
        if key == "compiledir" and values[key] is None:
            return os.path.join(values["base_compiledir"], _compiledir_name(values["compiledir_format"]))
        if key in values:
            return values[key]
        prefix = key + "."
        if any(k.startswith(prefix) for k in values):
            return _Section(self, prefix)
        raise AttributeError(f"theano.config has no flag {key!r}")

    def _set(self, key, value):
        if key in _FIXED and self._loaded:
            raise Exception("Can't change the value of this config parameter after initialization!")
        if key in ("base_compiledir", "compiledir"):
            value = os.path.expanduser(str(value))
        if key == "matmul_precision":
            value = _precision_name(value)
        if key == "data_parallel":
            value = _data_parallel_value(value)
        if key == "floatX" and value not in _FLOATX:
            raise ValueError(f"Invalid value ({value!r}) for configuration variable \"floatX\". "
                             f"Valid options are {_FLOATX}")
        if key == "device":
            value = str(value)
            jax_device(value)  # refuses a GPU device when JAX has none, before anything changes
        if key not in self._values:
            warnings.warn(f"Theano does not recognise this flag: {key}", stacklevel=3)
        self._values[key] = _coerce(self._values.get(key), value)
        self._explicit.add(key)

    def __getattr__(self, name):
        return self._get(name)

    def __setattr__(self, name, value):
        self._set(name, value)

    def __str__(self):
        return "\n".join(f"{k} ({type(v).__name__}) \n    Value:  {v}"
                         for k, v in ((k, self._get(k)) for k in sorted(self._values)))


def _coerce(default, value):
    """Flags come in as strings from THEANO_FLAGS; give them the type of their default."""
    if not isinstance(value, str) or default is None or isinstance(default, str):
        return value
    if isinstance(default, bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return type(default)(value)


def jax_device(name=None):
    """The JAX device that Theano's ``device`` flag names: cpu, or cuda/cudaN/gpu/gpuN for a GPU.

    cpuN (the N-th CPU device, e.g. with XLA_FLAGS=--xla_force_host_platform_device_count) and tpu/tpuN are
    accepted too; Theano had neither.
    """
    name = config.device if name is None else name
    kind = name.rstrip("0123456789")
    digits = name[len(kind):]
    if kind not in ("cpu", "cuda", "gpu", "tpu", "opencl"):
        raise ValueError(f"Invalid value ({name!r}) for configuration variable \"device\": use 'cpu', "
                         "'cuda', 'cudaN', 'gpu' or 'gpuN'")
    platform_name = {"cpu": "cpu", "tpu": "tpu"}.get(kind, "gpu")
    try:
        devices = jax.devices(platform_name)
    except RuntimeError:
        devices = []
    if not devices:
        raise RuntimeError(f"device={name} was requested but JAX finds no {platform_name.upper()} on this machine. "
                           "Install a CUDA build of jaxlib (pip install 'jax[cuda12]') or use device=cpu.")
    index = int(digits) if digits else 0
    if index >= len(devices):
        raise RuntimeError(f"device={name} was requested but JAX sees only {len(devices)} "
                           f"{platform_name.upper()} device(s)")
    return devices[index]


# --- matmul_precision: how float32 products and convolutions are computed ---
# Theano computed them in true float32; so does the default here (Precision.HIGHEST), on every backend. On a
# GPU (TF32 tensor cores) or TPU (bfloat16 passes) that is slower than JAX's own default, so the user may opt
# into JAX's faster modes by name. JAX's own jax_default_matmul_precision, when the user set it and this flag
# was left alone, is honoured as it is in hand-written JAX.
_PRECISIONS = {"float32": "float32", "highest": "float32", "tensorfloat32": "tensorfloat32", "high": "tensorfloat32",
               "tf32": "tensorfloat32", "bfloat16": "bfloat16", "default": "bfloat16", "fastest": "bfloat16"}


def _precision_name(value):
    name = _PRECISIONS.get(str(value).strip().lower())
    if name is None:
        raise ValueError(f"Invalid value ({value!r}) for configuration variable \"matmul_precision\". Valid "
                         "options are 'float32' (exact, Theano's numbers), 'tensorfloat32' or 'bfloat16'")
    return name


def matmul_precision():
    """The lax.Precision for float products and convolutions, or None to leave the choice to JAX's own
    jax_default_matmul_precision (only when the user set that one and not this flag)."""
    from jax import lax
    if "matmul_precision" not in config._explicit and jax.config.jax_default_matmul_precision is not None:
        return None
    return {"float32": lax.Precision.HIGHEST, "tensorfloat32": lax.Precision.HIGH,
            "bfloat16": lax.Precision.DEFAULT}[config.matmul_precision]


def _data_parallel_value(value):
    """'off', 'all' or a positive device count (as a string, like the flags read from THEANO_FLAGS)."""
    text = str(value).strip().lower()
    if text in ("off", "none", "false", "no", ""):
        return "off"
    if text == "all" or (text.isdigit() and int(text) > 0):
        return text
    raise ValueError(f"Invalid value ({value!r}) for configuration variable \"data_parallel\". Valid options "
                     "are 'off', 'all' or a number of devices")


# --- compiledir: Theano's platform-dependent cache directory name (theano/configdefaults.py) ---

def _short_platform(r=None, p=None):
    """Theano's short_platform(): platform.platform() without the kernel's minor numbers."""
    r = platform.release() if r is None else r
    p = platform.platform() if p is None else p
    sp = r.split("-")
    kernel = sp[0].split(".")
    if len(sp) < 2 or len(kernel) <= 2:
        return p
    sp[0] = ".".join(kernel[:2])
    rest = sp[1].split(".")
    while rest and rest[0].isdigit():
        del rest[0]
    sp[1] = ".".join(rest)
    return p.replace(r, "-".join(sp))


def _compiledir_name(fmt):
    values = {"platform": platform.platform(), "processor": platform.processor(),
              "python_version": platform.python_version(), "python_bitwidth": struct.calcsize("P") * 8,
              "python_int_bitwidth": struct.calcsize("l") * 8, "theano_version": "1.0.5",
              "numpy_version": __import__("numpy").__version__, "gxx_version": "", "hostname": platform.node(),
              "short_platform": _short_platform(), "device": config.device}
    return re.sub(r"[()\s,]+", "_", fmt % values)


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
    pairs = list(_theanorc_pairs()) + _parse_flags(os.environ.get("THEANO_FLAGS", ""))
    # Several processes join before JAX starts its backends (the device flag's check starts them)
    from .distributed import from_environment
    from_environment(_data_parallel_value(dict(pairs).get("data_parallel", "off")))
    for key, value in pairs:
        config._set(key, value)
    object.__setattr__(config, "_loaded", True)


config = TheanoConfigParser()
_load()
