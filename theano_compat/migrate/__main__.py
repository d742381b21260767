"""`python -m theano_compat.migrate migrate|check ...`, for use before the console script exists."""
import sys

from . import main

sys.exit(main(sys.argv[1:]))
