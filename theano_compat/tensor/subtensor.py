"""theano.tensor.subtensor: indexing (set_subtensor, inc_subtensor, take), the advanced-indexing entry
points, and Theano's helpers for canonical slices."""
from ..compat import integer_types  # noqa: F401  (Theano's six names)
import sys
from collections.abc import Iterable

import numpy as np

from ..config import config  # noqa: F401
from ..gof.utils import hashtype  # noqa: F401
from ..graph.ops import MethodNotDefined  # noqa: F401
from ..graph.nodes import Apply, Variable  # noqa: F401
from ..ops.basic import NotScalarConstantError, alloc, get_scalar_constant_value  # noqa: F401
from ..ops.math import clip  # noqa: F401
from ..ops.select import take  # noqa: F401
from ..ops.subtensor import inc_subtensor, set_subtensor
from ..printing import pprint  # noqa: F401
from ..printers import DefaultPrinter
from ..stand_ins import declare_unsupported
from ..ops.basic import addbroadcast  # noqa: F401
from .type_other import NoneConst, NoneTypeT, SliceType, make_slice  # noqa: F401
from ..ops.shape import DimShuffle  # noqa: F401
from ..ops.subtensor import (AdvancedBooleanIncSubtensor, AdvancedBooleanSubtensor,  # noqa: F401
                             AdvancedIncSubtensor, AdvancedIncSubtensor1, AdvancedSubtensor, AdvancedSubtensor1,
                             BaseAdvancedIncSubtensor, BaseAdvancedSubtensor, IncSubtensor, Subtensor)

izip, xrange = zip, range
sparse_module_ref = None
declare_unsupported(globals(), "it reads the idx_list of Theano's Subtensor ops; the shim's indexing ops "
                    "keep their index spec in node.params", functions="get_idx_list")
declare_unsupported(globals(), "it generates C code for Theano's in-place increments", functions="inc_code")


class AdvancedIndexingError(TypeError):
    """Raised when Subtensor is asked to perform advanced indexing."""


class AdvancedBooleanIndexingError(TypeError):
    """Raised when Subtensor is asked to perform advanced indexing with boolean masks."""


class SubtensorPrinter(DefaultPrinter):
    """Theano's printer of x[...] (the shim's indexing ops print themselves the same way)."""


def advanced_subtensor1(x, ilist):
    """x[ilist] for an integer vector ilist."""
    return x[ilist]


def advanced_subtensor(x, *index):
    """x[index] with arrays of indices (numpy's advanced indexing)."""
    return x[tuple(index)]


advanced_boolean_subtensor = advanced_subtensor


def advanced_inc_subtensor1(x, y, ilist):
    return inc_subtensor(x[ilist], y)


def advanced_set_subtensor1(x, y, ilist):
    return set_subtensor(x[ilist], y)


def advanced_inc_subtensor(x, y, *index):
    return inc_subtensor(x[tuple(index)], y)


def advanced_set_subtensor(x, y, *index):
    return set_subtensor(x[tuple(index)], y)


advanced_boolean_inc_subtensor = advanced_inc_subtensor
advanced_boolean_set_subtensor = advanced_set_subtensor


def make_constant(args):
    """Integers of an index tuple as int64 constants (slices kept, their bounds converted)."""
    from .basic import constant

    def conv(a):
        if isinstance(a, slice):
            return slice(conv(a.start), conv(a.stop), conv(a.step))
        if isinstance(a, (int, np.integer)) and not isinstance(a, bool):
            return constant(a, dtype="int64")
        return a
    return tuple(map(conv, args))


def as_index_variable(idx):
    """An index entry as a graph value: None as NoneConst, slices as they are, integers as tensors."""
    from .basic import as_tensor_variable
    from ..graph.dtypes import discrete_dtypes
    if idx is None:
        return NoneConst
    if isinstance(idx, slice):
        return idx
    idx = as_tensor_variable(idx)
    if idx.type.dtype not in discrete_dtypes:
        raise TypeError("index must be integers or a boolean mask")
    return idx


def check_and_reject_bool(args_el):
    """TypeError for a boolean index (AdvancedSubtensor does not take masks)."""
    if isinstance(args_el, (np.bool_, bool)) or getattr(args_el, "dtype", None) == "bool":
        raise TypeError("AdvancedSubtensor does not support boolean masks for indexing. Use "
                        "AdvancedBooleanSubtensor instead. ")
    if not isinstance(args_el, Variable) and isinstance(args_el, Iterable):
        for el in args_el:
            check_and_reject_bool(el)


def check_advanced_indexing_dimensions(input, idx_list):
    """IndexError when a boolean mask's shape does not match the dimensions it indexes."""
    dim_seen = 0
    for index in idx_list:
        if index is np.newaxis:
            continue
        if isinstance(index, np.ndarray) and index.dtype == "bool":
            for i in range(index.ndim):
                if index.shape[i] != input.shape[dim_seen + i]:
                    raise IndexError("boolean index did not match indexed array along dimension %d; dimension is "
                                     "%d but corresponding boolean dimension is %d"
                                     % (dim_seen + i, input.shape[dim_seen + i], index.shape[i]))
            dim_seen += index.ndim
        else:
            dim_seen += 1


def adv_index_broadcastable_pattern(a, idx):
    """The broadcastable pattern of a[idx] for an advanced index (worked out on a fake numpy array)."""
    def fake(v):
        if v is None or v is NoneConst:
            return None
        if isinstance(v, slice):
            return slice(None, None)
        return np.ones((2,) * v.ndim, "bool") if v.dtype == "bool" else np.zeros((2,) * v.ndim, int)
    shape = np.empty([2 - bc for bc in a.broadcastable])[tuple(map(fake, idx))].shape
    return tuple(dim == 1 for dim in shape)


def _analyze(x):
    from .basic import extract_constant
    try:
        return get_scalar_constant_value(x), True
    except NotScalarConstantError:
        return extract_constant(x), False


def get_canonical_form_slice(theslice, length):
    """(slice with non-negative start/stop and positive step, 1 or -1 for the direction) equivalent to
    theslice on an axis of `length`; an integer index becomes its non-negative form. Theano's algorithm."""
    from ..ops.logic import ge, lt, switch
    from ..ops.math import sgn
    from .basic import extract_constant
    if not isinstance(theslice, slice):
        value = extract_constant(theslice)
        return switch(lt(value, 0), value + length, value), 1
    start, start_const = _analyze(theslice.start)
    stop, stop_const = _analyze(theslice.stop)
    step, step_const = _analyze(theslice.step)
    length, length_const = _analyze(length)
    if step is None:
        step, step_const = 1, True
    if step_const and step == 1:
        start_0 = start is None or (start_const and start == 0) or \
            (start_const and length_const and start < 0 and start + length <= 0)
        stop_length = stop is None or (stop_const and stop == sys.maxsize) or stop is length or \
            (stop_const and length_const and stop >= length)
        if start_0:
            if stop_length:
                return slice(0, length, 1), 1
            if stop_const and stop >= 0:
                return slice(0, switch(lt(stop, length), stop, length), 1), 1
            stop_plus_len = stop + length
            stop = switch(lt(stop, 0), switch(lt(stop_plus_len, 0), 0, stop_plus_len),
                          switch(lt(stop, length), stop, length))
            return slice(0, stop, 1), 1
        if stop_length:
            if start_const and start >= 0:
                return slice(switch(lt(start, length), start, length), length, 1), 1
            start_plus_len = start + length
            start = switch(lt(start, 0), switch(lt(start_plus_len, 0), 0, start_plus_len),
                           switch(lt(start, length), start, length))
            return slice(start, length, 1), 1
    if step_const:
        assert step != 0
        abs_step, sgn_step = abs(step), (1 if step > 0 else -1)

        def switch_neg_step(a, b):
            return b if step > 0 else a
    else:
        is_step_neg = lt(step, 0)
        abs_step, sgn_step = abs(step), sgn(step)

        def switch_neg_step(a, b):
            return switch(is_step_neg, a, b)
    if start is None:
        start = switch_neg_step(length - 1, 0)
    else:
        start = switch(lt(start, 0), start + length, start)
        start = switch(lt(start, 0), switch_neg_step(-1, 0), start)
        start = switch(ge(start, length), switch_neg_step(length - 1, length), start)
    if stop is None or (stop_const and stop == sys.maxsize):
        stop = switch_neg_step(-1, length)
    else:
        stop = switch(lt(stop, 0), stop + length, stop)
        stop = switch(lt(stop, 0), -1, stop)
        stop = switch(ge(stop, length), length, stop)
    nw_stop = switch_neg_step(start + 1, stop)
    slice_len = (start - stop - 1) // abs_step + 1
    slice_len = switch(lt(slice_len, 0), 0, slice_len)
    neg_start = nw_stop - (slice_len - 1) * abs_step - 1
    neg_start = switch(lt(neg_start, 0), nw_stop - 1, neg_start)
    nw_start = switch_neg_step(neg_start, start)
    nw_start = switch(lt(nw_start, 0), 0, nw_start)
    nw_stop = switch(lt(nw_stop, 0), 0, nw_stop)
    nw_start = switch(lt(nw_start, nw_stop), nw_start, nw_stop)
    return slice(nw_start, nw_stop, abs_step), (sgn_step if not (step_const and step == 1) else 1)

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
from ..graph.types import TensorType, Type  # noqa: E402,F401  (Theano's module imports it)
from ..gof.params_type import ParamsType  # noqa: E402,F401  (Theano's module imports it)
