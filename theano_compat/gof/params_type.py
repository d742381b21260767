"""theano.gof.params_type: ops' parameter bundles (the op-building API): ParamsType(field=Type, ...) and the
Params values an op's get_params gives. The bundles work in Python; no C struct is generated."""
from ..graph.ops import MethodNotDefined  # noqa: F401
from ..graph.types import Type as _Type
from .type import EnumType


class Params(dict):
    """Theano's Params(params_type, **values): an immutable bundle of an op's parameters, read as attributes."""

    def __init__(self, params_type, **kwargs):
        if not isinstance(params_type, ParamsType):
            raise TypeError("Params: 1st constructor argument should be a ParamsType.")
        for field in params_type.fields:
            if field not in kwargs:
                raise TypeError('Params: ParamsType attribute "%s" not in Params args.' % field)
        super().__init__(**kwargs)
        self.__dict__.update(__params_type__=params_type, __signatures__=None)

    def __repr__(self):
        return "Params(%s)" % ", ".join("%s:%s:%s" % (k, type(self[k]).__name__, self[k]) for k in sorted(self))

    def __getattr__(self, key):
        if key not in self:
            raise AttributeError('Params: attribute "%s" does not exist.' % key)
        return self[key]

    def __setattr__(self, key, value):
        raise NotImplementedError("Params is immutable")

    def __setitem__(self, key, value):
        raise NotImplementedError("Params is immutable")

    def __delitem__(self, key):
        raise NotImplementedError("Params is immutable")

    def __hash__(self):
        return hash((type(self), self.__params_type__) + tuple(
            (k, repr(self[k])) for k in self.__params_type__.fields))

    def __eq__(self, other):
        return (type(self) is type(other) and self.__params_type__ == other.__params_type__
                and all(self.__params_type__.types[i].values_eq(self[f], other[f])
                        for i, f in enumerate(self.__params_type__.fields)))

    def __ne__(self, other):
        return not self == other


class ParamsType(_Type):
    """Theano's ParamsType(field=Type, ...): the type of an op's Params; fields sorted by name, and the
    constants of EnumType fields readable as attributes."""

    def __init__(self, **kwargs):
        if not kwargs:
            raise AttributeError("ParamsType: empty ParamsType is not allowed.")
        for name, t in kwargs.items():
            if not name.isidentifier():
                raise AttributeError('ParamsType: attribute "%s" should be a valid identifier.' % name)
        self.length = len(kwargs)
        self.fields = tuple(sorted(kwargs))
        self.types = tuple(kwargs[f] for f in self.fields)
        self.name = "ParamsType<%s>" % ", ".join("%s:%s" % (f, t) for f, t in zip(self.fields, self.types))

    def __getattr__(self, key):
        if key.startswith("__") or key in ("fields", "types"):
            raise AttributeError(key)
        for t in self.types:
            if isinstance(t, EnumType) and key in t:
                return t[key]
        raise AttributeError("ParamsType: attribute %s does not exist." % key)

    def __repr__(self):
        return "ParamsType<%s>" % ", ".join("%s:%s" % (f, t) for f, t in zip(self.fields, self.types))

    def __eq__(self, other):
        return type(self) is type(other) and self.fields == other.fields and self.types == other.types

    def __hash__(self):
        return hash((type(self),) + self.fields + self.types)

    def has_type(self, theano_type):
        return any(t == theano_type for t in self.types)

    def get_type(self, field_name):
        return self.types[self.fields.index(field_name)]

    def get_field(self, theano_type):
        for f, t in zip(self.fields, self.types):
            if t == theano_type:
                return f
        raise TypeError("ParamsType: no field with type %s" % theano_type)

    def get_enum(self, key):
        for t in self.types:
            if isinstance(t, EnumType) and key in t:
                return t[key]
        raise AttributeError("ParamsType: no constant %s" % key)

    def enum_from_alias(self, alias):
        for t in self.types:
            if isinstance(t, EnumType) and t.has_alias(alias):
                return t.fromalias(alias)
        raise AttributeError("ParamsType: no alias %s" % alias)

    def get_params(self, *objects, **kwargs):
        """Params of this type, each field read from kwargs or else from the first object having it."""
        values = {}
        for f in self.fields:
            if f in kwargs:
                values[f] = kwargs[f]
                continue
            for obj in objects:
                if hasattr(obj, f):
                    values[f] = getattr(obj, f)
                    break
            else:
                raise AttributeError("ParamsType: no value for field %s" % f)
        return Params(self, **{f: t.filter(values[f], strict=False, allow_downcast=True)
                               for f, t in zip(self.fields, self.types)})

    def extended(self, **kwargs):
        return ParamsType(**dict(zip(self.fields, self.types), **kwargs))

    def filter(self, data, strict=False, allow_downcast=None):
        if strict and not isinstance(data, Params):
            raise TypeError("%s: strict mode: data should be an instance of Params." % self)
        return Params(self, **{f: t.filter(data[f], strict, allow_downcast) for f, t in zip(self.fields, self.types)})

    def values_eq(self, a, b):
        return all(t.values_eq(a[f], b[f]) for f, t in zip(self.fields, self.types))

    def values_eq_approx(self, a, b):
        return all(t.values_eq_approx(a[f], b[f]) for f, t in zip(self.fields, self.types))


from ..graph.types import Type  # noqa: E402,F401  (Theano's module imports it)
