import numpy as np, theano
from theano import tensor as T
from theano.tensor.shared_randomstreams import RandomStreams
s = RandomStreams(6)
W = theano.shared(np.full((2, 2), 0.3), name="W")
X = T.dmatrix("X")
def step(xt, h):
    mask = s.binomial((2,), p=T.nnet.sigmoid(h), dtype="float64")
    return T.tanh(T.dot(h, W) * mask + xt)
h, upd = theano.scan(step, sequences=X, outputs_info=T.zeros((2,), dtype="float64"))
try:
    g = T.grad(h.sum(), W); print("grad ok")
except Exception as e:
    print(type(e).__name__, str(e)[:300])
