"""theano.configparser: change_flags, AddConfigVar and the parameter classes libraries declare flags with."""
from .compat import string_types  # noqa: F401  (Theano's six names)
import configparser as _configparser
import functools
import hashlib
import os
import warnings

from .config import TheanoConfigParser, _parse_flags, _theanorc_pairs, config

PY3 = True
THEANO_FLAGS = os.environ.get("THEANO_FLAGS", "")
THEANO_FLAGS_DICT = dict(_parse_flags(THEANO_FLAGS))
theano_cfg = _configparser.ConfigParser()
theano_raw_cfg = _configparser.RawConfigParser()


class TheanoConfigWarning(Warning):
    """A warning about Theano's configuration."""

    @classmethod
    def warn(cls, message, stacklevel=0):
        warnings.warn(message, cls, stacklevel=stacklevel + 3)


class change_flags:
    """Set config flags for a block (`with change_flags(floatX='float32'):`) or a function (decorator);
    the old values come back afterwards. Dotted flags go in a dict: change_flags({'warn.round': False})."""

    def __init__(self, args=(), **kwargs):
        values = dict(args)
        values.update(kwargs)
        for key in values:
            found = [key] if _has_flag(key) else []
            assert len(found) == 1, found  # Theano: AssertionError, its message the (empty) list of matches
        self.new_vals = values

    def __call__(self, f):
        @functools.wraps(f)
        def res(*args, **kwargs):
            with self:
                return f(*args, **kwargs)
        return res

    def __enter__(self):
        self.old_vals = {k: config._get(k) for k in self.new_vals}
        try:
            for key, value in self.new_vals.items():
                config._set(key, value)
        except Exception:
            self.__exit__()
            raise
        return self

    def __exit__(self, *args):
        for key, value in self.old_vals.items():
            config._values[key] = value


def _has_flag(key):
    return key in config._values


class ConfigParam:
    """A flag's default and its filter (called on every value set from a string or code)."""

    def __init__(self, default, filter=None, allow_override=True):
        self.default, self.filter, self.allow_override = default, filter, allow_override
        self.fullname = None


class EnumStr(ConfigParam):
    """A string flag with a fixed set of values (the default first)."""

    def __init__(self, default, *options, **kwargs):
        self.all = (default,) + options

        def filter(val):
            if val in self.all:
                return val
            raise ValueError('Invalid value ("%s") for configuration variable "%s". Valid options are %s'
                             % (val, self.fullname, self.all))
        super().__init__(default, filter, kwargs.get("allow_override", True))


class TypedParam(ConfigParam):
    """A flag of one Python type (values from strings are converted to it)."""

    def __init__(self, default, mytype, is_valid=None, allow_override=True):
        self.mytype = mytype

        def filter(val):
            cast_val = mytype(val)
            if callable(is_valid) and not is_valid(cast_val):
                raise ValueError("Invalid value (%s) for configuration variable '%s'." % (val, self.fullname), val)
            return cast_val
        super().__init__(default, filter, allow_override)


def StrParam(default, is_valid=None, allow_override=True):
    return TypedParam(default, str, is_valid, allow_override)


def IntParam(default, is_valid=None, allow_override=True):
    return TypedParam(default, int, is_valid, allow_override)


def FloatParam(default, is_valid=None, allow_override=True):
    return TypedParam(default, float, is_valid, allow_override)


def BoolParam(default, is_valid=None, allow_override=True):
    def booltype(s):
        return s.lower() in ("true", "1") if isinstance(s, str) else bool(s)
    return TypedParam(default, booltype, is_valid, allow_override)


def fetch_val_for_key(key, delete_key=False):
    """The value THEANO_FLAGS or .theanorc gives `key` (THEANO_FLAGS wins); KeyError when neither does."""
    if key in THEANO_FLAGS_DICT:
        return THEANO_FLAGS_DICT.pop(key) if delete_key else THEANO_FLAGS_DICT[key]
    for rc_key, value in _theanorc_pairs():
        if rc_key == key:
            return value
    raise KeyError(key)


def AddConfigVar(name, doc, configparam, root=config, in_c_key=True):
    """Declare a new flag `name` (dotted for a section), with its default, read from THEANO_FLAGS too."""
    if name in config._values:
        raise AttributeError("This name is already taken", name)
    configparam.fullname, configparam.doc, configparam.in_c_key = name, doc, in_c_key
    try:
        value = configparam.filter(fetch_val_for_key(name)) if configparam.filter else fetch_val_for_key(name)
    except KeyError:
        value = configparam.default() if callable(configparam.default) else configparam.default
    config._values[name] = value


def parse_config_string(config_string, issue_warnings=True):
    """THEANO_FLAGS-style 'a=1,b=2' as a dict."""
    return dict(_parse_flags(config_string))


def config_files_from_theanorc():
    """The .theanorc files THEANORC names (default ~/.theanorc and ~/.theanorc.txt)."""
    paths = os.environ.get("THEANORC", "~/.theanorc:~/.theanorc.txt").split(os.pathsep)
    return [os.path.expanduser(p) for p in paths]


config_files = config_files_from_theanorc()


def get_config_hash():
    """A hash of the flag values (Theano keys its compiled modules with it)."""
    items = sorted((k, str(v)) for k, v in config._values.items())
    return hashlib.md5(repr(items).encode()).hexdigest()


__all__ = ["change_flags", "AddConfigVar", "TheanoConfigParser", "config"]
