"""theano.tensor.io: graph ops that read files and exchange data over MPI while the function runs.
One jitted XLA step does no file or MPI I/O, so these resolve and raise when used."""
from ..graph.types import Generic  # noqa: F401
from ..graph.nodes import Constant  # noqa: F401
from ..stand_ins import declare_unsupported
from .basic import tensor  # noqa: F401

mpi_enabled = False


def key_to_cmp(key):
    """A comparison function (-1, 0, 1) from a key function (gof.sched's helper)."""
    def key_cmp(a, b):
        return (key(a) > key(b)) - (key(a) < key(b))
    return key_cmp

declare_unsupported(globals(), "it reads a file while the step runs; load the array with numpy.load and "
                    "pass it as an input or a shared variable", functions="load")
declare_unsupported(globals(), "it reads a file while the step runs; load the array with numpy.load and "
                    "pass it as an input or a shared variable", classes="LoadFromDisk")
declare_unsupported(globals(), "MPI send/receive inside the graph has no XLA counterpart (MPI is not "
                    "available to the compiled step)", classes="MPIRecv MPIRecvWait MPISend MPISendWait", functions="""
    send recv isend irecv mpi_send_wait_key mpi_tag_key mpi_send_wait_cmp mpi_tag_cmp""")
mpi_keys = (mpi_send_wait_key, mpi_tag_key)  # noqa: F821  (bound just above)
mpi_cmps = (mpi_send_wait_cmp, mpi_tag_cmp)  # noqa: F821

from ..graph.ops import Op  # noqa: E402,F401  (Theano's module imports it)
