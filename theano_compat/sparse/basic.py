"""theano.sparse.basic: Theano's sparse types, ops and functions; each resolves, and raises UnsupportedError
naming itself when used (see theano.sparse)."""

from ..compat import integer_types  # noqa: F401  (Theano's six names)
from ..config import config  # noqa: F401
from ..gradient import grad_not_implemented, grad_undefined  # noqa: F401
from ..stand_ins import declare_unsupported
from .type import SPARSE_WHY, SparseType  # noqa: F401
from .utils import hash_from_sparse  # noqa: F401

xrange = range
sparse_formats = ["csc", "csr"]
# Theano's own dtype lists for sparse (no bool, no float16), in its order.
all_dtypes = ["complex128", "complex64", "float32", "float64", "int16", "int32", "int64", "int8", "uint16", "uint32",
              "uint64", "uint8"]
complex_dtypes = ["complex64", "complex128"]
continuous_dtypes = ["complex64", "complex128", "float64", "float32"]
discrete_dtypes = ["int64", "int8", "int16", "int32", "uint64", "uint8", "uint32", "uint16"]
float_dtypes = ["float64", "float32"]
int_dtypes = ["int64", "int8", "int16", "int32"]
integer_dtypes = ["int64", "int8", "int16", "int32", "uint64", "uint8", "uint32", "uint16"]
uint_dtypes = ["uint64", "uint8", "uint32", "uint16"]

declare_unsupported(globals(), SPARSE_WHY, classes="""AddSD AddSS AddSSData CSM CSMGrad CSMProperties Cast
    ColScaleCSC ConstructSparseFromList DenseFromSparse Diag Dot EnsureSortedIndices EqualSD EqualSS GetItem2Lists
    GetItem2ListsGrad GetItem2d GetItemList GetItemListGrad GetItemScalar GreaterEqualSD GreaterEqualSS
    GreaterThanSD GreaterThanSS HStack LessEqualSD LessEqualSS LessThanSD LessThanSS MulSD MulSS MulSV Neg
    NotEqualSD NotEqualSS Remove0 RowScaleCSC SamplingDot SpSum SparseConstant SparseConstantSignature
    SparseFromDense SparseVariable SquareDiagonal StructuredAddSV StructuredDot StructuredDotGradCSC
    StructuredDotGradCSR Transpose TrueDot Usmm VStack""", functions="""add arcsin arcsinh arctan arctanh
    as_sparse_or_tensor_variable as_sparse_variable bsr_matrix cast ceil clean col_scale conj constant
    csc_matrix csm_data csm_indices csm_indptr csm_shape csr_matrix deg2rad dot eq expm1 floor ge gt hstack le
    log1p lt matrix mul neq rad2deg rint row_scale sgn sin sinh sp_ones_like sp_sum sp_zeros_like sqr sqrt
    structured_add structured_dot structured_dot_grad structured_exp structured_log structured_maximum
    structured_minimum structured_monoid structured_pow structured_sigmoid sub tan tanh true_dot trunc vstack""",
    objects="""CSC CSR add_s_d add_s_s add_s_s_data bcast bsr_dmatrix bsr_fmatrix ccast construct_sparse_from_list
    csc_dmatrix csc_fmatrix csc_from_dense csm_properties csr_dmatrix csr_fmatrix csr_from_dense dcast
    dense_from_sparse diag ensure_sorted_indices equal_s_d equal_s_s fcast get_item_2d get_item_2lists
    get_item_2lists_grad get_item_list get_item_list_grad get_item_scalar greater_equal_s_d greater_equal_s_s
    greater_than_s_d greater_than_s_s icast lcast less_equal_s_d less_equal_s_s less_than_s_d less_than_s_s
    mul_s_d mul_s_s mul_s_v neg not_equal_s_d not_equal_s_s remove0 sampling_dot sdg_csc sdg_csr square_diagonal
    structured_add_s_v transpose usmm wcast zcast""")
as_sparse = as_sparse_variable  # noqa: F821  (Theano: two names, one function)


# Theano's private helpers, which its tests import: which values and variables are sparse.
def _is_sparse(x):
    try:
        import scipy.sparse
    except ImportError:
        return False
    return scipy.sparse.issparse(x)


def _is_dense(x):
    import numpy as np
    return isinstance(x, np.ndarray)


def _is_sparse_variable(x):
    return isinstance(getattr(x, "type", None), SparseType)


def _is_dense_variable(x):
    from ..graph.types import TensorType
    return isinstance(getattr(x, "type", None), TensorType)
csm_grad = CSMGrad  # noqa: F821

from ..compile.gradient import DisconnectedType  # noqa: E402,F401  (Theano's module imports it)
