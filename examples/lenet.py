"""A legacy Theano 1.0 script, unchanged: a LeNet-style convolutional network (deeplearning.net's
convolutional_mlp.py, shrunk) trained by minibatch SGD through `updates=` and `givens`, on a small synthetic
dataset. conv 5x5 -> max-pool 2 -> tanh -> conv 3x3 -> max-pool 2 -> tanh -> hidden (tanh) -> softmax.

Run under Theano (`python examples/lenet.py`) or theano_compat (`theano-compat run examples/lenet.py`):
both print the same losses.
"""
from __future__ import print_function

import numpy
import theano
import theano.tensor as T
from theano.tensor.nnet import conv2d
from theano.tensor.signal import pool


class LogisticRegression(object):
    def __init__(self, input, n_in, n_out):
        self.W = theano.shared(numpy.zeros((n_in, n_out), dtype=theano.config.floatX), name='W', borrow=True)
        self.b = theano.shared(numpy.zeros((n_out,), dtype=theano.config.floatX), name='b', borrow=True)
        self.p_y_given_x = T.nnet.softmax(T.dot(input, self.W) + self.b)
        self.y_pred = T.argmax(self.p_y_given_x, axis=1)
        self.params = [self.W, self.b]

    def negative_log_likelihood(self, y):
        return -T.mean(T.log(self.p_y_given_x)[T.arange(y.shape[0]), y])

    def errors(self, y):
        return T.mean(T.neq(self.y_pred, y))


class HiddenLayer(object):
    def __init__(self, rng, input, n_in, n_out, activation=T.tanh):
        bound = numpy.sqrt(6. / (n_in + n_out))
        W = numpy.asarray(rng.uniform(low=-bound, high=bound, size=(n_in, n_out)), dtype=theano.config.floatX)
        self.W = theano.shared(value=W, name='W', borrow=True)
        self.b = theano.shared(value=numpy.zeros((n_out,), dtype=theano.config.floatX), name='b', borrow=True)
        self.output = activation(T.dot(input, self.W) + self.b)
        self.params = [self.W, self.b]


class LeNetConvPoolLayer(object):
    def __init__(self, rng, input, filter_shape, image_shape, poolsize=(2, 2)):
        assert image_shape[1] == filter_shape[1]
        fan_in = numpy.prod(filter_shape[1:])
        fan_out = filter_shape[0] * numpy.prod(filter_shape[2:]) // numpy.prod(poolsize)
        W_bound = numpy.sqrt(6. / (fan_in + fan_out))
        self.W = theano.shared(numpy.asarray(rng.uniform(low=-W_bound, high=W_bound, size=filter_shape),
                                             dtype=theano.config.floatX), borrow=True)
        self.b = theano.shared(numpy.zeros((filter_shape[0],), dtype=theano.config.floatX), borrow=True)
        conv_out = conv2d(input=input, filters=self.W, filter_shape=filter_shape, input_shape=image_shape)
        pooled_out = pool.pool_2d(input=conv_out, ws=poolsize, ignore_border=True)
        self.output = T.tanh(pooled_out + self.b.dimshuffle('x', 0, 'x', 'x'))
        self.params = [self.W, self.b]


def make_data(rng, n_samples, size, n_classes):
    """Noisy images of three classes: a bright square in a class-dependent corner."""
    labels = rng.randint(0, n_classes, size=n_samples)
    images = rng.normal(0., 0.3, size=(n_samples, size * size))
    corners = [(2, 2), (2, size - 8), (size - 8, 5)]
    for i, label in enumerate(labels):
        r, c = corners[label]
        image = images[i].reshape(size, size)
        image[r:r + 6, c:c + 6] += 1.0
    return (theano.shared(numpy.asarray(images, dtype=theano.config.floatX), borrow=True),
            T.cast(theano.shared(numpy.asarray(labels, dtype=theano.config.floatX), borrow=True), 'int32'))


def evaluate_lenet(learning_rate=0.3, n_epochs=4, nkerns=(2, 4), batch_size=5, size=16, n_classes=3):
    rng = numpy.random.RandomState(23455)
    train_set_x, train_set_y = make_data(rng, 30, size, n_classes)
    valid_set_x, valid_set_y = make_data(rng, 15, size, n_classes)
    n_train_batches = train_set_x.get_value(borrow=True).shape[0] // batch_size

    index = T.lscalar()
    x = T.matrix('x')
    y = T.ivector('y')

    layer0_input = x.reshape((batch_size, 1, size, size))
    layer0 = LeNetConvPoolLayer(rng, input=layer0_input, image_shape=(batch_size, 1, size, size),
                                filter_shape=(nkerns[0], 1, 5, 5), poolsize=(2, 2))
    s1 = (size - 4) // 2
    layer1 = LeNetConvPoolLayer(rng, input=layer0.output, image_shape=(batch_size, nkerns[0], s1, s1),
                                filter_shape=(nkerns[1], nkerns[0], 3, 3), poolsize=(2, 2))
    s2 = (s1 - 2) // 2
    layer2 = HiddenLayer(rng, input=layer1.output.flatten(2), n_in=nkerns[1] * s2 * s2, n_out=8, activation=T.tanh)
    layer3 = LogisticRegression(input=layer2.output, n_in=8, n_out=n_classes)

    cost = layer3.negative_log_likelihood(y)
    validate_model = theano.function(
        [index], layer3.errors(y),
        givens={x: valid_set_x[index * batch_size: (index + 1) * batch_size],
                y: valid_set_y[index * batch_size: (index + 1) * batch_size]})

    params = layer3.params + layer2.params + layer1.params + layer0.params
    grads = T.grad(cost, params)
    updates = [(param_i, param_i - learning_rate * grad_i) for param_i, grad_i in zip(params, grads)]
    train_model = theano.function(
        [index], cost, updates=updates,
        givens={x: train_set_x[index * batch_size: (index + 1) * batch_size],
                y: train_set_y[index * batch_size: (index + 1) * batch_size]})

    n_valid_batches = valid_set_x.get_value(borrow=True).shape[0] // batch_size
    for epoch in range(1, n_epochs + 1):
        for minibatch_index in range(n_train_batches):
            cost_ij = train_model(minibatch_index)
            print('epoch %i, minibatch %i/%i, cost %r' % (epoch, minibatch_index + 1, n_train_batches,
                                                          float(cost_ij)))
        this_validation_loss = numpy.mean([validate_model(i) for i in range(n_valid_batches)])
        print('epoch %i, validation error %f %%' % (epoch, this_validation_loss * 100.))
    for k, p in enumerate(params):
        print('param %i %s %s norm %r' % (k, p.get_value().dtype, p.get_value().shape,
                                          float(numpy.linalg.norm(p.get_value()))))


if __name__ == '__main__':
    evaluate_lenet()
