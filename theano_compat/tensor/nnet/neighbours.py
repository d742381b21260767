"""theano.tensor.nnet.neighbours: images2neibs and neibs2images."""
from ...gradient import grad_not_implemented, grad_undefined  # noqa: F401
from ...graph.nodes import Apply  # noqa: F401
from ...ops.neighbours import Images2Neibs, images2neibs, neibs2images

__all__ = ["images2neibs", "neibs2images", "Images2Neibs"]

# Theano's op keeps its mode as a C enum (Images2Neibs.BORDER_MODE is one).
from ...gof.type import EnumList  # noqa: E402,F401  (Theano's module imports it)

from ...graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
