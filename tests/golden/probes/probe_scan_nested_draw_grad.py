import numpy as np, theano
from theano import tensor
rand_stream = tensor.shared_randomstreams.RandomStreams()
inp = tensor.matrix()
norm_inp = inp / tensor.sum(inp, axis=0)
def unit_dropout(out_idx):
    def stochastic_pooling(in_idx):
        pvals = norm_inp.T
        sample = rand_stream.multinomial(n=1, pvals=pvals)
        return inp + sample
    pooled, updates_inner = theano.scan(fn=stochastic_pooling, sequences=tensor.arange(inp.shape[0]))
    rand_nums = rand_stream.binomial(size=pooled.shape)
    return pooled + rand_nums, updates_inner
out, updates_outer = theano.scan(unit_dropout, sequences=[tensor.arange(inp.shape[0])])
try:
    tensor.grad(out.sum(), inp); print("no error")
except theano.gradient.NullTypeGradError as e:
    print("NullTypeGradError", str(e)[:200])
# and a draw inside the step
x = tensor.vector('x')
y, _ = theano.scan(lambda v: v * rand_stream.uniform(size=v.shape), sequences=x)
print(theano.function([x], tensor.grad(y.sum(), x))(np.ones(3)).shape)
