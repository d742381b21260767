import numpy as np, theano
from theano import tensor
theano.config.compute_test_value = 'raise'
h = tensor.matrix('h')
h.tag.test_value = np.array([[1, 2, 3, 4], [5, 6, 7, 8]], dtype=theano.config.floatX)
w = theano.shared(np.ones((4, 3)), name="w")
outputs, _ = theano.scan(lambda i, h, w: (theano.dot(h[i], w), i), outputs_info=[None, 0], non_sequences=[h, w], n_steps=3)
g = theano.grad(outputs[0].sum(), w)
print(g.tag.test_value.shape, g.tag.test_value.tolist())
