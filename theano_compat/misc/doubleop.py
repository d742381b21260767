"""theano.misc.doubleop: the DoubleOp of Theano's "extending" tutorial (an Op subclass, built on theano.Op)."""
