"""Record Theano 1.0.5's op classes of extra_ops, nlinalg, slinalg, sort, fft, sandbox.linalg and
sandbox.multinomial: for a table of expressions, the class of the op making the output, its str and props,
the classes it is an instance of, and the value the compiled function returns; and ops built from their
class constructors and called on variables.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_extra_opclasses.py > tests/golden/extra_opclasses.json

tests/test_extra_opclasses.py imports this same file with `theano` resolved to theano_compat and compares.
"""
import contextlib
import json
import sys

import numpy as np
import theano
import theano.tensor as T
import theano.sandbox.linalg.ops
import theano.sandbox.multinomial
import theano.tensor.extra_ops
import theano.tensor.fft
import theano.tensor.fourier
import theano.tensor.io
import theano.tensor.nlinalg
import theano.tensor.slinalg
import theano.tensor.sort

# by sys.modules: theano.tensor.sort is also the name of the function sort
MU, SL = sys.modules["theano.sandbox.multinomial"], sys.modules["theano.sandbox.linalg.ops"]
E, F, NL = sys.modules["theano.tensor.extra_ops"], sys.modules["theano.tensor.fft"], sys.modules["theano.tensor.nlinalg"]
S, SO = sys.modules["theano.tensor.slinalg"], sys.modules["theano.tensor.sort"]

CLASSES = {
    "CpuContiguous": E.CpuContiguous, "SearchsortedOp": E.SearchsortedOp, "CumOp": E.CumOp,
    "DiffOp": E.DiffOp, "RepeatOp": E.RepeatOp, "Bartlett": E.Bartlett, "FillDiagonal": E.FillDiagonal,
    "FillDiagonalOffset": E.FillDiagonalOffset, "UnravelIndex": E.UnravelIndex,
    "RavelMultiIndex": E.RavelMultiIndex, "Unique": E.Unique, "MatrixPinv": NL.MatrixPinv, "MatrixInverse": NL.MatrixInverse,
    "Det": NL.Det, "Eig": NL.Eig, "Eigh": NL.Eigh, "QRFull": NL.QRFull, "QRIncomplete": NL.QRIncomplete,
    "SVD": NL.SVD, "TensorInv": NL.TensorInv, "TensorSolve": NL.TensorSolve, "Cholesky": S.Cholesky,
    "Solve": S.Solve, "Eigvalsh": S.Eigvalsh, "Expm": S.Expm, "SortOp": SO.SortOp, "ArgSortOp": SO.ArgSortOp,
    "RFFTOp": F.RFFTOp, "IRFFTOp": F.IRFFTOp, "MultinomialFromUniform": MU.MultinomialFromUniform,
    "ChoiceFromUniform": MU.ChoiceFromUniform, "Hint": SL.Hint,
}


def arr(shape, seed, dtype="float64"):
    return np.sin(np.arange(int(np.prod(shape))) * 0.37 + seed).reshape(shape).astype(dtype)


def spd(n, seed):
    a = arr((n, n), seed)
    return a.dot(a.T) + n * np.eye(n)


def jsonable(v):
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in sorted(v.items())}
    if isinstance(v, (bool, int, float, str)) or v is None:
        return v
    if isinstance(v, np.generic):
        return v.item()
    return str(v)


def values(out):
    outs = out if isinstance(out, list) else [out]
    return [{"dtype": str(o.dtype), "shape": list(o.shape), "value": np.asarray(o, dtype="float64").ravel().tolist()}
            for o in outs]


def find(outputs, cls_name):
    """The first node (from the outputs up) whose op is of Theano's class `cls_name` (by name)."""
    seen, todo = set(), list(outputs)
    while todo:
        v = todo.pop(0)
        if v.owner is None or id(v) in seen:
            continue
        seen.add(id(v))
        if type(v.owner.op).__name__ == cls_name:
            return v.owner
        todo.extend(v.owner.inputs)
    return None


def describe(op):
    return {"class": type(op).__name__, "str": str(op),
            "props": jsonable(op._props_dict()) if hasattr(op, "_props_dict") else None,
            "isinstance": sorted(n for n, c in CLASSES.items() if isinstance(op, c))}


def outcome(build, cls_name, vals):
    try:
        inputs, outputs = build()
        outputs = outputs if isinstance(outputs, list) else [outputs]
        node = find(outputs, cls_name)
        rec = describe(node.op) if node is not None else {"class": None}
        if node is not None:  # debugprint's line for the node's first output
            rec["debugprint"] = theano.printing.debugprint(node.outputs[0], file="str").splitlines()[0].rstrip()
        rec["outputs"] = values(theano.function(inputs, outputs)(*vals))
        return rec
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}


x, m, m2, v, w = T.dmatrix("x"), T.dmatrix("m"), T.dmatrix("m2"), T.dvector("v"), T.dvector("w")
iv, lv, li, sc = T.ivector("iv"), T.lvector("lv"), T.lscalar("li"), T.dscalar("sc")
xv, mv, m2v, vv = arr((3, 4), 1), spd(3, 2), arr((3, 2), 3), np.array([1., 2., 2., 5., 7.])
wv = np.array([0.5, 2., 6., 9.])


def case(cls_name, build, *vals):
    return lambda: outcome(build, cls_name, vals)


CASES = {
    # extra_ops, through the functions
    "cumsum": case("CumOp", lambda: ([x], E.cumsum(x)), xv),
    "cumsum_axis0": case("CumOp", lambda: ([x], E.cumsum(x, axis=0)), xv),
    "cumprod_axis1": case("CumOp", lambda: ([x], E.cumprod(x, axis=1)), xv),
    "diff": case("DiffOp", lambda: ([x], E.diff(x)), xv),
    "diff_n2_axis0": case("DiffOp", lambda: ([x], E.diff(x, n=2, axis=0)), arr((4, 2), 4)),
    "repeat_vector": case("RepeatOp", lambda: ([v, lv], E.repeat(v, lv)), vv, np.array([1, 0, 2, 1, 3])),
    "repeat_scalar": case("RepeatOp", lambda: ([x], E.repeat(x, 2, axis=1)), xv),
    "searchsorted": case("SearchsortedOp", lambda: ([v, w], E.searchsorted(v, w)), vv, wv),
    "searchsorted_right": case("SearchsortedOp", lambda: ([v, w], E.searchsorted(v, w, side="right")), vv,
                               np.array([2., 5., 0.])),
    "bartlett": case("Bartlett", lambda: ([li], E.bartlett(li)), 5),
    "fill_diagonal": case("FillDiagonal", lambda: ([x, sc], E.fill_diagonal(x, sc)), xv, 7.),
    "fill_diagonal_offset": case("FillDiagonalOffset", lambda: ([x, sc, li], E.fill_diagonal_offset(x, sc, li)),
                                 xv, 7., -1),
    "ravel_multi_index": case("RavelMultiIndex", lambda: ([lv], E.ravel_multi_index((lv, lv), (4, 5))),
                              np.array([0, 1, 3])),
    "unravel_index": case("UnravelIndex", lambda: ([lv], list(E.unravel_index(lv, (4, 5)))), np.array([0, 7, 19])),
    "cpu_contiguous": case("CpuContiguous", lambda: ([x], E.cpu_contiguous(x)), xv),
    # extra_ops, ops built from their class and called on variables
    "CumOp_mul_axis0": case("CumOp", lambda: ([x], E.CumOp(axis=0, mode="mul")(x)), xv),
    "CumOp_default": case("CumOp", lambda: ([x], E.CumOp()(x)), xv),
    "DiffOp_ctor": case("DiffOp", lambda: ([x], E.DiffOp(n=1, axis=0)(x)), xv),
    "RepeatOp_ctor": case("RepeatOp", lambda: ([v, lv], E.RepeatOp(axis=0)(v, lv)), vv, np.array([2, 0, 1, 1, 0])),
    "SearchsortedOp_ctor": case("SearchsortedOp", lambda: ([v, w], E.SearchsortedOp("right")(v, w)), vv, wv),
    "Bartlett_ctor": case("Bartlett", lambda: ([li], E.Bartlett()(li)), 4),
    "FillDiagonal_ctor": case("FillDiagonal", lambda: ([x, sc], E.FillDiagonal()(x, sc)), xv, 2.),
    "FillDiagonalOffset_ctor": case("FillDiagonalOffset",
                                    lambda: ([x, sc, li], E.FillDiagonalOffset()(x, sc, li)), xv, 2., 1),
    "CpuContiguous_ctor": case("CpuContiguous", lambda: ([x], E.CpuContiguous()(x)), xv),
    "RavelMultiIndex_ctor": case("RavelMultiIndex", lambda: ([lv], E.RavelMultiIndex("clip")(lv, lv, [3, 4])),
                                 np.array([0, 5, 2])),
    "UnravelIndex_ctor": case("UnravelIndex", lambda: ([lv], E.UnravelIndex(2)(lv, [4, 5])), np.array([3, 18])),
    "Unique_axis0": case("Unique", lambda: ([x], E.Unique(True, True, True, axis=0)(x)),
                         np.array([[1., 2, 1], [0, 0, 5], [1, 2, 1]])),
    "Unique_axis1": case("Unique", lambda: ([x], E.Unique(False, True, axis=1)(x)),
                         np.array([[1., 2, 1], [0, 0, 0]])),
    "Unique_flat": case("Unique", lambda: ([x], E.Unique(True, True, True)(x)), np.array([[3., 1], [1, 2]])),
    # nlinalg
    "det": case("Det", lambda: ([m], NL.det(m)), mv),
    "matrix_inverse": case("MatrixInverse", lambda: ([m], NL.matrix_inverse(m)), mv),
    "pinv": case("MatrixPinv", lambda: ([x], NL.pinv(x)), xv),
    "eigh": case("Eigh", lambda: ([m], NL.eigh(m)[0]), mv),
    "eigh_U": case("Eigh", lambda: ([m], NL.eigh(m, "U")[0]), mv),
    "eig_values": case("Eig", lambda: ([m], NL.eig(m)[0]), mv),
    "qr_reduced": case("QRFull", lambda: ([x], NL.qr(x)[1]), xv),
    "qr_r": case("QRIncomplete", lambda: ([x], NL.qr(x, mode="r")), xv),
    "svd": case("SVD", lambda: ([x], NL.svd(x, compute_uv=False)), xv),
    "svd_full": case("SVD", lambda: ([x], NL.svd(x)[1]), xv),
    "tensorinv": case("TensorInv", lambda: ([m], NL.tensorinv(m, ind=1)), mv),
    "tensorsolve": case("TensorSolve", lambda: ([m, v], NL.tensorsolve(m, v)), mv, vv[:3]),
    "Det_ctor": case("Det", lambda: ([m], NL.Det()(m)), mv),
    "MatrixInverse_ctor": case("MatrixInverse", lambda: ([m], NL.MatrixInverse()(m)), mv),
    "MatrixPinv_ctor": case("MatrixPinv", lambda: ([x], NL.MatrixPinv()(x)), xv),
    "Eigh_ctor": case("Eigh", lambda: ([m], NL.Eigh("U")(m)[0]), mv),
    "SVD_ctor": case("SVD", lambda: ([x], NL.SVD(full_matrices=False, compute_uv=False)(x)), xv),
    "QRIncomplete_ctor": case("QRIncomplete", lambda: ([x], NL.QRIncomplete("r")(x)), xv),
    "QRFull_ctor": case("QRFull", lambda: ([x], NL.QRFull("complete")(x)[0]), xv),
    "TensorInv_ctor": case("TensorInv", lambda: ([m], NL.TensorInv(ind=1)(m)), mv),
    # slinalg
    "cholesky": case("Cholesky", lambda: ([m], S.cholesky(m)), mv),
    "Cholesky_upper": case("Cholesky", lambda: ([m], S.Cholesky(lower=False)(m)), mv),
    "solve": case("Solve", lambda: ([m, m2], S.solve(m, m2)), mv, m2v),
    "solve_lower": case("Solve", lambda: ([m, v], S.solve_lower_triangular(m, v)), mv, vv[:3]),
    "Solve_ctor": case("Solve", lambda: ([m, v], S.Solve("upper_triangular", lower=False)(m, v)), mv, vv[:3]),
    "eigvalsh": case("Eigvalsh", lambda: ([m, x], S.eigvalsh(m, x)), mv, np.eye(3) * 2),
    "Eigvalsh_ctor": case("Eigvalsh", lambda: ([m, x], S.Eigvalsh(lower=False)(m, x)), mv, np.eye(3) * 2),
    "CholeskyGrad_ctor": case("CholeskyGrad", lambda: ([m, x], S.CholeskyGrad()(m, S.cholesky(m), x)),
                              mv, arr((3, 3), 5)),
    "CholeskyGrad_upper": case("CholeskyGrad", lambda: (
        [m, x], S.CholeskyGrad(lower=False)(m, S.Cholesky(lower=False)(m), x)), mv, arr((3, 3), 6)),
    "expm": case("Expm", lambda: ([m], S.expm(m)), mv / 10),
    "Expm_ctor": case("Expm", lambda: ([m], S.Expm()(m)), mv / 10),
    # sort
    "sort": case("SortOp", lambda: ([x], SO.sort(x)), xv),
    "sort_none": case("SortOp", lambda: ([x], SO.sort(x, axis=None)), xv),
    "sort_axis0_mergesort": case("SortOp", lambda: ([x], SO.sort(x, 0, kind="mergesort")), xv),
    "argsort": case("ArgSortOp", lambda: ([x], SO.argsort(x)), xv),
    "SortOp_ctor": case("SortOp", lambda: ([x], SO.SortOp("quicksort")(x, 0)), xv),
    "ArgSortOp_ctor": case("ArgSortOp", lambda: ([x], SO.ArgSortOp("mergesort")(x, 1)), xv),
    # fft
    "rfft": case("RFFTOp", lambda: ([x], F.rfft(x)), xv),
    "irfft": case("IRFFTOp", lambda: ([x], F.irfft(F.rfft(x))), xv),
    "RFFTOp_ctor": case("RFFTOp", lambda: ([x], F.RFFTOp()(x, x.shape[1:])), xv),
    # sandbox.multinomial
    "MultinomialFromUniform_ctor": case("MultinomialFromUniform", lambda: (
        [x, v], MU.MultinomialFromUniform("auto")(x, v)), np.array([[.2, .8], [.5, .5]]), np.array([.3, .7])),
    "ChoiceFromUniform_ctor": case("ChoiceFromUniform", lambda: (
        [x, v], MU.ChoiceFromUniform(odtype="auto")(x, v, 1)), np.array([[.2, .8], [.5, .5]]), np.array([.3, .7])),
    # sandbox.linalg
    "Hint": case("Hint", lambda: ([x], SL.Hint(psd=True)(x)), xv),
}


def mrg_cases():
    from theano.sandbox.rng_mrg import MRG_RandomStreams
    srng = MRG_RandomStreams(4)
    p = T.dmatrix("p")
    out = {}
    for name, cls_name, draw in [
            ("mrg_multinomial", "MultinomialFromUniform", lambda: srng.multinomial(pvals=p)),
            ("mrg_choice", "ChoiceFromUniform", lambda: srng.choice(size=1, a=None, p=p, replace=False))]:
        try:
            node = find([draw()], cls_name)
            out[name] = describe(node.op) if node is not None else {"class": None}
        except Exception as exc:
            out[name] = {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}
    return out


def class_cases():
    """Ops made from constructors alone: str, props and equality (no graph)."""
    def rec(make):
        try:
            op = make()
            return describe(op)
        except Exception as exc:
            return {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}
    io = sys.modules["theano.tensor.io"]
    return {
        # Theano's CumsumOp/CumprodOp (kept to unpickle old functions) make a CumOp of that mode
        "CumsumOp": {"value": [type(E.CumsumOp(axis=1)).__name__, E.CumsumOp(axis=1).mode]},
        "CumprodOp": {"value": [type(E.CumprodOp()).__name__, E.CumprodOp().mode]},
        "CumOp_bad_mode": rec(lambda: E.CumOp(mode="max")),
        "EighGrad": rec(lambda: NL.EighGrad("U")),
        "CholeskyGrad": rec(lambda: S.CholeskyGrad(lower=False)),
        "EigvalshGrad": rec(lambda: S.EigvalshGrad()),
        "ExpmGrad": rec(lambda: S.ExpmGrad()),
        "TensorSolve": rec(lambda: NL.TensorSolve(axes=(0,))),
        "Solve_bad": rec(lambda: S.Solve("banana")),
        "Cholesky_bad": rec(lambda: S.Cholesky(on_error="x")),
        "SortOp_ctor": rec(lambda: SO.SortOp("mergesort")),
        "MultinomialWOReplacementFromUniform": rec(lambda: MU.MultinomialWOReplacementFromUniform("auto")),
        "LoadFromDisk": rec(lambda: io.LoadFromDisk("float64", (False,))),
        "Fourier": rec(lambda: sys.modules["theano.tensor.fourier"].Fourier()),
        "sandbox_MatrixInverse_is": rec(lambda: SL.MatrixInverse()),
        "eq_CumOp": {"value": E.CumOp(axis=0) == E.CumOp(axis=0) and E.CumOp(axis=0) != E.CumOp(axis=1)},
        "eq_SortOp": {"value": SO.SortOp("quicksort") == SO.SortOp("quicksort") and
                      SO.SortOp("quicksort") != SO.SortOp("mergesort")},
        "hash_SVD": {"value": hash(NL.SVD()) == hash(NL.SVD(True, True))},
        "same_class_sandbox": {"value": [SL.MatrixInverse is NL.MatrixInverse, SL.Cholesky is S.Cholesky,
                                         SL.Solve is S.Solve]},
    }


def load_cases():
    """tensor.io.load: the array of a .npy file (read when the function is compiled: Theano folds it)."""
    import os
    import tempfile
    io = sys.modules["theano.tensor.io"]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "a.npy")
        np.save(path, arr((2, 3), 7))
        x = io.load(path, "float64", (False, False))
        out["load"] = outcome(lambda: ([], [x * 2]), "LoadFromDisk", ())
        f = theano.function([], x + 1)
        first = f().tolist()
        np.save(path, arr((2, 3), 8))
        out["load_kept"] = {"value": [first == f().tolist(), first == (arr((2, 3), 7) + 1).tolist()]}
        out["load_wrong_dtype"] = outcome(lambda: ([], [io.load(path, "int32", (False, False))]), "LoadFromDisk", ())
        np.savez(os.path.join(tmp, "b.npz"), a=arr((2,), 1))
        out["load_npz"] = outcome(lambda: ([], [io.load(os.path.join(tmp, "b.npz"), "float64", (False,))]),
                                  "LoadFromDisk", ())
        out["load_npz"]["message"] = out["load_npz"].get("message", "").replace(tmp, "<tmp>")
    return out


def record():
    return {"theano_version": theano.__version__,
            "graphs": {name: fn() for name, fn in CASES.items()},
            "mrg": mrg_cases(), "classes": class_cases(), "load": load_cases()}


if __name__ == "__main__":
    with contextlib.redirect_stdout(sys.stderr):
        rec = record()
    json.dump(rec, sys.stdout, indent=1)
    sys.stdout.write("\n")
