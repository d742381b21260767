"""theano.version: the version strings of the Theano release theano_compat implements."""
FALLBACK_VERSION = "1.0.5+unknown"
full_version = short_version = version = "1.0.5"
git_revision = "unknown"  # the shim is not a Theano checkout
release = True
