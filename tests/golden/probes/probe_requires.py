"""Theano 1.0.5's declared run-time requirements, as pip installed them, into tests/golden/theano_requires.json.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_requires.py

Legacy scripts import what Theano brought along (six, scipy) without declaring it; the `legacy` extra of
pyproject.toml must bring the same (tests/test_packaging.py checks it against this record).
"""
import json
import os
from importlib import metadata

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "theano_requires.json")
requires = metadata.requires("theano") or []
record = {
    "version": metadata.version("theano"),
    "run_time": sorted(r for r in requires if "extra ==" not in r),
    "extras": sorted({r.split("extra ==")[1].strip().strip("'\"") for r in requires if "extra ==" in r}),
}
with open(OUT, "w") as fh:
    json.dump(record, fh, indent=1)
    fh.write("\n")
print(json.dumps(record))
