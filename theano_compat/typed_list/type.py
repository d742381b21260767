"""theano.typed_list.type: TypedListType (unsupported: see theano.typed_list)."""
from ..stand_ins import declare_unsupported

LIST_WHY = "typed lists are not values of the compiled XLA step; use Python lists of tensors, or scan"
declare_unsupported(globals(), LIST_WHY, classes="TypedListType")
