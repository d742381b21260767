"""theano.compile.monitormode: MonitorMode calls user functions before and after every op of the graph;
one fused XLA step has no per-op boundary to call them at."""
import numpy as np

from ..stand_ins import declare_unsupported
from .mode import Mode  # noqa: F401

declare_unsupported(globals(), "it calls Python around every op; one fused XLA step has no per-op boundary "
                    "(print intermediate values with theano.printing.Print)", classes="MonitorMode")


def detect_nan(i, node, fn):
    """Theano's example post_func: print the node whose outputs hold a NaN."""
    for output in fn.outputs:
        if not isinstance(output[0], np.random.RandomState) and np.isnan(output[0]).any():
            print("*** NaN detected ***")
            print("Inputs : %s" % [input[0] for input in fn.inputs])
            print("Outputs: %s" % [output[0] for output in fn.outputs])
            break
