import numpy as np, theano, theano.tensor as tensor
c = theano.shared(0.)
inc = tensor.scalar('inc')
for name, fn in [("out", lambda: tensor.zeros(()) + inc), ("upd_shared_only", lambda: (tensor.zeros(()), {c: c + 1})),
                 ("upd_free", lambda: (tensor.zeros(()), {c: c + inc})), ("upd_free_and_out", lambda: (tensor.zeros(()) + inc, {c: c + inc}))]:
    try:
        o, updates = theano.scan(fn, n_steps=3)
        f = theano.function(inputs=[inc], outputs=o, updates=updates, on_unused_input='ignore')
        print(name, "ok", f(2.0), c.get_value())
    except Exception as e:
        print(name, type(e).__name__, str(e)[:150])
