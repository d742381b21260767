"""Record Theano 1.0.5's nnet op classes: for a table of expressions, the class of the op that makes the result
(and its Theano op-class bases), str(op) and its props; and the values of ops built from the classes and
called directly (AbstractConv*_grad*, CorrMM*, ConvOp, the batch-norm ops, SparseBlock*, the Prepend ops,
Softmax on a vector), with their gradients.

    bash ../shared/theano-oracle/run.sh tests/golden/probes/probe_nnet_classes.py > tests/golden/nnet_classes.json

tests/test_nnet_classes.py imports this same file with `theano` resolved to theano_compat and compares.
"""
import contextlib
import json
import sys
import warnings

import numpy as np
import theano
import theano.tensor as T
from theano.tensor.nnet import abstract_conv as A
from theano.tensor.nnet import blocksparse as B
from theano.tensor.nnet import bn, conv, corr, corr3d, nnet

# The op classes whose names the record keeps in a class's ancestry (Theano's Op / OpenMPOp bases differ)
FAMILY = {"BaseAbstractConv", "AbstractConv", "AbstractConv_gradInputs", "AbstractConv_gradWeights",
          "BaseCorrMM", "BaseCorr3dMM"}


def arr(shape, seed, dtype="float64"):
    return np.sin(np.arange(np.prod(shape)) * 0.37 + seed).reshape(shape).astype(dtype)


x, b, y, s = T.dmatrix("x"), T.dvector("b"), T.lvector("y"), T.dscalar("s")
i4, k4, t4 = T.dtensor4("i4"), T.dtensor4("k4"), T.dtensor4("t4")
i5, k5, t5 = T.dtensor5("i5"), T.dtensor5("k5"), T.dtensor5("t5")
P = T.TensorType("float64", (True, False, True, True))
g4, b4, m4, v4 = P("g4"), P("b4"), P("m4"), P("v4")
W, h, ii, oi, bb = T.dtensor4("W"), T.dtensor3("h"), T.lmatrix("ii"), T.lmatrix("oi"), T.dmatrix("bb")
o3, y3 = T.dtensor3("o3"), T.dtensor3("y3")

# name -> expression (a variable; its owner's op is recorded)
OPS = {
    "softmax": lambda: nnet.softmax(x),
    "logsoftmax": lambda: nnet.logsoftmax(x),
    "softmax_with_bias": lambda: nnet.softmax_with_bias(x, b),
    "softmax_grad": lambda: nnet.softmax_grad(x, x),
    "categorical_crossentropy": lambda: nnet.categorical_crossentropy(x, y),
    "crossentropy_softmax_1hot": lambda: nnet.crossentropy_softmax_1hot(x, y)[0],
    "crossentropy_softmax_argmax_1hot_with_bias": lambda: nnet.crossentropy_softmax_argmax_1hot_with_bias(x, b, y)[2],
    "crossentropy_softmax_1hot_with_bias_dx": lambda: nnet.crossentropy_softmax_1hot_with_bias_dx(b, x, y),
    "crossentropy_categorical_1hot_grad": lambda: nnet.crossentropy_categorical_1hot_grad(b, x, y),
    "prepend_scalar_to_each_row": lambda: nnet.prepend_scalar_to_each_row(2., x),
    "prepend_0_to_each_row": lambda: nnet.prepend_0_to_each_row(x),
    "prepend_1_to_each_row": lambda: nnet.prepend_1_to_each_row(x),
    "Softmax()": lambda: nnet.Softmax()(x),
    "Prepend_scalar_constant_to_each_row(4.)": lambda: nnet.Prepend_scalar_constant_to_each_row(4.)(x),
    "conv2d": lambda: T.nnet.conv2d(i4, k4),
    "conv2d_props": lambda: T.nnet.conv2d(i4, k4, (2, 3, 6, 7), (4, 3, 3, 2), border_mode=(1, 2), subsample=(2, 1),
                                          filter_flip=False, filter_dilation=(1, 2)),
    "conv2d_half_groups": lambda: T.nnet.conv2d(i4, k4, border_mode="half", num_groups=2),
    "conv3d": lambda: T.nnet.conv3d(i5, k5, border_mode="full"),
    "conv2d_grad_wrt_inputs": lambda: A.conv2d_grad_wrt_inputs(t4, k4, (1, 2, 5, 5), border_mode="full"),
    "conv2d_grad_wrt_weights": lambda: A.conv2d_grad_wrt_weights(i4, t4, (1, 2, 3, 3), subsample=(1, 1)),
    "conv3d_grad_wrt_weights": lambda: A.conv3d_grad_wrt_weights(i5, t5, (1, 2, 3, 3, 3)),
    "grad_of_conv2d_wrt_img": lambda: T.grad(T.nnet.conv2d(i4, k4, border_mode=1).sum(), i4),
    "grad_of_conv2d_wrt_kern": lambda: T.grad(T.nnet.conv2d(i4, k4, border_mode=1).sum(), k4),
    "AbstractConv2d()": lambda: A.AbstractConv2d()(i4, k4),
    "AbstractConv2d_gradInputs()": lambda: A.AbstractConv2d_gradInputs(border_mode="half")(k4, t4, (5, 5)),
    "AbstractConv3d_gradWeights()": lambda: A.AbstractConv3d_gradWeights()(i5, t5, (3, 3, 3)),
    "CorrMM()": lambda: corr.CorrMM()(i4, k4),
    "CorrMM(1)": lambda: corr.CorrMM(border_mode=1)(i4, k4),
    "CorrMM((1, (2, 3)))": lambda: corr.CorrMM(border_mode=(1, (2, 3)), subsample=(2, 1))(i4, k4),
    "CorrMM_gradInputs()": lambda: corr.CorrMM_gradInputs()(k4, t4, (5, 5)),
    "CorrMM_gradWeights()": lambda: corr.CorrMM_gradWeights()(i4, t4),
    "Corr3dMM(1)": lambda: corr3d.Corr3dMM(border_mode=1, num_groups=1)(i5, k5),
    "grad_of_CorrMM": lambda: T.grad(corr.CorrMM()(i4, k4).sum(), k4),
    "conv.conv2d": lambda: conv.conv2d(i4, k4),
    "ConvOp()": lambda: conv.ConvOp(imshp=(2, 5, 5), kshp=(2, 2), nkern=3, bsize=1, dx=2)(i4, k4),
    "batch_normalization_train": lambda: bn.batch_normalization_train(i4, g4, b4, axes="spatial")[0],
    "batch_normalization_test": lambda: bn.batch_normalization_test(i4, g4, b4, m4, v4, axes=(0, 2, 3)),
    "AbstractBatchNormTrain()": lambda: bn.AbstractBatchNormTrain(axes=(0, 2))(i4, i4, i4)[1],
    "grad_of_batch_normalization_train": lambda: T.grad(bn.batch_normalization_train(i4, g4, b4, axes="spatial")[0]
                                                        .sum(), i4),
    "sparse_block_dot": lambda: B.sparse_block_dot(W, h, ii, bb, oi),
    "SparseBlockOuter(True)": lambda: B.SparseBlockOuter(True)(W, h, h, ii, oi),
}


def describe(fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            op = fn().owner.op
        mro = [c.__name__ for c in type(op).__mro__[1:] if c.__name__ in FAMILY]
        props = {p: repr(getattr(op, p)) for p in getattr(op, "__props__", ()) or ()}
        return {"class": type(op).__name__, "bases": mro, "str": str(op), "props": props}
    except Exception as exc:
        return {"error": type(exc).__name__}


def run(inputs, outputs, *values):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = theano.function(inputs, outputs)(*values)
    out = out if isinstance(out, list) else [out]
    return [{"dtype": str(o.dtype), "shape": list(o.shape), "value": np.asarray(o, "float64").ravel().tolist()}
            for o in out]


def outcome(fn):
    try:
        return {"value": fn()}
    except Exception as exc:
        return {"error": type(exc).__name__}


I425, K325 = arr((2, 2, 5, 6), 1), arr((3, 2, 3, 2), 2)
WV, HV, BV = arr((3, 4, 2, 5), 1), arr((2, 2, 2), 2), arr((4, 5), 3)
IV, OV = np.array([[0, 2], [1, 0]]), np.array([[1, 3, 0], [2, 2, 1]])
X4 = arr((2, 3, 2, 2), 1)
G4, B4, M4, V4 = arr((1, 3, 1, 1), 2), arr((1, 3, 1, 1), 3), arr((1, 3, 1, 1), 4), arr((1, 3, 1, 1), 5) ** 2 + .5

VALUES = {
    "AbstractConv2d_gradInputs": lambda: run(
        [k4, t4], A.AbstractConv2d_gradInputs(border_mode="half", subsample=(2, 2))(k4, t4, (5, 6)),
        K325, arr((2, 3, 3, 4), 4)),
    "AbstractConv2d_gradWeights": lambda: run(
        [i4, t4], A.AbstractConv2d_gradWeights(border_mode=1)(i4, t4, (3, 2)), I425, arr((2, 3, 5, 7), 5)),
    "AbstractConv2d_gradInputs_symbolic_shape": lambda: run(
        [k4, t4, i4], A.AbstractConv2d_gradInputs()(k4, t4, i4.shape[2:]), K325, arr((2, 3, 3, 5), 3), I425),
    "AbstractConv3d_gradWeights": lambda: run(
        [i5, t5], A.AbstractConv3d_gradWeights(filter_flip=False)(i5, t5, (2, 2, 2)), arr((1, 2, 3, 3, 4), 6),
        arr((1, 2, 2, 2, 3), 7)),
    "grad_of_AbstractConv2d_gradInputs": lambda: run(
        [k4, t4], T.grad((A.AbstractConv2d_gradInputs()(k4, t4, (5, 6)) * arr((2, 2, 5, 6), 7)).sum(), [k4, t4]),
        K325, arr((2, 3, 3, 5), 3)),
    "grad_of_conv2d": lambda: run(
        [i4, k4], T.grad((T.nnet.conv2d(i4, k4, border_mode=(1, 0), subsample=(2, 1)) ** 2).sum(), [i4, k4]),
        I425, K325),
    "CorrMM": lambda: run([i4, k4], corr.CorrMM(border_mode=(1, 0), subsample=(1, 2))(i4, k4), I425, K325),
    "CorrMM_gradWeights": lambda: run([i4, t4], corr.CorrMM_gradWeights()(i4, t4), I425, arr((2, 3, 3, 5), 3)),
    "CorrMM_gradWeights_shape": lambda: run(
        [i4, t4], corr.CorrMM_gradWeights(subsample=(2, 1))(i4, t4, (3, 2)), I425, arr((2, 3, 2, 5), 3)),
    "CorrMM_gradInputs": lambda: run([k4, t4], corr.CorrMM_gradInputs()(k4, t4), K325, arr((2, 3, 3, 5), 3)),
    "CorrMM_gradInputs_full": lambda: run(
        [k4, t4], corr.CorrMM_gradInputs(border_mode="full")(k4, t4, (5, 6)), K325, arr((2, 3, 7, 7), 3)),
    "grad_of_CorrMM": lambda: run([i4, k4], T.grad((corr.CorrMM()(i4, k4) * arr((2, 3, 3, 5), 6)).sum(), [i4, k4]),
                                  I425, K325),
    "Corr3dMM": lambda: run([i5, k5], corr3d.Corr3dMM(border_mode=1)(i5, k5), arr((1, 2, 3, 3, 4), 6),
                            arr((2, 2, 2, 2, 3), 8)),
    "ConvOp": lambda: run([i4, k4], conv.ConvOp(output_mode="full", dx=2)(i4, k4), I425, K325),
    "ConvOp_wrong_bsize": lambda: run([i4, k4], conv.ConvOp(bsize=3)(i4, k4), I425, K325),
    "AbstractBatchNormTrain": lambda: run(
        [i4, g4, b4, m4, v4], bn.AbstractBatchNormTrain(axes=(0, 2, 3))(i4, g4, b4, 1e-3, 0.2, m4, v4),
        X4, G4, B4, M4, V4),
    "AbstractBatchNormInference": lambda: run(
        [i4, g4, b4, m4, v4], bn.AbstractBatchNormInference(axes=(0, 2, 3))(i4, g4, b4, m4, v4, 1e-3),
        X4, G4, B4, M4, V4),
    "AbstractBatchNormTrainGrad": lambda: run(
        [i4, g4, b4, m4, v4], bn.AbstractBatchNormTrainGrad(axes=(0, 2, 3))(i4, b4, g4, m4, v4, 1e-3),
        X4, G4, B4, M4, V4),
    "sparse_block_dot_and_grads": lambda: run(
        [W, h, ii, bb, oi], [B.sparse_block_dot(W, h, ii, bb, oi)] +
        T.grad((B.sparse_block_dot(W, h, ii, bb, oi) * arr((2, 3, 5), 4)).sum(), [W, h, bb]), WV, HV, IV, BV, OV),
    "SparseBlockGemv": lambda: run([o3, W, h, ii, oi], B.SparseBlockGemv()(o3, W, h, ii, oi),
                                   arr((2, 3, 5), 5), WV, HV, IV, OV),
    "SparseBlockOuter": lambda: run([W, h, y3, ii, oi], B.SparseBlockOuter()(W, h, y3, ii, oi, T.constant(.5)),
                                    WV, arr((2, 2, 2), 6), arr((2, 3, 5), 7), IV, OV),
    "Prepend": lambda: run([x, s], [nnet.Prepend_scalar_constant_to_each_row(4.)(x),
                                    nnet.Prepend_scalar_to_each_row()(s, x)], arr((2, 3), 1), 7.),
    "Softmax_vector": lambda: run([b], [nnet.Softmax()(b), nnet.LogSoftmax()(b)], arr((4,), 2)),
}


def errors():
    """Constructor and make_node checks (error classes)."""
    cases = {
        "AbstractConv2d_bad_border": lambda: A.AbstractConv2d(border_mode="same"),
        "AbstractConv2d_bad_subsample": lambda: A.AbstractConv2d(subsample=(1, 1, 1)),
        "AbstractConv2d_symbolic_imshp": lambda: A.AbstractConv2d(imshp=(None, None, s, 3)),
        "AbstractConv2d_kern_rank": lambda: A.AbstractConv2d()(i4, h),
        "AbstractConv3d_unshared": lambda: A.AbstractConv3d(unshared=True),
        "AbstractConv_convdim_4": lambda: A.AbstractConv(4),
        "AbstractConv2d_gradInputs_topgrad_rank": lambda: A.AbstractConv2d_gradInputs()(k4, h, (3, 3)),
        "CorrMM_bad_border": lambda: corr.CorrMM(border_mode=(1, 2, 3)),
        "CorrMM_groups": lambda: corr.CorrMM(num_groups=0),
        "CorrMM_gradWeights_subsample_no_shape": lambda: corr.CorrMM_gradWeights(subsample=(2, 2))(i4, t4),
        "Corr3dMM_bad_border": lambda: corr3d.Corr3dMM(border_mode=(1, -1, 0)),
        "ConvOp_bad_imshp": lambda: conv.ConvOp(imshp=(1, 2, 3, 4)),
        "ConvOp_mode": lambda: conv.ConvOp(output_mode="half"),
        "conv.conv2d_channels": lambda: conv.conv2d(i4, k4, image_shape=(1, 2, 5, 5), filter_shape=(3, 3, 2, 2)),
        "SparseBlockGemv_rank": lambda: B.SparseBlockGemv()(x, W, h, ii, oi),
        "Prepend_not_matrix": lambda: nnet.Prepend_scalar_constant_to_each_row(1.)(b),
        "Softmax_int": lambda: nnet.Softmax()(y),
    }
    return {k: outcome(v) for k, v in cases.items()}


def record():
    return {"theano_version": theano.__version__, "ops": {k: describe(v) for k, v in OPS.items()},
            "values": {k: outcome(v) for k, v in VALUES.items()}, "errors": errors()}


if __name__ == "__main__":
    with contextlib.redirect_stdout(sys.stderr):
        rec = record()
    json.dump(rec, sys.stdout, indent=1)
    sys.stdout.write("\n")
