"""theano.gpuarray.dnn: the cuDNN ops and functions, as they import on a machine without pygpu:
dnn_available() and dnn_present() are False ("PyGPU not available"), version() raises, and the ops and
functions raise when used. theano_compat's convolutions, pooling and batch normalization run through
XLA on the device config.device names (cuDNN underneath on a GPU)."""

from ..compat import integer_types  # noqa: F401  (Theano's six names)
import importlib

from ..compile.mode import optdb  # noqa: F401
from ..compile.ops import shape_i, shape_i_op  # noqa: F401
from ..config import config  # noqa: F401
from ..gof.opt import inherit_stack_trace, local_optimizer  # noqa: F401
from ..gradient import grad_not_implemented  # noqa: F401
from ..stand_ins import OPTIMIZER_WHY, NoOpDB, NoOpOptimizer, declare_noop, declare_unsupported, register_decorator
from ..tensor.basic import as_tensor_variable  # noqa: F401
from ..tensor.extra_ops import cpu_contiguous  # noqa: F401
from ..tensor.nnet.abstract_conv import assert_conv_shape, get_conv_output_shape  # noqa: F401
from .type import (GpuArraySharedVariable, GpuArrayType, NO_PYGPU, as_gpuarray_variable,  # noqa: F401
                   get_context, gpu_context_type, list_contexts)

pygpu = None
DNN_CONV_ALGO_CHOOSE_ONCE = ["guess_once", "time_once"]
DNN_CONV_ALGO_CHOOSE_TIME = ["time_once", "time_on_shape_change"]
SUPPORTED_DNN_CONV_ALGO_RUNTIME = ("guess_once", "guess_on_shape_change", "time_once", "time_on_shape_change")
WIN32_CUDNN_NAMES = ["cudnn64_7.dll", "cudnn64_6.dll", "cudnn64_5.dll"]

declare_unsupported(globals(), NO_PYGPU, classes="""DnnBase DnnVersion GpuAllocEmpty GpuCAReduceCuda
    GpuDnnBatchNorm GpuDnnBatchNormGrad GpuDnnBatchNormInference GpuDnnConv GpuDnnConvDesc GpuDnnConvGradI
    GpuDnnConvGradW GpuDnnDropoutOp GpuDnnPool GpuDnnPoolBase GpuDnnPoolDesc GpuDnnPoolGrad GpuDnnRNNGradInputs
    GpuDnnRNNGradWeights GpuDnnRNNOp GpuDnnReduction GpuDnnSoftmax GpuDnnSoftmaxBase GpuDnnSoftmaxGrad
    GpuDnnTransformerGradI GpuDnnTransformerGradT GpuDnnTransformerGrid GpuDnnTransformerSampler GpuElemwise
    GpuMaxAndArgmax GpuSoftmax HostFromGpu NoCuDNNRaise RNNBlock""", functions="""CUDNNDataType as_i32
    dnn_batch_normalization_test dnn_batch_normalization_train dnn_conv dnn_conv3d dnn_gradinput
    dnn_gradinput3d dnn_gradweight dnn_gradweight3d dnn_pool dnn_spatialtf dropout empty_like ensure_dt
    get_precision gpuarray_helper_inc_dir infer_context_name pad_dims unpad_dims""", objects="""cudnn
    dropoutdesc_type gpu_contiguous gpudata_type handle_type rnndesc_type""")
declare_noop(globals(), OPTIMIZER_WHY, NoOpOptimizer, objects="""
    local_abstractconv3d_cudnn_alt local_abstractconv_cudnn local_abstractconv_cudnn_alt local_abstractconv_gi_cudnn
    local_abstractconv_gw_cudnn local_batch_norm_inference_inplace local_batch_norm_inplace_output
    local_batch_norm_inplace_running_mean local_batch_norm_inplace_running_var local_cudnn_maxandargmax
    local_dnn_argmax local_dnn_conv_alpha_merge local_dnn_conv_inplace local_dnn_conv_output_merge
    local_dnn_convgi_inplace local_dnn_convgw_inplace local_dnn_convi_alpha_merge local_dnn_convi_output_merge
    local_dnn_convw_alpha_merge local_dnn_convw_output_merge local_dnn_reduction local_gpua_logsoftmax_to_dnn
    local_gpua_softmax_dnn_grad local_log_softmax_dnn local_softmax_dnn
    local_abstract_batch_norm_inference_cudnn local_abstract_batch_norm_train_cudnn
    local_abstract_batch_norm_train_grad_cudnn local_abstractconv3d_cudnn_graph local_abstractconv_cudnn_graph
    local_gpua_avg_pool_dnn_grad_stride local_gpua_pool_dnn_alternative local_gpua_pool_dnn_grad_stride""")
gpu_seqopt, pool_db, pool_db2 = NoOpDB(name="gpu_seqopt"), NoOpDB(name="pool_db"), NoOpDB(name="pool_db2")
for _name in ("register_opt register_opt2 register_inplace op_lifter alpha_merge output_merge "
              "inplace_allocempty").split():
    globals()[_name] = register_decorator(_name)


def dnn_present():
    """Whether cuDNN can be used: no (dnn_present.msg says why)."""
    dnn_present.avail, dnn_present.msg = False, "PyGPU not available"
    return False


def dnn_available(context_name):
    """Whether cuDNN can be used on that context: no (dnn_available.msg says why)."""
    dnn_present()
    dnn_available.msg = dnn_present.msg
    return False


dnn_present.avail, dnn_present.msg, dnn_available.msg = None, None, None


def version(raises=True):
    """The cuDNN version: RuntimeError without cuDNN (or -1 with raises=False)."""
    if not dnn_present():
        if raises:
            raise RuntimeError("We can't determine the cudnn version as it is not available", dnn_available.msg)
        return -1
    return version.v


version.v = None

# The CPU ops Theano's dnn module imports: the very same objects as their home modules serve.
_CPU = {"AbstractConv2d": "tensor.nnet.abstract_conv", "AbstractConv2d_gradInputs": "tensor.nnet.abstract_conv",
        "AbstractConv2d_gradWeights": "tensor.nnet.abstract_conv", "AbstractConv3d": "tensor.nnet.abstract_conv",
        "AbstractConv3d_gradInputs": "tensor.nnet.abstract_conv",
        "AbstractConv3d_gradWeights": "tensor.nnet.abstract_conv", "Assert": "tensor.opt",
        "AveragePoolGrad": "tensor.signal.pool", "MaxPoolGrad": "tensor.signal.pool", "Pool": "tensor.signal.pool",
        "LogSoftmax": "tensor.nnet.nnet", "SoftmaxGrad": "tensor.nnet.nnet", "Argmax": "tensor.basic",
        "Apply": "gof", "Variable": "gof", "Op": "gof", "COp": "gof", "Optimizer": "gof", "Generic": "gof",
        "ParamsType": "gof", "EnumList": "gof", "CDataType": "gof.type", "GCC_compiler": "gof.op",
        "DisconnectedType": "gradient", "Log": "scalar", "as_scalar": "scalar", "constant": "scalar",
        "get_scalar_type": "scalar", "bool_t": "scalar", "int_t": "scalar", "uint32_t": "scalar"}
_SCALAR_NAMES = {"bool_t": "bool", "int_t": "int32", "uint32_t": "uint32"}


def __getattr__(name):
    if name not in _CPU:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    home = importlib.import_module("theano_compat." + _CPU[name])
    try:
        return getattr(home, _SCALAR_NAMES.get(name, name))
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
