import numpy as np, theano
from theano import tensor
x = tensor.tensor3()
initial_x = tensor.constant(np.zeros((1, 10)))
y, updates = theano.scan(fn=lambda x, prev_x: x + prev_x, sequences=x, outputs_info=[dict(initial=initial_x)])
print(y.type)
try:
    gs = tensor.grad(y.sum(), x)
    print("no error")
except TypeError as e:
    print("TypeError", e)
x2 = tensor.matrix()
y2, _ = theano.scan(fn=lambda a, p: a + p, sequences=x2, outputs_info=[tensor.zeros((1,))])
print(y2.type)
try:
    tensor.grad(y2.sum(), x2); print("no error 2")
except TypeError as e:
    print("TypeError", e)
