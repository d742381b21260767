"""theano.sandbox.neighbours: moved to theano.tensor.nnet.neighbours."""
from ..tensor.nnet.neighbours import Images2Neibs, images2neibs, neibs2images

__all__ = ["images2neibs", "neibs2images", "Images2Neibs"]
