"""theano.sandbox.cuda: Theano 1.0.5 removed its old CUDA back end; importing it fails, as in Theano.

Theano raises nose's SkipTest (or, without nose, fails importing nose); the error here is both an
ImportError, so `try: import theano.sandbox.cuda except ImportError` works, and a unittest.SkipTest,
which is what nose's SkipTest is.
"""
import unittest


class CudaBackendRemoved(ImportError, unittest.SkipTest):
    """The old CUDA back end is gone from Theano 1.0 (and from theano_compat)."""


raise CudaBackendRemoved(
    "You are importing theano.sandbox.cuda. This is the old GPU back-end and is removed from Theano. Use Theano "
    "0.9 to use it. Even better, transition to the new GPU back-end! See "
    "https://github.com/Theano/Theano/wiki/Converting-to-the-new-gpu-back-end%28gpuarray%29")
