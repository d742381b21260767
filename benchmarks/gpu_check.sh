#!/bin/bash
# Issue 11's device checks, prepared for a session that has a GPU: one run, results written under $OUT.
#   bash benchmarks/gpu_check.sh            (from the repository root; about 10 minutes on an H200)
# 1. the accelerator-sensitive tests with device=cuda (MRG bit for bit, checks, precision, cache, placement),
# 2. the step benchmarks at both precisions, full sizes, 3. first calls cold and warm, 4. the per-call path,
# 5. the whole suite with device=cuda, last (it is the longest).
set -u
OUT=${OUT:-gpu_results}
mkdir -p "$OUT"
export THEANO_FLAGS="device=cuda,base_compiledir=$(mktemp -d)"
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader > "$OUT/gpu.txt" 2>&1
python -c "import jax; print(jax.__version__, jax.devices())" >> "$OUT/gpu.txt" 2>&1
timeout 240 python -m pytest -q -p no:cacheprovider -W ignore tests/test_mrg_kernel.py tests/test_mrg_streams.py \
    tests/test_exactfloat.py tests/test_checks.py tests/test_precision.py tests/test_fold.py tests/test_cache.py \
    > "$OUT/tests_accel.txt" 2>&1
timeout 240 python benchmarks/bench_steps.py --device cuda --repeats 20 > "$OUT/steps.txt" 2>&1
timeout 180 python benchmarks/bench_first_call.py --device cuda > "$OUT/first_call.txt" 2>&1
timeout 60 python benchmarks/bench_core.py --device cuda > "$OUT/core.txt" 2>&1
timeout 420 python -m pytest -q -p no:cacheprovider -W ignore -rf > "$OUT/suite.txt" 2>&1
tail -n 3 "$OUT"/*.txt
