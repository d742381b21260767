"""Record what Theano 1.0.5 answers for the smaller pieces of its surface: signal.conv, the nnet helpers
(sparse_block_dot, h_softmax, confusion_matrix, prepend_*, conv2d_transpose, max_pool_2d_same_size),
the gof.graph walkers (orders by variable name), graph comparison, pkl_utils' file layout, config flags,
change_flags, and Theano's numeric helpers.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_surface_values.py > tests/golden/surface_values.json

tests/test_surface_values.py imports this same file with `theano` resolved to theano_compat and compares.
"""
import contextlib
import io
import json
import sys
import zipfile

import numpy as np
import theano
import theano.tensor as T


def arr(shape, seed, dtype="float64"):
    return np.sin(np.arange(np.prod(shape)) * 0.37 + seed).reshape(shape).astype(dtype)


def outcome(fn):
    try:
        out = fn()
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}
    if isinstance(out, np.ndarray) or isinstance(out, np.generic):
        return {"dtype": str(out.dtype), "shape": list(np.shape(out)), "value": np.asarray(out).ravel().tolist()}
    return {"value": out}


def run(inputs, outputs, *values):
    return theano.function(inputs, outputs)(*values)


def names(variables):
    return [v.name for v in variables]


def nnet_cases():
    from theano.tensor.nnet import blocksparse, nnet
    from theano.tensor.signal import conv as sconv, pool
    m, w, m3, w3 = T.dmatrix("m"), T.dmatrix("w"), T.dtensor3("m3"), T.dtensor3("w3")
    mv, wv, m3v, w3v = arr((5, 6), 1), arr((2, 3), 2), arr((2, 5, 6), 3), arr((3, 2, 3), 4)
    out = {
        "sconv_2d_2d": outcome(lambda: run([m, w], sconv.conv2d(m, w), mv, wv)),
        "sconv_3d_2d_full": outcome(lambda: run([m3, w], sconv.conv2d(m3, w, border_mode="full"), m3v, wv)),
        "sconv_2d_3d": outcome(lambda: run([m, w3], sconv.conv2d(m, w3, subsample=(2, 1)), mv, w3v)),
        "sconv_3d_3d": outcome(lambda: run([m3, w3], sconv.conv2d(m3, w3), m3v, w3v)),
        "sconv_grad": outcome(lambda: run([m3, w3], T.grad((sconv.conv2d(m3, w3) ** 2).sum(), w3), m3v, w3v)),
    }
    x4 = T.tensor4("x4")
    out["pool_same_size"] = outcome(lambda: run([x4], pool.max_pool_2d_same_size(x4, (2, 2)),
                                                np.round(arr((1, 2, 4, 5), 5), 1)))
    W, h, b = T.tensor4("W"), T.tensor3("h"), T.dmatrix("b")
    ii, oi = T.lmatrix("ii"), T.lmatrix("oi")
    Wv, hv, bv = arr((3, 4, 2, 5), 6), arr((2, 2, 2), 7), arr((4, 5), 8)
    iiv, oiv = np.array([[0, 2], [1, 1]]), np.array([[3, 0, 1], [2, 2, 0]])
    sbd = blocksparse.sparse_block_dot(W, h, ii, b, oi)
    out["sparse_block_dot"] = outcome(lambda: run([W, h, ii, b, oi], sbd, Wv, hv, iiv, bv, oiv))
    out["sparse_block_dot_grad"] = outcome(lambda: run([W, h, ii, b, oi], T.grad((sbd ** 2).sum(), [W, h])[0],
                                                       Wv, hv, iiv, bv, oiv))
    x = T.dmatrix("x")
    W1, b1, W2, b2 = T.dmatrix("W1"), T.dvector("b1"), T.dtensor3("W2"), T.dmatrix("b2")
    hs = [arr((4, 3), 9), arr((3, 2), 10), arr((2,), 11), arr((2, 3, 3), 12), arr((2, 3), 13)]
    out["h_softmax_all"] = outcome(lambda: run([x, W1, b1, W2, b2], nnet.h_softmax(x, 4, 5, 2, 3, W1, b1, W2, b2),
                                               *hs))
    y = T.lvector("y")
    out["h_softmax_target"] = outcome(lambda: run([x, W1, b1, W2, b2, y], nnet.h_softmax(
        x, 4, 5, 2, 3, W1, b1, W2, b2, target=y), *(hs + [np.array([0, 4, 2, 3])])))
    a, p = T.lvector("a"), T.lvector("p")
    cm = nnet.confusion_matrix(a, p)
    out["confusion"] = outcome(lambda: [v.tolist() for v in run([a, p], cm, np.array([0, 1, 1, 3]),
                                                                    np.array([1, 1, 0, 3]))])
    # one function each: Theano's merge pass takes prepend_0 and prepend_1 for the same op (a Theano bug)
    out["prepend"] = outcome(lambda: [run([m], op(m), arr((2, 3), 14)).tolist() for op in (
        nnet.prepend_0_to_each_row, nnet.prepend_1_to_each_row, lambda v: nnet.prepend_scalar_to_each_row(2.5, v))])
    k = T.tensor4("k")
    out["conv2d_transpose"] = outcome(lambda: run([x4, k], T.nnet.conv2d_transpose(x4, k, (1, 2, 5, 6)),
                                                  arr((1, 3, 4, 4), 15), arr((3, 2, 2, 3), 16)))
    return out


def graph_cases():
    from theano.gof import graph
    from theano.scan_module.scan_utils import equal_computations
    x, y, z = T.dscalar("x"), T.dscalar("y"), T.dscalar("z")
    e = (x * y + z) * (y - x) + T.exp(z)
    f = (x * y + z) * (y - x) + T.exp(z)
    out = {
        "inputs": outcome(lambda: names(graph.inputs([e]))),
        "inputs_blockers": outcome(lambda: names(graph.inputs([e], blockers=[x * y]))),
        "ancestors_named": outcome(lambda: [v.name for v in graph.ancestors([e]) if v.name]),
        "io_toposort_len": outcome(lambda: len(graph.io_toposort([x, y, z], [e]))),
        "variables_len": outcome(lambda: len(graph.variables([x, y, z], [e]))),
        "orphans": outcome(lambda: names(graph.orphans([x, y], [e]))),
        "ops_len": outcome(lambda: len(graph.ops([x, y, z], [e]))),
        "is_in_ancestors": outcome(lambda: [graph.is_in_ancestors(e.owner, (x * y).owner),
                                            graph.is_in_ancestors(e.owner, e.owner.inputs[0].owner)]),
        "connection": outcome(lambda: graph.io_connection_pattern([x, y, z], [x * y, T.exp(z), e])),
        "same": outcome(lambda: [graph.is_same_graph(e, f), graph.is_same_graph(x * y, y * x),
                                 graph.is_same_graph(x + 1, y + 1, givens={x: y}),
                                 graph.is_same_graph(x + 1, x + 2)]),
        "equal_computations": outcome(lambda: [equal_computations([e], [f]), equal_computations([x * y], [x * z]),
                                               equal_computations([x * y], [x * z], [y], [z])]),
    }
    cloned_in, cloned_out = graph.clone([x, y, z], [e])
    out["clone"] = outcome(lambda: [cloned_in[0] is x, cloned_out[0] is e, names(cloned_in),
                                    float(run(cloned_in, cloned_out[0], 1.0, 2.0, 3.0))])
    return out


def pkl_cases():
    from theano.misc import pkl_utils
    foo_1 = theano.shared(np.arange(3.0), name="foo")
    foo_2 = theano.shared(np.float64(1.5), name="foo")
    bar = theano.shared(np.ones((2, 2)), name="bar")
    buf = io.BytesIO()
    pkl_utils.dump((foo_1, foo_2, bar, np.array([7, 8])), buf)
    names_in_zip = sorted(zipfile.ZipFile(io.BytesIO(buf.getvalue())).namelist())
    loaded = pkl_utils.load(io.BytesIO(buf.getvalue()))
    npz = np.load(io.BytesIO(buf.getvalue()))
    return {"zip_names": outcome(lambda: names_in_zip),
            "npz_foo": outcome(lambda: npz["foo"].tolist()), "npz_foo_2": outcome(lambda: float(npz["foo_2"])),
            "loaded": outcome(lambda: [type(loaded[0]).__name__, loaded[0].name, loaded[0].get_value().tolist(),
                                       float(loaded[1].get_value()), loaded[2].get_value().tolist(),
                                       loaded[3].tolist()])}


def config_cases():
    from theano import config
    out = {"flags": outcome(lambda: [str(config.unittests.rseed), config.compute_test_value,
                                     config.exception_verbosity, config.optimizer, config.on_opt_error,
                                     config.cast_policy, config.int_division, config.DebugMode.patience,
                                     config.NanGuardMode.action, config.scan.allow_gc, config.warn.round,
                                     config.tensor.cmp_sloppy, config.traceback.limit])}

    @theano.change_flags(compute_test_value="raise")
    def inner():
        return config.compute_test_value
    with theano.change_flags(floatX="float32", exception_verbosity="high"):
        inside = [config.floatX, config.exception_verbosity, T.dscalar().dtype, T.scalar().dtype]
    out["change_flags"] = outcome(lambda: inside + [config.floatX, inner(), config.compute_test_value])
    out["change_flags_unknown"] = outcome(lambda: theano.change_flags(not_a_flag=1))
    return out


def helper_cases():
    from theano.compat import cmp, exc_message
    from theano.compile.function_module import get_info_on_inputs
    from theano.misc.frozendict import frozendict
    from theano.misc.ordered_set import OrderedSet
    from theano.tensor.basic import _allclose
    from theano.tensor.type import values_eq_approx
    s = OrderedSet([3, 1, 2])
    s.add(1)
    s.add(0)
    s.discard(3)
    return {
        "ordered_set": outcome(lambda: [list(s), 1 in s, len(s), list(s.union([5, 0]))]),
        "frozendict": outcome(lambda: [hash(frozendict(a=1)) == hash(frozendict(a=1)), dict(frozendict(b=2, a=1))]),
        "allclose": outcome(lambda: [bool(_allclose(np.float32(1), np.float32(1 + 1e-6))),
                                     bool(_allclose(np.float64(1), np.float64(1 + 1e-6)))]),
        "values_eq_approx": outcome(lambda: [bool(values_eq_approx(np.array([1.0, np.nan]), np.array([1.0, np.nan]))),
                                             bool(values_eq_approx(np.array([1.0, 2.0]), np.array([1.0, 2.1]))),
                                             bool(values_eq_approx(np.array([1, 2]), np.array([1, 2])))]),
        "asarray": outcome(lambda: str(theano._asarray([1, 2], dtype="int32").dtype)),
        "compat": outcome(lambda: [cmp(1, 2), cmp(2, 2), exc_message(ValueError("m", 2))]),
        "info_on_inputs": outcome(lambda: [get_info_on_inputs(["a", "b"], 1), get_info_on_inputs([], 2)]),
    }


def record():
    return {"theano_version": theano.__version__, "nnet": nnet_cases(), "graph": graph_cases(),
            "pkl": pkl_cases(), "config": config_cases(), "helpers": helper_cases()}


if __name__ == "__main__":
    with contextlib.redirect_stdout(sys.stderr):
        rec = record()
    json.dump(rec, sys.stdout, indent=1)
    sys.stdout.write("\n")
