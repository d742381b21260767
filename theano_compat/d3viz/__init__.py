"""theano.d3viz: interactive HTML graphs of functions (d3viz, d3write), through pydot as in Theano."""
from . import formatting  # noqa: F401
from .d3viz import d3viz, d3write  # noqa: F401
