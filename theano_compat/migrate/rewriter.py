"""Rewrite Theano imports to theano_compat imports, and nothing else.

Every local name stays bound to what it was bound to before, so the body of
the file needs no edit:

    import theano                  -> import theano_compat as theano
    import theano as th            -> import theano_compat as th
    import theano.tensor as T      -> import theano_compat.tensor as T
    import theano.tensor           -> import theano_compat as theano, theano_compat.tensor
    from theano.tensor import x    -> from theano_compat.tensor import x

``import theano.tensor`` binds ``theano`` and makes ``theano.tensor``
reachable; the replacement does both in one statement (so it still fits
``if x: import theano.tensor``), binding ``theano_compat`` as well.
Only import statements change; LibCST keeps everything else byte for byte.
"""
from __future__ import annotations

import libcst as cst

OLD, NEW = "theano", "theano_compat"


def dotted_name(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted_name(node.value)}.{node.attr.value}"
    raise TypeError(f"not a dotted name: {node!r}")


def make_dotted(name: str) -> cst.BaseExpression:
    head, *rest = name.split(".")
    node: cst.BaseExpression = cst.Name(head)
    for part in rest:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def is_theano(name: str) -> bool:
    # 'theano_utils' and 'theanets' only look alike
    return name == OLD or name.startswith(OLD + ".")


def to_compat(name: str) -> str:
    return NEW + name[len(OLD):]


def _as_name(name: str) -> cst.AsName:
    return cst.AsName(
        name=cst.Name(name),
        whitespace_before_as=cst.SimpleWhitespace(" "),
        whitespace_after_as=cst.SimpleWhitespace(" "),
    )


def _comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


class ImportRewriter(cst.CSTTransformer):
    """Counts what it rewrites, so a caller can tell a no-op from a change."""

    def __init__(self) -> None:
        super().__init__()
        self.rewritten = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Imports are rewritten whole on leave, and no expression holds an
        # import statement: skipping expressions makes this pass cheap.
        if isinstance(node, (cst.BaseExpression, cst.Import, cst.ImportFrom)):
            return False
        return super().on_visit(node)

    def leave_Import(self, original: cst.Import, updated: cst.Import) -> cst.Import:
        names = _rewrite_aliases(list(updated.names))
        if names is None:
            return updated
        self.rewritten += 1
        return updated.with_changes(names=names)

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        # relative imports (from . import theano, from .theano import x) are the user's own code
        if updated.relative or updated.module is None:
            return updated
        module = dotted_name(updated.module)
        if not is_theano(module):
            return updated
        self.rewritten += 1
        return updated.with_changes(module=make_dotted(to_compat(module)))


def _rewrite_aliases(aliases: list[cst.ImportAlias]) -> list[cst.ImportAlias] | None:
    """New alias list for one `import` statement, or None when it has no Theano alias."""
    if not any(is_theano(dotted_name(a.name)) for a in aliases):
        return None
    out: list[cst.ImportAlias] = []
    package_bound = False  # `theano_compat as theano` once per statement is enough
    for alias in aliases:
        name = dotted_name(alias.name)
        if not is_theano(name):
            out.append(alias)
        elif alias.asname is not None or name == OLD:
            asname = alias.asname or _as_name(OLD)
            out.append(alias.with_changes(name=make_dotted(to_compat(name)), asname=asname))
            package_bound = package_bound or (name == OLD and alias.asname is None)
        else:  # import theano.x.y: binds `theano`, needs theano.x.y importable
            if not package_bound:
                out.append(cst.ImportAlias(name=cst.Name(NEW), asname=_as_name(OLD), comma=_comma()))
                package_bound = True
            out.append(alias.with_changes(name=make_dotted(to_compat(name))))
    return _fix_commas(out)


def _fix_commas(aliases: list[cst.ImportAlias]) -> list[cst.ImportAlias]:
    # An inserted alias may land last, or push the original last alias inward.
    fixed = []
    for i, alias in enumerate(aliases):
        last = i == len(aliases) - 1
        if last and alias.comma is not cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif not last and alias.comma is cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=_comma())
        fixed.append(alias)
    return fixed


def rewrite_module(module: cst.Module) -> tuple[cst.Module, int]:
    """(new module, number of import statements rewritten)."""
    rewriter = ImportRewriter()
    return module.visit(rewriter), rewriter.rewritten


def migrate_source(source: bytes | str) -> bytes | str:
    """Migrate one file's source; raises libcst.ParserSyntaxError if it does not parse."""
    module = cst.parse_module(source)
    new, _ = rewrite_module(module)
    return new.bytes if isinstance(source, bytes) else new.code
