"""theano.scan_module.scan_views: map, reduce, foldl, foldr (scan with fewer arguments), scan_checkpoints."""
from .scan import scan

__all__ = ["map", "reduce", "foldl", "foldr", "scan_checkpoints"]


def map(fn, sequences, non_sequences=None, truncate_gradient=-1, go_backwards=False, mode=None, name=None):
    """theano.map: fn applied to each element of the sequences."""
    return scan(fn=fn, sequences=sequences, outputs_info=[], non_sequences=non_sequences,
                truncate_gradient=truncate_gradient, go_backwards=go_backwards, mode=mode, name=name)


def reduce(fn, sequences, outputs_info, non_sequences=None, go_backwards=False, mode=None, name=None):
    """theano.reduce: the last step of a scan."""
    rval = scan(fn=fn, sequences=sequences, outputs_info=outputs_info, non_sequences=non_sequences,
                go_backwards=go_backwards, truncate_gradient=-1, mode=mode, name=name)
    if isinstance(rval[0], (list, tuple)):
        return [x[-1] for x in rval[0]], rval[1]
    return rval[0][-1], rval[1]


def foldl(fn, sequences, outputs_info, non_sequences=None, mode=None, name=None):
    """theano.foldl: reduce from the first element."""
    return reduce(fn=fn, sequences=sequences, outputs_info=outputs_info, non_sequences=non_sequences,
                  go_backwards=False, mode=mode, name=name)


def foldr(fn, sequences, outputs_info, non_sequences=None, mode=None, name=None):
    """theano.foldr: reduce from the last element."""
    return reduce(fn=fn, sequences=sequences, outputs_info=outputs_info, non_sequences=non_sequences,
                  go_backwards=True, mode=mode, name=name)


def scan_checkpoints(fn, sequences=[], outputs_info=None, non_sequences=[], name="checkpointscan_fn",
                     n_steps=None, save_every_N=10, padding=True):
    """theano.scan_checkpoints: the outputs every save_every_N steps (and at the last step).

    Theano runs it as a scan of scans to save memory; here it is one scan whose outputs are sampled at the
    same steps (same values); XLA keeps what the gradient needs.
    """
    from ..tensor import arange, concatenate
    from ..ops.basic import cast
    seqs = sequences if isinstance(sequences, list) else [sequences]
    infos = outputs_info if isinstance(outputs_info, list) else [outputs_info]
    for element in infos:
        if isinstance(element, dict) and "taps" in element:
            raise RuntimeError("scan_checkpoints doesn't work with taps.")
    results, updates = scan(fn, sequences=seqs, outputs_info=infos, non_sequences=non_sequences,
                            n_steps=n_steps, name=name)
    many = isinstance(results, list)
    n = (results[0] if many else results).shape[0]
    steps = arange(save_every_N - 1, n, save_every_N)
    # Theano's last chunk is shorter when save_every_N does not divide n: it ends at the last step
    idx = cast(concatenate([steps, (n - 1).dimshuffle("x")]), "int64")
    idx = idx[:cast((n + save_every_N - 1) // save_every_N, "int64")]
    picked = [r[idx] for r in (results if many else [results])]
    return (picked if many else picked[0]), updates
