"""theano.gof.type: Theano's Type classes (the op-building API)."""
from ..compat import string_types  # noqa: F401  (Theano's six names)
from ..configparser import change_flags  # noqa: F401
from ..graph.ops import MethodNotDefined  # noqa: F401
from .op import CLinkerObject, Op  # noqa: F401
from .utils import object2  # noqa: F401

from ..graph.types import Generic, PureType, Type, generic  # noqa: E402,F401  (Theano's module imports it)
from ..stand_ins import unsupported_class  # noqa: E402


class CLinkerType(CLinkerObject):
    """Theano's C-interface base of Types (c_declare, c_extract, ...): subclassable; no C code is compiled here."""


class SingletonType(Type):
    """Theano's SingletonType: one instance per class, equal to every other instance of it."""

    __instance = None

    def __new__(cls):
        if cls.__instance is None or not isinstance(cls.__instance, cls):
            cls.__instance = Type.__new__(cls)
        return cls.__instance

    def __str__(self):
        return self.__class__.__name__

    def __eq__(self, other):
        return self is other or type(self) is type(other)

    def __hash__(self):
        return hash(type(self))


class EnumType(Type, dict):
    """Theano's EnumType(**constants, ctype='double', cname=...): named numeric constants (op parameters), read
    as attributes (`t.ALPHA`) or by alias (a (alias, value) tuple as the value)."""

    def __init__(self, **kwargs):
        dict.__init__(self)
        object.__setattr__(self, "ctype", " ".join(str(kwargs.pop("ctype", "double")).split()))
        object.__setattr__(self, "cname", kwargs.pop("cname", self.ctype.replace(" ", "_")))
        object.__setattr__(self, "aliases", {})
        for k, v in kwargs.items():
            if not (k.isidentifier() and k.upper() == k):
                raise AttributeError(f'{type(self).__name__}: invalid enum name: "{k}". Only capital letters, '
                                     "digits and underscores are allowed.")
            if isinstance(v, tuple):
                if len(v) != 2:
                    raise TypeError(f"{type(self).__name__}: when using a tuple to define a constant, your tuple "
                                    "should contain 2 values: constant alias followed by constant value.")
                alias, v = v
                if alias in self.aliases:
                    raise TypeError(f'{type(self).__name__}: consant alias "{alias}" already used.')
                self.aliases[alias] = k
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f'{type(self).__name__}: constant "{k}": expected integer or floating value, got '
                                f'"{type(v).__name__}".')
            dict.__setitem__(self, k, v)
        if [a for a in self.aliases if a in self]:
            raise TypeError(f"{type(self).__name__}: some aliases have same names as constants.")

    def fromalias(self, alias):
        return self[self.aliases[alias]] if alias in self.aliases else self[alias]

    def has_alias(self, alias):
        return alias in self.aliases

    def get_aliases(self):
        return tuple(sorted(self.aliases))

    def __getattr__(self, key):
        if key in self:
            return self[key]
        raise AttributeError(key)

    def __setattr__(self, key, value):
        raise NotImplementedError("constant values are immutable.")

    def __setitem__(self, key, value):
        raise NotImplementedError("constant values are immutable.")

    def __delitem__(self, key):
        raise NotImplementedError("constant values are immutable.")

    def __repr__(self):
        names = {v: "(%s)" % a for a, v in self.aliases.items()}
        return "%s<%s>(%s)" % (type(self).__name__, self.ctype,
                               ", ".join("%s%s:%s" % (k, names.get(k, ""), self[k]) for k in sorted(self)))

    def __hash__(self):
        return hash((type(self), self.ctype, tuple(sorted(self.items())), tuple(sorted(self.aliases.items()))))

    def __eq__(self, other):
        return (type(self) is type(other) and self.ctype == other.ctype and dict.__eq__(self, other)
                and self.aliases == other.aliases)

    def filter(self, data, strict=False, allow_downcast=None):
        if not strict and isinstance(data, str):
            data = self.fromalias(data)
        assert data in self.values()
        return data

    def values_eq(self, a, b):
        return a == b

    def values_eq_approx(self, a, b):
        return a == b


class EnumList(EnumType):
    """Theano's EnumList('A', 'B', ('alias', 'C'), ...): constants numbered 0, 1, 2, ... in order."""

    def __init__(self, *args, **kwargs):
        assert len(kwargs) in (0, 1, 2), type(self).__name__ + ': expected 0 to 2 extra parameters ("ctype", "cname").'
        ctype = kwargs.pop("ctype", "int")
        cname = kwargs.pop("cname", None)
        constants = {}
        for i, arg in enumerate(args):
            if isinstance(arg, tuple):
                if len(arg) != 2:
                    raise TypeError(f"{type(self).__name__}: when using a tuple to define a constant, your tuple "
                                    "should contain 2 values: constant name followed by constant alias.")
                name, alias = arg
                constants[name] = (alias, i)
            else:
                constants[arg] = i
        if len(constants) != len(args):
            raise TypeError(f"{type(self).__name__}: some constants names are duplicated.")
        extra = {"cname": cname} if cname is not None else {}
        super().__init__(ctype=ctype, **extra, **constants)


class CEnumType(EnumList):
    """Theano's CEnumType: an EnumList whose values are C constants; their values are those of EnumList here
    (no C code is compiled to read the C values)."""


CDataType = unsupported_class("theano.gof.type.CDataType", "it wraps a C pointer for Theano's C ops; "
                              "theano_compat compiles no C code", bases=(Type,))
CDataTypeConstant = unsupported_class("theano.gof.type.CDataTypeConstant", "it is a constant of a CDataType "
                                      "(a C pointer); theano_compat compiles no C code")
