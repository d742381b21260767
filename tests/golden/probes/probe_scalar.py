"""Records theano.scalar's answers: op instances (class, str, name, arity, output dtypes per input dtype),
values of functions on scalar variables, Theano's dtype helpers, and the Elemwise <-> scalar op links.
Run: ../shared/theano-oracle/run.sh tests/golden/probes/probe_scalar.py > tests/golden/scalar.json"""
import json
import numpy as np
import theano
import theano.scalar as S
import theano.scalar.basic_scipy as SS
import theano.tensor as T
import theano.tensor.nnet.sigm as sigm
import theano.tensor.nnet.nnet as nnet
import theano.tensor.xlogx as xlogx
import theano.tensor.elemwise as elemwise

# Theano's default linker (C code where an op has it): what users got. (The Python impls differ in places:
# GammaIncC.st_impl swaps its arguments, the C code does not.)
PY = theano.Mode(optimizer=None)
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
          "float64", "complex64", "complex128"]
PAIRS = [("int8", "int8"), ("int8", "float32"), ("int32", "float32"), ("int64", "float16"), ("bool", "bool"),
         ("uint8", "int8"), ("int32", "int64"), ("float32", "float64"), ("bool", "int16"), ("float32", "complex64"),
         ("uint64", "int64"), ("int16", "float16")]
SOURCES = [("theano.scalar", S), ("theano.scalar.basic_scipy", SS), ("theano.tensor.nnet.sigm", sigm),
           ("theano.tensor.nnet.nnet", nnet), ("theano.tensor.xlogx", xlogx), ("theano.tensor.elemwise", elemwise)]
# Inputs in each op's domain (float64), by arity; overrides by name.
ARGS = {1: (0.3,), 2: (0.3, 0.7), 3: (0.3, 0.1, 0.7)}
SPECIAL = {"arccosh": (1.7,), "jv": (1.0, 0.7), "iv": (1.0, 0.7), "chi2sf": (0.3, 2.0), "switch": (1.0, 0.3, 0.7),
           "clip": (0.3, 0.1, 0.2), "pow": (0.3, 2.0), "int_div": (7.0, 2.0), "mod": (7.0, 2.0)}
SKIP_VALUE = {"complex", "complex_from_polar", "real", "imag", "angle", "conj", "round_half_to_even",
              "round_half_away_from_zero"}
out = {"ops": {}, "values": {}, "upcast": {}, "rules": {}, "elemwise": {}, "types": {}, "misc": {}}


def dtype_of(op, dtypes):
    try:
        node = op(*[S.get_scalar_type(d)() for d in dtypes]).owner
        return [o.type.dtype for o in node.outputs]
    except Exception as e:
        return type(e).__name__


for modname, mod in SOURCES:
    for name in sorted(dir(mod)):
        op = getattr(mod, name)
        if not isinstance(op, S.ScalarOp) or isinstance(op, S.Composite):
            continue
        key = modname + "." + name
        otp = getattr(op, "output_types_preference", None)
        rec = {"class": type(op).__name__, "str": str(op), "name": getattr(op, "name", "<none>"), "nin": op.nin, "nout": op.nout,
               "otp": getattr(otp, "__name__", None) or (str(otp) if otp is not None else None),
               "mro": [c.__name__ for c in type(op).__mro__ if c.__module__.startswith("theano.")],
               "props": {k: repr(getattr(op, k)) for k in ("openlow", "openhi", "o_type", "identity",
                                                              "commutative", "associative") if hasattr(op, k)}}
        nin = op.nin if op.nin > 0 else 2
        if nin == 1:
            rec["dtypes"] = {d: dtype_of(op, [d]) for d in DTYPES}
        elif nin == 2:
            rec["dtypes"] = {a + "," + b: dtype_of(op, [a, b]) for a, b in PAIRS}
        else:
            rec["dtypes"] = {",".join([d] * nin): dtype_of(op, [d] * nin) for d in ("int8", "float32", "float64")}
        out["ops"][key] = rec
        if getattr(op, "name", None) in SKIP_VALUE or op.nout != 1:
            continue
        args = SPECIAL.get(getattr(op, "name", None), ARGS.get(nin))
        vs = [S.float64("v%d" % i) for i in range(nin)]
        try:
            f = theano.function(vs, op(*vs), mode=PY)
            r = f(*args)
            out["values"][key] = {"args": list(args), "value": float(r), "type": type(r).__name__}
        except Exception as e:
            out["values"][key] = {"args": list(args), "error": type(e).__name__}

for name in sorted(dir(T)):
    op = getattr(T, name)
    if isinstance(op, T.Elemwise) and not op.inplace_pattern:
        so = op.scalar_op
        same = [m + "." + n for m, mod in SOURCES for n in dir(mod) if getattr(mod, n) is so]
        out["elemwise"][name] = {"str": str(op), "scalar_str": str(so), "scalar_class": type(so).__name__,
                                 "is": sorted(same)}
for name in ("sigmoid", "softplus", "ultra_fast_sigmoid"):
    op = getattr(sigm, name)
    out["elemwise"]["nnet.sigm." + name] = {"str": str(op), "scalar_str": str(op.scalar_op),
                                             "scalar_class": type(op.scalar_op).__name__}
for name in ("xlogx", "xlogy0"):
    op = getattr(xlogx, name)
    out["elemwise"]["xlogx." + name] = {"str": str(op), "scalar_str": str(op.scalar_op),
                                        "scalar_class": type(op.scalar_op).__name__}

for a in DTYPES:
    for b in DTYPES:
        out["upcast"][a + "," + b] = S.upcast(a, b)
RULES = ("upcast_out", "upcast_out_nobool", "upcast_out_min8", "upgrade_to_float", "upgrade_to_float64",
         "upcast_out_no_complex", "upgrade_to_float_no_complex", "int_out", "float_out", "int_out_nocomplex",
         "float_out_nocomplex", "same_out", "same_out_nobool", "same_out_min8", "same_out_nocomplex",
         "same_out_float_only", "real_out")
for rule in RULES:
    fn = getattr(S, rule)
    res = {}
    for d in DTYPES:
        try:
            res[d] = [str(t) for t in fn(S.get_scalar_type(d))]
        except Exception as e:
            res[d] = type(e).__name__
    out["rules"][rule] = res

# types, constants, filter
for d in DTYPES:
    t = S.get_scalar_type(d)
    out["types"][d] = {"str": str(t), "repr": repr(t), "is_attr": getattr(S, d) is t}
filters = {}
for d, v in [("float64", 3), ("float64", 0.1), ("float32", 0.1), ("int8", 3.0), ("int8", 3.5), ("int8", 300),
             ("int32", "5"), ("uint8", -1), ("bool", 1), ("float32", np.float64(0.5)), ("complex64", 1.5)]:
    try:
        r = S.get_scalar_type(d).filter(v)
        filters[d + "|" + repr(v)] = [repr(r.item() if hasattr(r, "item") else r), type(r).__name__]
    except Exception as e:
        filters[d + "|" + repr(v)] = type(e).__name__
    try:
        r = S.get_scalar_type(d).filter(v, strict=True)
        filters[d + "|" + repr(v) + "|strict"] = type(r).__name__
    except Exception as e:
        filters[d + "|" + repr(v) + "|strict"] = type(e).__name__
out["misc"]["filter"] = filters
consts = {}
for v in [3, 300, 0.5, 0.1, -1, 2 ** 40, 1.5e300, np.float32(2), np.int16(3), True]:
    c = S.constant(v)
    consts[type(v).__name__ + " " + repr(v)] = [str(c), c.type.dtype, type(c).__name__]
out["misc"]["constant"] = consts
x, y, i = S.float64("x"), S.float32("y"), S.int32("i")
exprs = {"x + y": x + y, "x * i": x * i, "i / i": i / i, "i // i": i // i, "-i": -i, "abs(y)": abs(y),
         "x ** 2": x ** 2, "2 * i": 2 * i, "i % 3": i % 3, "x > y": x > y, "x.zeros_like()": x.zeros_like(),
         "i.astype('float32')": i.astype("float32"), "cast(x,'int32')": S.cast(x, "int32"),
         "y + 1.5": y + 1.5, "i & i": i & i, "~i": ~i, "i < 3": i < 3}
out["misc"]["exprs"] = {k: [str(v), v.type.dtype, type(v).__name__] for k, v in exprs.items()}
f = theano.function([x, y, i], [x + y, x * i, i / i, i // i, -i, x ** 2, i % 3, x > y, S.cast(x, "int32"), ~i],
                    mode=PY)
vals = f(1.5, np.float32(2.25), 7)
out["misc"]["function"] = {"args": [1.5, 2.25, 7], "values": [repr(v.item()) for v in vals],
                           "types": [type(v).__name__ for v in vals]}
comp = S.Composite([x, i], [x + i * 2, S.exp(x)])
out["misc"]["composite"] = {"str": str(comp), "nin": comp.nin, "nout": comp.nout,
                            "out_dtypes": [o.type.dtype for o in comp(x, i)]}
a, b = T.dvector("a"), T.ivector("b")
e = T.Elemwise(S.Composite([x, i], [x + i * 2]))
fe = theano.function([a, b], e(a, b), mode=PY)
r = fe([1.0, 2.5], [3, 4])
out["misc"]["elemwise_composite"] = {"str": str(e), "value": r.tolist(), "dtype": str(r.dtype)}
C = S.Composite([x, i], [x + i])
flat = S.Composite([x, i], [C(x * i, i)])
si0, si1, si2 = S.int8(), S.int8(), S.float32()
sop = S.Composite([si0, si1, si2], [(si0 * si1) / si2])
out["misc"]["composite_more"] = {"flattened": [str(flat), type(flat.outputs[0].owner.op).__name__],
                                 "continue_graph": str(sop(S.float32(), si1, si2).type),
                                 "grad_gt": float(theano.gradient.grad(x > y, y).eval({y: np.float32(1.0)}))}
px, py = S.float64("x"), S.float64("y")
pe = S.exp(px) * py + S.sqr(px)
grads = theano.grad(pe, [px, py])
out["misc"]["printing"] = {
    "pprint": [theano.printing.pprint(v) for v in (pe, px - py / px, -px, px % py, px ** py // py)],
    "composite": str(S.Composite([px, py], [-px, px - py * 2, px < py, S.neg(px) + 1])),
    "grads": [[str(v), type(v).__name__] for v in grads],
    "grad_values": [float(v) for v in theano.function([px, py], grads)(0.5, 2.0)]}
sh = S.sharedvar.shared(1.5, "s")
step = theano.function([], sh, updates=[(sh, sh * 2)])
first = step()
out["misc"]["shared"] = {"initial": [repr(float(first)), type(first).__name__],
                         "after": [repr(float(sh.get_value())), type(sh.get_value()).__name__],
                         "int32": [str(S.sharedvar.shared(np.int32(3)).type), str(S.sharedvar.shared(7).type)]}
from theano.tensor.nnet.bn import BNComposite
bn = T.Elemwise(BNComposite("float64"))
fv = T.fvector("fv")
rd = theano.function([a], bn(a, 1.0, 2.0, 3.0, 4.0), mode=PY)([1.0, 3.0])
rf = theano.function([fv], bn(fv, 1.0, 2.0, 3.0, 4.0), mode=PY)(np.array([1.0, 3.5], "float32"))
out["misc"]["bn_composite"] = {"str": str(bn), "float64": [rd.tolist(), str(rd.dtype)],
                               "float32": [rf.tolist(), str(rf.dtype)]}
t = T.dscalar("t")
out["misc"]["conversions"] = {"as_scalar(dscalar)": [str(S.as_scalar(t)), str(S.as_scalar(t).type)],
                              "tensor_from_scalar(x)": [str(T.tensor_from_scalar(x)),
                                                        str(T.tensor_from_scalar(x).type)],
                              "as_tensor(x)": [str(T.as_tensor_variable(x)), str(T.as_tensor_variable(x).type)],
                              "T.add(t, x)": [str(T.add(t, x)), str(T.add(t, x).type)]}
out["misc"]["helpers"] = {"transfer_type(0)": str(S.transfer_type(0)),
                          "transfer_type(1)(int8,float32)": [str(v) for v in S.transfer_type(1)(S.int8, S.float32)],
                          "specific_out(float64)(int8)": [str(v) for v in S.specific_out(S.float64)(S.int8)],
                          "float_types": [str(v) for v in S.float_types], "all_types": [str(v) for v in S.all_types],
                          "ints('a b')": str(S.ints("a b")), "floats('a')": str(S.floats("a"))}
print(json.dumps(out, indent=1, sort_keys=True))
