"""theano.tensor.io: graph ops that read files and exchange data over MPI while the function runs.
load reads its file on the host each call (ops/io.py); MPI has no counterpart in a jitted XLA step, so its ops
resolve and raise when used."""
from ..graph.types import Generic  # noqa: F401
from ..graph.nodes import Constant  # noqa: F401
from ..ops.io import LoadFromDisk, load  # noqa: F401
from ..stand_ins import declare_unsupported
from .basic import tensor  # noqa: F401

mpi_enabled = False


def key_to_cmp(key):
    """A comparison function (-1, 0, 1) from a key function (gof.sched's helper)."""
    def key_cmp(a, b):
        return (key(a) > key(b)) - (key(a) < key(b))
    return key_cmp

declare_unsupported(globals(), "MPI send/receive inside the graph has no XLA counterpart (MPI is not "
                    "available to the compiled step)", classes="MPIRecv MPIRecvWait MPISend MPISendWait", functions="""
    send recv isend irecv mpi_send_wait_key mpi_tag_key mpi_send_wait_cmp mpi_tag_cmp""")
mpi_keys = (mpi_send_wait_key, mpi_tag_key)  # noqa: F821  (bound just above)
mpi_cmps = (mpi_send_wait_cmp, mpi_tag_cmp)  # noqa: F821

from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
