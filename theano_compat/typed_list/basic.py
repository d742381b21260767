"""theano.typed_list.basic: the typed-list ops (unsupported: see theano.typed_list)."""
from ..graph.nodes import Apply, Constant, Variable  # noqa: F401
from ..graph.ops import Op  # noqa: F401
from ..stand_ins import declare_unsupported
from .type import LIST_WHY, TypedListType  # noqa: F401

declare_unsupported(globals(), LIST_WHY, classes="""Append Count Extend GetItem Index Insert Length MakeList Remove
    Reverse TypedListConstant TypedListVariable""", objects="""append count extend getitem index_ insert length
    make_list remove reverse""")
from ..tensor.type_other import SliceType  # noqa: E402,F401  (Theano's module imports it)
