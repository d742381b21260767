"""theano.sandbox.softsign: the old home of softsign (Theano prints a deprecation notice on import)."""
import sys

from ..ops.nnet import softsign  # noqa: F401

print("DEPRECATION WARNING: softsign was moved from theano.sandbox.softsign to theano.tensor.nnet.nnet ",
      file=sys.stderr)
