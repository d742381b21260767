"""theano.gof.graph: walking, ordering, cloning and comparing graphs, with Theano's algorithms (and so
Theano's orders: `inputs` is a left-first depth-first search, as code comparing input lists expects)."""
from ..compat import integer_types, string_types  # noqa: F401  (Theano's six names)
import contextlib
from collections import deque

from ..graph.nodes import Apply, Constant, Node, Variable  # noqa: F401
from ..config import config  # noqa: F401  (Theano's module exports it)
from ..misc.ordered_set import OrderedSet

NoParams = object()
default_leaf_formatter = str
# Theano fills these two in lazily (from gof.opt and scan_utils); they read None until then.
equal_computations = None
is_same_graph_with_merge = None


def stack_search(start, expand, mode="bfs", build_inv=False):
    """Every node reachable from the deque `start` through `expand`, once each, breadth- or depth-first."""
    if mode not in ("bfs", "dfs"):
        raise ValueError("mode should be bfs or dfs", mode)
    seen, order, expand_inv = set(), [], {}
    pop = start.popleft if mode == "bfs" else start.pop
    while start:
        node = pop()
        if id(node) in seen:
            continue
        order.append(node)
        seen.add(id(node))
        more = expand(node)
        if more:
            if build_inv:
                for r in more:
                    expand_inv.setdefault(r, []).append(node)
            start.extend(more)
    return (order, expand_inv) if build_inv else order


def ancestors(variable_list, blockers=None):
    """The variables contributing to variable_list (inclusive), in left-recursive depth-first order."""
    def expand(r):
        if r.owner and (not blockers or r not in blockers):
            return reversed(r.owner.inputs)
    return stack_search(deque(variable_list), expand, "dfs")


def inputs(variable_list, blockers=None):
    """The ownerless variables variable_list depends on, in ancestors' order."""
    return [r for r in ancestors(variable_list, blockers) if r.owner is None]


def variables_and_orphans(i, o):
    """(every variable between inputs i and outputs o, the ownerless ones that are not in i)."""
    def expand(r):
        if r.owner and r not in i:
            found = list(r.owner.inputs) + list(r.owner.outputs)
            found.reverse()
            return found
    found = stack_search(deque(o), expand, "dfs")
    return found, [r for r in found if r.owner is None and r not in i]


def ops(i, o):
    """The set of apply nodes between i and o."""
    found, orphaned = variables_and_orphans(i, o)
    return {r.owner for r in found if r not in i and r not in orphaned and r.owner is not None}


def variables(i, o):
    return variables_and_orphans(i, o)[0]


def orphans(i, o):
    return variables_and_orphans(i, o)[1]


def clone(i, o, copy_inputs=True, copy_orphans=None):
    """(copies of inputs i, copies of outputs o) of the subgraph between them."""
    equiv = clone_get_equiv(i, o, copy_inputs, copy_inputs if copy_orphans is None else copy_orphans)
    return [equiv[v] for v in i], [equiv[v] for v in o]


def clone_get_equiv(inputs, outputs, copy_inputs=True, copy_orphans=True, memo=None):
    """A dict from each variable and apply node between inputs and outputs to its copy."""
    memo = {} if memo is None else memo
    for v in inputs:
        memo.setdefault(v, _fresh(v) if copy_inputs else v)
    for node in io_toposort(inputs, outputs):
        for v in node.inputs:
            if v not in memo:
                memo[v] = v.clone() if copy_orphans else v
        new_node = node.clone_with_new_inputs([memo[v] for v in node.inputs])
        memo.setdefault(node, new_node)
        for old, new in zip(node.outputs, new_node.outputs):
            new.name = old.name
            memo.setdefault(old, new)
    for v in outputs:
        if v not in memo:
            memo[v] = v.clone()
    return memo


def _fresh(v):
    copy = v.clone() if v.owner is None else v.type(v.name)
    return copy


def general_toposort(outputs, deps, debug_print=False, compute_deps_cache=None, deps_cache=None,
                     clients=None):
    """Every node outputs need, each after its dependencies `deps(node)` (ValueError on a cycle)."""
    if compute_deps_cache is None:
        deps_cache = {}

        def compute_deps_cache(io):
            if io not in deps_cache:
                d = deps(io)
                if d and not isinstance(d, (list, OrderedSet)):
                    raise TypeError("Non-deterministic collections here make toposort non-deterministic.")
                deps_cache[io] = list(d) if d else d
                return d
            return deps_cache[io]
    reachable, found_clients = stack_search(deque(outputs), compute_deps_cache, "dfs", True)
    if clients is not None:
        clients.update(found_clients)
    sources = deque(r for r in reachable if not deps_cache.get(r, None))
    done, order = set(), []
    while sources:
        node = sources.popleft()
        if node in done:
            continue
        order.append(node)
        done.add(node)
        for client in found_clients.get(node, []):
            deps_cache[client] = [a for a in deps_cache[client] if a is not node]
            if not deps_cache[client]:
                sources.append(client)
    if len(order) != len(reachable):
        raise ValueError("graph contains cycles")
    return order


def io_toposort(inputs, outputs, orderings=None, clients=None):
    """The apply nodes between inputs and outputs, in Theano's order."""
    if not orderings and clients is None:
        computed, order = set(inputs), []
        todo = [o.owner for o in reversed(outputs) if o.owner]
        while todo:
            cur = todo.pop()
            if cur.outputs[0] in computed:
                continue
            if all(i in computed or i.owner is None for i in cur.inputs):
                computed.update(cur.outputs)
                order.append(cur)
            else:
                todo.append(cur)
                todo.extend(i.owner for i in cur.inputs if i.owner)
        return order
    iset = set(inputs)

    def deps(obj):
        found = []
        if obj not in iset:
            if isinstance(obj, Variable):
                found = [obj.owner] if obj.owner else []
            elif isinstance(obj, Apply):
                found = list(obj.inputs)
            found.extend((orderings or {}).get(obj, []))
        return found
    return [n for n in general_toposort(outputs, deps, clients=clients) if isinstance(n, Apply)]


def list_of_nodes(inputs, outputs):
    """The apply nodes between inputs and outputs (breadth-first from the outputs)."""
    return stack_search(deque([o.owner for o in outputs]),
                        lambda o: [v.owner for v in o.inputs
                                   if v.owner and not any(i in v.owner.outputs for i in inputs)])


def is_in_ancestors(l_node, f_node):
    """Whether apply node f_node is l_node or one of its ancestors."""
    return f_node in io_toposort([], l_node.outputs)


def io_connection_pattern(inputs, outputs):
    """[input][output] -> whether that output depends on that input (ops' connection_pattern honoured)."""
    n = len(inputs)
    pattern = {v: [i == j for j in range(n)] for i, v in enumerate(inputs)}
    for node in io_toposort(inputs, outputs):
        try:
            op_pattern = node.op.connection_pattern(node)
        except AttributeError:
            op_pattern = [[True] * len(node.outputs)] * len(node.inputs)
        for k, out in enumerate(node.outputs):
            row = [False] * n
            for j, v in enumerate(node.inputs):
                if v in pattern and op_pattern[j][k]:
                    row = [a or b for a, b in zip(row, pattern[v])]
            pattern[out] = row
    result = [[] for _ in inputs]
    for out in outputs:
        row = pattern.get(out) or [False] * n
        for i in range(n):
            result[i].append(row[i])
    return result


def view_roots(r):
    """The variables r is a view of, through its ops' view_map (r itself if none)."""
    owner = r.owner
    if owner is None:
        return [r]
    view_map = getattr(owner.op, "view_map", None)
    if view_map is None:
        return [r]
    by_output = {owner.outputs[o]: i for o, i in view_map.items()}
    if r not in by_output:
        return [r]
    return [root for i in by_output[r] for root in view_roots(owner.inputs[i])]


def default_node_formatter(op, argstrings):
    return "%s(%s)" % (op.op, ", ".join(argstrings))


def op_as_string(i, op, leaf_formatter=default_leaf_formatter, node_formatter=default_node_formatter):
    return node_formatter(op, as_string(i, op.inputs, leaf_formatter, node_formatter))


def as_string(i, o, leaf_formatter=default_leaf_formatter, node_formatter=default_node_formatter):
    """One string per output of the graph between i and o; nodes used twice are shown as *N."""
    i, orph = set(i), orphans(i, o)
    multi, seen = set(), set()
    for out in o:
        (multi if out.owner in seen else seen).add(out.owner)
    for node in ops(i, o):
        for v in node.inputs:
            if v in i or v in orph or v.owner is None:
                continue
            (multi if v.owner in seen else seen).add(v.owner)
    multi, done = list(multi), set()

    def describe(r):
        if r.owner is None or r in i or r in orph:
            return leaf_formatter(r)
        node = r.owner
        idxs = "" if len(node.outputs) == 1 else "::%i" % node.outputs.index(r)
        if node in done:
            return "*%i%s" % (multi.index(node) + 1, idxs)
        done.add(node)
        text = node_formatter(node, [describe(v) for v in node.inputs])
        return "*%i -> %s" % (multi.index(node) + 1, text) if node in multi else text
    return [describe(out) for out in o]


def is_same_graph(var1, var2, givens=None, debug=False):
    """Whether var1 and var2 compute the same thing, `givens` pairing variables of one with the other's."""
    from ..scan_module.scan_utils import equal_computations as equal_lists

    def equal(x, y, in_xs, in_ys):
        return equal_lists([x], [y], in_xs, in_ys)
    givens = dict(givens or {})
    in_xs, in_ys = [], []
    if givens:
        vars1, vars2 = set(variables(inputs([var1]), [var1])), set(variables(inputs([var2]), [var2]))
        for a, b in givens.items():
            if a in vars1 and a not in vars2 and b in vars2 and b not in vars1:
                in_xs.append(a), in_ys.append(b)
            elif a in vars2 and a not in vars1 and b in vars1 and b not in vars2:
                in_xs.append(b), in_ys.append(a)
            else:  # Theano merges the graphs here; substituting the givens in var1 is the same question
                from ..graph.nodes import clone_replace
                return equal(clone_replace([var1], givens)[0], var2, [], [])
    return equal(var1, var2, in_xs, in_ys)


@contextlib.contextmanager
def nodes_constructed():
    """Yields a list that collects the apply nodes built inside the block."""
    new_nodes, build = [], Apply.__init__

    def observed(self, *args, **kwargs):
        build(self, *args, **kwargs)
        new_nodes.append(self)
    Apply.__init__ = observed  # Theano: a construction observer on the class, global as here
    try:
        yield new_nodes
    finally:
        Apply.__init__ = build


__all__ = ["Apply", "Constant", "Variable", "ancestors", "inputs", "io_toposort", "clone", "clone_get_equiv",
           "general_toposort", "is_same_graph", "stack_search", "variables",
           "orphans", "ops", "variables_and_orphans", "io_connection_pattern", "as_string", "op_as_string",
           "view_roots", "list_of_nodes", "is_in_ancestors", "nodes_constructed", "default_node_formatter",
           "default_leaf_formatter", "NoParams", "is_same_graph_with_merge"]
