"""Record Theano 1.0.5's config flags with their default values (and an EnumStr's options).

    THEANO_FLAGS= bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_config.py \
        > tests/golden/config_flags.json

Flags whose default describes the machine (compiler, CUDA and cuDNN paths, compiledir, BLAS flags) are
marked "machine": the shim decides those for the machine it runs on.
"""
import json
import sys

import theano
import theano.configparser as cp

MACHINE = ("cxx", "cuda.", "dnn.base_path", "dnn.include_path", "dnn.library_path", "dnn.bin_path",
           "base_compiledir", "compiledir", "gpuarray.cache_path", "blas.ldflags", "device", "init_gpu_device",
           "contexts", "magma.")

flags = {}
for var in cp._config_var_list:
    value = var.__get__(theano.config, None)
    machine = var.fullname.startswith(MACHINE) or var.fullname == "compiledir_format"
    if isinstance(value, float) and value == float("inf"):
        value = "inf"
    flags[var.fullname] = {"kind": type(var).__name__, "default": None if machine else value, "machine": machine,
                           "options": list(getattr(var, "all", ()) or ())}
json.dump({"theano_version": theano.__version__, "flags": flags}, sys.stdout, indent=1, sort_keys=True)
sys.stdout.write("\n")
