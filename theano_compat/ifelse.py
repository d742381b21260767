"""theano.ifelse: a lazy conditional; only the branch the condition picks is computed (lax.cond)."""
from .graph.nodes import Variable
from .ops.ifelse import apply_ifelse, ifelse_op

from .compile.mode import optdb  # noqa: E402,F401
from .graph.nodes import Apply  # noqa: E402,F401
from .graph.types import TensorType  # noqa: E402,F401
from .scan_module.scan_utils import clone  # noqa: E402,F401
from .stand_ins import OPTIMIZER_WHY, NoOpOptimizer, declare_noop  # noqa: E402

izip, xrange = zip, range
acceptable_ops = ()  # Theano's ops its ifelse optimization lifts through
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, classes="CondMerge", objects="""
    cond_make_inplace cond_merge_ifs_false cond_merge_ifs_true cond_merge_random_op cond_remove_identical
    ifelse_lift_single_if_through_acceptable_ops""")

__all__ = ["ifelse", "IfElse"]


class IfElse:
    """Theano's IfElse op: IfElse(n_outs)(condition, *then_values, *else_values)."""

    def __init__(self, n_outs, as_view=False, gpu=False, name=None):
        self.n_outs, self.as_view, self.gpu, self.name = n_outs, as_view, gpu, name

    def __call__(self, c, *args, **kwargs):
        from .graph.constants import as_tensor_variable
        if len(args) != 2 * self.n_outs:
            raise ValueError("Wrong number of arguments to make_node: expected %d, got %d"
                             % (2 * self.n_outs, len(args)))
        c = as_tensor_variable(c)
        args = [as_tensor_variable(a) for a in args]
        for t, f in zip(args[:self.n_outs], args[self.n_outs:]):
            if t.type != f.type:
                raise TypeError("IfElse requires same types for true and false return values", t, f, t.type,
                                f.type)
        if c.ndim > 0:
            raise TypeError("Condition given to the op has to be a scalar with 0 standing for False, anything "
                            "else for True")
        outs = apply_ifelse(c, args[:self.n_outs], args[self.n_outs:], self.name)
        return outs if kwargs.get("return_list") or len(outs) != 1 else outs[0]

    def __str__(self):
        args = ([self.name] if self.name is not None else []) + (["inplace"] if self.as_view else [])
        return "if{%s}" % ",".join(args)

    op = ifelse_op


def ifelse(condition, then_branch, else_branch, name=None):
    """then_branch if condition is non-zero, else else_branch (each a variable, or a list/tuple of them)."""
    from .graph.constants import as_tensor_variable
    rval_type = list if type(then_branch) is list else tuple if type(then_branch) is tuple else None
    if type(then_branch) not in (list, tuple):
        then_branch = [then_branch]
    if type(else_branch) not in (list, tuple):
        else_branch = [else_branch]
    new_then, new_else = [], []
    for t, e in zip(then_branch, else_branch):
        t = t if isinstance(t, Variable) else as_tensor_variable(t)
        e = e if isinstance(e, Variable) else as_tensor_variable(e)
        if t.type != e.type:
            raise TypeError("The two branches should have identical types, but they are %s and %s respectively. "
                            "This error could be raised if for example you provided a one element list on the "
                            "`then` branch but a tensor on the `else` branch." % (t.type, e.type))
        new_then.append(t)
        new_else.append(e)
    if len(then_branch) != len(else_branch):
        raise ValueError("The number of values on the `then` branch should have the same number of variables "
                         "as the `else` branch : (variables on `then` %d, variables on `else` %d)"
                         % (len(then_branch), len(else_branch)))
    rval = IfElse(n_outs=len(then_branch), name=name)(condition, *(new_then + new_else), return_list=True)
    if rval_type is None:
        return rval[0]
    return list(rval) if rval_type is list else tuple(rval)

from .graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
