"""TensorConstantSignature: how Theano compares tensor constants (type, then data, NaNs at the same places)."""
import numpy as np

from ..gof.utils import hashtype
from .utils import hash_from_ndarray


class TensorConstantSignature(tuple):
    """(type, data) of a constant; equal when the types and the data are (NaNs compare equal)."""

    def __eq__(self, other):
        if type(self) != type(other):
            return False
        try:
            (t0, d0), (t1, d1) = self, other
        except Exception:  # noqa: BLE001 - not a (type, data) pair
            return False
        if t0 != t1 or d0.shape != d1.shape:
            return False
        self.no_nan  # noqa: B018 - computes has_nan
        if self.has_nan:
            other.no_nan  # noqa: B018
            return (other.has_nan and self.sum == other.sum and (self.no_nan.mask == other.no_nan.mask).all()
                    and (self.no_nan.mask.all() or (self.no_nan == other.no_nan).all()))
        return self.sum == other.sum and bool(np.all(d0 == d1))

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        t, d = self
        return hashtype(self) ^ hash(t) ^ hash(d.shape) ^ hash(self.sum)

    def theano_hash(self):
        return hash_from_ndarray(self[1])

    @property
    def sum(self):
        """The sum of the data, NaNs and infinities left out (computed once)."""
        if not hasattr(self, "_sum"):
            self._sum = self.no_nan.sum()
            if self.has_nan and self.no_nan.mask.all():
                self._sum = 0
            if np.isinf(self._sum) or np.isnan(self._sum):
                mask = (self.no_nan.mask + np.isinf(self[1])) if self.has_nan else np.isinf(self[1])
                self._sum = 0 if mask.all() else np.ma.masked_array(self[1], mask).sum()
        return self._sum

    @property
    def no_nan(self):
        """The data with its NaNs masked out (sets has_nan)."""
        if not hasattr(self, "_no_nan"):
            nan_mask = np.isnan(self[1])
            self.has_nan = bool(nan_mask.any())
            self._no_nan = np.ma.masked_array(self[1], nan_mask) if self.has_nan else self[1]
        return self._no_nan


def equal_slices(s1, s2):
    """Whether two slices have the same start, stop and step."""
    return s1.start == s2.start and s1.stop == s2.stop and s1.step == s2.step
