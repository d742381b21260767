"""A legacy Theano 1.0 script, unchanged: softmax regression trained by minibatch SGD through `givens`,
in the style of the deeplearning.net tutorial (logistic_sgd.py), on a small synthetic dataset."""
from __future__ import print_function

import numpy
import theano
import theano.tensor as T

rng = numpy.random.RandomState(1234)
n_in, n_out, n_samples, batch_size = 20, 3, 230, 50
centers = rng.randn(n_out, n_in) * 2
labels = rng.randint(0, n_out, size=n_samples)
data = centers[labels] + rng.randn(n_samples, n_in)

train_set_x = theano.shared(numpy.asarray(data, dtype=theano.config.floatX), borrow=True)
train_set_y = T.cast(theano.shared(numpy.asarray(labels, dtype=theano.config.floatX), borrow=True), 'int32')

index = T.lscalar('index')
x = T.matrix('x')
y = T.ivector('y')

W = theano.shared(numpy.zeros((n_in, n_out), dtype=theano.config.floatX), name='W', borrow=True)
b = theano.shared(numpy.zeros((n_out,), dtype=theano.config.floatX), name='b', borrow=True)
p_y_given_x = T.nnet.softmax(T.dot(x, W) + b)
y_pred = T.argmax(p_y_given_x, axis=1)
cost = -T.mean(T.log(p_y_given_x)[T.arange(y.shape[0]), y])
errors = T.mean(T.neq(y_pred, y))

g_W, g_b = T.grad(cost=cost, wrt=[W, b])
learning_rate = 0.13
train_model = theano.function(
    inputs=[index], outputs=cost,
    updates=[(W, W - learning_rate * g_W), (b, b - learning_rate * g_b)],
    givens={x: train_set_x[index * batch_size: (index + 1) * batch_size],
            y: train_set_y[index * batch_size: (index + 1) * batch_size]})
test_model = theano.function([], errors, givens={x: train_set_x, y: train_set_y})

n_batches = (n_samples + batch_size - 1) // batch_size
for epoch in range(1, 6):
    losses = [train_model(i) for i in range(n_batches)]
    print('epoch %d, mean minibatch cost %.10f, training error %.4f %%'
          % (epoch, numpy.mean(losses), test_model() * 100.))
print('W dtype', W.get_value().dtype, 'norm %.10f' % numpy.linalg.norm(W.get_value()))
