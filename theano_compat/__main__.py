"""python -m theano_compat run SCRIPT [ARGS...]"""
from .cli import entry

entry()
