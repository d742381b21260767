"""A legacy Theano 1.0 script, unchanged: a one-hidden-layer tanh MLP with an L2 penalty trained by plain
SGD through `updates=`, float64, on a small fixed dataset; prints the cost at every step."""
from __future__ import print_function

import numpy
import theano
import theano.tensor as T

rng = numpy.random.RandomState(42)
n_in, n_hidden, n_out, n = 6, 5, 3, 40
X = rng.randn(n, n_in)
Y = rng.randint(0, n_out, size=n).astype('int32')

x = T.dmatrix('x')
y = T.ivector('y')
W1 = theano.shared(rng.uniform(-0.5, 0.5, (n_in, n_hidden)), name='W1')
b1 = theano.shared(numpy.zeros(n_hidden), name='b1')
W2 = theano.shared(rng.uniform(-0.5, 0.5, (n_hidden, n_out)), name='W2')
b2 = theano.shared(numpy.zeros(n_out), name='b2')
params = [W1, b1, W2, b2]

hidden = T.tanh(T.dot(x, W1) + b1)
p_y = T.nnet.softmax(T.dot(hidden, W2) + b2)
nll = -T.mean(T.log(p_y)[T.arange(y.shape[0]), y])
cost = nll + 0.001 * ((W1 ** 2).sum() + (W2 ** 2).sum())
grads = T.grad(cost, params)
train = theano.function([x, y], cost, updates=[(p, p - 0.1 * g) for p, g in zip(params, grads)])

for step in range(20):
    print('step %2d cost %.17g' % (step, train(X, Y)))
print('W1 norm %.17g' % numpy.linalg.norm(W1.get_value()))
