"""The op-library golden table: one record per (op, behaviour) pair, run under real Theano 1.0.5 by
probes/probe_ops.py (which writes ops.json) and under theano_compat by tests/test_ops_table.py.

Plain Python + numpy only: this module is imported by both interpreters.

A record is a dict:
  name      the op/function as Theano spells it ('exp', 'true_div', 'set_subtensor', 'nlinalg.det', ...)
  expr      a Python expression over `T` (theano.tensor), `theano`, `np` and the input names; it may
            evaluate to one variable or to a list/tuple of variables (each becomes an output)
  inputs    ordered [name, type_constructor_expr, value]; the constructor expression evaluates (in the same
            namespace) to a callable taking the variable name, e.g. "T.dmatrix" or
            "T.TensorType('int8', (False,))"; value is nested lists converted with np.asarray(value, dtype)
  grad_wrt  optional: input names; for each one, T.grad(cost, input) where
            cost = sum over outputs i in grad_out of T.sum(out_i * W_i), W_i = grad_weights(shape_i, dtype)
            a fixed, deterministic, mixed-sign constant (not a plain sum, which hides errors)
  grad_out  optional: indices of the outputs entering the cost (default: [0])
  check     optional: 'meta' -> compare dtype/shape/broadcastable only, not values (LAPACK sign freedom)
  rtol/atol optional: looser float tolerance (the test uses max(this, its per-dtype default))
  tag       optional: free text (why the record exists)
  id        optional explicit id; default f"{name}:{k}", k = running count of records with that name
"""
import hashlib
import importlib
import json

import numpy as np

NAN = float("nan")
INF = float("inf")

# ---------------------------------------------------------------------------------------------- values
M23 = [[-1.5, -0.5, 0.25], [0.5, 1.0, 2.5]]            # general, no zero
M23Z = [[-1.5, -0.5, 0.0], [0.5, 1.0, 2.5]]            # general with a zero
M32 = [[1.0, -2.0], [0.5, 3.0], [-1.5, 0.25]]
M34 = [[1.0, 0.5, -1.0, 2.0], [0.0, 1.5, 2.5, -0.5], [-2.0, 1.0, 0.25, 3.0]]
POS23 = [[0.5, 1.0, 2.0], [3.0, 0.25, 4.0]]
V5 = [-2.0, -0.5, 0.0, 0.5, 1.5]
V3 = [1.5, -2.0, 0.5]
V4 = [0.5, -1.0, 2.0, 1.5]
POS5 = [0.25, 0.5, 1.0, 2.0, 3.5]
UNIT5 = [-0.9, -0.5, 0.0, 0.3, 0.8]
GE1 = [1.0, 1.5, 2.0, 3.5]
ERFC_DOM = [0.1, 0.5, 1.0, 1.5, 1.9]
GAMMA_DOM = [0.5, 1.0, 2.5, 4.0, -0.5]
HALVES = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -0.7, 0.3, 2.6]
IV5 = [-3, -1, 0, 2, 5]
IPOS = [1, 2, 3, 5]
SPD3 = [[4.0, 1.0, 0.5], [1.0, 3.0, 0.25], [0.5, 0.25, 2.0]]
SQ3 = [[2.0, -1.0, 0.5], [1.0, 3.0, -2.0], [0.0, 1.5, 1.0]]
LOWER3 = [[2.0, 0.0, 0.0], [1.0, 3.0, 0.0], [-0.5, 1.5, 1.0]]
UPPER3 = [[2.0, 1.0, -0.5], [0.0, 3.0, 1.5], [0.0, 0.0, 1.0]]
# (2, 3, 4) tensor with quarter-valued entries
T234 = [[[((i * 12 + j * 4 + k) * 7 % 17 - 8) / 4.0 for k in range(4)] for j in range(3)] for i in range(2)]
IT234 = [[[(i * 12 + j * 4 + k) * 5 % 11 - 5 for k in range(4)] for j in range(3)] for i in range(2)]
# (2, 2, 3) and (2, 3, 2) for batched products
B223 = [[[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]], [[-2.0, 1.0, 1.5], [2.5, -0.5, 1.0]]]
B232 = [[[1.0, -1.0], [2.0, 0.5], [0.0, 1.5]], [[0.5, 2.0], [-1.0, 1.0], [3.0, -0.5]]]

RECORDS = []


def R(name, expr, inputs, grad=None, **kw):
    """Append a record (kw: grad_out, check, tag, id)."""
    rec = {"name": name, "expr": expr, "inputs": inputs}
    if grad:
        rec["grad_wrt"] = list(grad)
    rec.update(kw)
    RECORDS.append(rec)


def X(ctor, value, name="x"):
    return [name, ctor, value]


I8 = "T.TensorType('int8', (False,))"
I16 = "T.TensorType('int16', (False,))"
U8 = "T.TensorType('uint8', (False,))"
BOOLV = "T.TensorType('bool', (False,))"
BOOLM = "T.TensorType('bool', (False, False))"
I8M = "T.TensorType('int8', (False, False))"
I8S = "T.TensorType('int8', ())"

# ------------------------------------------------------------------------------------- unary elementwise
# (name, float64 matrix value, float32 vector value, int vector value, gradient?)
_UNARY = [
    ("abs_", M23Z, V5, IV5, True),
    ("sgn", M23Z, V5, IV5, True),
    ("neg", M23, V5, IV5, True),
    ("inv", M23, [-2.0, -0.5, 0.5, 1.5, 4.0], [-2, -1, 1, 4], True),
    ("sqr", M23Z, V5, IV5, True),
    ("square", M23Z, V5, IV5, True),
    ("sqrt", POS23, POS5, [0, 1, 4, 9], True),
    ("exp", M23, V5, IV5, True),
    ("exp2", M23, V5, IV5, True),
    ("expm1", M23, V5, IV5, True),
    ("log", POS23, POS5, IPOS, True),
    ("log1p", [[-0.5, 0.0, 1.0], [2.0, 0.25, 9.0]], [-0.5, 0.0, 0.5, 1.0, 3.0], [0, 1, 3], True),
    ("log2", POS23, POS5, IPOS, True),
    ("log10", POS23, POS5, [1, 10, 100, 5], True),
    ("floor", [HALVES[:3], HALVES[3:6]], HALVES, IV5, True),
    ("ceil", [HALVES[:3], HALVES[3:6]], HALVES, IV5, True),
    ("round", [HALVES[:3], HALVES[3:6]], HALVES, IV5, True),
    ("iround", [HALVES[:3], HALVES[3:6]], HALVES, IV5, True),
    ("trunc", [HALVES[:3], HALVES[3:6]], HALVES, IV5, True),
    ("sin", M23, V5, IV5, True),
    ("cos", M23, V5, IV5, True),
    ("tan", M23, V5, IV5, True),
    ("arcsin", [UNIT5[:3], UNIT5[2:]], UNIT5, [-1, 0, 1], True),
    ("arccos", [UNIT5[:3], UNIT5[2:]], UNIT5, [-1, 0, 1], True),
    ("arctan", M23, V5, IV5, True),
    ("sinh", M23, V5, IV5, True),
    ("cosh", M23, V5, IV5, True),
    ("tanh", M23, V5, IV5, True),
    ("arcsinh", M23, V5, IV5, True),
    ("arccosh", [GE1[:3], GE1[1:]], GE1, [1, 2, 3], True),
    ("arctanh", [UNIT5[:3], UNIT5[2:]], UNIT5, [0], True),
    ("erf", M23, V5, IV5, True),
    ("erfc", M23, V5, IV5, True),
    ("erfinv", [UNIT5[:3], UNIT5[2:]], UNIT5, [-1, 0, 1], True),
    ("erfcinv", [ERFC_DOM[:3], ERFC_DOM[2:]], ERFC_DOM, [0, 1, 2], True),
    ("erfcx", M23, V5, IV5, True),
    ("gamma", [GAMMA_DOM[:3], GAMMA_DOM[2:]], GAMMA_DOM, IPOS, True),
    ("gammaln", POS23, POS5, IPOS, True),
    ("psi", POS23, POS5, IPOS, True),
    ("tri_gamma", POS23, POS5, IPOS, False),
    ("deg2rad", M23, V5, IV5, True),
    ("rad2deg", M23, V5, IV5, True),
]
# Theano's C psi / tri_gamma are series approximations good to ~2e-10 / ~5e-9 relative (checked against
# scipy.special), so their records accept that much instead of bit-matching the approximation.
_LOOSE = {"psi": 1e-9, "tri_gamma": 1e-8}
for _n, _m, _v, _iv, _g in _UNARY:
    _kw = {"rtol": _LOOSE[_n]} if _n in _LOOSE else {}
    R(_n, "T.%s(x)" % _n, [X("T.dmatrix", _m)], grad=["x"] if _g else None, **_kw)
    R(_n, "T.%s(x)" % _n, [X("T.fvector", _v)], grad=["x"] if _g else None, **_kw)
    R(_n, "T.%s(x)" % _n, [X("T.ivector", _iv)], tag="int32 input: output dtype rule", **_kw)
    R(_n, "T.%s(x)" % _n, [X(I8, _iv)], tag="int8 input: output dtype rule", **_kw)
for _n in ["abs_", "sgn", "neg", "sqr", "exp", "floor", "sqrt", "sin", "round"]:
    R(_n, "T.%s(x)" % _n, [X(BOOLV, [True, False, True])], tag="bool input")
for _n in ["exp", "sqrt", "abs_", "neg", "log"]:
    R(_n, "T.%s(x)" % _n, [X("T.lvector", [1, 4, 9])], tag="int64 input")
    R(_n, "T.%s(x)" % _n, [X(I16, [1, 4, 9])], tag="int16 input")
    R(_n, "T.%s(x)" % _n, [X(U8, [1, 4, 9])], tag="uint8 input")
# domain edges: nan/inf production, derivative at the kink
R("sqrt", "T.sqrt(x)", [X("T.dvector", [-1.0, 0.0, 4.0])], grad=["x"], tag="negative -> nan, grad at 0")
R("log", "T.log(x)", [X("T.dvector", [-1.0, 0.0, 1.0])], grad=["x"], tag="log(0) = -inf, log(<0) = nan")
R("inv", "T.inv(x)", [X("T.dvector", [0.0, -0.0, 2.0])], tag="1/0")
R("abs_", "T.abs_(x)", [X("T.dvector", [-1.0, 0.0, 2.0])], grad=["x"], tag="grad at 0")
R("abs_", "abs(x)", [X("T.dvector", [-1.0, 0.0, 2.0])], grad=["x"], tag="python abs()")
R("neg", "-x", [X("T.dmatrix", M23)], grad=["x"], tag="unary minus operator")
R("neg", "-x", [X(BOOLV, [True, False])], tag="unary minus on bool")
R("sgn", "T.sgn(x)", [X("T.dvector", [NAN, -0.0, 0.0, -INF])], tag="sgn of nan / signed zero")
R("exp", "T.exp(x)", [X("T.dvector", [-INF, 0.0, 800.0])], tag="overflow / -inf")
R("exp", "T.exp(x)", [X("T.ivector", [1, 2])], grad=["x"], tag="grad w.r.t. an integer input")
R("sqr", "T.sqr(x)", [X("T.ivector", [1, -2])], grad=["x"], tag="grad w.r.t. an integer input")
R("round", "T.round(x, mode='half_to_even')", [X("T.dvector", HALVES)], grad=["x"])
R("round", "T.round(x, mode='half_away_from_zero')", [X("T.dvector", HALVES)])
R("round", "T.round(x, mode='half_to_even')", [X("T.fvector", HALVES)])
R("round", "T.round(x, mode='half_to_even')", [X("T.ivector", IV5)])
R("round", "T.round(x, mode='bogus')", [X("T.dvector", HALVES)], tag="bad mode")
R("iround", "T.iround(x, mode='half_to_even')", [X("T.dvector", HALVES)])
R("gamma", "T.gamma(x)", [X("T.dvector", [0.0, -1.0, -2.5])], tag="poles")
R("tanh", "T.tanh(x)", [X("T.dvector", [-30.0, 30.0, 0.0])], grad=["x"], tag="saturation")

# ----------------------------------------------------------------------------------- complex numbers
ZV = [1 + 2j, -1.5 + 0.5j, 0 - 1j, 2 + 0j]
for _n in ["real", "imag", "angle", "conj"]:
    R(_n, "T.%s(z)" % _n, [X("T.zvector", ZV, "z")])
    R(_n, "T.%s(z)" % _n, [X("T.cvector", ZV, "z")])
    R(_n, "T.%s(x)" % _n, [X("T.dvector", V5)], tag="real input")
R("abs_", "T.abs_(z)", [X("T.zvector", ZV, "z")], tag="complex modulus -> float64")
R("abs_", "T.abs_(z)", [X("T.cvector", ZV, "z")], tag="complex64 modulus -> float32")
R("complex", "T.complex(a, b)", [X("T.dvector", V3, "a"), X("T.dvector", [0.5, 1.0, -2.0], "b")])
R("complex", "T.complex(a, b)", [X("T.fvector", V3, "a"), X("T.fvector", [0.5, 1.0, -2.0], "b")])
R("complex_from_polar", "T.complex_from_polar(a, b)", [X("T.dvector", [1.0, 2.0], "a"), X("T.dvector", [0.0, 0.5], "b")])
R("abs_", "T.abs_(T.complex(a, b))", [X("T.dvector", V3, "a"), X("T.dvector", [0.5, 1.0, -2.0], "b")],
  grad=["a", "b"], tag="gradient through complex")
R("add", "z + z", [X("T.zvector", ZV, "z")])
R("mul", "z * 2", [X("T.cvector", ZV, "z")])
R("exp", "T.exp(z)", [X("T.zvector", ZV, "z")])
R("sqrt", "T.sqrt(z)", [X("T.zvector", [-4 + 0j, 3 + 4j], "z")])

# --------------------------------------------------------------------------------- binary arithmetic
XY = [X("T.dmatrix", M23, "x"), X("T.dmatrix", [[2.0, -1.0, 0.5], [1.5, 4.0, -3.0]], "y")]
XV = [X("T.dmatrix", M23, "x"), X("T.dvector", [2.0, -1.0, 0.5], "y")]
for _n, _op in [("add", "+"), ("sub", "-"), ("mul", "*"), ("true_div", "/")]:
    R(_n, "T.%s(x, y)" % _n, XY, grad=["x", "y"])
    R(_n, "x %s y" % _op, XV, grad=["x", "y"], tag="broadcast vector over matrix rows")
    R(_n, "x %s y.dimshuffle(0, 'x')" % _op, [X("T.dmatrix", M23, "x"), X("T.dvector", [2.0, -1.0], "y")],
      grad=["x", "y"], tag="broadcast column")
    R(_n, "x %s y" % _op, [X("T.dmatrix", M23, "x"), X("T.dscalar", 1.5, "y")], grad=["x", "y"], tag="scalar")
    R(_n, "x %s y" % _op, [X("T.ivector", [7, -7, 3], "x"), X("T.ivector", [2, 2, -4], "y")], tag="int32 pair")
    R(_n, "x %s y" % _op, [X(I8, [7, -7, 3], "x"), X(I8, [2, 2, -4], "y")], tag="int8 pair")
    R(_n, "x %s y" % _op, [X("T.ivector", [7, -7, 3], "x"), X("T.fvector", [2.0, 2.5, -4.0], "y")], tag="int32 with float32")
    R(_n, "x %s y" % _op, [X(I8, [7, -7, 3], "x"), X("T.fvector", [2.0, 2.5, -4.0], "y")], tag="int8 with float32")
    R(_n, "x %s y" % _op, [X("T.fvector", [7.0, -7.0, 3.0], "x"), X("T.dvector", [2.0, 2.5, -4.0], "y")],
      grad=["x", "y"], tag="float32 with float64")
    R(_n, "x %s y" % _op, [X(BOOLV, [True, False, True], "x"), X(BOOLV, [True, True, False], "y")], tag="bool pair")
    R(_n, "x %s y" % _op, [X("T.dmatrix", M23, "x"), X("T.dmatrix", [[1.0, 2.0], [3.0, 4.0]], "y")],
      tag="shape mismatch at call")
    R(_n, "x %s y" % _op, [X("T.dmatrix", M23, "x"), X("T.dtensor3", B223, "y")], tag="ndim broadcast 2d/3d")
    R(_n, "T.%s(x, 2)" % _n, [X("T.ivector", [7, -7, 3])], tag="int32 with python int")
    R(_n, "2 %s x" % _op, [X("T.dvector", V4)], grad=["x"], tag="reflected operator")
    R(_n, "2 %s x" % _op, [X("T.ivector", [7, -7, 3])], tag="reflected operator, int")
    R(_n, "2.5 %s x" % _op, [X("T.fvector", [7.0, -7.0, 3.0])], tag="reflected float constant")
R("add", "T.add(x, y, z)", [X("T.dvector", V3, "x"), X("T.dvector", [1.0, 2.0, 3.0], "y"), X("T.dscalar", 0.5, "z")],
  grad=["x", "y", "z"], tag="n-ary add")
R("mul", "T.mul(x, y, z)", [X("T.dvector", V3, "x"), X("T.dvector", [1.0, 2.0, 3.0], "y"), X("T.dscalar", 0.5, "z")],
  grad=["x", "y", "z"], tag="n-ary mul")
R("mul", "x * x", [X("T.dvector", V3)], grad=["x"], tag="same input twice")
R("sub", "x - x", [X("T.dvector", V3)], grad=["x"])
R("true_div", "x / y", [X("T.dvector", [1.0, -1.0, 0.0, 0.0], "x"), X("T.dvector", [0.0, 0.0, 0.0, 2.0], "y")],
  tag="division by zero")
R("true_div", "x / y", [X("T.ivector", [1, -1, 0], "x"), X("T.ivector", [0, 0, 0], "y")], tag="int division by zero")
# constant dtype rules (autocast of python scalars)
for _e, _ctor, _val, _tag in [
    ("x + 300", I8, [1, 2, 3], "int8 + 300 -> int16"),
    ("x + 3", I8, [1, 2, 3], "int8 + 3 stays int8"),
    ("x + 127", I8, [1, 2, 3], "127 fits int8"),
    ("x + 128", I8, [1, 2, 3], "128 needs int16"),
    ("x + (-129)", I8, [1, 2, 3], "-129 needs int16"),
    ("x + 2 ** 40", "T.ivector", [1, 2, 3], "large int constant -> int64"),
    ("x + 70000", I16, [1, 2, 3], "int16 + int32 constant"),
    ("x + 1.5", "T.fvector", [1.0, 2.0], "1.5 exact in float32 -> float32"),
    ("x + 0.1", "T.fvector", [1.0, 2.0], "0.1 inexact -> float64"),
    ("x + 1e40", "T.fvector", [1.0, 2.0], "out of float32 range"),
    ("x + 1.5", "T.ivector", [1, 2], "int32 + float32 const"),
    ("x + 1.5", I8, [1, 2], "int8 + float32 const"),
    ("x + 1.5", I16, [1, 2], "int16 + float32 const"),
    ("x + 0.1", I8, [1, 2], "int8 + float64 const"),
    ("x * 2", I8, [100, -3], "int8 overflow wraps"),
    ("x * 2", BOOLV, [True, False], "bool * int const"),
    ("x + True", BOOLV, [True, False], "bool + python bool"),
    ("x + True", "T.ivector", [1, 2], "int + python bool"),
    ("x * 1.5", "T.lvector", [1, 2], "int64 * float32 const"),
    ("x / 2", "T.ivector", [3, -3], "int32 / int const"),
    ("x / 2", I8, [3, -3], "int8 / int const -> float32"),
    ("x / 2", "T.fvector", [3.0, -3.0], "float32 / int const"),
    ("x / 2.0", "T.fvector", [3.0, -3.0], "float32 / float const"),
    ("x // 2", "T.ivector", [3, -3], "int32 // int const"),
    ("x // 2", "T.fvector", [3.0, -3.0], "float32 // int const"),
    ("x % 2", "T.ivector", [3, -3], "int32 % int const"),
    ("x % -3", "T.ivector", [4, -4, 3], "modulo negative divisor"),
    ("x + T.constant(0.1)", "T.fvector", [1.0, 2.0], "T.constant(0.1) dtype"),
    ("x + T.constant(1.5)", "T.fvector", [1.0, 2.0], "T.constant(1.5) dtype"),
    ("x + np.float32(0.1)", "T.fvector", [1.0, 2.0], "numpy float32 scalar"),
    ("x + np.float64(1.5)", "T.fvector", [1.0, 2.0], "numpy float64 scalar"),
    ("x + np.int64(3)", I8, [1, 2], "numpy int64 scalar"),
    ("x + np.array([1, 2], dtype='int16')", I8, [1, 2], "numpy int16 array"),
    ("x + [1, 2]", I8, [1, 2], "python list"),
    ("x + [0.5, 2]", "T.fvector", [1.0, 2.0], "python float list"),
]:
    _name = {"+": "add", "*": "mul", "/": "true_div", "//": "int_div", "%": "mod"}[_e.split()[1]]
    R(_name, _e, [X(_ctor, _val)], tag=_tag)
# power
R("pow", "T.pow(x, y)", [X("T.dvector", [0.5, 2.0, 3.0], "x"), X("T.dvector", [2.0, -1.0, 0.5], "y")], grad=["x", "y"])
R("pow", "x ** y", [X("T.dmatrix", POS23, "x"), X("T.dvector", [2.0, -1.0, 0.5], "y")], grad=["x", "y"])
R("pow", "x ** 2", [X("T.dvector", V5)], grad=["x"], tag="int constant exponent")
R("pow", "x ** 2.0", [X("T.dvector", V5)], grad=["x"], tag="float constant exponent")
R("pow", "x ** 2", [X("T.fvector", V5)], grad=["x"])
R("pow", "x ** 2.5", [X("T.fvector", POS5)], grad=["x"])
R("pow", "x ** 0.1", [X("T.fvector", POS5)], tag="float32 ** inexact const -> float64")
R("pow", "x ** 2", [X("T.ivector", IV5)], tag="int ** int")
R("pow", "x ** 2", [X(I8, [3, -2, 12])], tag="int8 ** 2 (overflow)")
R("pow", "x ** 2.0", [X("T.ivector", IV5)], tag="int ** float")
R("pow", "x ** -1", [X("T.ivector", [1, 2, 4])], tag="int ** negative int")
R("pow", "x ** 0.5", [X("T.dvector", [-4.0, 0.0, 4.0])], grad=["x"], tag="negative base -> nan")
R("pow", "x ** 0", [X("T.dvector", [0.0, 2.0])], grad=["x"], tag="0 ** 0")
R("pow", "2 ** x", [X("T.dvector", V5)], grad=["x"], tag="reflected pow")
R("pow", "2 ** x", [X("T.ivector", [0, 1, 3])], tag="reflected pow int")
R("pow", "2.0 ** x", [X("T.fvector", V5)], grad=["x"])
R("pow", "x ** y", [X("T.ivector", [2, 3], "x"), X("T.ivector", [3, 2], "y")])
R("pow", "x ** y", [X("T.dvector", [0.0, 2.0], "x"), X("T.dvector", [2.0, 0.0], "y")], grad=["x", "y"],
  tag="grad at x = 0 (log(0) in dy)")
# mod / int_div with negative operands
MA = [-7.5, 7.5, -7.5, 7.5, 0.0]
MB = [2.0, -2.0, -2.0, 2.0, 3.0]
R("mod", "T.mod(x, y)", [X("T.dvector", MA, "x"), X("T.dvector", MB, "y")], grad=["x", "y"])
R("mod", "x % y", [X("T.ivector", [-7, 7, -7, 7, 0], "x"), X("T.ivector", [3, -3, -3, 3, 5], "y")])
R("mod", "x % y", [X(I8, [-7, 7, -7, 7], "x"), X(I8, [3, -3, -3, 3], "y")])
R("mod", "x % y", [X("T.fvector", MA, "x"), X("T.fvector", MB, "y")])
R("mod", "x % y", [X("T.ivector", [-7, 7], "x"), X("T.fvector", [2.5, -2.5], "y")], tag="mixed int/float")
R("mod", "x % 0", [X("T.ivector", [7, -7])], tag="int mod zero")
R("mod", "x % 0.0", [X("T.dvector", [7.0, -7.0])], tag="float mod zero")
R("mod", "-7 % x", [X("T.ivector", [3, -3])], tag="reflected mod")
R("int_div", "T.int_div(x, y)", [X("T.ivector", [-7, 7, -7, 7, 0], "x"), X("T.ivector", [2, -2, -2, 2, 5], "y")])
R("int_div", "T.int_div(x, y)", [X(I8, [-7, 7, -7, 7], "x"), X(I8, [2, -2, -2, 2], "y")])
R("int_div", "T.int_div(x, y)", [X("T.dvector", MA, "x"), X("T.dvector", MB, "y")], grad=["x"], tag="float int_div")
R("int_div", "x // y", [X("T.ivector", [-7, 7, -7, 7], "x"), X("T.ivector", [2, -2, -2, 2], "y")])
R("int_div", "x // y", [X("T.dvector", MA, "x"), X("T.dvector", MB, "y")], grad=["x"], tag="float //")
R("int_div", "x // y", [X("T.fvector", MA, "x"), X("T.ivector", [2, -2, -2, 2, 3], "y")], tag="mixed //")
R("int_div", "x // 0", [X("T.ivector", [7, -7, 0])], tag="int // 0")
R("int_div", "7 // x", [X("T.ivector", [2, -2, 3])], tag="reflected //")
R("floor_div", "T.floor_div(x, y)", [X("T.ivector", [-7, 7, -7, 7], "x"), X("T.ivector", [2, -2, -2, 2], "y")])
R("floor_div", "T.floor_div(x, y)", [X("T.dvector", MA, "x"), X("T.dvector", MB, "y")])
# maximum / minimum / largest / smallest / clip (ties and bounds)
MX = [X("T.dvector", [1.0, 2.0, 3.0, -1.0], "x"), X("T.dvector", [1.0, 3.0, 2.0, -1.0], "y")]
for _n in ["maximum", "minimum"]:
    R(_n, "T.%s(x, y)" % _n, MX, grad=["x", "y"], tag="ties at index 0 and 3")
    R(_n, "T.%s(x, y)" % _n, XV, grad=["x", "y"], tag="broadcast")
    R(_n, "T.%s(x, 0)" % _n, [X("T.dvector", V5)], grad=["x"], tag="relu-style, tie at 0")
    R(_n, "T.%s(x, y)" % _n, [X("T.ivector", [1, 5], "x"), X("T.fvector", [2.0, 3.0], "y")], tag="int32/float32")
    R(_n, "T.%s(x, y)" % _n, [X(I8, [1, 5], "x"), X("T.lvector", [2, 3], "y")], tag="int8/int64")
    R(_n, "T.%s(x, y)" % _n, [X("T.dvector", [NAN, 1.0], "x"), X("T.dvector", [0.0, NAN], "y")], tag="nan")
    R(_n, "T.%s(x, y)" % _n, [X(BOOLV, [True, False], "x"), X(BOOLV, [False, False], "y")], tag="bool")
R("largest", "T.largest(x, y, z)", MX + [X("T.dvector", [0.0, 3.0, 4.0, -2.0], "z")], grad=["x", "y", "z"])
R("smallest", "T.smallest(x, y, z)", MX + [X("T.dvector", [0.0, 3.0, 4.0, -2.0], "z")], grad=["x", "y", "z"])
R("largest", "T.largest(x, y)", [X("T.ivector", [1, 5], "x"), X("T.ivector", [2, 3], "y")])
R("clip", "T.clip(x, -0.5, 1.0)", [X("T.dvector", V5 + [1.0, 3.0])], grad=["x"], tag="values at both bounds")
R("clip", "T.clip(x, lo, hi)", [X("T.dvector", V5 + [1.0], "x"), X("T.dscalar", -0.5, "lo"), X("T.dscalar", 1.0, "hi")],
  grad=["x", "lo", "hi"], tag="symbolic bounds, grads at the bounds")
R("clip", "T.clip(x, lo, hi)", [X("T.dmatrix", M23, "x"), X("T.dvector", [0.0, -1.0, 0.5], "lo"),
                                 X("T.dvector", [1.0, 0.0, 2.0], "hi")], grad=["x", "lo", "hi"], tag="vector bounds")
R("clip", "T.clip(x, 0, 3)", [X("T.ivector", IV5)], tag="int")
R("clip", "T.clip(x, 0.5, 3)", [X("T.ivector", IV5)], tag="int with float bound")
R("clip", "T.clip(x, 0, 3)", [X(I8, IV5)])
R("clip", "T.clip(x, 0.5, 3)", [X("T.fvector", V5)])
R("clip", "T.clip(x, 0.1, 3)", [X("T.fvector", V5)], tag="float64 bound")
R("clip", "T.clip(x, 1.0, -1.0)", [X("T.dvector", V5)], grad=["x"], tag="lo > hi")
R("clip", "x.clip(-1, 1)", [X("T.dvector", V5)], grad=["x"], tag="method")
# cast
for _dt in ["int8", "int16", "int32", "int64", "uint8", "float32", "float64", "bool", "complex128"]:
    R("cast", "T.cast(x, '%s')" % _dt, [X("T.dvector", [-1.7, -0.5, 0.0, 0.5, 1.7, 100.0])])
R("cast", "T.cast(x, 'float32')", [X("T.dvector", V5)], grad=["x"])
R("cast", "T.cast(x, 'float64')", [X("T.fvector", V5)], grad=["x"])
R("cast", "T.cast(x, 'int32')", [X("T.dvector", V5)], grad=["x"], tag="grad through float->int cast")
R("cast", "T.cast(x, 'float64')", [X("T.ivector", IV5)], grad=["x"], tag="grad w.r.t. int via int->float cast")
R("cast", "T.cast(x, 'int8')", [X("T.ivector", [1, 127, 128, 300, -129])], tag="int narrowing wraps")
R("cast", "T.cast(x, 'bool')", [X("T.ivector", [0, 1, -2])])
R("cast", "T.cast(x, 'float32')", [X(BOOLV, [True, False])])
R("cast", "T.cast(x, 'int64')", [X("T.lscalar", 5)], tag="no-op cast")
R("cast", "T.cast(x, 'float')", [X("T.ivector", [1, 2])], tag="dtype alias 'float'")
R("cast", "T.cast(x, 'nonsense')", [X("T.ivector", [1, 2])], tag="bad dtype")
R("cast", "x.astype('int32')", [X("T.dvector", [-1.7, 2.5])], tag="method astype")
R("cast", "x.astype('float32')", [X("T.ivector", [1, 2])], grad=["x"])
R("cast", "T.cast(z, 'float64')", [X("T.zvector", ZV, "z")], tag="complex -> real")

# ---------------------------------------------------------------------------------- comparisons, logic
CA = [X("T.dvector", [1.0, 2.0, 3.0, NAN], "x"), X("T.dvector", [1.0, 3.0, 2.0, 1.0], "y")]
for _n, _op in [("eq", None), ("neq", None), ("lt", "<"), ("le", "<="), ("gt", ">"), ("ge", ">=")]:
    R(_n, "T.%s(x, y)" % _n, CA, grad=["x"], tag="with nan")
    R(_n, "T.%s(x, y)" % _n, XV, tag="broadcast")
    R(_n, "T.%s(x, y)" % _n, [X("T.ivector", [1, 2, 3], "x"), X("T.fvector", [1.0, 2.5, 2.0], "y")], tag="int/float")
    R(_n, "T.%s(x, 2)" % _n, [X(I8, [1, 2, 3])], tag="vs constant")
    R(_n, "T.%s(x, y)" % _n, [X(BOOLV, [True, False, True], "x"), X(BOOLV, [True, True, False], "y")], tag="bool")
    if _op:
        R(_n, "x %s y" % _op, CA, tag="operator")
        R(_n, "1.5 %s x" % _op, [X("T.dvector", [1.0, 1.5, 2.0])], tag="reflected operator")
R("eq", "x == y", [X("T.dvector", [1.0], "x"), X("T.dvector", [1.0], "y")], tag="== is python identity in Theano")
R("neq", "x != y", [X("T.dvector", [1.0], "x"), X("T.dvector", [1.0], "y")], tag="!= is python identity in Theano")
for _n, _op in [("and_", "&"), ("or_", "|"), ("xor", "^")]:
    R(_n, "T.%s(x, y)" % _n, [X("T.ivector", [12, -1, 0, 5], "x"), X("T.ivector", [10, 7, 3, 5], "y")], tag="bitwise int32")
    R(_n, "T.%s(x, y)" % _n, [X(BOOLV, [True, True, False, False], "x"), X(BOOLV, [True, False, True, False], "y")])
    R(_n, "x %s y" % _op, [X(I8, [12, -1, 0, 5], "x"), X(I8, [10, 7, 3, 5], "y")], tag="operator int8")
    R(_n, "x %s y" % _op, [X(BOOLV, [True, True, False, False], "x"), X(BOOLV, [True, False, True, False], "y")])
    R(_n, "x %s y" % _op, [X(I8, [12, -1, 0, 5], "x"), X("T.lvector", [10, 7, 3, 5], "y")], tag="int8 with int64")
    R(_n, "(x > 0) %s (y > 0)" % _op, [X("T.dvector", V4, "x"), X("T.dvector", [1.0, 1.0, -1.0, -1.0], "y")])
    R(_n, "x %s y" % _op, [X("T.dvector", [1.0], "x"), X("T.dvector", [1.0], "y")], tag="float operands rejected")
    R(_n, "x %s 3" % _op, [X("T.ivector", [12, -1, 0, 5])], tag="with constant")
R("invert", "T.invert(x)", [X("T.ivector", [0, 1, -1, 12])])
R("invert", "T.invert(x)", [X(BOOLV, [True, False])], tag="logical not on bool")
R("invert", "~x", [X(I8, [0, 1, -1, 12])])
R("invert", "~x", [X(BOOLV, [True, False])])
R("invert", "~(x > 0)", [X("T.dvector", V4)])
R("invert", "~x", [X("T.dvector", [1.0])], tag="float operand rejected")
R("invert", "T.invert(x)", [X(U8, [0, 1, 255])])
R("bitwise_and", "T.bitwise_and(x, y)", [X("T.ivector", [12, 5], "x"), X("T.ivector", [10, 4], "y")])
R("bitwise_or", "T.bitwise_or(x, y)", [X("T.ivector", [12, 5], "x"), X("T.ivector", [10, 4], "y")])
R("bitwise_xor", "T.bitwise_xor(x, y)", [X("T.ivector", [12, 5], "x"), X("T.ivector", [10, 4], "y")])
R("bitwise_not", "T.bitwise_not(x)", [X("T.ivector", [12, 5])])
NANINF = [1.0, NAN, INF, -INF, 0.0]
for _n in ["isnan", "isinf"]:
    R(_n, "T.%s(x)" % _n, [X("T.dvector", NANINF)], grad=["x"])
    R(_n, "T.%s(x)" % _n, [X("T.fvector", NANINF)])
    R(_n, "T.%s(x)" % _n, [X("T.ivector", [1, 2])], tag="int input")
    R(_n, "T.%s(x)" % _n, [X(I8, [1, 2])], tag="int8 input")
R("isclose", "T.isclose(x, y)", [X("T.dvector", [1.0, 1.0, NAN, INF, 1e-9], "x"),
                                  X("T.dvector", [1.0 + 1e-9, 1.1, NAN, INF, 0.0], "y")])
R("isclose", "T.isclose(x, y, equal_nan=True)", [X("T.dvector", [1.0, NAN], "x"), X("T.dvector", [1.0, NAN], "y")])
R("isclose", "T.isclose(x, y, rtol=0.2, atol=0.0)", [X("T.dvector", [1.0, 1.0], "x"), X("T.dvector", [1.1, 1.3], "y")])
R("isclose", "T.isclose(x, y)", [X("T.ivector", [1, 2], "x"), X("T.ivector", [1, 3], "y")], tag="ints")
R("isclose", "T.isclose(x, y)", [X("T.fvector", [1.0, 1.0001], "x"), X("T.fvector", [1.0, 1.0], "y")], tag="float32")
R("allclose", "T.allclose(x, y)", [X("T.dvector", [1.0, 2.0], "x"), X("T.dvector", [1.0 + 1e-9, 2.0], "y")])
R("allclose", "T.allclose(x, y)", [X("T.dvector", [1.0, 2.0], "x"), X("T.dvector", [1.0, 2.1], "y")])
R("allclose", "T.allclose(x, y, equal_nan=True)", [X("T.dvector", [NAN], "x"), X("T.dvector", [NAN], "y")])
R("switch", "T.switch(c, x, y)", [X("T.ivector", [1, 0, 2, 0], "c"), X("T.dvector", V4, "x"),
                                   X("T.dvector", [9.0, 8.0, 7.0, 6.0], "y")], grad=["x", "y"])
R("switch", "T.switch(x > 0, x, 0)", [X("T.dvector", V5)], grad=["x"], tag="relu via switch")
R("switch", "T.switch(x > 0, x, 0.1 * x)", [X("T.fvector", V5)], grad=["x"], tag="float32 with float64 const")
R("switch", "T.switch(c, x, y)", [X(BOOLV, [True, False], "c"), X("T.dmatrix", [[1.0, 2.0], [3.0, 4.0]], "x"),
                                   X("T.dscalar", -1.0, "y")], grad=["x", "y"], tag="broadcast cond & scalar")
R("switch", "T.switch(c, x, y)", [X("T.dvector", [0.0, 0.5, NAN], "c"), X("T.ivector", [1, 2, 3], "x"),
                                   X(I8, [-1, -2, -3], "y")], tag="float cond, int branches")
R("switch", "T.switch(c, x, y)", [X("T.dscalar", 1.0, "c"), X("T.dvector", V3, "x"), X("T.dvector", V3, "y")],
  grad=["c"], tag="grad w.r.t. condition")
R("where", "T.where(c, x, y)", [X("T.ivector", [1, 0, 2, 0], "c"), X("T.dvector", V4, "x"),
                                 X("T.dvector", [9.0, 8.0, 7.0, 6.0], "y")], grad=["x", "y"])

# ---------------------------------------------------------------------------------------- reductions
T3 = X("T.dtensor3", T234)
for _n in ["sum", "prod", "mean", "var", "std", "max", "min"]:
    for _ax in ["None", "0", "1", "-1", "[0, 2]", "(0, 1)", "[0, 1, 2]", "-3"]:
        R(_n, "T.%s(x, axis=%s)" % (_n, _ax), [T3], grad=["x"])
    R(_n, "T.%s(x, axis=1, keepdims=True)" % _n, [T3], grad=["x"])
    R(_n, "T.%s(x, axis=None, keepdims=True)" % _n, [T3], grad=["x"])
    R(_n, "T.%s(x, axis=[0, 2], keepdims=True)" % _n, [T3], grad=["x"])
    R(_n, "T.%s(x)" % _n, [X("T.dmatrix", M23)], grad=["x"])
    R(_n, "T.%s(x, axis=0)" % _n, [X("T.fmatrix", M23)], grad=["x"], tag="float32")
    R(_n, "T.%s(x, axis=0)" % _n, [X(I8M, [[1, 2, 3], [100, 100, -3]])], tag="int8")
    R(_n, "T.%s(x)" % _n, [X("T.ivector", IV5)], tag="int32")
    R(_n, "T.%s(x)" % _n, [X(U8, [200, 100, 3])], tag="uint8")
    R(_n, "T.%s(x)" % _n, [X(BOOLV, [True, True, False])], tag="bool")
    R(_n, "T.%s(x)" % _n, [X("T.dscalar", 2.5)], tag="0-d")
    R(_n, "T.%s(x, axis=2)" % _n, [X("T.dmatrix", M23)], tag="axis out of range")
    R(_n, "T.%s(x, axis=[0, 0])" % _n, [X("T.dmatrix", M23)], tag="repeated axis")
    R(_n, "x.%s(axis=1)" % _n, [X("T.dmatrix", M23)], grad=["x"], tag="method")
    R(_n, "T.%s(x, axis=0)" % _n, [X("T.TensorType('float64', (True, False))", [[1.0, 2.0]])], grad=["x"],
      tag="reduce a broadcastable axis")
    R(_n, "T.%s(x, axis=1)" % _n, [X("T.dmatrix", [[NAN, 1.0], [2.0, 3.0]])], tag="nan")
for _n in ["sum", "prod", "max", "min", "mean"]:
    R(_n, "T.%s(x, axis=0)" % _n, [X("T.dmatrix", [[], []])], tag="empty reduction (shape (2, 0))")
    R(_n, "T.%s(x, axis=1)" % _n, [X("T.dmatrix", [[], []])], tag="empty reduction (shape (2, 0))")
R("sum", "T.sum(x, dtype='int8')", [X("T.ivector", [100, 100])], tag="explicit dtype")
R("sum", "T.sum(x, dtype='float32')", [X("T.dvector", V4)], grad=["x"])
R("sum", "T.sum(x, acc_dtype='int8')", [X(I8, [100, 100])], tag="explicit acc_dtype")
R("sum", "T.sum(x, axis=0)", [X(I8, [100, 100])], tag="int8 sum -> int64 (no overflow)")
R("sum", "T.sum(x)", [X(I16, [30000, 30000])])
R("sum", "T.sum(x)", [X("T.fvector", [1e8, 1.0, -1e8, 1.0])], tag="float32 accumulation")
R("prod", "T.prod(x)", [X("T.dvector", [2.0, 0.0, 3.0])], grad=["x"], tag="one zero")
R("prod", "T.prod(x)", [X("T.dvector", [2.0, 0.0, 0.0])], grad=["x"], tag="two zeros")
R("prod", "T.prod(x, axis=1)", [X("T.dmatrix", [[1.0, 0.0, 2.0], [3.0, 4.0, 0.5]])], grad=["x"], tag="zero in a row")
R("prod", "T.prod(x, no_zeros_in_input=True)", [X("T.dvector", [2.0, 0.5, 3.0])], grad=["x"])
R("prod", "T.prod(x, dtype='float32')", [X("T.ivector", [2, 3])])
R("mean", "T.mean(x, dtype='float32')", [X("T.dvector", V4)])
R("mean", "T.mean(x, acc_dtype='float32')", [X("T.ivector", [1, 2])])
R("mean", "T.mean(x)", [X(I8, [100, 100, 101])], tag="int8 mean")
R("var", "T.var(x, ddof=1)", [X("T.dvector", V4)], grad=["x"])
R("var", "T.var(x, corrected=True)", [X("T.dvector", V4)], grad=["x"])
R("std", "T.std(x, ddof=1)", [X("T.dvector", V4)], grad=["x"])
R("std", "T.std(x)", [X("T.dvector", [2.0, 2.0, 2.0])], grad=["x"], tag="std 0: grad at sqrt(0)")
R("var", "x.var()", [X("T.dmatrix", M23)], grad=["x"])
R("std", "x.std()", [X("T.dmatrix", M23)], grad=["x"])
R("mean", "x.mean()", [X("T.dmatrix", M23)], grad=["x"])
TIE = [X("T.dmatrix", [[1.0, 3.0, 3.0], [2.0, 2.0, -1.0]])]
for _n in ["max", "min", "argmax", "argmin", "max_and_argmax"]:
    _g = ["x"]
    R(_n, "T.%s(x, axis=1)" % _n, TIE, grad=_g, tag="ties")
    R(_n, "T.%s(x, axis=None)" % _n, TIE, grad=_g, tag="ties, axis None")
    R(_n, "T.%s(x, axis=0)" % _n, [T3], grad=_g)
    R(_n, "T.%s(x, axis=[0, 2])" % _n, [T3], grad=_g)
    R(_n, "T.%s(x, axis=-1)" % _n, [T3], grad=_g)
    R(_n, "T.%s(x)" % _n, [X("T.ivector", IV5)])
    R(_n, "T.%s(x, axis=0)" % _n, [X(BOOLV, [False, True, True])])
    R(_n, "T.%s(x, axis=0)" % _n, [X("T.dvector", [1.0, NAN, 3.0])], tag="nan")
    R(_n, "T.%s(x, axis=0)" % _n, [X("T.fvector", [1.0, 5.0, -3.0])], grad=_g)
    R(_n, "T.%s(x)" % _n, [X("T.dvector", [])], tag="empty")
for _n in ["argmax", "argmin", "max", "min"]:
    R(_n, "T.%s(x, axis=1, keepdims=True)" % _n, TIE, grad=["x"])
    R(_n, "x.%s()" % _n, TIE, tag="method, axis None")
    R(_n, "x.%s(axis=0)" % _n, TIE)
R("max_and_argmax", "T.max_and_argmax(x, axis=1)", TIE, grad=["x"], grad_out=[0, 1], tag="cost on both outputs")
R("max_and_argmax", "T.max_and_argmax(x, axis=1, keepdims=True)", TIE)
R("argmax", "T.argmax(x, axis=1)", [X("T.ivector", [1, 2])], tag="axis out of range")
R("argmax", "T.argmax(x)", [X("T.dscalar", 3.0)], tag="0-d")
for _n in ["all", "any"]:
    for _ax in ["None", "0", "1", "-1", "[0, 1]"]:
        R(_n, "T.%s(x, axis=%s)" % (_n, _ax), [X("T.dmatrix", [[0.0, 1.0, 2.0], [0.0, 0.0, 3.0]])])
    R(_n, "T.%s(x, axis=1, keepdims=True)" % _n, [X("T.ivector", [0, 1])])
    R(_n, "T.%s(x)" % _n, [X(BOOLV, [True, False])])
    R(_n, "T.%s(x)" % _n, [X(I8, [2, 3])])
    R(_n, "T.%s(x)" % _n, [X("T.dvector", [NAN, 0.0])], tag="nan is true")
    R(_n, "T.%s(x)" % _n, [X("T.dvector", [])], tag="empty")
    R(_n, "T.%s(x, axis=1)" % _n, [X(BOOLM, [[True, False], [True, True]])])
    R(_n, "x.%s()" % _n, [X("T.ivector", [0, 1])], tag="method")
    R(_n, "T.%s(x > 0)" % _n, [X("T.dvector", V4)], grad=["x"])
R("any", "T.any(x, axis=1, keepdims=True)", [X(BOOLM, [[True, False], [False, False]])])
# norms
R("norm", "x.norm(2)", [X("T.dmatrix", M23)], grad=["x"])
R("norm", "x.norm(1)", [X("T.dmatrix", M23)], grad=["x"])
R("norm", "x.norm(2, axis=0)", [X("T.dmatrix", M23)], grad=["x"])
R("norm", "x.norm(1, axis=0)", [X("T.dmatrix", M23)], grad=["x"])
R("norm", "x.norm(3, axis=1)", [X("T.dmatrix", M23)], grad=["x"])
R("norm", "x.norm(2)", [X("T.fvector", V4)], grad=["x"])
R("norm", "x.norm(2)", [X("T.ivector", [3, 4])], tag="int")
R("norm", "x.norm(1)", [X("T.dvector", [0.0, 0.0])], grad=["x"], tag="grad at 0")
R("norm", "x.norm(2)", [X("T.dvector", [0.0, 0.0])], grad=["x"], tag="grad at 0 (nan?)")
R("norm", "x.norm(2, axis=0, keepdims=True)", [X("T.dmatrix", M23)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, None)", [X("T.dmatrix", M23)], grad=["x"], tag="frobenius")
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 'fro')", [X("T.dmatrix", M23)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 1)", [X("T.dmatrix", M23)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 'inf')", [X("T.dmatrix", M23)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 2)", [X("T.dvector", V4)], grad=["x"])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 1)", [X("T.dvector", V4)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 'inf')", [X("T.dvector", V4)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 0)", [X("T.dvector", V5)])
R("nlinalg.norm", "theano.tensor.nlinalg.norm(x, 2)", [X("T.dmatrix", M23)], tag="2-norm of a matrix")
# cumulative ops
for _n, _fn in [("cumsum", "T.cumsum"), ("cumprod", "T.cumprod")]:
    R(_n, "%s(x)" % _fn, [X("T.dmatrix", M23)], grad=["x"], tag="axis None flattens")
    R(_n, "%s(x, axis=0)" % _fn, [X("T.dmatrix", M23)], grad=["x"])
    R(_n, "%s(x, axis=1)" % _fn, [X("T.dmatrix", M23)], grad=["x"])
    R(_n, "%s(x, axis=-1)" % _fn, [T3], grad=["x"])
    R(_n, "%s(x, axis=1)" % _fn, [T3], grad=["x"])
    R(_n, "%s(x)" % _fn, [X("T.fvector", V4)], grad=["x"])
    R(_n, "%s(x)" % _fn, [X(I8, [100, 100, 3])], tag="int8 dtype")
    R(_n, "%s(x)" % _fn, [X("T.ivector", IV5)])
    R(_n, "%s(x)" % _fn, [X(BOOLV, [True, True, False])])
    R(_n, "%s(x, axis=2)" % _fn, [X("T.dmatrix", M23)], tag="axis out of range")
    R(_n, "%s(x)" % _fn, [X("T.dvector", [2.0, 0.0, 3.0])], grad=["x"], tag="zero")
R("cumsum", "T.extra_ops.cumsum(x, axis=0)", [X("T.dmatrix", M23)], grad=["x"])
R("cumprod", "T.extra_ops.cumprod(x, axis=1)", [X("T.dmatrix", M23)], grad=["x"])
R("cumsum", "x.cumsum()", [X("T.dvector", V4)], tag="method")
R("cumprod", "x.cumprod(axis=0)", [X("T.dvector", V4)], tag="method")
R("ptp", "T.ptp(x, axis=1)", [X("T.dmatrix", M23)], grad=["x"])
R("ptp", "T.ptp(x)", [X("T.ivector", IV5)])

# ------------------------------------------------------------------------------------------ shapes
M = X("T.dmatrix", M23)
R("reshape", "x.reshape((3, 2))", [M], grad=["x"])
R("reshape", "T.reshape(x, (-1,))", [M], grad=["x"])
R("reshape", "T.reshape(x, (-1, 2))", [M], grad=["x"])
R("reshape", "T.reshape(x, (1, 6))", [M], tag="broadcastable from constant 1")
R("reshape", "T.reshape(x, (6, 1, 1))", [M])
R("reshape", "x.reshape(y.shape)", [M, X("T.dmatrix", M32, "y")], grad=["x"], tag="symbolic shape of another input")
R("reshape", "x.reshape((n, -1))", [M, X("T.iscalar", 3, "n")], grad=["x"], tag="symbolic dim")
R("reshape", "x.reshape((n, 2))", [M, X("T.lscalar", 3, "n")])
R("reshape", "x.reshape(s, ndim=2)", [M, X("T.lvector", [3, 2], "s")], tag="shape vector + ndim")
R("reshape", "x.reshape((4, 2))", [M], tag="size mismatch")
R("reshape", "x.reshape((-1, -1))", [M], tag="two -1")
R("reshape", "x.reshape(())", [X("T.dvector", [4.0])], tag="to 0-d")
R("reshape", "x.reshape((2, 3))", [X(I8, [1, 2, 3, 4, 5, 6])], tag="int8")
R("reshape", "x.reshape((2, 2, 2))", [X("T.dvector", [float(i) for i in range(8)])], grad=["x"])
R("reshape", "x.reshape(3, 2)", [M], tag="varargs shape")
R("reshape", "T.reshape(x, [2, 3], ndim=2)", [X("T.dvector", [float(i) for i in range(6)])])
R("flatten", "x.flatten()", [M], grad=["x"])
R("flatten", "T.flatten(x)", [T3], grad=["x"])
R("flatten", "T.flatten(x, 2)", [T3], grad=["x"])
R("flatten", "T.flatten(x, ndim=2)", [T3])
R("flatten", "T.flatten(x, outdim=2)", [T3], tag="deprecated outdim")
R("flatten", "T.flatten(x, 3)", [T3])
R("flatten", "T.flatten(x, 4)", [T3], tag="ndim too large")
R("flatten", "T.flatten(x, 1)", [X("T.TensorType('float64', (True, False))", [[1.0, 2.0]])], tag="broadcastable in")
R("flatten", "T.flatten(x, 2)", [X("T.TensorType('float64', (False, True, True))", [[[1.0]], [[2.0]]])])
R("flatten", "x.flatten(2)", [X("T.itensor3", IT234)])
R("dimshuffle", "x.dimshuffle(1, 0)", [M], grad=["x"])
R("dimshuffle", "x.dimshuffle('x', 0, 1)", [M], grad=["x"])
R("dimshuffle", "x.dimshuffle(0, 'x', 1)", [M], grad=["x"])
R("dimshuffle", "x.dimshuffle(1, 'x', 0, 'x')", [M], grad=["x"])
R("dimshuffle", "x.dimshuffle('x', 0)", [X("T.dvector", V3)], grad=["x"])
R("dimshuffle", "x.dimshuffle((0, 'x'))", [X("T.dvector", V3)], tag="tuple argument")
R("dimshuffle", "x.dimshuffle(2, 0, 1)", [T3], grad=["x"])
R("dimshuffle", "x.dimshuffle(1)", [X("T.drow", [[1.0, 2.0]])], grad=["x"], tag="drop broadcastable dim")
R("dimshuffle", "x.dimshuffle(1)", [M], tag="drop non-broadcastable dim")
R("dimshuffle", "x.dimshuffle(0, 0)", [M], tag="repeated dim")
R("dimshuffle", "x.dimshuffle('x')", [X("T.dscalar", 2.0)])
R("dimshuffle", "x.dimshuffle(0, 1, 2)", [M], tag="dim out of range")
R("dimshuffle", "x.dimshuffle(1, 0)", [X(I8M, [[1, 2], [3, 4]])])
R("transpose", "x.T", [M], grad=["x"])
R("transpose", "T.transpose(x)", [T3], grad=["x"])
R("transpose", "T.transpose(x, (2, 0, 1))", [T3], grad=["x"])
R("transpose", "x.transpose(1, 0, 2)", [T3])
R("transpose", "x.transpose()", [X("T.drow", [[1.0, 2.0]])])
R("transpose", "x.T", [X("T.dvector", V3)], tag="vector .T")
R("transpose", "x.T", [X("T.dscalar", 1.0)])
A2 = [X("T.dmatrix", M23, "a"), X("T.dmatrix", [[9.0, 8.0, 7.0]], "b")]
R("concatenate", "T.concatenate([a, b])", A2, grad=["a", "b"])
R("concatenate", "T.concatenate([a, b], axis=0)", A2)
R("concatenate", "T.concatenate([a, b.T], axis=1)", [X("T.dmatrix", M23, "a"), X("T.dmatrix", [[9.0, 8.0]], "b")], grad=["a", "b"])
R("concatenate", "T.concatenate([a, b], axis=-1)", [X("T.dmatrix", M23, "a"), X("T.dmatrix", [[9.0], [8.0]], "b")])
R("concatenate", "T.concatenate([a, b], axis=1)", A2, tag="shape mismatch")
R("concatenate", "T.concatenate([a, b])", [X("T.ivector", [1, 2], "a"), X("T.dvector", [0.5], "b")], tag="upcast")
R("concatenate", "T.concatenate([a, b])", [X(I8, [1, 2], "a"), X(BOOLV, [True], "b")])
R("concatenate", "T.concatenate([a, b])", [X("T.fvector", [1.0], "a"), X("T.ivector", [2], "b")])
R("concatenate", "T.concatenate([a, b, a])", [X("T.dvector", V3, "a"), X("T.dvector", [7.0], "b")], grad=["a", "b"])
R("concatenate", "T.concatenate([a])", [X("T.dvector", V3, "a")])
R("concatenate", "T.concatenate([a, b])", [X("T.dvector", V3, "a"), X("T.dmatrix", M23, "b")], tag="ndim mismatch")
R("concatenate", "T.concatenate([a, b], axis=2)", A2, tag="axis out of range")
R("concatenate", "T.concatenate([a, [1.0, 2.0]])", [X("T.dvector", V3, "a")], tag="python list member")
R("concatenate", "T.concatenate([a, b], axis=0)", [X("T.drow", [[1.0, 2.0]], "a"), X("T.drow", [[3.0, 4.0]], "b")],
  tag="broadcastable along the axis")
R("concatenate", "T.concatenate([a, b], axis=1)", [X("T.drow", [[1.0, 2.0]], "a"), X("T.drow", [[3.0, 4.0]], "b")])
R("concatenate", "T.concatenate((a, b), axis=n)", A2 + [X("T.iscalar", 0, "n")], tag="symbolic axis")
R("join", "T.join(0, a, b)", A2, grad=["a", "b"])
R("join", "T.join(1, a, b)", [X("T.dmatrix", M23, "a"), X("T.dmatrix", [[9.0], [8.0]], "b")])
R("join", "T.join(-1, a, b)", [X("T.dvector", V3, "a"), X("T.dvector", [7.0], "b")])
R("stack", "T.stack([a, b])", [X("T.dvector", V3, "a"), X("T.dvector", [7.0, 8.0, 9.0], "b")], grad=["a", "b"])
R("stack", "T.stack([a, b], axis=1)", [X("T.dvector", V3, "a"), X("T.dvector", [7.0, 8.0, 9.0], "b")], grad=["a", "b"])
R("stack", "T.stack([a, b], axis=-1)", A2[:1] + [X("T.dmatrix", M23, "b")])
R("stack", "T.stack([a, b], axis=2)", A2[:1] + [X("T.dmatrix", M23, "b")])
R("stack", "T.stack(a, b)", [X("T.dscalar", 1.0, "a"), X("T.dscalar", 2.0, "b")], grad=["a", "b"], tag="old varargs form")
R("stack", "T.stack([a, b])", [X("T.dscalar", 1.0, "a"), X("T.iscalar", 2, "b")], tag="mixed dtypes")
R("stack", "T.stack([a, 2])", [X(I8S, 1, "a")], tag="with python int")
R("stack", "T.stack([a, 2.5])", [X("T.fscalar", 1.0, "a")])
R("stack", "T.stack([a, b])", [X("T.dvector", V3, "a"), X("T.dvector", [7.0], "b")], tag="shape mismatch")
R("stack", "T.stack([a])", [X("T.dvector", V3, "a")])
R("stack", "T.stack([a, b], axis=3)", A2[:1] + [X("T.dmatrix", M23, "b")], tag="axis out of range")
R("stacklists", "T.stacklists([[a, b], [b, a]])", [X("T.dscalar", 1.0, "a"), X("T.dscalar", 2.0, "b")], grad=["a"])
R("horizontal_stack", "T.horizontal_stack(a, b)", [X("T.dmatrix", M23, "a"), X("T.dmatrix", [[9.0], [8.0]], "b")])
R("vertical_stack", "T.vertical_stack(a, b)", A2)
R("split", "T.split(x, [1, 2], 2, axis=0)", [X("T.dvector", V3)], grad=["x"], grad_out=[0, 1])
R("split", "T.split(x, [2, 1], 2, axis=1)", [M], grad=["x"], grad_out=[0, 1])
R("split", "T.split(x, s, 2, axis=0)", [X("T.dvector", V3), X("T.ivector", [2, 1], "s")], grad=["x"], grad_out=[1],
  tag="symbolic sizes")
R("split", "T.split(x, [1, 1], 2, axis=0)", [X("T.dvector", V3)], tag="sizes do not sum")
R("split", "T.split(x, [3], 1, axis=1)", [M])
R("split", "T.split(x, [0, 3], 2, axis=1)", [M], tag="empty piece")
R("split", "T.split(x, [1, 1], 2, axis=-1)", [X("T.dmatrix", [[1.0, 2.0], [3.0, 4.0]])])
R("tile", "T.tile(x, (2, 1))", [M], grad=["x"])
R("tile", "T.tile(x, (2, 3))", [M], grad=["x"])
R("tile", "T.tile(x, (3,))", [X("T.dvector", V3)], grad=["x"])
R("tile", "T.tile(x, (2, 2))", [X("T.dvector", V3)], tag="reps longer than ndim")
R("tile", "T.tile(x, (2, 2), ndim=2)", [X("T.dvector", V3)])
R("tile", "T.tile(x, (2,))", [M], tag="reps shorter than ndim")
R("tile", "T.tile(x, r)", [X("T.dvector", V3), X("T.ivector", [2], "r")], tag="symbolic reps vector")
R("tile", "T.tile(x, (n, 1))", [M, X("T.iscalar", 2, "n")], grad=["x"], tag="symbolic rep")
R("tile", "T.tile(x, (2, 1))", [X(I8M, [[1, 2]])])
R("tile", "T.tile(x, (0, 1))", [M], tag="zero reps")
for _fn, _n in [("T.repeat", "repeat"), ("T.extra_ops.repeat", "extra_ops.repeat")]:
    R(_n, "%s(x, 2, axis=0)" % _fn, [M], grad=["x"])
    R(_n, "%s(x, 2, axis=1)" % _fn, [M], grad=["x"])
    R(_n, "%s(x, 2)" % _fn, [M], grad=["x"], tag="axis None flattens")
    R(_n, "%s(x, r, axis=0)" % _fn, [M, X("T.lvector", [1, 3], "r")], grad=["x"], tag="per-element repeats")
    R(_n, "%s(x, r, axis=0)" % _fn, [X("T.dvector", V3), X("T.ivector", [0, 2, 1], "r")], grad=["x"])
    R(_n, "%s(x, n, axis=0)" % _fn, [X("T.dvector", V3), X("T.iscalar", 2, "n")], grad=["x"], tag="symbolic scalar")
    R(_n, "%s(x, 2, axis=-1)" % _fn, [T3])
    R(_n, "%s(x, 2, axis=0)" % _fn, [X(I8, [1, 2])])
    R(_n, "%s(x, r, axis=0)" % _fn, [X("T.dvector", V3), X("T.ivector", [1, 2], "r")], tag="repeats length mismatch")
    R(_n, "%s(x, 1.5, axis=0)" % _fn, [X("T.dvector", V3)], tag="float repeats")
R("repeat", "x.repeat(2, axis=0)", [X("T.dvector", V3)], tag="method")
R("repeat", "T.repeat(x, 3, axis=0)", [X("T.drow", [[1.0, 2.0]])], tag="broadcastable axis")
R("roll", "T.roll(x, 1)", [X("T.dvector", V5)], grad=["x"])
R("roll", "T.roll(x, -1)", [X("T.dvector", V5)], grad=["x"])
R("roll", "T.roll(x, 7)", [X("T.dvector", V5)], tag="shift > length")
R("roll", "T.roll(x, 1)", [M], grad=["x"], tag="axis None flattens")
R("roll", "T.roll(x, -1, axis=1)", [M], grad=["x"])
R("roll", "T.roll(x, 1, axis=0)", [M])
R("roll", "T.roll(x, 2, axis=-1)", [T3])
R("roll", "T.roll(x, s, axis=0)", [X("T.dvector", V5), X("T.iscalar", 2, "s")], grad=["x"], tag="symbolic shift")
R("roll", "T.roll(x, 1, axis=0)", [X(I8, [1, 2, 3])])
R("squeeze", "T.squeeze(x)", [X("T.drow", [[1.0, 2.0, 3.0]])], grad=["x"])
R("squeeze", "T.squeeze(x)", [X("T.dmatrix", [[1.0, 2.0, 3.0]])], tag="not broadcastable -> unchanged")
R("squeeze", "T.squeeze(x)", [X("T.TensorType('float64', (True, False, True))", [[[1.0], [2.0]]])], grad=["x"])
R("squeeze", "T.squeeze(x)", [X("T.TensorType('float64', (True, True))", [[5.0]])], tag="to 0-d")
R("squeeze", "T.extra_ops.squeeze(x)", [X("T.dcol", [[1.0], [2.0]])], grad=["x"])
R("squeeze", "x.squeeze()", [X("T.dcol", [[1.0], [2.0]])], tag="method")
R("addbroadcast", "T.addbroadcast(x, 0)", [X("T.dmatrix", [[1.0, 2.0, 3.0]])], grad=["x"])
R("addbroadcast", "T.addbroadcast(x, 0, 1)", [X("T.dmatrix", [[1.0]])])
R("addbroadcast", "T.addbroadcast(x, 0)", [X("T.dmatrix", M23)], tag="dim is not 1 -> runtime error")
R("addbroadcast", "T.addbroadcast(x, 0) + y", [X("T.dmatrix", [[1.0, 2.0, 3.0]]), X("T.dmatrix", M23, "y")],
  grad=["x", "y"], tag="then broadcast")
R("addbroadcast", "T.addbroadcast(x, 2)", [M], tag="axis out of range")
R("unbroadcast", "T.unbroadcast(x, 0)", [X("T.drow", [[1.0, 2.0]])], grad=["x"])
R("unbroadcast", "T.unbroadcast(x, 0, 1)", [X("T.TensorType('float64', (True, True))", [[1.0]])])
R("unbroadcast", "T.unbroadcast(x, 1)", [X("T.drow", [[1.0, 2.0]])], tag="already not broadcastable")
R("patternbroadcast", "T.patternbroadcast(x, (True, False))", [X("T.dmatrix", [[1.0, 2.0]])], grad=["x"])
R("patternbroadcast", "T.patternbroadcast(x, (False, False))", [X("T.drow", [[1.0, 2.0]])])
R("patternbroadcast", "T.patternbroadcast(x, (True, False))", [M], tag="runtime mismatch")
R("patternbroadcast", "T.patternbroadcast(x, (True,))", [M], tag="wrong length")
R("shape_padleft", "T.shape_padleft(x)", [M], grad=["x"])
R("shape_padleft", "T.shape_padleft(x, 2)", [X("T.dvector", V3)])
R("shape_padleft", "T.shape_padleft(x, 0)", [X("T.dvector", V3)])
R("shape_padright", "T.shape_padright(x)", [M], grad=["x"])
R("shape_padright", "T.shape_padright(x, 2)", [X("T.dvector", V3)])
R("shape_padaxis", "T.shape_padaxis(x, 1)", [M], grad=["x"])
R("shape_padaxis", "T.shape_padaxis(x, 0)", [X("T.dvector", V3)])
R("shape_padaxis", "T.shape_padaxis(x, -1)", [M])
R("shape_padaxis", "T.shape_padaxis(x, 2)", [M])
R("shape_padaxis", "T.shape_padaxis(x, 3)", [M], tag="axis out of range")
R("swapaxes", "T.swapaxes(x, 0, 1)", [M], grad=["x"])
R("swapaxes", "T.swapaxes(x, 0, 2)", [T3], grad=["x"])
R("swapaxes", "T.swapaxes(x, -1, 0)", [T3])
R("swapaxes", "x.swapaxes(0, 1)", [M], tag="method")
R("sort", "T.sort(x)", [X("T.dvector", [3.0, -1.0, 2.0, 2.0, 0.5])], grad=["x"], tag="with a tie")
R("sort", "T.sort(x, axis=0)", [M], grad=["x"])
R("sort", "T.sort(x)", [M], grad=["x"], tag="default axis -1")
R("sort", "T.sort(x, axis=None)", [M], grad=["x"])
R("sort", "T.sort(x, axis=1)", [T3], grad=["x"])
R("sort", "T.sort(x)", [X("T.ivector", IV5[::-1])])
R("sort", "T.sort(x)", [X(I8, [3, -2, 1])])
R("sort", "T.sort(x)", [X("T.dvector", [2.0, NAN, -1.0])], tag="nan sorts last")
R("sort", "T.sort(x)", [X(BOOLV, [True, False, True])])
R("sort", "x.sort()", [X("T.dvector", [3.0, 1.0, 2.0])], tag="method")
R("argsort", "T.argsort(x)", [X("T.dvector", [3.0, -1.0, 2.0, 2.0, 0.5])], grad=["x"])
R("argsort", "T.argsort(x, axis=0)", [M])
R("argsort", "T.argsort(x, axis=None)", [M])
R("argsort", "T.argsort(x)", [T3])
R("argsort", "T.argsort(x)", [X("T.ivector", [5, 5, 5, 1, 1])], tag="ties")
R("argsort", "x.argsort()", [X("T.dvector", [3.0, 1.0, 2.0])], tag="method")
R("diag", "T.diag(x)", [X("T.dvector", V3)], grad=["x"])
R("diag", "T.diag(x)", [M], grad=["x"])
R("diag", "T.diag(x)", [X("T.dmatrix", SQ3)])
R("diag", "T.diag(x)", [T3], tag="3-d rejected")
R("diag", "T.diag(x)", [X("T.ivector", [1, 2])])
R("diagonal", "T.diagonal(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("diagonal", "T.diagonal(x, 1)", [X("T.dmatrix", SQ3)], grad=["x"])
R("diagonal", "T.diagonal(x, -1)", [X("T.dmatrix", SQ3)], grad=["x"])
R("diagonal", "T.diagonal(x, 0, 1, 2)", [T3])
R("diagonal", "T.diagonal(x)", [X("T.dmatrix", M34)], tag="rectangular")
R("diagonal", "x.diagonal()", [X("T.dmatrix", SQ3)], tag="method")
R("diagonal", "T.diagonal(x)", [X("T.dvector", V3)], tag="1-d rejected")
R("trace", "x.trace()", [X("T.dmatrix", SQ3)], grad=["x"], tag="method")
R("trace", "x.trace()", [X("T.dmatrix", M34)], tag="rectangular")
R("nlinalg.trace", "theano.tensor.nlinalg.trace(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.trace", "theano.tensor.nlinalg.trace(x)", [X("T.imatrix", [[1, 2], [3, 4]])])
R("nlinalg.trace", "theano.tensor.nlinalg.trace(x)", [X("T.dvector", V3)], tag="1-d rejected")
R("fill", "T.fill(x, 3.0)", [M], grad=["x"])
R("fill", "T.fill(x, y)", [M, X("T.dscalar", 2.5, "y")], grad=["x", "y"])
R("fill", "T.fill(x, 3)", [X("T.ivector", [1, 2])])
R("fill", "T.fill(x, 0.5)", [X("T.ivector", [1, 2])], tag="float into int model")
R("fill", "x.fill(7)", [X("T.fvector", [1.0, 2.0])], tag="method")
R("second", "T.second(x, y)", [M, X("T.dvector", [1.0, 2.0, 3.0], "y")], grad=["x", "y"])
R("alloc", "T.alloc(0.0, 2, 3)", [])
R("alloc", "T.alloc(x, 2, 3)", [X("T.dvector", V3)], grad=["x"], tag="broadcast a vector")
R("alloc", "T.alloc(x, 2, 3)", [X("T.dscalar", 1.5)], grad=["x"])
R("alloc", "T.alloc(x, n, 3)", [X("T.dscalar", 1.5), X("T.iscalar", 2, "n")], grad=["x"], tag="symbolic dim")
R("alloc", "T.alloc(x, 1, 3)", [X("T.dscalar", 1.5)], tag="broadcastable dim")
R("alloc", "T.alloc(x, 4, 2, 3)", [X("T.dmatrix", M23)], grad=["x"])
R("alloc", "T.alloc(x, 2, 2)", [X("T.dvector", V3)], tag="incompatible")
R("alloc", "T.alloc(x, 2)", [X("T.dmatrix", M23)], tag="fewer dims than value")
R("alloc", "T.alloc(x, 3)", [X(I8S, 4)])
R("alloc", "T.alloc(1, 2)", [], tag="int constant value")
R("alloc", "T.alloc(np.float32(1), 2)", [])
for _n in ["zeros", "ones"]:
    R(_n, "T.%s((2, 3))" % _n, [])
    R(_n, "T.%s((2, 3), dtype='int32')" % _n, [])
    R(_n, "T.%s((n, 2))" % _n, [X("T.iscalar", 3, "n")], tag="symbolic shape")
    R(_n, "T.%s(s)" % _n, [X("T.lvector", [2, 1], "s")], tag="shape vector")
    R(_n, "T.%s(())" % _n, [])
    R(_n, "T.%s((1, 2))" % _n, [], tag="broadcastable pattern")
    R(_n, "T.%s(3, dtype='bool')" % _n, [], tag="int shape argument")
    R(_n + "_like", "T.%s_like(x)" % _n, [M], grad=["x"])
    R(_n + "_like", "T.%s_like(x, dtype='int8')" % _n, [M])
    R(_n + "_like", "T.%s_like(x)" % _n, [X("T.ivector", [1, 2])])
    R(_n + "_like", "T.%s_like(x)" % _n, [X("T.drow", [[1.0, 2.0]])], tag="keeps broadcastable")
R("zeros", "T.zeros((2, 3), dtype='float32')", [])
R("ones", "T.ones([2], dtype='bool')", [])
R("eye", "T.eye(3)", [])
R("eye", "T.eye(2, 3)", [])
R("eye", "T.eye(3, 3, 1)", [])
R("eye", "T.eye(3, 3, -1)", [])
R("eye", "T.eye(n)", [X("T.iscalar", 2, "n")])
R("eye", "T.eye(n, m, k)", [X("T.iscalar", 2, "n"), X("T.iscalar", 3, "m"), X("T.iscalar", 1, "k")])
R("eye", "T.eye(2, dtype='int32')", [])
R("eye", "T.eye(3, 3, 5)", [], tag="offset beyond size")
R("identity_like", "T.identity_like(x)", [M])
R("identity_like", "T.identity_like(x)", [X("T.imatrix", [[1, 2], [3, 4]])])
R("identity_like", "T.identity_like(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("arange", "T.arange(5)", [])
R("arange", "T.arange(2, 8, 3)", [])
R("arange", "T.arange(5, 0, -2)", [])
R("arange", "T.arange(0, 1, 0.25)", [])
R("arange", "T.arange(0, 1, 0.1)", [])
R("arange", "T.arange(1.5)", [])
R("arange", "T.arange(5, dtype='int8')", [])
R("arange", "T.arange(5, dtype='float32')", [])
R("arange", "T.arange(n)", [X("T.iscalar", 4, "n")])
R("arange", "T.arange(n)", [X("T.lscalar", 4, "n")])
R("arange", "T.arange(n)", [X(I8S, 4, "n")])
R("arange", "T.arange(a, b, c)", [X("T.iscalar", 1, "a"), X("T.iscalar", 10, "b"), X("T.iscalar", 3, "c")])
R("arange", "T.arange(a, b, c)", [X("T.iscalar", 10, "a"), X("T.iscalar", 1, "b"), X("T.iscalar", -4, "c")])
R("arange", "T.arange(a, b)", [X("T.iscalar", 5, "a"), X("T.iscalar", 2, "b")], tag="empty")
R("arange", "T.arange(a)", [X("T.dscalar", 2.5, "a")], grad=["a"], tag="float bound")
R("arange", "T.arange(a)", [X("T.fscalar", 2.5, "a")])
R("arange", "T.arange(0, a, 0.5)", [X("T.dscalar", 2.0, "a")])
R("arange", "T.arange(n, dtype='float64')", [X("T.iscalar", 3, "n")])
R("arange", "T.arange(start=1, stop=n)", [X("T.iscalar", 4, "n")], tag="keyword start/stop")
R("arange", "T.arange(0, 5, 0)", [], tag="zero step")
R("arange", "T.arange(n, step=2)", [X("T.iscalar", 5, "n")], tag="keyword step")
R("arange", "T.arange(-3)", [], tag="negative stop -> empty")
R("arange", "T.arange(a, b, c)", [X("T.dscalar", 0.1, "a"), X("T.dscalar", 7.3, "b"), X("T.dscalar", 0.7, "c")],
  tag="numpy's fill: first + i * (second - first), each rounded")
R("arange", "T.arange(a, b, c)", [X("T.fscalar", -5.0, "a"), X("T.fscalar", 1.1, "b"), X("T.fscalar", 1.2, "c")],
  tag="float32 bounds")
R("arange", "T.arange(a, b, c)", [X("T.dscalar", -3.3, "a"), X("T.dscalar", 40.1, "b"), X("T.dscalar", 0.37, "c")])
R("mgrid", "T.mgrid[0:2, 0:3]", [])
R("mgrid", "T.mgrid[0:n, 1:4:2]", [X("T.iscalar", 2, "n")])
R("mgrid", "T.mgrid[0:1:0.5]", [])
R("ogrid", "T.ogrid[0:2, 0:3]", [])
R("ogrid", "T.ogrid[0:n]", [X("T.iscalar", 3, "n")])
R("as_tensor_variable", "T.as_tensor_variable([1, 2, 3])", [])
R("as_tensor_variable", "T.as_tensor_variable([1.5, 2])", [])
R("as_tensor_variable", "T.as_tensor_variable([0.1, 2])", [])
R("as_tensor_variable", "T.as_tensor_variable(300)", [])
R("as_tensor_variable", "T.as_tensor_variable(2 ** 40)", [])
R("as_tensor_variable", "T.as_tensor_variable(True)", [])
R("as_tensor_variable", "T.as_tensor_variable([[1, 2]])", [], tag="broadcastable from shape")
R("as_tensor_variable", "T.as_tensor_variable(np.zeros((2, 1), dtype='float32'))", [])
R("as_tensor_variable", "T.as_tensor_variable([x, x])", [X("T.dscalar", 1.5)], grad=["x"], tag="list of variables")
R("as_tensor_variable", "T.as_tensor_variable([x, 2])", [X(I8S, 3)])
R("as_tensor_variable", "T.as_tensor_variable(x, ndim=1)", [X("T.drow", [[1.0, 2.0]])], tag="drop broadcastable")
R("as_tensor_variable", "T.as_tensor_variable(x, ndim=1)", [M], tag="cannot drop")
R("as_tensor_variable", "T.as_tensor_variable('abc')", [], tag="string")
R("as_tensor_variable", "T.as_tensor_variable(None)", [])
R("as_tensor_variable", "T.as_tensor_variable([x, y])", [X("T.dvector", V3), X("T.dvector", V3, "y")])
R("constant", "T.constant(1.5)", [])
R("constant", "T.constant(0.1)", [])
R("constant", "T.constant(3)", [])
R("constant", "T.constant(300)", [])
R("constant", "T.constant([1, 2])", [])
R("constant", "T.constant([1.0, 2.0], dtype='float32')", [])
R("constant", "T.constant(np.ones((1, 3)))", [])
R("constant", "T.constant(2, name='c') * x", [X("T.fvector", [1.0, 2.0])])
R("constant", "T.constant(np.int8(3))", [])
R("constant", "T.constant(True)", [])
R("shape", "x.shape", [M])
R("shape", "T.shape(x)", [T3])
R("shape", "x.shape[1]", [M])
R("shape", "x.shape[-1]", [X("T.dvector", V3)])
R("shape", "x.shape[0] * 2", [X("T.dvector", V3)])
R("shape", "x.shape", [X("T.dscalar", 1.0)])
R("size", "x.size", [M])
R("ndim", "T.as_tensor_variable(x.ndim)", [T3])
R("tensor_copy", "T.tensor_copy(x)", [M], grad=["x"])
R("copy", "x.copy()", [M], grad=["x"], tag="method")
R("copy", "x.copy(name='y')", [X("T.ivector", [1, 2])])
R("xlogx.xlogy0", "theano.tensor.xlogx.xlogy0(x, y)", [X("T.dvector", [0.0, 1.0, 2.0], "x"), X("T.dvector", [0.0, 2.0, 0.5], "y")],
  grad=["y"])
R("xlogx.xlogx", "theano.tensor.xlogx.xlogx(x)", [X("T.dvector", [0.0, 0.5, 2.0])], grad=["x"])
R("choose", "T.choose(a, [x, y])", [X("T.ivector", [0, 1, 0], "a"), X("T.dvector", V3, "x"), X("T.dvector", [7.0, 8.0, 9.0], "y")],
  grad=["x", "y"])

# ------------------------------------------------------------------------------------------ indexing
V = X("T.dvector", [10.0, 11.0, 12.0, 13.0, 14.0])
IV = [V, X("T.ivector", [0, 2, 2, -1], "i")]
MX34 = X("T.dmatrix", M34)
R("subtensor", "x[1]", [V], grad=["x"])
R("subtensor", "x[-1]", [V], grad=["x"])
R("subtensor", "x[1:]", [V], grad=["x"])
R("subtensor", "x[::-1]", [V], grad=["x"])
R("subtensor", "x[::-2]", [V], grad=["x"])
R("subtensor", "x[3:0:-1]", [V], grad=["x"])
R("subtensor", "x[1:4:2]", [V])
R("subtensor", "x[-2:]", [V])
R("subtensor", "x[-10:2]", [V], tag="clipped start")
R("subtensor", "x[7:]", [V], tag="empty")
R("subtensor", "x[5]", [V], tag="out of range at call")
R("subtensor", "x[-6]", [V], tag="out of range at call")
R("subtensor", "x[a]", [V, X("T.iscalar", -2, "a")], grad=["x"], tag="symbolic index")
R("subtensor", "x[a]", [V, X("T.iscalar", 5, "a")], tag="symbolic index out of range")
R("subtensor", "x[a:b]", [V, X("T.iscalar", 1, "a"), X("T.iscalar", 4, "b")], grad=["x"])
R("subtensor", "x[a:]", [V, X("T.iscalar", -2, "a")])
R("subtensor", "x[:b]", [V, X("T.lscalar", 10, "b")])
R("subtensor", "x[a:b:c]", [V, X("T.iscalar", 4, "a"), X("T.iscalar", 0, "b"), X("T.iscalar", -2, "c")], grad=["x"])
R("subtensor", "x[::c]", [V, X("T.iscalar", 0, "c")], tag="zero step at call")
R("subtensor", "x[a]", [V, X(I8S, 1, "a")], tag="int8 scalar index")
R("subtensor", "x[a]", [V, X("T.dscalar", 1.0, "a")], tag="float index")
R("subtensor", "x[1.0]", [V], tag="python float index")
R("subtensor", "x[1]", [M], grad=["x"])
R("subtensor", "x[:, 1]", [M], grad=["x"])
R("subtensor", "x[1, 2]", [M], grad=["x"])
R("subtensor", "x[-1, ::-1]", [M], grad=["x"])
R("subtensor", "x[:, 1:]", [M])
R("subtensor", "x[0][1]", [M], tag="chained")
R("subtensor", "x[:, a:b]", [M, X("T.iscalar", 0, "a"), X("T.iscalar", 2, "b")], grad=["x"])
R("subtensor", "x[..., 1]", [T3], grad=["x"])
R("subtensor", "x[1, ...]", [T3])
R("subtensor", "x[0, ..., 1:3]", [T3])
R("subtensor", "x[None, :, 1]", [M], grad=["x"], tag="newaxis")
R("subtensor", "x[:, None]", [M])
R("subtensor", "x[:, np.newaxis, 1:]", [M])
R("subtensor", "x[1, None, None]", [M])
R("subtensor", "x[..., None]", [X("T.dvector", V3)])
R("subtensor", "x[1, 2, 3]", [M], tag="too many indices")
R("subtensor", "x[0]", [X("T.drow", [[1.0, 2.0]])])
R("subtensor", "x[:, 0]", [X("T.drow", [[1.0, 2.0]])], tag="broadcastable kept?")
R("subtensor", "x[0:1]", [M], tag="length-1 slice: broadcastable?")
R("subtensor", "x[1]", [X("T.ivector", [1, 2, 3])])
R("subtensor", "x[()]", [X("T.dscalar", 1.0)])
R("advanced_subtensor1", "x[i]", IV, grad=["x"], tag="repeated and negative indices")
R("advanced_subtensor1", "x[[0, 2, 2]]", [V], grad=["x"], tag="python list")
R("advanced_subtensor1", "x[np.array([4, 0])]", [V])
R("advanced_subtensor1", "x[i]", [V, X("T.lvector", [0, 5], "i")], tag="out of range")
R("advanced_subtensor1", "x[i]", [V, X(I8, [1, -5], "i")], tag="int8 indices")
R("advanced_subtensor1", "x[i]", [V, X(U8, [1, 4], "i")], tag="uint8 indices")
R("advanced_subtensor1", "x[i]", [V, X("T.dvector", [1.0], "i")], tag="float indices")
R("advanced_subtensor1", "x[i]", [X("T.dmatrix", M34), X("T.ivector", [2, 0, 2], "i")], grad=["x"], tag="matrix rows")
R("advanced_subtensor1", "x[i]", [X("T.imatrix", [[1, 2], [3, 4]]), X("T.ivector", [1, 1], "i")])
R("advanced_subtensor1", "x.take(i, axis=0)", IV, tag="take")
R("advanced_subtensor1", "T.take(x, i, axis=1)", [MX34, X("T.ivector", [3, 0], "i")])
R("advanced_subtensor1", "x[i]", [V, X("T.ivector", [], "i")], tag="empty index")
R("advanced_subtensor", "x[:, i]", [MX34, X("T.ivector", [3, 0, 3], "i")], grad=["x"])
R("advanced_subtensor", "x[i, j]", [MX34, X("T.ivector", [0, 2, 2], "i"), X("T.ivector", [1, 3, 3], "j")], grad=["x"])
R("advanced_subtensor", "p[T.arange(n), y]", [X("T.dmatrix", M34, "p"), X("T.iscalar", 3, "n"),
                                               X("T.ivector", [1, 0, 3], "y")], grad=["p"], tag="nll pattern")
R("advanced_subtensor", "p[T.arange(y.shape[0]), y]", [X("T.fmatrix", M34, "p"), X("T.lvector", [1, 0, 3], "y")],
  grad=["p"])
R("advanced_subtensor", "x[i, 1:]", [MX34, X("T.ivector", [2, 0], "i")], grad=["x"])
R("advanced_subtensor", "x[1:, i]", [MX34, X("T.ivector", [2, 0], "i")], grad=["x"])
R("advanced_subtensor", "x[:, i, :]", [T3, X("T.ivector", [2, 0], "i")], grad=["x"])
R("advanced_subtensor", "x[i, :, j]", [T3, X("T.ivector", [1, 0], "i"), X("T.ivector", [3, 2], "j")], grad=["x"],
  tag="non-adjacent advanced indices")
R("advanced_subtensor", "x[:, i, j]", [T3, X("T.ivector", [1, 0], "i"), X("T.ivector", [3, 2], "j")])
R("advanced_subtensor", "x[i]", [V, X("T.imatrix", [[0, 1], [4, 4]], "i")], grad=["x"], tag="2-d index")
R("advanced_subtensor", "x[i, 0]", [MX34, X("T.ivector", [2, 1], "i")])
R("advanced_subtensor", "x[i, j]", [MX34, X("T.ivector", [0, 1], "i"), X("T.ivector", [1, 2, 3], "j")], tag="mismatch")
R("advanced_subtensor", "x[i, j]", [MX34, X("T.icol", [[0], [2]], "i"), X("T.ivector", [1, 3], "j")],
  tag="broadcast index arrays")
R("advanced_boolean_subtensor", "x[x > 11.5]", [V], grad=["x"], tag="boolean mask")
R("advanced_boolean_subtensor", "x[m]", [V, X(BOOLV, [True, False, True, False, False], "m")], grad=["x"])
R("advanced_boolean_subtensor", "x[m]", [MX34, X(BOOLM, [[True, False, True, False], [False, False, False, True],
                                                          [True, True, False, False]], "m")], grad=["x"])
R("advanced_boolean_subtensor", "x[m]", [MX34, X(BOOLV, [True, False, True], "m")], grad=["x"], tag="row mask")
R("advanced_boolean_subtensor", "x[:, m]", [MX34, X(BOOLV, [True, False, True, False], "m")])
R("advanced_boolean_subtensor", "x[m]", [V, X(BOOLV, [True, False], "m")], tag="mask length mismatch")
R("advanced_boolean_subtensor", "x[[True, False, True, False, False]]", [V], tag="python bool list")
R("advanced_boolean_subtensor", "x[T.nonzero(x > 11.5)]", [V], grad=["x"], tag="via nonzero")
R("advanced_boolean_subtensor", "x[np.array([True, False, True, False, False])]", [V], tag="numpy bool array")
# set_subtensor / inc_subtensor
_SETS = [
    ("x[1]", "T.dvector", [5.0], "vector element (y 0-d)", None),
    ("x[1:]", "T.dvector", [5.0, 6.0, 7.0, 8.0], "slice", None),
    ("x[::-1]", "T.dvector", [1.0, 2.0, 3.0, 4.0, 5.0], "reversed slice", None),
    ("x[::2]", "T.dscalar", 5.0, "strided slice, broadcast scalar", None),
    ("x[i]", "T.dvector", [1.0, 2.0, 3.0, 4.0], "repeated indices [0,2,2,-1]", "I"),
    ("x[[0, 0, 1]]", "T.dvector", [1.0, 2.0, 4.0], "python list with repeats", None),
    ("x[x > 11.5]", "T.dvector", [1.0, 2.0, 3.0], "boolean mask", None),
]
for _idx, _yc, _yv, _tag, _extra in _SETS:
    _ins = [V] + ([X("T.ivector", [0, 2, 2, -1], "i")] if _extra else []) + [X(_yc, _yv, "y")]
    if _idx == "x[1]":
        _ins[-1] = X("T.dscalar", 5.0, "y")
    for _n in ["set_subtensor", "inc_subtensor"]:
        R(_n, "T.%s(%s, y)" % (_n, _idx), _ins, grad=["x", "y"], tag=_tag)
_M2 = [X("T.dmatrix", M34), X("T.dvector", [1.0, 2.0, 3.0, 4.0], "y")]
for _n in ["set_subtensor", "inc_subtensor"]:
    R(_n, "T.%s(x[1], y)" % _n, _M2, grad=["x", "y"], tag="matrix row")
    R(_n, "T.%s(x[:, 1], y[:3])" % _n, _M2, grad=["x", "y"], tag="matrix column")
    R(_n, "T.%s(x[1:, ::2], 1.0)" % _n, [X("T.dmatrix", M34)], grad=["x"], tag="constant into slice")
    R(_n, "T.%s(x[:, a:b], y)" % _n, [X("T.dmatrix", M34), X("T.iscalar", 1, "a"), X("T.iscalar", 3, "b"),
                                      X("T.dvector", [5.0, 6.0], "y")], grad=["x", "y"], tag="symbolic slice, broadcast y")
    R(_n, "T.%s(x[i], y)" % _n, [X("T.dmatrix", M34), X("T.ivector", [2, 0, 2], "i"), X("T.dvector", [1.0, 2.0, 3.0, 4.0], "y")],
      grad=["x", "y"], tag="repeated rows, broadcast y")
    R(_n, "T.%s(x[i], y)" % _n, [X("T.dmatrix", M34), X("T.ivector", [2, 0, 2], "i"), X("T.dmatrix", M34, "y")],
      grad=["x", "y"], tag="repeated rows, full y")
    R(_n, "T.%s(p[T.arange(3), t], y)" % _n, [X("T.dmatrix", M34, "p"), X("T.ivector", [1, 0, 3], "t"),
                                               X("T.dvector", [7.0, 8.0, 9.0], "y")], grad=["p", "y"], tag="p[arange, t]")
    R(_n, "T.%s(x[i, j], y)" % _n, [X("T.dmatrix", M34), X("T.ivector", [0, 0, 2], "i"), X("T.ivector", [1, 1, 3], "j"),
                                     X("T.dvector", [1.0, 2.0, 3.0], "y")], grad=["x", "y"], tag="repeated (i, j) pairs")
    R(_n, "T.%s(x[:, i], y)" % _n, [X("T.dmatrix", M34), X("T.ivector", [3, 3], "i"), X("T.dscalar", 2.0, "y")],
      grad=["x", "y"], tag="repeated columns")
    R(_n, "T.%s(x[m], y)" % _n, [X("T.dmatrix", M34), X(BOOLV, [True, False, True], "m"), X("T.dscalar", 2.0, "y")],
      grad=["x", "y"], tag="boolean row mask")
    R(_n, "T.%s(x[x > 1], 0.0)" % _n, [X("T.dmatrix", M34)], grad=["x"], tag="boolean elementwise mask")
    R(_n, "T.%s(x[..., 0], y)" % _n, [T3, X("T.dmatrix", M23, "y")], grad=["x", "y"], tag="ellipsis")
    R(_n, "T.%s(x[None, 1], y)" % _n, [X("T.dvector", V3), X("T.dvector", [5.0], "y")], tag="newaxis")
    R(_n, "T.%s(x[1], 2.5)" % _n, [X("T.ivector", [1, 2, 3])], tag="float into int: cast rejected")
    R(_n, "T.%s(x[1], 2)" % _n, [X("T.ivector", [1, 2, 3])], tag="int into int")
    R(_n, "T.%s(x[1], y)" % _n, [X("T.fvector", [1.0, 2.0, 3.0]), X("T.dscalar", 2.0, "y")], tag="float64 into float32")
    R(_n, "T.%s(x[1], y)" % _n, [X("T.dvector", [1.0, 2.0, 3.0]), X("T.fscalar", 2.0, "y")], tag="float32 into float64")
    R(_n, "T.%s(x[1:3], y)" % _n, [X("T.dvector", V3), X("T.dvector", [1.0, 2.0, 3.0], "y")], tag="shape mismatch")
    R(_n, "T.%s(x[i], y)" % _n, [X("T.dvector", V3), X("T.ivector", [0, 1], "i"), X("T.dvector", [1.0, 2.0, 3.0], "y")],
      tag="adv. shape mismatch")
    R(_n, "T.%s(x, y)" % _n, [X("T.dvector", V3), X("T.dvector", V3, "y")], tag="not a subtensor")
    R(_n, "T.%s(x[i], y)" % _n, [X("T.dvector", V3), X("T.ivector", [5], "i"), X("T.dscalar", 1.0, "y")],
      tag="index out of range")
R("inc_subtensor", "T.inc_subtensor(x[i], y, set_instead_of_inc=True)", [V, X("T.ivector", [1, 1], "i"),
                                                                           X("T.dvector", [2.0, 3.0], "y")])
R("inc_subtensor", "T.inc_subtensor(x[[0, 0, 1]], 1.0)", [V], grad=["x"], tag="constant with repeats")
R("set_subtensor", "T.set_subtensor(x[[0, 0, 1]], 1.0)", [V], grad=["x"])
R("inc_subtensor", "T.inc_subtensor(x[2:], y)", [X("T.ivector", [1, 2, 3, 4]), X(I8, [1, 1], "y")], tag="int8 into int32")

# ----------------------------------------------------------------------------------- linear algebra
VA = X("T.dvector", V3, "a")
VB = X("T.dvector", [2.0, 0.5, -1.0], "b")
MA23 = X("T.dmatrix", M23, "a")
MB34 = X("T.dmatrix", M34, "b")
R("dot", "T.dot(a, b)", [VA, VB], grad=["a", "b"], tag="vv")
R("dot", "T.dot(a, b)", [VA, MB34], grad=["a", "b"], tag="vm")
R("dot", "T.dot(a, b)", [MA23, VB], grad=["a", "b"], tag="mv")
R("dot", "T.dot(a, b)", [MA23, MB34], grad=["a", "b"], tag="mm")
R("dot", "T.dot(a, b)", [X("T.dtensor3", T234, "a"), X("T.dmatrix", [[1.0, 0.0], [2.0, -1.0], [0.5, 0.5], [1.0, 3.0]], "b")],
  grad=["a", "b"], tag="tensor3 . matrix")
R("dot", "T.dot(a, b)", [MA23, X("T.dtensor3", [[[1.0, 2.0]] * 3] * 2, "b")], tag="matrix . tensor3 (shape mismatch?)")
R("dot", "T.dot(a, b)", [X("T.dmatrix", M32, "a"), X("T.dtensor3", B232, "b")], grad=["a", "b"], tag="matrix . tensor3")
R("dot", "T.dot(a, b)", [X("T.dvector", [1.0, 2.0, 3.0, 4.0], "a"), X("T.dtensor3", T234, "b")], tag="vector . tensor3")
R("dot", "T.dot(a, b)", [X("T.dtensor3", T234, "a"), X("T.dvector", [1.0, 2.0, 3.0, 4.0], "b")], grad=["a"],
  tag="tensor3 . vector")
R("dot", "T.dot(a, b)", [X("T.dtensor3", B223, "a"), X("T.dtensor3", B232, "b")], tag="tensor3 . tensor3")
R("dot", "T.dot(a, b)", [X("T.dscalar", 2.0, "a"), MB34], grad=["a", "b"], tag="scalar . matrix")
R("dot", "T.dot(a, b)", [MA23, X("T.dmatrix", M23, "b")], tag="shape mismatch at call")
R("dot", "T.dot(a, b)", [X("T.ivector", [1, 2], "a"), X("T.ivector", [3, 4], "b")], tag="int32 vv")
R("dot", "T.dot(a, b)", [X("T.imatrix", [[1, 2]], "a"), X("T.imatrix", [[3], [4]], "b")], tag="int32 mm")
R("dot", "T.dot(a, b)", [X(I8, [100, 100], "a"), X(I8, [2, 2], "b")], tag="int8 dot overflow")
R("dot", "T.dot(a, b)", [X("T.fmatrix", M23, "a"), X("T.dmatrix", M34, "b")], grad=["a", "b"], tag="float32 . float64")
R("dot", "T.dot(a, b)", [X("T.fmatrix", M23, "a"), X("T.fmatrix", M34, "b")], grad=["a", "b"], tag="float32 mm")
R("dot", "T.dot(a, b)", [X("T.ivector", [1, 2, 3], "a"), X("T.dmatrix", M34, "b")], grad=["b"], tag="int . float")
R("dot", "T.dot(a, b)", [X(BOOLV, [True, False, True], "a"), X(BOOLV, [True, True, False], "b")], tag="bool")
R("dot", "a.dot(b)", [MA23, MB34], grad=["a"], tag="method")
R("dot", "T.dot(a, b)", [X("T.drow", [[1.0, 2.0, 3.0]], "a"), X("T.dcol", [[1.0], [2.0], [0.5]], "b")], tag="row . col")
R("dot", "a.T.dot(b)", [MA23, X("T.dmatrix", [[1.0, 2.0], [3.0, -1.0]], "b")], grad=["a", "b"], tag="transposed operand")
R("tensordot", "T.tensordot(a, b, axes=1)", [MA23, MB34], grad=["a", "b"])
R("tensordot", "T.tensordot(a, b, axes=[[1], [0]])", [MA23, MB34], grad=["a", "b"])
R("tensordot", "T.tensordot(a, b, axes=2)", [X("T.dtensor3", T234, "a"), X("T.dmatrix", M34, "b")], grad=["a", "b"])
R("tensordot", "T.tensordot(a, b, axes=[[0, 2], [0, 1]])", [X("T.dtensor3", T234, "a"),
                                                             X("T.dmatrix", [[1.0, 0.5, -1.0, 2.0], [0.0, 1.5, 2.5, -0.5]], "b")],
  grad=["a", "b"], tag="contract axes 0 and 2")
R("tensordot", "T.tensordot(a, b, axes=[[1, 0], [0, 1]])", [MA23, X("T.dmatrix", M32, "b")], grad=["a", "b"],
  tag="swapped axes order")
R("tensordot", "T.tensordot(a, b, axes=0)", [VA, VB], grad=["a", "b"], tag="outer product")
R("tensordot", "T.tensordot(a, b, axes=[1, 0])", [MA23, MB34], tag="axes as pair of ints")
R("tensordot", "T.tensordot(a, b, axes=1)", [X("T.ivector", [1, 2], "a"), X("T.imatrix", [[1, 2], [3, 4]], "b")])
R("tensordot", "T.tensordot(a, b, axes=[[0], [1]])", [MA23, MB34], tag="mismatched dims")
R("batched_dot", "T.batched_dot(a, b)", [X("T.dtensor3", B223, "a"), X("T.dtensor3", B232, "b")], grad=["a", "b"])
R("batched_dot", "T.batched_dot(a, b)", [X("T.dmatrix", [[1.0, 2.0], [3.0, 4.0]], "a"), X("T.dmatrix", [[0.5, 1.0], [2.0, -1.0]], "b")],
  grad=["a", "b"], tag="matrix x matrix: rowwise dot")
R("batched_dot", "T.batched_dot(a, b)", [X("T.dtensor3", B223, "a"), X("T.dmatrix", [[1.0, 0.0, 2.0], [0.5, 1.0, -1.0]], "b")],
  grad=["a", "b"], tag="tensor3 x matrix")
R("batched_dot", "T.batched_dot(a, b)", [X("T.ftensor3", B223, "a"), X("T.ftensor3", B232, "b")], tag="float32")
R("batched_dot", "T.batched_dot(a, b)", [X("T.dtensor3", B223, "a"), X("T.dtensor3", B223, "b")], tag="shape mismatch")
R("batched_tensordot", "T.batched_tensordot(a, b, axes=[[2], [1]])", [X("T.dtensor3", B223, "a"), X("T.dtensor3", B232, "b")],
  grad=["a", "b"])
R("batched_tensordot", "T.batched_tensordot(a, b, axes=1)", [X("T.dtensor3", B223, "a"), X("T.dtensor3", B232, "b")])
R("outer", "T.outer(a, b)", [VA, X("T.dvector", [1.0, -1.0], "b")], grad=["a", "b"])
R("outer", "T.outer(a, b)", [X("T.ivector", [1, 2], "a"), X("T.fvector", [1.0, -1.0], "b")])
R("outer", "T.outer(a, b)", [MA23, VB], tag="matrix operand flattened?")
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.fmatrix", SPD3)], grad=["x"])
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 4.0]])],
  tag="singular")
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.imatrix", [[2, 1], [1, 1]])], tag="int")
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.dvector", V3)], tag="1-d rejected")
R("nlinalg.matrix_inverse", "theano.tensor.nlinalg.matrix_inverse(x)", [X("T.dmatrix", M23)], tag="non-square")
R("nlinalg.det", "theano.tensor.nlinalg.det(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.det", "theano.tensor.nlinalg.det(x)", [X("T.fmatrix", SQ3)], grad=["x"])
R("nlinalg.det", "theano.tensor.nlinalg.det(x)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 4.0]])], grad=["x"], tag="singular")
R("nlinalg.det", "theano.tensor.nlinalg.det(x)", [X("T.imatrix", [[2, 1], [1, 3]])], tag="int")
R("nlinalg.det", "theano.tensor.nlinalg.det(x)", [X("T.dmatrix", M23)], tag="non-square")
_EIGSORT = "(lambda wv: [T.sort(wv[0]), wv[1].shape])(theano.tensor.nlinalg.eig(x))"
R("nlinalg.eig", "theano.tensor.nlinalg.eig(x)", [X("T.dmatrix", SPD3)], check="meta", tag="raw outputs: dtype/shape only")
R("nlinalg.eig", _EIGSORT, [X("T.dmatrix", SPD3)], tag="sorted eigenvalues")
R("nlinalg.eig", "theano.tensor.nlinalg.eig(x)", [X("T.fmatrix", SPD3)], check="meta")
R("nlinalg.eig", "theano.tensor.nlinalg.eig(x)", [X("T.dmatrix", [[0.0, -1.0], [1.0, 0.0]])], check="meta",
  tag="complex eigenvalues")
R("nlinalg.eigh", "theano.tensor.nlinalg.eigh(x)", [X("T.dmatrix", SPD3)], check="meta")
R("nlinalg.eigh", "theano.tensor.nlinalg.eigh(x)[0]", [X("T.dmatrix", SPD3)], grad=["x"], tag="eigenvalues (ascending)")
R("nlinalg.eigh", "(lambda wv: T.dot(wv[1] * wv[0], wv[1].T))(theano.tensor.nlinalg.eigh(x))", [X("T.dmatrix", SPD3)],
  grad=["x"], tag="reconstruction (sign-invariant)")
R("nlinalg.eigh", "(lambda wv: abs(wv[1]))(theano.tensor.nlinalg.eigh(x))", [X("T.dmatrix", SPD3)],
  tag="|eigenvectors|")
R("nlinalg.eigh", "theano.tensor.nlinalg.eigh(x, 'U')[0]", [X("T.dmatrix", [[4.0, 1.0], [-7.0, 3.0]])],
  tag="UPLO='U' reads the upper triangle")
R("nlinalg.eigh", "theano.tensor.nlinalg.eigh(x)[0]", [X("T.dmatrix", [[4.0, 1.0], [-7.0, 3.0]])],
  tag="default UPLO='L' reads the lower triangle")
R("nlinalg.eigh", "theano.tensor.nlinalg.eigh(x)[0]", [X("T.fmatrix", SPD3)], grad=["x"])
R("nlinalg.svd", "theano.tensor.nlinalg.svd(x)", [X("T.dmatrix", M23)], check="meta", tag="full_matrices=True")
R("nlinalg.svd", "theano.tensor.nlinalg.svd(x, full_matrices=False)", [X("T.dmatrix", M23)], check="meta")
R("nlinalg.svd", "theano.tensor.nlinalg.svd(x, compute_uv=False)", [X("T.dmatrix", M23)], grad=["x"])
R("nlinalg.svd", "theano.tensor.nlinalg.svd(x, compute_uv=False)", [X("T.fmatrix", M34)])
R("nlinalg.svd", "(lambda usv: T.dot(usv[0] * usv[1], usv[2]))(theano.tensor.nlinalg.svd(x, full_matrices=False))",
  [X("T.dmatrix", M23)], tag="reconstruction")
R("nlinalg.qr", "theano.tensor.nlinalg.qr(x)", [X("T.dmatrix", M32)], check="meta", tag="mode='reduced'")
R("nlinalg.qr", "(lambda qr: T.dot(qr[0], qr[1]))(theano.tensor.nlinalg.qr(x))", [X("T.dmatrix", M32)],
  tag="reconstruction")
R("nlinalg.qr", "abs(theano.tensor.nlinalg.qr(x, mode='r'))", [X("T.dmatrix", M32)], tag="|R|")
R("nlinalg.qr", "theano.tensor.nlinalg.qr(x, mode='complete')", [X("T.dmatrix", M32)], check="meta")
R("nlinalg.qr", "theano.tensor.nlinalg.qr(x, mode='raw')", [X("T.dmatrix", M32)], check="meta")
R("nlinalg.qr", "theano.tensor.nlinalg.qr(x)", [X("T.fmatrix", M32)], check="meta")
R("nlinalg.pinv", "theano.tensor.nlinalg.pinv(x)", [X("T.dmatrix", M23)])
R("nlinalg.pinv", "theano.tensor.nlinalg.pinv(x)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 4.0]])], tag="rank deficient")
R("nlinalg.pinv", "theano.tensor.nlinalg.pinv(x)", [X("T.fmatrix", M23)])
R("nlinalg.matrix_dot", "theano.tensor.nlinalg.matrix_dot(a, b, c)", [MA23, MB34, X("T.dvector", V4, "c")], grad=["a", "b", "c"])
R("nlinalg.matrix_dot", "theano.tensor.nlinalg.matrix_dot(a)", [MA23])
R("nlinalg.diag", "theano.tensor.nlinalg.diag(x)", [X("T.dvector", V3)], grad=["x"])
R("nlinalg.diag", "theano.tensor.nlinalg.diag(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.diag", "theano.tensor.nlinalg.diag(x)", [X("T.dmatrix", M23)], tag="rectangular")
R("nlinalg.diag", "theano.tensor.nlinalg.diag(x)", [T3], tag="3-d rejected")
R("nlinalg.alloc_diag", "theano.tensor.nlinalg.alloc_diag(x)", [X("T.dvector", V3)], grad=["x"])
R("nlinalg.extract_diag", "theano.tensor.nlinalg.extract_diag(x)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.matrix_power", "theano.tensor.nlinalg.matrix_power(x, 3)", [X("T.dmatrix", SQ3)], grad=["x"])
R("nlinalg.matrix_power", "theano.tensor.nlinalg.matrix_power(x, 0)", [X("T.dmatrix", SQ3)])
R("nlinalg.lstsq", "theano.tensor.nlinalg.lstsq()(a, b, -1)[0]", [X("T.dmatrix", M32, "a"), X("T.dvector", V3, "b")])
R("nlinalg.tensorinv", "theano.tensor.nlinalg.tensorinv(x)", [X("T.dmatrix", SQ3)])
R("nlinalg.tensorsolve", "theano.tensor.nlinalg.tensorsolve(a, b)", [X("T.dmatrix", SQ3, "a"), X("T.dvector", V3, "b")])
R("slinalg.cholesky", "theano.tensor.slinalg.cholesky(x)", [X("T.dmatrix", SPD3)], grad=["x"])
R("slinalg.cholesky", "theano.tensor.slinalg.cholesky(x)", [X("T.fmatrix", SPD3)], grad=["x"])
R("slinalg.cholesky", "theano.tensor.slinalg.Cholesky(lower=False)(x)", [X("T.dmatrix", SPD3)], grad=["x"], tag="upper")
R("slinalg.cholesky", "theano.tensor.slinalg.cholesky(x)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 1.0]])], tag="not PD")
R("slinalg.cholesky", "theano.tensor.slinalg.cholesky(x)", [X("T.dmatrix", [[4.0, 100.0], [1.0, 3.0]])],
  tag="asymmetric input: which triangle is read")
R("slinalg.cholesky", "theano.tensor.slinalg.Cholesky(on_error='nan')(x)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 1.0]])],
  tag="on_error='nan'")
R("slinalg.cholesky", "theano.tensor.slinalg.cholesky(x)", [X("T.imatrix", [[4, 2], [2, 3]])], tag="int")
R("slinalg.solve", "theano.tensor.slinalg.solve(a, b)", [X("T.dmatrix", SQ3, "a"), X("T.dvector", V3, "b")], grad=["a", "b"])
R("slinalg.solve", "theano.tensor.slinalg.solve(a, b)", [X("T.dmatrix", SQ3, "a"), X("T.dmatrix", M32, "b")], grad=["a", "b"])
R("slinalg.solve", "theano.tensor.slinalg.solve(a, b)", [X("T.fmatrix", SQ3, "a"), X("T.fvector", V3, "b")], grad=["a", "b"])
R("slinalg.solve", "theano.tensor.slinalg.solve(a, b)", [X("T.dmatrix", [[1.0, 2.0], [2.0, 4.0]], "a"),
                                                          X("T.dvector", [1.0, 2.0], "b")], tag="singular")
R("slinalg.solve_lower_triangular", "theano.tensor.slinalg.solve_lower_triangular(a, b)",
  [X("T.dmatrix", LOWER3, "a"), X("T.dvector", V3, "b")], grad=["a", "b"])
R("slinalg.solve_upper_triangular", "theano.tensor.slinalg.solve_upper_triangular(a, b)",
  [X("T.dmatrix", UPPER3, "a"), X("T.dvector", V3, "b")], grad=["a", "b"])
R("slinalg.solve_lower_triangular", "theano.tensor.slinalg.solve_lower_triangular(a, b)",
  [X("T.dmatrix", SQ3, "a"), X("T.dvector", V3, "b")], tag="upper triangle ignored")
R("slinalg.solve_symmetric", "theano.tensor.slinalg.solve_symmetric(a, b)", [X("T.dmatrix", SPD3, "a"), X("T.dvector", V3, "b")],
  grad=["a", "b"])
R("slinalg.eigvalsh", "theano.tensor.slinalg.eigvalsh(a, b)", [X("T.dmatrix", SPD3, "a"), X("T.dmatrix", [[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.5]], "b")],
  grad=["a", "b"], tag="generalized")
R("slinalg.eigvalsh", "theano.tensor.slinalg.eigvalsh(a, None)", [X("T.dmatrix", SPD3, "a")], grad=["a"], tag="b=None")
R("slinalg.kron", "theano.tensor.slinalg.kron(a, b)", [X("T.dmatrix", [[1.0, 2.0], [3.0, 4.0]], "a"), X("T.dmatrix", [[0.5, -1.0]], "b")],
  grad=["a", "b"])
R("slinalg.kron", "theano.tensor.slinalg.kron(a, b)", [X("T.dvector", [1.0, 2.0], "a"), X("T.dvector", [0.5, -1.0], "b")])
R("slinalg.expm", "theano.tensor.slinalg.expm(x)", [X("T.dmatrix", [[0.0, 1.0], [-0.5, 0.2]])], grad=["x"])

# -------------------------------------------------------------------------------------------- extra_ops
R("extra_ops.bincount", "T.extra_ops.bincount(x)", [X("T.ivector", [0, 1, 1, 3])])
R("extra_ops.bincount", "T.extra_ops.bincount(x, minlength=6)", [X("T.ivector", [0, 1, 1, 3])])
R("extra_ops.bincount", "T.extra_ops.bincount(x, minlength=2)", [X("T.ivector", [0, 1, 1, 3])], tag="minlength < max")
R("extra_ops.bincount", "T.extra_ops.bincount(x, weights=w)", [X("T.ivector", [0, 1, 1, 3]), X("T.dvector", V4, "w")],
  grad=["w"])
R("extra_ops.bincount", "T.extra_ops.bincount(x, weights=w)", [X("T.ivector", [0, 1, 1, 3]), X("T.fvector", V4, "w")])
R("extra_ops.bincount", "T.extra_ops.bincount(x)", [X("T.lvector", [2, 2])])
R("extra_ops.bincount", "T.extra_ops.bincount(x)", [X(I8, [2, 0])])
R("extra_ops.bincount", "T.extra_ops.bincount(x)", [X("T.ivector", [0, -1])], tag="negative input")
R("extra_ops.bincount", "T.extra_ops.bincount(x)", [X("T.dvector", [0.0, 1.0])], tag="float input")
R("extra_ops.bincount", "T.extra_ops.bincount(x, assert_nonneg=True)", [X("T.ivector", [0, -1])])
R("bincount", "T.bincount(x)", [X("T.ivector", [0, 1, 1, 3])])
for _n in [1, 2]:
    R("extra_ops.diff", "T.extra_ops.diff(x, n=%d)" % _n, [X("T.dvector", [1.0, 4.0, 2.0, 8.0])], grad=["x"])
    R("extra_ops.diff", "T.extra_ops.diff(x, n=%d, axis=0)" % _n, [X("T.dmatrix", M34)], grad=["x"])
R("extra_ops.diff", "T.extra_ops.diff(x)", [X("T.dmatrix", M34)], tag="default axis -1")
R("extra_ops.diff", "T.extra_ops.diff(x, n=5)", [X("T.dvector", [1.0, 4.0])], tag="n > length")
R("extra_ops.diff", "T.extra_ops.diff(x)", [X("T.ivector", [1, 4, 2])])
R("extra_ops.diff", "T.extra_ops.diff(x)", [X(I8, [1, 4, 2])])
R("extra_ops.diff", "T.extra_ops.diff(x)", [X(BOOLV, [True, False, False])])
R("extra_ops.squeeze", "T.extra_ops.squeeze(x)", [X("T.TensorType('float64', (False, True))", [[1.0], [2.0]])], grad=["x"])
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 4)", [X("T.ivector", [1, 0, 3], "y")])
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 4, dtype='int32')", [X("T.ivector", [1, 0, 3], "y")])
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 2)", [X("T.lvector", [1, 0, 1], "y")])
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, n)", [X("T.ivector", [1, 0], "y"), X("T.iscalar", 3, "n")])
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 2)", [X("T.ivector", [1, 5], "y")], tag="index out of range")
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 3)", [X("T.dvector", [1.0, 2.0], "y")], tag="float labels")
R("extra_ops.to_one_hot", "T.extra_ops.to_one_hot(y, 3)", [X("T.imatrix", [[1]], "y")], tag="matrix labels")
R("extra_ops.Unique", "T.extra_ops.Unique()(x)", [X("T.ivector", [3, 1, 3, 2, 1])])
R("extra_ops.Unique", "T.extra_ops.Unique()(x)", [X("T.dmatrix", [[2.0, 1.0], [1.0, 0.5]])], tag="flattens")
R("extra_ops.Unique", "T.extra_ops.Unique(True, True, True)(x)", [X("T.ivector", [3, 1, 3, 2, 1])], tag="all outputs")
R("extra_ops.Unique", "T.extra_ops.Unique(return_inverse=True)(x)", [X("T.dvector", [0.5, -1.0, 0.5])])
R("extra_ops.Unique", "T.extra_ops.Unique(return_counts=True)(x)", [X(I8, [1, 1, 0])])
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, v)", [X("T.dmatrix", SQ3, "a"), X("T.dscalar", 7.0, "v")],
  grad=["a", "v"])
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, 5)", [X("T.dmatrix", M34, "a")], tag="rectangular")
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, 5)", [X("T.imatrix", [[1, 2], [3, 4]], "a")])
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, 0.5)", [X("T.imatrix", [[1, 2], [3, 4]], "a")],
  tag="float into int")
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, 5.0)", [X("T.dtensor3", [[[0.0] * 2] * 2] * 2, "a")],
  tag="3-d")
R("extra_ops.fill_diagonal", "T.extra_ops.fill_diagonal(a, v)", [X("T.dmatrix", SQ3, "a"), X("T.dvector", V3, "v")],
  tag="vector value rejected")
R("extra_ops.fill_diagonal_offset", "T.extra_ops.fill_diagonal_offset(a, v, 1)", [X("T.dmatrix", M34, "a"), X("T.dscalar", 7.0, "v")],
  grad=["a", "v"])
R("extra_ops.fill_diagonal_offset", "T.extra_ops.fill_diagonal_offset(a, v, -1)", [X("T.dmatrix", M34, "a"), X("T.dscalar", 7.0, "v")])
R("extra_ops.cumsum", "T.extra_ops.cumsum(x, axis=-1)", [X("T.dmatrix", M23)], grad=["x"])
R("extra_ops.cumprod", "T.extra_ops.cumprod(x)", [X("T.ivector", [1, 2, 3])])
R("extra_ops.searchsorted", "T.extra_ops.searchsorted(a, v)", [X("T.dvector", [1.0, 2.0, 2.0, 5.0], "a"), X("T.dvector", [2.0, 0.0, 6.0], "v")])
R("extra_ops.searchsorted", "T.extra_ops.searchsorted(a, v, side='right')", [X("T.dvector", [1.0, 2.0, 2.0, 5.0], "a"),
                                                                             X("T.dvector", [2.0, 0.0, 6.0], "v")])
R("extra_ops.compress", "T.extra_ops.compress(c, x, axis=0)", [X(BOOLV, [True, False, True], "c"), X("T.dmatrix", M34)],
  grad=["x"])
R("extra_ops.compress", "T.extra_ops.compress(c, x)", [X("T.ivector", [1, 0, 1], "c"), X("T.dvector", V4)])
R("extra_ops.ravel_multi_index", "T.extra_ops.ravel_multi_index((i, j), (3, 4))", [X("T.ivector", [0, 2], "i"), X("T.ivector", [1, 3], "j")])
R("extra_ops.unravel_index", "T.extra_ops.unravel_index(i, (3, 4))", [X("T.ivector", [1, 11], "i")])
R("extra_ops.bartlett", "T.extra_ops.bartlett(n)", [X("T.iscalar", 5, "n")])

# ---------------------------------------------------------------------------------- variable methods
R("nonzero", "x.nonzero()", [X("T.dmatrix", M23Z)], tag="tuple of index vectors")
R("nonzero", "T.nonzero(x)", [X("T.dvector", [0.0, 1.0, 0.0, 2.0])])
R("nonzero", "T.nonzero(x, return_matrix=True)", [X("T.dmatrix", M23Z)])
R("nonzero", "T.nonzero(x)", [X(BOOLV, [True, False, True])])
R("nonzero", "T.nonzero(x)", [X("T.dscalar", 1.0)], tag="0-d")
R("flatnonzero", "T.flatnonzero(x)", [X("T.dmatrix", M23Z)])
R("nonzero_values", "T.nonzero_values(x)", [X("T.dmatrix", M23Z)], grad=["x"])
R("nonzero_values", "x.nonzero_values()", [X("T.ivector", [0, 3, 0, 4])])
R("argmax", "x.argmax()", [X("T.dmatrix", M23)])
R("argmax", "x.argmax(axis=0)", [X("T.dmatrix", M23)])
R("argmin", "x.argmin(axis=-1)", [X("T.dmatrix", M23)])
R("sum", "x.sum()", [X("T.dmatrix", M23)], grad=["x"])
R("sum", "x.sum(axis=[0, 1], keepdims=True)", [X("T.dmatrix", M23)])
R("prod", "x.prod(axis=0)", [X("T.dmatrix", M23)], grad=["x"])
R("max", "x.max(axis=1)", [X("T.dmatrix", M23)], grad=["x"])
R("min", "x.min()", [X("T.dmatrix", M23)], grad=["x"])
R("mean", "x.mean(axis=0)", [X("T.ivector", [1, 2])], tag="int mean -> float64")
R("round", "x.round()", [X("T.dvector", HALVES)], tag="method")
R("round", "x.round(mode='half_to_even')", [X("T.dvector", HALVES)])
R("conj", "z.conj()", [X("T.zvector", ZV, "z")])
R("dot", "x.dot(y)", [X("T.dmatrix", M23), X("T.dvector", V3, "y")], grad=["x", "y"])
R("abs_", "x.__abs__()", [X("T.dvector", V5)])
R("transpose", "x.transpose(1, 0)", [M])
R("ravel", "x.ravel()", [M], tag="ravel method")
R("repeat", "x.repeat(r)", [X("T.dvector", V3), X("T.ivector", [1, 0, 2], "r")])
R("any", "x.any(axis=0)", [M])
R("astype", "x.astype('bool')", [X("T.dvector", [0.0, 0.5])])
R("astype", "x.astype(np.float32)", [X("T.dvector", [0.0, 0.5])], tag="numpy dtype class")
R("sort", "x.sort(axis=0)", [M])
R("norm", "x.norm(L=2, axis=1)", [M], grad=["x"])

# -------------------------------------------------------------------------- nnet (names used by legacy code)
_NN = "theano.tensor.nnet."
for _n in ["sigmoid", "softplus", "relu", "elu", "hard_sigmoid", "ultra_fast_sigmoid", "softsign"]:
    R("nnet." + _n, _NN + "%s(x)" % _n, [X("T.dmatrix", M23Z)], grad=["x"])
    R("nnet." + _n, _NN + "%s(x)" % _n, [X("T.fvector", V5)], grad=["x"])
    R("nnet." + _n, _NN + "%s(x)" % _n, [X("T.ivector", IV5)], tag="int input")
R("nnet.sigmoid", _NN + "sigmoid(x)", [X("T.dvector", [-800.0, -40.0, 40.0, 800.0])], grad=["x"], tag="saturation")
R("nnet.softplus", _NN + "softplus(x)", [X("T.dvector", [-800.0, -40.0, 40.0, 800.0])], grad=["x"], tag="saturation")
R("nnet.relu", _NN + "relu(x, 0.1)", [X("T.dvector", V5)], grad=["x"], tag="leaky")
R("nnet.relu", _NN + "relu(x, a)", [X("T.dvector", V5), X("T.dscalar", 0.2, "a")], grad=["x", "a"], tag="symbolic alpha")
R("nnet.elu", _NN + "elu(x, 0.5)", [X("T.dvector", V5)], grad=["x"])
R("nnet.softmax", _NN + "softmax(x)", [X("T.dmatrix", M23)], grad=["x"])
R("nnet.softmax", _NN + "softmax(x)", [X("T.fmatrix", M23)], grad=["x"])
R("nnet.softmax", _NN + "softmax(x)", [X("T.dvector", V3)], grad=["x"], tag="vector input")
R("nnet.softmax", _NN + "softmax(x)", [X("T.dmatrix", [[1000.0, 0.0], [-1000.0, 1000.0]])], grad=["x"], tag="stability")
R("nnet.softmax", _NN + "softmax(x)", [T3], tag="3-d input")
R("nnet.logsoftmax", _NN + "logsoftmax(x)", [X("T.dmatrix", M23)], grad=["x"])
R("nnet.categorical_crossentropy", _NN + "categorical_crossentropy(p, y)",
  [X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "p"), X("T.ivector", [2, 0], "y")], grad=["p"], tag="int targets")
R("nnet.categorical_crossentropy", _NN + "categorical_crossentropy(p, y)",
  [X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "p"), X("T.dmatrix", [[0.0, 0.0, 1.0], [0.5, 0.5, 0.0]], "y")],
  grad=["p", "y"], tag="distribution targets")
R("nnet.categorical_crossentropy", _NN + "categorical_crossentropy(" + _NN + "softmax(x), y)",
  [X("T.dmatrix", M23), X("T.ivector", [2, 0], "y")], grad=["x"], tag="softmax + xent fusion")
R("nnet.categorical_crossentropy", _NN + "categorical_crossentropy(p, y)",
  [X("T.fmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "p"), X("T.lvector", [2, 0], "y")], grad=["p"])
R("nnet.binary_crossentropy", _NN + "binary_crossentropy(p, t)",
  [X("T.dvector", [0.1, 0.5, 0.9], "p"), X("T.dvector", [0.0, 1.0, 1.0], "t")], grad=["p", "t"])
R("nnet.binary_crossentropy", _NN + "binary_crossentropy(p, t)",
  [X("T.fvector", [0.1, 0.5, 0.9], "p"), X("T.ivector", [0, 1, 1], "t")], grad=["p"])
R("nnet.binary_crossentropy", _NN + "binary_crossentropy(" + _NN + "sigmoid(x), t)",
  [X("T.dvector", V3), X("T.dvector", [0.0, 1.0, 1.0], "t")], grad=["x"])
R("nnet.binary_crossentropy", _NN + "binary_crossentropy(p, t)",
  [X("T.dvector", [0.0, 1.0], "p"), X("T.dvector", [0.0, 1.0], "t")], tag="p at 0 and 1")
R("nnet.crossentropy_categorical_1hot", _NN + "crossentropy_categorical_1hot(p, y)",
  [X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "p"), X("T.ivector", [2, 0], "y")], grad=["p"])
R("nnet.conv2d", _NN + "conv2d(x, w)", [X("T.dtensor4", [[[[float((i * 4 + j) % 5 - 2) for j in range(4)] for i in range(4)]]]),
                                          X("T.dtensor4", [[[[1.0, 0.5], [-1.0, 2.0]]], [[[0.0, 1.0], [1.0, 0.0]]]], "w")],
  grad=["x", "w"], tag="valid, filter flipped")
R("nnet.conv2d", _NN + "conv2d(x, w, border_mode='half', subsample=(2, 2), filter_flip=False)",
  [X("T.dtensor4", [[[[float((i * 4 + j) % 5 - 2) for j in range(4)] for i in range(4)]]]),
   X("T.dtensor4", [[[[1.0, 0.5, 0.0], [-1.0, 2.0, 1.0], [0.0, 0.5, 0.5]]]], "w")], grad=["x", "w"])
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, (2, 2), ignore_border=True)",
  [X("T.dtensor4", [[[[float((i * 5 + j) % 7 - 3) for j in range(5)] for i in range(4)]]])], grad=["x"])
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, (2, 2), ignore_border=False, mode='average_exc_pad')",
  [X("T.dtensor4", [[[[float((i * 5 + j) % 7 - 3) for j in range(5)] for i in range(4)]]])], grad=["x"])
_IMG = [[[[float((i * 5 + j) % 7 - 3) for j in range(5)] for i in range(4)]]]          # (1, 1, 4, 5)
_IMG2 = [[[[float((c + i * 4 + j) % 5 - 2) for j in range(4)] for i in range(4)] for c in range(2)]]  # (1, 2, 4, 4)
_W2 = [[[[1.0, 0.5], [-1.0, 2.0]], [[0.0, 1.0], [1.0, 0.0]]]]                       # (1, 2, 2, 2)
_VOL = [[[[[float((d + i * 3 + j) % 5 - 2) for j in range(3)] for i in range(3)] for d in range(3)]]]  # (1,1,3,3,3)
_VW = [[[[[1.0, -1.0], [0.5, 2.0]], [[0.0, 1.0], [1.0, 0.5]]]]]                     # (1, 1, 2, 2, 2)
R("nnet.conv2d", _NN + "conv2d(input=x, filters=w, input_shape=(1, 2, 4, 4), filter_shape=(1, 2, 2, 2), "
  "filter_dilation=(2, 2))", [X("T.dtensor4", _IMG2), X("T.dtensor4", _W2, "w")], grad=["x", "w"],
  tag="keyword form, dilation")
R("nnet.conv2d", _NN + "conv2d(x, w, border_mode='full')", [X("T.dtensor4", _IMG2), X("T.dtensor4", _W2, "w")],
  grad=["x", "w"])
R("nnet.conv2d", _NN + "conv2d(x, w, border_mode=(1, 0), subsample=(1, 2))",
  [X("T.ftensor4", _IMG2), X("T.ftensor4", _W2, "w")], grad=["x", "w"], tag="float32, explicit padding")
R("nnet.conv.conv2d", _NN + "conv.conv2d(input=x, filters=w, image_shape=(1, 2, 4, 4), filter_shape=(1, 2, 2, 2), "
  "border_mode='full')", [X("T.dtensor4", _IMG2), X("T.dtensor4", _W2, "w")], grad=["x", "w"], tag="legacy conv")
R("nnet.conv.conv2d", _NN + "conv.conv2d(x, w)", [X("T.dtensor4", _IMG2), X("T.dtensor4", _W2, "w")], grad=["x", "w"])
R("nnet.conv3d", _NN + "conv3d(x, w)", [X("T.dtensor5", _VOL), X("T.dtensor5", _VW, "w")], grad=["x", "w"])
R("nnet.conv3d2d.conv3d", _NN + "conv3d2d.conv3d(x, w)",
  [X("T.dtensor5", [[[[[float((d + i * 3 + j) % 5 - 2) for j in range(3)] for i in range(3)]] for d in range(3)]]),
   X("T.dtensor5", [[[[[1.0, -1.0], [0.5, 2.0]]], [[[0.0, 1.0], [1.0, 0.5]]]]], "w")], grad=["x", "w"],
  tag="(batch, time, channel, row, col) layout")
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(input=x, ws=(2, 2), stride=(1, 2), pad=(1, 1), "
  "ignore_border=True, mode='max')", [X("T.dtensor4", _IMG)], grad=["x"], tag="keyword form, padding")
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, ds=(2, 2), st=(1, 1), ignore_border=True)",
  [X("T.dtensor4", _IMG)], grad=["x"], tag="deprecated ds/st")
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, (2, 2), ignore_border=False, mode='sum')",
  [X("T.ftensor4", _IMG)], grad=["x"])
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, (3, 2), ignore_border=True, padding=(1, 0), "
  "mode='average_inc_pad')", [X("T.dtensor4", _IMG)], grad=["x"], tag="padding keyword")
R("signal.pool.pool_2d", "theano.tensor.signal.pool.pool_2d(x, (2, 2))", [X("T.dtensor4", _IMG)],
  tag="ignore_border not given")
R("signal.pool.pool_3d", "theano.tensor.signal.pool.pool_3d(x, (2, 2, 2), ignore_border=True)",
  [X("T.dtensor5", _VOL)], grad=["x"])
R("signal.pool.pool_3d", "theano.tensor.signal.pool.pool_3d(x, (2, 2, 2), ignore_border=False, mode='average_exc_pad')",
  [X("T.dtensor5", _VOL)], grad=["x"])
_BN = [X("T.dmatrix", M23), X("T.dvector", [1.0, 2.0, 0.5], "g"), X("T.dvector", [0.0, 1.0, -1.0], "b")]
R("nnet.bn.batch_normalization", _NN + "bn.batch_normalization(x, g, b, m, s, mode='high_mem')",
  _BN + [X("T.dvector", [0.5, 0.75, 1.375], "m"), X("T.dvector", [1.0, 0.5, 2.0], "s")], grad=["x", "g", "b"])
R("nnet.bn.batch_normalization_train", _NN + "bn.batch_normalization_train(x, g.dimshuffle('x', 0), "
  "b.dimshuffle('x', 0))", _BN, grad=["x", "g", "b"], grad_out=[0], tag="outputs: out, mean, invstd")
R("nnet.bn.batch_normalization_train", _NN + "bn.batch_normalization_train(x, g.dimshuffle('x', 0), "
  "b.dimshuffle('x', 0), axes='spatial', epsilon=0.01)", _BN)
R("nnet.bn.batch_normalization_test", _NN + "bn.batch_normalization_test(x, g.dimshuffle('x', 0), "
  "b.dimshuffle('x', 0), m.dimshuffle('x', 0), v.dimshuffle('x', 0))",
  _BN + [X("T.dvector", [0.5, 0.75, 1.375], "m"), X("T.dvector", [1.0, 0.5, 2.0], "v")], grad=["x", "g", "b", "m", "v"])
R("arange", "T.arange(stop=5)", [], tag="stop keyword without start")
R("zeros", "T.zeros(shape=(2, 3))", [], tag="shape keyword")
R("zeros", "T.zeros(shape=(2,), dtype='int8')", [])
R("nnet.bn.batch_normalization", _NN + "bn.batch_normalization(x, g, b, m, s)",
  [X("T.dmatrix", M23), X("T.dvector", [1.0, 2.0, 0.5], "g"), X("T.dvector", [0.0, 1.0, -1.0], "b"),
   X("T.dvector", [0.5, 0.75, 1.375], "m"), X("T.dvector", [1.0, 0.5, 2.0], "s")], grad=["x", "g", "b"])


# ------------------------------------------------------------- special functions, tri, gradient tools, misc
for _n, _vals in [("i0", V5), ("i1", V5), ("j0", V5), ("j1", V5)]:
    R(_n, "T.%s(x)" % _n, [X("T.dvector", _vals)], grad=["x"])
    R(_n, "T.%s(x)" % _n, [X("T.fvector", _vals)])
    R(_n, "T.%s(x)" % _n, [X("T.ivector", IV5)])
for _n in ["iv", "jv"]:
    R(_n, "T.%s(v, x)" % _n, [X("T.dvector", [0.0, 1.0, 2.5], "v"), X("T.dvector", [0.5, 2.0, 3.0])], grad=["x", "v"])
    R(_n, "T.%s(v, x)" % _n, [X("T.fvector", [0.0, 1.0], "v"), X("T.fvector", [0.5, 2.0])])
    R(_n, "T.%s(v, x)" % _n, [X("T.ivector", [0, 1], "v"), X("T.dvector", [0.5, 2.0])])
for _n in ["gammainc", "gammaincc", "gammau", "gammal"]:
    R(_n, "T.%s(k, x)" % _n, [X("T.dvector", [0.5, 1.0, 3.0], "k"), X("T.dvector", [0.25, 2.0, 1.5])], grad=["x", "k"])
    R(_n, "T.%s(k, x)" % _n, [X("T.fvector", [0.5, 1.0], "k"), X("T.fvector", [0.25, 2.0])])
    R(_n, "T.%s(k, x)" % _n, [X("T.ivector", [1, 2], "k"), X("T.ivector", [1, 3])])
R("chi2sf", "T.chi2sf(x, k)", [X("T.dvector", [0.5, 2.0, 4.0]), X("T.dvector", [1.0, 2.0, 3.0], "k")], grad=["x"])
R("chi2sf", "T.chi2sf(x, k)", [X("T.fvector", [0.5, 2.0]), X("T.fvector", [1.0, 3.0], "k")])
R("chi2sf", "T.chi2sf(x, 2)", [X("T.ivector", [1, 3])])
_Q = [-1.0, -1.0, 1.0, 0.0, 0.0, 2.0]
R("arctan2", "T.arctan2(y, x)", [X("T.dvector", _Q, "y"), X("T.dvector", [-1.0, 1.0, -1.0, -1.0, 1.0, 0.0])],
  grad=["y", "x"], tag="all quadrants, x = 0, y = 0")
R("arctan2", "T.arctan2(y, x)", [X("T.dvector", [0.0, -0.0], "y"), X("T.dvector", [-1.0, -1.0])], tag="signed zero")
R("arctan2", "T.arctan2(y, x)", [X("T.fvector", [1.0, -2.0], "y"), X("T.fvector", [0.5, 3.0])], grad=["y", "x"])
R("arctan2", "T.arctan2(y, x)", [X("T.ivector", [1, -2], "y"), X("T.ivector", [0, 3])])
R("arctan2", "T.arctan2(y, 1)", [X(I8, [1, -2], "y")])
R("arctan2", "T.arctan2(y, x)", [X("T.dmatrix", M23, "y"), X("T.dvector", [1.0, -1.0, 2.0])], grad=["y", "x"],
  tag="broadcast")
R("tri", "T.tri(3)", [])
R("tri", "T.tri(2, 4, 1)", [])
R("tri", "T.tri(3, 3, -1, dtype='int32')", [])
R("tri", "T.tri(n, m)", [X("T.iscalar", 2, "n"), X("T.iscalar", 3, "m")])
R("tril", "T.tril(x)", [X("T.dmatrix", M34)], grad=["x"])
R("tril", "T.tril(x, 1)", [X("T.dmatrix", M34)])
R("tril", "T.tril(x, -1)", [X("T.imatrix", [[1, 2], [3, 4]])])
R("triu", "T.triu(x)", [X("T.dmatrix", M34)], grad=["x"])
R("triu", "T.triu(x, -1)", [X("T.dmatrix", M34)])
R("specify_shape", "T.specify_shape(x, (2, 3))", [X("T.dmatrix", M23)], grad=["x"])
R("specify_shape", "T.specify_shape(x, (3, 2))", [X("T.dmatrix", M23)], tag="mismatch at call")
R("specify_shape", "T.specify_shape(x, s)", [X("T.dmatrix", M23), X("T.lvector", [2, 3], "s")])
R("specify_shape", "T.specify_shape(x, (2,))", [X("T.dmatrix", M23)], tag="wrong length")
R("specify_shape", "T.specify_shape(x, (1, 3))", [X("T.dmatrix", [[1.0, 2.0, 3.0]])], tag="broadcastable?")
R("zero_grad", "x * theano.gradient.zero_grad(x)", [X("T.dvector", V3)], grad=["x"])
R("zero_grad", "theano.gradient.zero_grad(x)", [X("T.dvector", V3)], grad=["x"])
R("disconnected_grad", "x * theano.gradient.disconnected_grad(x)", [X("T.dvector", V3)], grad=["x"])
R("disconnected_grad", "theano.gradient.disconnected_grad(x)", [X("T.dvector", V3)], grad=["x"])
R("grad_clip", "theano.gradient.grad_clip(x ** 2, -1.0, 1.0)", [X("T.dvector", V3)], grad=["x"])
R("grad_clip", "theano.gradient.grad_clip(x, lo, hi) * 3", [X("T.dvector", V3), X("T.dscalar", -0.5, "lo"),
                                                           X("T.dscalar", 0.5, "hi")], grad=["x"], tag="symbolic bounds")
R("undefined_grad", "theano.gradient.undefined_grad(x) * 2", [X("T.dvector", V3)], grad=["x"])
R("consider_constant", "x * theano.gradient.consider_constant(x)", [X("T.dvector", V3)], grad=["x"])
R("consider_constant", "theano.gradient.consider_constant(x ** 2)", [X("T.dvector", V3)], grad=["x"],
  tag="its gradient is zeros (connected), not a disconnection")
R("view_op", "theano.compile.view_op(x) * 2", [X("T.dvector", V3)], grad=["x"])
R("deep_copy_op", "theano.compile.deep_copy_op(x) ** 2", [X("T.dmatrix", M23)], grad=["x"])
R("shape_i", "theano.compile.ops.Shape_i(1)(x)", [X("T.dmatrix", M23)])
R("shape_i", "theano.compile.ops.Shape_i(0)(x) * x", [X("T.dvector", V3)], grad=["x"])
R("shape_i", "theano.compile.ops.Shape_i(2)(x)", [X("T.dmatrix", M23)], tag="axis beyond ndim")
R("jacobian", "theano.gradient.jacobian(x ** 2 * T.sum(x), x)", [X("T.dvector", V3)], grad=["x"])
R("jacobian", "T.jacobian(T.dot(w, x), x)", [X("T.dvector", V3), X("T.dmatrix", M23, "w")], grad=["w"])
R("jacobian", "T.jacobian(T.dot(w, x), [x, w])", [X("T.dvector", V3), X("T.dmatrix", M23, "w")])
R("jacobian", "T.jacobian(T.sum(x ** 2), x)", [X("T.dvector", V3)], tag="scalar expression")
R("jacobian", "T.jacobian(x.dimshuffle(0, 'x') * x, x)", [X("T.dvector", V3)], tag="2-d expression")
R("hessian", "T.hessian(T.sum(x ** 3) + x[0] * x[1], x)", [X("T.dvector", V3)], grad=["x"])
R("hessian", "theano.gradient.hessian(T.sum(x ** 2), [x])", [X("T.fvector", V3)])
R("ifelse", "theano.ifelse.ifelse(T.lt(a, b), x, y)", [X("T.dscalar", 1.0, "a"), X("T.dscalar", 2.0, "b"),
                                                        X("T.dvector", V3), X("T.dvector", [4.0, 5.0, 6.0], "y")],
  grad=["x", "y"])
R("ifelse", "theano.ifelse.ifelse(T.lt(a, b), x, y)", [X("T.dscalar", 3.0, "a"), X("T.dscalar", 2.0, "b"),
                                                        X("T.dvector", V3), X("T.dvector", [4.0, 5.0], "y")],
  grad=["x", "y"], tag="false branch, different shapes")
R("ifelse", "theano.ifelse.ifelse(c, [x, x * 2], [y, y * 3])", [X("T.iscalar", 0, "c"), X("T.dvector", V3),
                                                                 X("T.dvector", [4.0, 5.0, 6.0], "y")],
  grad=["x", "y"], grad_out=[0, 1], tag="several outputs")
R("ifelse", "theano.ifelse.ifelse(c, x, y)", [X("T.iscalar", 1, "c"), X("T.fvector", V3), X("T.dvector", V3, "y")],
  tag="branch dtype mismatch")
R("ifelse", "theano.ifelse.ifelse(c, x, y)", [X("T.iscalar", 1, "c"), X("T.dvector", V3), X("T.dmatrix", M23, "y")],
  tag="branch ndim mismatch")
R("assert_", "theano.tensor.opt.assert_op(x, T.all(x > 0))", [X("T.dvector", [1.0, 2.0])], grad=["x"])
R("assert_", "theano.tensor.opt.assert_op(x, T.all(x > 0))", [X("T.dvector", [1.0, -2.0])], tag="fails at call")
R("assert_", "theano.tensor.opt.assert_op(x, T.all(x > 0), T.any(x > 1))", [X("T.dvector", [0.5, 2.0])])
R("make_vector", "theano.tensor.opt.make_vector(a, b)", [X("T.lscalar", 1, "a"), X("T.lscalar", 2, "b")])
R("make_vector", "theano.tensor.opt.MakeVector('float64')(a, b)", [X("T.dscalar", 1.0, "a"), X("T.dscalar", 2.0, "b")],
  grad=["a", "b"])
R("make_vector", "theano.tensor.opt.make_vector(a, b)", [X("T.dscalar", 1.0, "a"), X("T.dscalar", 2.0, "b")],
  tag="float scalars into the int64 default")
R("make_vector", "theano.tensor.opt.MakeVector('int32')(a, b)", [X("T.lscalar", 1, "a"), X("T.lscalar", 2, "b")],
  tag="downcast")
R("rebroadcast", "T.Rebroadcast((0, True))(x)", [X("T.dmatrix", [[1.0, 2.0]])], grad=["x"])
R("rebroadcast", "T.Rebroadcast((0, False), (1, True))(x)", [X("T.drow", [[1.0]])])
R("prod_without_zeros", "T.elemwise.ProdWithoutZeros(axis=None)(x)", [X("T.dvector", [2.0, 0.5, 3.0])], grad=["x"])
R("prod_without_zeros", "T.elemwise.ProdWithoutZeros(axis=(1,))(x)", [X("T.dmatrix", M23)])
R("nnet.sigmoid_binary_crossentropy", _NN + "sigmoid_binary_crossentropy(x, t)",
  [X("T.dvector", V3 + [40.0, -40.0]), X("T.dvector", [0.0, 1.0, 1.0, 0.0, 1.0], "t")], grad=["x", "t"])
R("nnet.sigmoid_binary_crossentropy", _NN + "sigmoid_binary_crossentropy(x, t)",
  [X("T.fvector", V3), X("T.fvector", [0.0, 1.0, 0.5], "t")], grad=["x"])
R("nnet.softmax_with_bias", _NN + "softmax_with_bias(x, b)", [X("T.dmatrix", M23), X("T.dvector", [0.5, -1.0, 0.0], "b")],
  grad=["x", "b"])
R("nnet.softmax_with_bias", _NN + "softmax_with_bias(x, b)", [X("T.fmatrix", M23), X("T.fvector", [0.5, -1.0, 0.0], "b")])
R("nnet.crossentropy_softmax_argmax_1hot_with_bias", _NN + "crossentropy_softmax_argmax_1hot_with_bias(x, b, y)",
  [X("T.dmatrix", M23), X("T.dvector", [0.5, -1.0, 0.0], "b"), X("T.ivector", [2, 0], "y")], grad=["x", "b"])
R("nnet.crossentropy_softmax_1hot_with_bias", _NN + "crossentropy_softmax_1hot_with_bias(x, b, y)",
  [X("T.dmatrix", M23), X("T.dvector", [0.5, -1.0, 0.0], "b"), X("T.lvector", [2, 0], "y")], grad=["x", "b"],
  grad_out=[0, 1])
R("nnet.crossentropy_softmax_1hot", _NN + "crossentropy_softmax_1hot(x, y)",
  [X("T.dmatrix", M23), X("T.ivector", [2, 0], "y")], grad=["x"])
R("nnet.crossentropy_softmax_1hot_with_bias_dx", _NN + "crossentropy_softmax_1hot_with_bias_dx(dy, sm, y)",
  [X("T.dvector", [1.0, -0.5], "dy"), X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "sm"),
   X("T.ivector", [2, 0], "y")])
R("nnet.softmax_grad", _NN + "softmax_grad(dy, sm)",
  [X("T.dmatrix", M23, "dy"), X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "sm")], grad=["dy", "sm"])
R("nnet.crossentropy_categorical_1hot_grad", _NN + "crossentropy_categorical_1hot_grad(g, p, y)",
  [X("T.dvector", [1.0, -0.5], "g"), X("T.dmatrix", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], "p"), X("T.ivector", [2, 0], "y")])

R("grad_scale", "theano.gradient.grad_scale(x, 2.0) * x", [X("T.dvector", V3)], grad=["x"])
R("grad_scale", "theano.gradient.grad_scale(x ** 2, -0.5)", [X("T.fvector", V3)], grad=["x"])
R("permute_row_elements", "T.permute_row_elements(x, p)", [X("T.dvector", V4), X("T.ivector", [2, 0, 3, 1], "p")],
  grad=["x"])
R("permute_row_elements", "T.permute_row_elements(x, p, inverse=True)", [X("T.dvector", V4), X("T.ivector", [2, 0, 3, 1], "p")],
  grad=["x"])
R("permute_row_elements", "T.permute_row_elements(x, p)", [X("T.dmatrix", M23), X("T.ivector", [2, 0, 1], "p")],
  grad=["x"], tag="one permutation for every row")
R("permute_row_elements", "T.permute_row_elements(x, p)", [X("T.dmatrix", M23), X("T.imatrix", [[2, 0, 1], [0, 2, 1]], "p")],
  grad=["x"], tag="a permutation per row")
R("permute_row_elements", "T.permute_row_elements(x, p)", [X("T.ivector", [5, 6, 7]), X("T.ivector", [0, 0, 1], "p")],
  tag="not a permutation")

# Registered op names of theano_compat that are not the `name` of a record here, each with where it is
# covered instead; test_every_registered_op_has_a_record checks every entry:
#   ("grad", NAME): the gradient op of the records named NAME (they must carry grad_wrt)
#   ("record", NAME): the op behind the records named NAME
#   ("test", PATH): another golden-driven test file of the project (it must exist)
COVERED_ELSEWHERE = {
    "MaxPoolRop": ("test", "tests/test_pool_ops.py"),  # called directly and through T.Rop, against Theano's values
    "jacobian_static": ("test", "tests/test_scan.py"),  # jacobian/hessian through a scan with symbolic n_steps
    "images2neibs": ("test", "tests/test_neighbours.py"),  # values and gradients, every mode
    "images2neibs_grad": ("test", "tests/test_neighbours.py"),
    "fft.rfft": ("test", "tests/test_fft.py"),
    "fft.irfft": ("test", "tests/test_fft.py"),
    "AbstractConv2d_gradWeights": ("test", "tests/test_abstract_conv.py"),
    "AbstractConv3d_gradWeights": ("test", "tests/test_abstract_conv.py"),
    "bilinear_upsampling": ("test", "tests/test_abstract_conv.py"),
    "vjp": ("grad", "nlinalg.eigh"),  # the generic jax.vjp gradient op: any grad record of an op without a rule
    "nlinalg.eigh_grad": ("grad", "nlinalg.eigh"),
    "slinalg.eigvalsh_grad": ("grad", "slinalg.eigvalsh"),
    "slinalg.expm_grad": ("grad", "slinalg.expm"),
    # Theano's op classes built from their constructors, values against Theano (extra_opclasses.json)
    "extra_ops.cpu_contiguous": ("test", "tests/test_extra_opclasses.py"),
    "nlinalg.qr_incomplete": ("test", "tests/test_extra_opclasses.py"),
    "sandbox.hint": ("test", "tests/test_extra_opclasses.py"),
    "slinalg.cholesky_grad": ("test", "tests/test_extra_opclasses.py"),
    "io.load": ("test", "tests/test_extra_opclasses.py"),
    "nnet.bn.batch_normalization_train_grad": ("grad", "nnet.bn.batch_normalization_train"),
    "conv3d2d": ("record", "nnet.conv3d2d.conv3d"),
    "scan": ("test", "tests/test_scan.py"),
    "scan_grad": ("test", "tests/test_scan.py"),
    "scan_until_pad": ("test", "tests/test_scan.py"),
    "scan_until_prefix": ("test", "tests/test_scan.py"),
    "mrg_uniform": ("test", "tests/test_mrg_streams.py"),
    "mrg_normal": ("test", "tests/test_mrg_streams.py"),
    "mrg_truncated_normal": ("test", "tests/test_mrg_streams.py"),
    "ChoiceFromUniform": ("test", "tests/test_mrg_streams.py"),
    "MultinomialFromUniform": ("test", "tests/test_mrg_streams.py"),
    "Pool": ("test", "tests/test_pool.py"),
    "MaxPoolGrad": ("test", "tests/test_pool.py"),
    "AveragePoolGrad": ("test", "tests/test_pool.py"),
    "DownsampleFactorMaxGradGrad": ("test", "tests/test_pool.py"),
    "MaxPoolRop": ("test", "tests/test_pool_ops.py"),
    "AbstractConv": ("test", "tests/test_conv.py"),
    "AbstractConv_gradInputs": ("test", "tests/test_conv.py"),
    "AbstractConv2d": ("test", "tests/test_conv.py"),
    "nnet.prepend_scalar_constant_to_each_row": ("test", "tests/test_nnet_classes.py"),
    "nnet.prepend_scalar_to_each_row": ("test", "tests/test_nnet_classes.py"),
    "CorrMM": ("test", "tests/test_nnet_classes.py"),
    "nnet.blocksparse.SparseBlockGemv": ("test", "tests/test_nnet_classes.py"),
    "nnet.blocksparse.SparseBlockOuter": ("test", "tests/test_nnet_classes.py"),
    "CorrMM_gradWeights": ("test", "tests/test_nnet_classes.py"),
    "CorrMM_gradInputs": ("test", "tests/test_nnet_classes.py"),
    "Corr3dMM": ("test", "tests/test_nnet_classes.py"),
    "Corr3dMM_gradWeights": ("test", "tests/test_nnet_classes.py"),
    "Corr3dMM_gradInputs": ("test", "tests/test_nnet_classes.py"),
    "AbstractConv3d": ("test", "tests/test_conv.py"),
    "AbstractConv2d_gradInputs": ("test", "tests/test_conv.py"),
    "AbstractConv3d_gradInputs": ("test", "tests/test_conv.py"),
    "ConvOp": ("test", "tests/test_conv.py"),
}
# theano.tensor.shared_randomstreams draws (stateful: a shared RNG updated per call)
for _dist in ["binomial", "choice_helper", "multinomial_helper", "normal", "permutation_helper", "poisson",
              "random_integers_helper", "uniform"]:
    COVERED_ELSEWHERE["RandomFunction{%s}" % _dist] = ("test", "tests/test_random_streams.py")

# -------------------------------------------------------------------------------- shared harness code
def _assign_ids(records):
    counts = {}
    for rec in records:
        k = counts.get(rec["name"], 0)
        counts[rec["name"]] = k + 1
        rec.setdefault("id", "%s:%d" % (rec["name"], k))
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate record ids"


_assign_ids(RECORDS)
BY_ID = {r["id"]: r for r in RECORDS}

SUBMODULES = ["tensor.nlinalg", "tensor.slinalg", "tensor.extra_ops", "tensor.nnet", "tensor.nnet.bn", "tensor.nnet.conv",
              "tensor.nnet.conv3d2d",
              "tensor.signal.pool", "tensor.xlogx", "tensor.opt", "tensor.elemwise", "gradient", "ifelse"]


def namespace(theano):
    """The eval namespace for record expressions: theano, T, np (+ the submodules records reach for)."""
    for sub in SUBMODULES:
        try:
            importlib.import_module(theano.__name__ + "." + sub)
        except ImportError:
            pass  # a missing submodule shows up as that record's AttributeError
    return {"theano": theano, "T": theano.tensor, "np": np}


def fingerprint(rec):
    """Hash of everything that determines a record's golden answer (detects stale ops.json)."""
    key = [rec["expr"], rec["inputs"], rec.get("grad_wrt"), rec.get("grad_out")]
    return hashlib.sha1(json.dumps(key, sort_keys=True, default=repr).encode()).hexdigest()[:12]


def build_inputs(rec, ns):
    """Symbolic inputs (in order) and their numpy values; adds the names to ns."""
    variables, values = [], []
    for name, ctor, value in rec["inputs"]:
        var = eval(ctor, ns)(name)
        variables.append(var)
        values.append(np.asarray(value, dtype=var.dtype))
        ns[name] = var
    return variables, values


def as_outputs(result):
    """A record's expr result as a list of outputs, plus whether it was a sequence."""
    if isinstance(result, (list, tuple)):
        return list(result), True
    return [result], False


def grad_weights(shape, dtype):
    """The fixed projection W for T.sum(out * W): mixed signs, distinct magnitudes, exact in float32."""
    n = int(np.prod(shape, dtype=np.int64))
    k = np.arange(n)
    w = (1 + (3 * k) % 7) * np.where(k % 2 == 1, -1.0, 1.0) / 4.0
    return w.reshape(tuple(shape)).astype(dtype)


def weight_dtype(out_dtype):
    return out_dtype if out_dtype in ("float32", "float64") else "float64"


def grad_cost(T, outputs, shapes, rec):
    """The scalar cost whose gradient a record checks."""
    cost = None
    for i in rec.get("grad_out", [0]):
        w = grad_weights(shapes[i], weight_dtype(outputs[i].dtype))
        term = T.sum(outputs[i] * T.constant(w))
        cost = term if cost is None else cost + term
    return cost


def encode_value(arr):
    """JSON-able value: tolist(); complex arrays as {'re': ..., 'im': ...}."""
    arr = np.asarray(arr)
    if arr.dtype.kind == "c":
        return {"re": arr.real.tolist(), "im": arr.imag.tolist()}
    return arr.tolist()


def decode_value(value, dtype, shape):
    """Inverse of encode_value (shape restores empty arrays such as (0, 3))."""
    if isinstance(value, dict):
        arr = np.asarray(value["re"], dtype="float64") + 1j * np.asarray(value["im"], dtype="float64")
    else:
        arr = np.asarray(value, dtype=dtype)
    return arr.reshape(shape)
