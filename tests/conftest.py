"""Test-suite set-up: compiled steps are cached in a temporary compiledir, never under the user's home."""
import atexit
import os
import shutil
import tempfile

if "compiledir" not in os.environ.get("THEANO_FLAGS", ""):
    _COMPILEDIR = tempfile.mkdtemp(prefix="theano-compat-tests-")
    os.environ["THEANO_FLAGS"] = ",".join(filter(None, [os.environ.get("THEANO_FLAGS"),
                                                        f"base_compiledir={_COMPILEDIR}"]))
    atexit.register(shutil.rmtree, _COMPILEDIR, ignore_errors=True)
