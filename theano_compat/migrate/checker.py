"""Find what will not work after migration, in a file LibCST can parse.

Theano API uses are resolved by qualified name (QualifiedNameProvider), so
``T.nnet.conv.conv2d`` under ``import theano.tensor as T`` is judged as
``theano.tensor.nnet.conv.conv2d``; names pulled in by ``from theano.x import *``
are found as unbound names (ScopeProvider). Already-migrated code
(``theano_compat...``) is judged the same way, so ``check`` works before and
after ``migrate``. Python 2 leftovers that parse on Python 3 but fail there
(``xrange``, ``cPickle``, ``.iteritems()``, ``print >>f``), names removed since
(``time.clock``, ``numpy.int``), ``shared_var.value`` and ``/`` between two
integers (division.py) are flagged too.
"""
from __future__ import annotations

import re

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    QualifiedNameSource,
    ScopeProvider,
)

from . import linescan, py2
from .division import IntegerDivisions
from .findings import Finding
from .rewriter import dotted_name, is_theano
from .support import Status, Support

DYNAMIC_IMPORTS = {"builtins.__import__", "importlib.import_module", "importlib.__import__"}
LOGGER_CALLS = {"logging.getLogger"}
SHARED_CALLS = {f"{top}.{path}" for top in ("theano", "theano_compat")
                for path in ("shared", "compile.shared", "compile.sharedvalue.shared", "tensor.shared")}  # `getLogger("theano.gof")` names a logger, not a module to import
MODULE_PATH = re.compile(r"theano(_compat)?(\.[A-Za-z_]\w*)+")
GPU_FLAG = re.compile(r"(^|,)\s*(device|init_gpu_device|contexts)\s*=\s*(gpu|cuda)", re.I)
GUARD_WORDS = ("version_info", "PY2", "PY3")
FLAGS_HINT = "theano_compat reads THEANO_FLAGS too: floatX and device apply; C/CUDA back-end flags are accepted and ignored"
GPU_FLAG_HINT = "device=cuda/gpuN picks a JAX GPU, and fails where JAX has none; set device=cpu to run anywhere"


def _theano_like(name: str) -> bool:
    return is_theano(name) or name == "theano_compat" or name.startswith("theano_compat.")


def _catches_import_error(handlers) -> bool:
    names = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
    for handler in handlers:
        kind = handler.type
        if kind is None:
            return True
        elements = [e.value for e in kind.elements] if isinstance(kind, cst.Tuple) else [kind]
        if any(isinstance(e, cst.Name) and e.value in names for e in elements):
            return True
    return False


def _string_value(node) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class Checker(cst.CSTVisitor):
    # Positions are resolved after the visit, and only when something was
    # found: computing them costs a full code generation pass.
    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider)

    def __init__(self, path: str, support: Support) -> None:
        super().__init__()
        self.path, self.support = path, support
        self.pending: list[tuple] = []  # (node, code, message, hint)
        self.star_modules: list[str] = []  # Theano modules star-imported here
        self.foreign_star = False  # `from six.moves import *` may provide xrange
        self.true_division = False  # `from __future__ import division`
        self.guarded: set[int] = set()  # ids of names under a Python 2/3 guard
        self._covered: set[int] = set()  # inner nodes of an attribute chain already judged
        self._noted: set[str] = set()  # TC103 once per name per file
        self._in_import = 0
        self._guard_depth = 0
        self._stores: set[int] = set()  # assignment targets (`np.float = float` is not a use)
        self.shared: set[str] = set()  # code of targets bound to theano.shared(...): `self.W`
        self.values: list[tuple] = []  # (node, code) of every `X.value`, judged at the end

    # -- reporting ---------------------------------------------------------
    def add(self, node: cst.CSTNode, code: str, message: str, hint: str = "") -> None:
        self.pending.append((node, code, message, hint))

    def judge(self, node: cst.CSTNode, qualnames: list[str]) -> None:
        """Report the Theano name(s) a node stands for, unless one of them is fine."""
        verdicts = []
        for qualname in sorted(qualnames):
            split = self.support.split(qualname)
            if split and not (split[1] or "").startswith("_"):
                verdicts.append((self.support.verdict(*split), split))
        if not verdicts:
            return
        ok = [v for v, _ in verdicts if v.status in (Status.SUPPORTED, Status.UNCHECKED)]
        if ok:
            return
        verdict, split = verdicts[0]
        self._report(node, verdict, self.support.hint(*split))

    def _report(self, node, verdict, hint: str) -> None:
        if verdict.status is Status.DIFFERENT:
            if verdict.qualname not in self._noted:
                self._noted.add(verdict.qualname)
                self.add(node, "TC103", f"{verdict.qualname} is supported with differences: {verdict.note}")
        elif verdict.status is Status.RAISES:
            self.add(node, "TC104", f"{verdict.qualname} resolves but raises when used: {verdict.note}", hint)
        elif verdict.status is Status.UNSUPPORTED:
            self.add(node, "TC100", f"{verdict.qualname} is not supported by theano_compat", hint)
        elif verdict.status is Status.NO_MODULE:
            self.add(node, "TC101", f"module {verdict.qualname} is not provided by theano_compat", hint)
        elif verdict.status is Status.UNKNOWN:
            self.add(node, "TC102", f"{verdict.qualname} is not a Theano 1.0.5 name", hint)

    # -- guards: code that only runs on Python 2, or falls back on ImportError
    def visit_Try_body(self, node: cst.Try) -> None:
        self._guard_depth += _catches_import_error(node.handlers)

    def leave_Try_body(self, node: cst.Try) -> None:
        self._guard_depth -= _catches_import_error(node.handlers)

    def _version_test(self, node: cst.If) -> bool:
        code = cst.Module([]).code_for_node(node.test)
        return any(word in code for word in GUARD_WORDS)

    def visit_If(self, node: cst.If) -> None:
        self._guard_depth += self._version_test(node)

    def leave_If(self, node: cst.If) -> None:
        self._guard_depth -= self._version_test(node)

    # -- imports -------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> None:
        self._in_import += 1
        for alias in node.names:
            name = dotted_name(alias.name)
            if _theano_like(name):
                self.judge(alias.name, [name])
            elif name.split(".")[0] in py2.MODULES and not self._guard_depth:
                self._py2_module(alias.name, name.split(".")[0])

    def leave_Import(self, node: cst.Import) -> None:
        self._in_import -= 1

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._in_import += 1
        if node.relative or node.module is None:
            return
        module = dotted_name(node.module)
        if module == "__future__":
            self.true_division |= any(a.name.value == "division" for a in self._aliases(node))
        elif _theano_like(module):
            self._theano_from(node, module)
        elif isinstance(node.names, cst.ImportStar):
            self.foreign_star = True
        elif not self._guard_depth:
            self._py2_from(node, module)

    def leave_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._in_import -= 1

    @staticmethod
    def _aliases(node: cst.ImportFrom):
        return [] if isinstance(node.names, cst.ImportStar) else node.names

    def _theano_from(self, node: cst.ImportFrom, module: str) -> None:
        if isinstance(node.names, cst.ImportStar):
            self.judge(node.module, [module])
            self.star_modules.append(module)
            return
        for alias in node.names:
            self.judge(alias.name, [f"{module}.{dotted_name(alias.name)}"])

    def _py2_module(self, node, name: str) -> None:
        self.add(node, "TC302", f"module {name} does not exist on Python 3", py2.MODULES[name])

    def _py2_from(self, node: cst.ImportFrom, module: str) -> None:
        top = module.split(".")[0]
        if top in py2.MODULES:
            self._py2_module(node.module, top)
        for alias in self._aliases(node):
                self._removed(alias.name, f"{module}.{dotted_name(alias.name)}")

    def _removed(self, node, qualname: str) -> None:
        """TC301/TC306 where qualname is a stdlib or numpy name that no longer exists."""
        module, _, name = qualname.rpartition(".")
        fix = py2.FROM_NAMES.get((module, name))
        if fix:
            self.add(node, "TC301", f"{qualname} does not exist on Python 3", fix)
        elif qualname in py2.REMOVED:
            self.add(node, "TC306", *py2.removed(qualname))

    # -- uses of Theano names in the body ------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._reference(node)
        if node.attr.value == "value":
            self.values.append((node, cst.Module([]).code_for_node(node.value)))
        elif not self._in_import and id(node) not in self._stores and not self._guard_depth:
            for q in self.get_metadata(QualifiedNameProvider, node, set()):
                if q.source is QualifiedNameSource.IMPORT:
                    self._removed(node, q.name)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._stores.update(id(t.target) for t in node.targets)
        qualnames = {q.name for q in self.get_metadata(QualifiedNameProvider, node.value.func, set())} \
            if isinstance(node.value, cst.Call) else set()
        if qualnames & SHARED_CALLS:
            self.shared.update(cst.Module([]).code_for_node(t.target) for t in node.targets)

    def visit_Name(self, node: cst.Name) -> None:
        if self._guard_depth:
            self.guarded.add(id(node))
        self._reference(node)

    def _reference(self, node) -> None:
        if self._in_import or id(node) in self._covered:
            return
        names = [
            q.name for q in self.get_metadata(QualifiedNameProvider, node, set())
            if q.source is QualifiedNameSource.IMPORT and _theano_like(q.name)
        ]
        if names:
            self._cover(node)
            self.judge(node, names)

    def _cover(self, node) -> None:
        # `T.nnet.conv.conv2d` is judged once, as a whole, not also as `T.nnet`
        while isinstance(node, cst.Attribute):
            node = node.value
            self._covered.add(id(node))

    # -- strings that name Theano ---------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in py2.METHODS:
            self.add(func.attr, "TC304", f"dict.{func.attr.value}() does not exist on Python 3", py2.METHODS[func.attr.value])
        qualnames = {q.name for q in self.get_metadata(QualifiedNameProvider, func, set())}
        value = _string_value(node.args[0].value) if node.args else None
        if qualnames & LOGGER_CALLS and node.args:
            self._covered.add(id(node.args[0].value))
        if qualnames & DYNAMIC_IMPORTS and value and is_theano(value):
            self._covered.add(id(node.args[0].value))
            self.add(node, "TC200", f"{value!r} is imported by name, so migrate leaves it on Theano",
                     f"import {'theano_compat' + value[len('theano'):]!r} instead")

    def visit_Subscript(self, node: cst.Subscript) -> None:
        qualnames = {q.name for q in self.get_metadata(QualifiedNameProvider, node.value, set())}
        index = node.slice[0].slice if len(node.slice) == 1 else None
        value = _string_value(index.value) if isinstance(index, cst.Index) else None
        if "sys.modules" in qualnames and value and is_theano(value):
            self._covered.add(id(index.value))
            self.add(node, "TC202", f"sys.modules[{value!r}] names Theano, not theano_compat",
                     f"use {'theano_compat' + value[len('theano'):]!r}")

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = _string_value(node)
        if value is None or id(node) in self._covered or self._in_import:
            return
        if value == "THEANO_FLAGS":
            self.add(node, "TC201", "THEANO_FLAGS is set or read here", FLAGS_HINT)
        elif GPU_FLAG.search(value):
            self.add(node, "TC201", f"Theano flags {value!r} select a GPU", GPU_FLAG_HINT)
        elif MODULE_PATH.fullmatch(value) and not value.startswith("theano_compat"):
            self.add(node, "TC202", f"string {value!r} names a Theano module",
                     "if it is imported or patched by name, use 'theano_compat" + value[len("theano"):] + "'")

    # -- Python 2 leftovers that still parse -----------------------------------
    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value
        first = value.elements[0].value if isinstance(value, cst.Tuple) and value.elements else value
        if isinstance(first, cst.BinaryOperation) and isinstance(first.operator, cst.RightShift) \
                and isinstance(first.left, cst.Name) and first.left.value == "print":
            self.add(node, "TC300", "`print >>f, ...` statement", "use print(..., file=f)")
        elif isinstance(first, cst.Name) and first.value == "print" and first is value:
            self.add(node, "TC300", "bare `print` statement", "use print()")

    # -- names no scope binds: star-imported Theano names, Python 2 builtins ----
    def leave_Module(self, node: cst.Module) -> None:
        for name_node in self._unbound_names():
            self._unbound(name_node, name_node.value)
        for attribute, code in self.values:
            if code in self.shared:
                self.add(attribute, "TC105", linescan.SHARED_VALUE_MESSAGE.format(code),
                         linescan.SHARED_VALUE_HINT.format(code))

    def _unbound_names(self):
        scopes = {self.get_metadata(ScopeProvider, n, None) for n in self.metadata[ScopeProvider]}
        for scope in scopes - {None}:
            for access in scope.accesses:
                if not access.referents and isinstance(access.node, cst.Name):
                    yield access.node

    def _unbound(self, node: cst.Name, name: str) -> None:
        stars = [m for m in self.star_modules if self.support.provides(m, name)]
        if stars:
            self.judge(node, [f"{m}.{name}" for m in stars])
        elif name in py2.BUILTINS and not self.foreign_star and id(node) not in self.guarded:
            self.add(node, "TC301", f"{name} is not a Python 3 builtin", py2.BUILTINS[name])


def check_module(path: str, module: cst.Module, support: Support) -> list[Finding]:
    checker = Checker(path, support)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    wrapper.visit(checker)
    if not checker.true_division:  # Python 2's `/` floors between two integers, and only there
        divisions = IntegerDivisions()
        wrapper.visit(divisions)
        for node in divisions.found:
            checker.add(node, "TC303", linescan.DIVISION_MESSAGE, linescan.SHAPE_DIV_HINT)
    if not checker.pending:
        return []
    positions = wrapper.resolve(PositionProvider)
    findings = set()
    for node, code, message, hint in checker.pending:
        start = positions[node].start
        findings.add(Finding(path, start.line, start.column + 1, code, message, hint))
    return sorted(findings)
