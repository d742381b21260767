"""Theano's numpy reference of the MRG31k3p generator (rng_mrg's mrg_next_value, matVecModM, multMatVect)
and its constants, as theano.sandbox.rng_mrg exports them; the shim's sampling kernel is ops/mrg.py."""
import numpy as np

M1 = np.asarray(np.int32(2147483647))       # 2^31 - 1
M2 = np.asarray(np.int32(2147462579))       # 2^31 - 21069
MASK12 = np.int32(511)                      # 2^9 - 1
MASK13 = np.int32(16777215)                 # 2^24 - 1
MASK2 = np.int32(65535)                     # 2^16 - 1
MULT2 = np.int32(21069)
NORM = 4.656612873077392578125e-10          # 1./2^31
A1p72 = np.asarray([[1516919229, 758510237, 499121365], [1884998244, 1516919229, 335398200],
                    [601897748, 1884998244, 358115744]], dtype="int64")
A2p72 = np.asarray([[1228857673, 1496414766, 954677935], [1133297478, 1407477216, 1496414766],
                    [2002613992, 1639496704, 1407477216]], dtype="int64")
A1p134 = np.asarray([[1702500920, 1849582496, 1656874625], [828554832, 1702500920, 1512419905],
                     [1143731069, 828554832, 102237247]], dtype="int64")
A2p134 = np.asarray([[796789021, 1464208080, 607337906], [1241679051, 1431130166, 1464208080],
                     [1401213391, 1178684362, 1431130166]], dtype="int64")
np_int32_vals = [np.int32(i) for i in (0, 7, 9, 15, 16, 22, 24)]


def matVecModM(A, s, m):
    """(A . s) mod m for int64 A, in int32."""
    assert A.dtype == "int64"
    return np.int32(np.sum((A * s) % m, 1) % m)


def multMatVect(v, A, m1, B, m2):
    """The first half of v times A modulo m1, the second half times B modulo m2."""
    return np.concatenate((matVecModM(A, v[:3], m1), matVecModM(B, v[3:], m2)))


def _wrap(y, m):
    return y - m if (y < 0 or y >= m) else y


def mrg_next_value(rstate, new_rstate, NORM, mask, offset):
    """One MRG31k3p step of the int32 state rstate (written to new_rstate); the uniform it gives."""
    x11, x12, x13, x21, x22, x23 = rstate
    assert type(x11) == np.int32
    i0, i7, i9, i15, i16, i22, i24 = np_int32_vals
    with np.errstate(over="ignore"):  # the int32 arithmetic wraps, as in Theano's C code
        y1 = _wrap(((x12 & MASK12) << i22) + (x12 >> i9) + ((x13 & MASK13) << i7) + (x13 >> i24), M1)
        y1 = _wrap(y1 + x13, M1)
        x13, x12, x11 = x12, x11, y1
        y1 = _wrap(((x21 & MASK2) << i15) + (MULT2 * (x21 >> i16)), M2)
        y2 = _wrap(((x23 & MASK2) << i15) + (MULT2 * (x23 >> i16)), M2)
        y2 = _wrap(_wrap(y2 + x23, M2) + y1, M2)
        x23, x22, x21 = x22, x21, y2
        new_rstate[...] = [x11, x12, x13, x21, x22, x23]
        assert new_rstate.dtype == np.int32
        if x11 <= x21:
            return (((x11 - x21 + M1) & mask) + offset) * NORM
        return (((x11 - x21) & mask) + offset) * NORM
