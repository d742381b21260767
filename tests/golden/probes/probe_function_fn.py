import numpy as np, theano
from theano import tensor
from theano.sandbox import rng_mrg
A1 = tensor.lmatrix('A1'); s1 = tensor.ivector('s1'); m1 = tensor.iscalar('m1')
A2 = tensor.lmatrix('A2'); s2 = tensor.ivector('s2'); m2 = tensor.iscalar('m2')
g0 = rng_mrg.DotModulo()(A1, s1, m1, A2, s2, m2)
f0 = theano.function([A1, s1, m1, A2, s2, m2], g0)
r = np.random.RandomState(3); i32max = np.iinfo(np.int32).max
vals = [r.randint(0, i32max, (3, 3)).astype('int64'), r.randint(0, i32max, 3).astype('int32'), np.asarray(r.randint(i32max), dtype="int32"),
        r.randint(0, i32max, (3, 3)).astype('int64'), r.randint(0, i32max, 3).astype('int32'), np.asarray(r.randint(i32max), dtype="int32")]
for k, v in enumerate(vals):
    f0.input_storage[k].storage[0] = v
f0.fn()
print(type(f0.output_storage[0]).__name__, f0.output_storage[0].value.tolist(), f0.output_storage[0].value.dtype)
print(rng_mrg.matVecModM(vals[0], vals[1], vals[2]).tolist())
x = tensor.dscalar('x'); f1 = theano.function([x], [x * 2, x + 1]); f1.input_storage[0].storage[0] = np.asarray(3.0); f1.fn()
print([c.value for c in f1.output_storage])
