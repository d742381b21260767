"""Errors of the graph core that Theano code catches by their Theano names."""


class MethodNotDefined(Exception):
    """Theano's gof.utils.MethodNotDefined: an op (or type) does not define this method (a grad, c_code)."""


MethodNotDefined.__module__ = "theano.gof.utils"  # as Theano's tracebacks name it
