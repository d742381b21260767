"""theano.tensor.nnet.bn: batch normalization (batch_normalization, _train with running averages, _test)."""
from ...ops.nnet_bn import batch_normalization, batch_normalization_test, batch_normalization_train

__all__ = ["batch_normalization", "batch_normalization_train", "batch_normalization_test"]
