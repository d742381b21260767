import numpy as np, theano
from theano import tensor
W = tensor.fvector(name='W'); n_steps = tensor.iscalar(name='Nb_steps')
def loss_outer(sum_outer, W):
    def loss_inner(sum_inner, W):
        return sum_inner + (W**2).sum()
    result_inner, _ = theano.scan(fn=loss_inner, outputs_info=tensor.as_tensor_variable(np.asarray(0, dtype=np.float32)), non_sequences=[W], n_steps=1)
    return sum_outer + result_inner[-1]
result_outer, _ = theano.scan(fn=loss_outer, outputs_info=tensor.as_tensor_variable(np.asarray(0, dtype=np.float32)), non_sequences=[W], n_steps=n_steps, return_list=True)
cost = result_outer[0][-1]
H = theano.gradient.hessian(cost, W)
f = theano.function([W, n_steps], H)
print(f(np.ones((3,), dtype='float32'), 1).tolist(), f(np.arange(3, dtype='float32'), 3).tolist())
x = tensor.dvector('x'); k = tensor.iscalar('k')
y, _ = theano.scan(lambda p: p * x, outputs_info=tensor.ones_like(x), n_steps=k)
J = theano.gradient.jacobian(y[-1], x)
print(theano.function([x, k], J)(np.array([1.0, 2.0]), 3).tolist())
