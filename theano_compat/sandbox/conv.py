"""theano.sandbox.conv: moved to theano.tensor.nnet.conv; importing it prints Theano's notice."""
import sys

print("DEPRECATION: theano.sandbox.conv no longer provides conv. They have been moved to theano.tensor.nnet.conv",
      file=sys.stderr)
