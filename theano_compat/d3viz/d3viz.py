"""theano.d3viz.d3viz: d3viz/d3write build pydot graphs in Theano; not available here (see formatting)."""
import json

from ..stand_ins import declare_unsupported
from .formatting import PyDotFormatter  # noqa: F401

declare_unsupported(globals(), "d3viz draws with pydot, which theano_compat does not use (theano.printing."
                    "pydotprint draws with graphviz)", functions="d3viz d3write")


def replace_patterns(x, replace):
    """x with each key of `replace` replaced by its value."""
    for from_, to in replace.items():
        x = x.replace(str(from_), str(to))
    return x


def safe_json(obj):
    """obj as JSON that is safe to embed in HTML (no </, <!--)."""
    return json.dumps(obj).replace("<", "\\u003c")
