"""theano.configdefaults: where Theano defined its flags. The flags themselves live in theano.config
(theano_compat/config.py); this module keeps the helper functions code and tests call from it."""
import os
import struct

from .config import _compiledir_name, _short_platform, config


def floatX_convert(s):  # noqa: N802 - Theano's name
    """'32' -> 'float32', as Theano's floatX flag accepts it."""
    return {"32": "float32", "64": "float64", "16": "float16"}.get(s, s)


def local_bitwidth():
    """32 or 64: the size of a memory pointer."""
    return struct.calcsize("P") * 8


def python_int_bitwidth():
    """The bit width of a C long int (Python's int in Theano's time): 64 on Linux x86_64."""
    return struct.calcsize("l") * 8


short_platform = _short_platform


def get_home_dir():
    home = os.getenv("HOME")
    return os.path.expanduser("~") if home is None else home


def default_compiledirname():
    return _compiledir_name(config.compiledir_format)


def default_compiledir():
    return os.path.join(config.base_compiledir, default_compiledirname())


def filter_base_compiledir(path):
    return os.path.expanduser(str(path))


filter_compiledir = filter_base_compiledir
