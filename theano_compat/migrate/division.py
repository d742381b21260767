"""Python 2's `/`: find the divisions whose meaning changes on Python 3.

Python 2 without `from __future__ import division` floors `a / b` only when both operands are integers
(int or long, a numpy integer, an integer array; Theano's `__div__` does the same for two discrete
tensors, int_div, and true_div as soon as one side is a float). If either side is a float, `/` was already
true division, so `cost / v.shape[0]` or `1. - x / len(data)` mean what they meant. A division is reported
only when both operands are known to be integers: integer literals, `len()`/`int()`..., an element of a
`.shape`, `.ndim`/`.size`, integer arithmetic of those, and names every binding of which is such an
expression (a parameter with an integer default, a loop over `range`). Anything else is unknown, and an
unknown operand is not reported: a warning on every `a / b` would bury the real ones.
"""
from __future__ import annotations

import libcst as cst
from libcst.metadata import Assignment, ScopeProvider

INT_CALLS = {"len", "int", "long", "ord", "hash", "id"}
INT_OF_INTS = {"abs", "max", "min", "sum"}  # int when every argument is
INT_ATTRS = {"ndim", "size"}
RANGES = {"range", "xrange"}
KEEPS_INT = (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo, cst.LeftShift, cst.RightShift,
             cst.BitAnd, cst.BitOr, cst.BitXor, cst.Divide)  # Divide: both ints floor on Python 2
AUG_KEEPS_INT = {cst.AddAssign: cst.Add(), cst.SubtractAssign: cst.Subtract(), cst.MultiplyAssign: cst.Multiply(),
                 cst.FloorDivideAssign: cst.FloorDivide(), cst.ModuloAssign: cst.Modulo(),
                 cst.DivideAssign: cst.Divide()}
INT = object()  # a binding known to be an integer without an expression (a loop over range)


def _call_name(node) -> str | None:
    return node.func.value if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) else None


class IntegerDivisions(cst.CSTVisitor):
    """Collects every `/` and `/=`, and what each simple name is bound to; `found` lists the integer ones."""

    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.bound: dict[int, object] = {}  # id(binding node: Name target or Param) -> expression or INT
        self.divisions: list[tuple[cst.CSTNode, cst.BaseExpression, cst.BaseExpression]] = []
        self.found: list[cst.CSTNode] = []  # the divisions between two integers, after the visit

    # -- bindings ----------------------------------------------------------------
    def _bind(self, target, value) -> None:
        if isinstance(target, cst.Name):
            self.bound[id(target)] = value
        elif isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)) \
                and len(target.elements) == len(value.elements):
            for t, v in zip(target.elements, value.elements):
                self._bind(t.value, v.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._bind(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        operator = AUG_KEEPS_INT.get(type(node.operator))
        if isinstance(node.target, cst.Name):
            self.bound[id(node.target)] = cst.BinaryOperation(node.target, operator, node.value) if operator \
                else None
        if isinstance(node.operator, cst.DivideAssign):
            self.divisions.append((node, node.target, node.value))

    def visit_Param(self, node: cst.Param) -> None:
        self.bound[id(node)] = node.default

    def visit_For(self, node: cst.For) -> None:
        name = _call_name(node.iter)
        if name in RANGES and isinstance(node.target, cst.Name):
            self.bound[id(node.target)] = INT
        elif name == "enumerate" and isinstance(node.target, cst.Tuple) and node.target.elements:
            first = node.target.elements[0].value
            if isinstance(first, cst.Name):
                self.bound[id(first)] = INT

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Divide):
            self.divisions.append((node, node.left, node.right))

    # -- judging (at the end, when every binding is known) ----------------------------
    def leave_Module(self, original_node: cst.Module) -> None:
        self.found = [node for node, left, right in self.divisions if self.is_int(left) and self.is_int(right)]

    def is_int(self, node, seen: frozenset = frozenset()) -> bool:
        if node is INT:
            return True
        if isinstance(node, cst.Integer):
            return True
        if isinstance(node, cst.UnaryOperation):
            return not isinstance(node.operator, cst.Not) and self.is_int(node.operand, seen)
        if isinstance(node, cst.BinaryOperation):
            return isinstance(node.operator, KEEPS_INT) and self.is_int(node.left, seen) \
                and self.is_int(node.right, seen)
        if isinstance(node, cst.IfExp):
            return self.is_int(node.body, seen) and self.is_int(node.orelse, seen)
        if isinstance(node, cst.Call):
            return self._int_call(node, seen)
        if isinstance(node, cst.Attribute):
            return node.attr.value in INT_ATTRS
        if isinstance(node, cst.Subscript):
            return _shape_element(node)
        if isinstance(node, cst.Name):
            return self._int_name(node, seen)
        return False

    def _int_call(self, node: cst.Call, seen) -> bool:
        name = _call_name(node)
        if name in INT_CALLS:
            return True
        return name in INT_OF_INTS and bool(node.args) and all(self.is_int(a.value, seen) for a in node.args)

    def _int_name(self, node: cst.Name, seen) -> bool:
        # every binding of the name an integer; a cycle (n = n // 2) does not make it less so
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None:
            return False
        referents = [r for access in scope.accesses[node] if access.node is node for r in access.referents] \
            or list(scope[node.value])  # the target of `n /= 2` is no access: its bindings by name
        for ref in referents:
            key = id(ref.node) if isinstance(ref, Assignment) else None
            if key in seen:
                continue
            if key not in self.bound or self.bound[key] is None or not self.is_int(self.bound[key], seen | {key}):
                return False
        return bool(referents)


def _shape_element(node: cst.Subscript) -> bool:
    """x.shape[i] (one index, not a slice): an integer, for numpy and Theano alike."""
    value = node.value
    return (isinstance(value, cst.Attribute) and value.attr.value == "shape" and len(node.slice) == 1
            and isinstance(node.slice[0].slice, cst.Index))
