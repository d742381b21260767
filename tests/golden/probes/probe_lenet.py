"""Probe real Theano 1.0.5 with the legacy LeNet script examples/lenet.py: run that very file and record
what it prints (each SGD step's cost, each epoch's validation error, the final parameter norms).

Regenerate:
    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_lenet.py > tests/golden/lenet.json
    bash ../shared/theano-oracle/run.sh examples/lenet.py > tests/golden/lenet.theano.out
"""
import contextlib
import io
import json
import os
import re
import runpy
import sys

import theano

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples", "lenet.py")
NUMBER = re.compile(r"-?\d+\.\d+(?:e[-+]?\d+)?")

if __name__ == "__main__":
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(SCRIPT, run_name="__main__")
    lines = out.getvalue().splitlines()
    records = [{"text": NUMBER.sub("{}", line), "numbers": [float(n) for n in NUMBER.findall(line)]}
               for line in lines]
    json.dump({"theano_version": theano.__version__, "floatX": theano.config.floatX, "lines": records},
              sys.stdout, indent=1)
    sys.stdout.write("\n")
