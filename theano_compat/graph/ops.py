"""The op record: one place per op for its Theano name, type rule, JAX lowering and gradient."""
import jax


class Op:
    """An op of the graph.

    infer(*inputs, **params) -> list of output TensorTypes (the single source of truth for dtypes)
    lower(*arrays, **params) -> an array, or a tuple of arrays for several outputs
    grad(inputs, outputs, output_grads, **params) -> one symbolic gradient per input (None: disconnected);
        without it, the gradient is an op whose lowering calls jax.vjp on `lower`.
    static(*arrays, **params) -> hashable; for ops whose output shape depends on input *values* (a slice
        with symbolic bounds, arange(n), a boolean mask): it is computed before the step runs and handed to
        `lower` as `static=`, so one compiled step serves every value that gives the same shapes.
        static_args(node) -> the positions of the inputs whose values it reads; only when one of them
        is traced does the step need the key computed ahead (otherwise it is computed while tracing).
    """

    def __init__(self, name, infer, lower, grad=None, static=None, static_args=None, describe=None,
                 register=True):
        self.name = name
        self.infer = infer
        self.lower = lower
        self.grad = grad
        self.static = static
        self.static_args = static_args
        self._describe = describe
        if register:
            if name in REGISTRY:
                raise ValueError(f"op {name!r} registered twice")
            REGISTRY[name] = self

    def __call__(self, *inputs, **params):
        from .nodes import Apply
        from ..tensor.basic import as_tensor_variable
        inputs = [as_tensor_variable(i) for i in inputs]
        node = Apply(self, inputs, self.infer(*inputs, **params), params)
        return node.outputs[0] if len(node.outputs) == 1 else node.outputs

    def describe(self, node):
        """How Theano names this node in str() and debugprint, e.g. Elemwise{add,no_inplace}."""
        return self._describe(node) if self._describe else self.name

    def __repr__(self):
        return f"Op({self.name})"

    def __reduce__(self):
        # Ops are module-level singletons: a pickle names them, so unpickling finds the same record.
        return (lookup, (self.name,))


REGISTRY = {}


def lookup(name):
    if name not in REGISTRY:
        import theano_compat  # noqa: F401  (registers every op)
    return REGISTRY[name]


def is_tracer(x):
    return isinstance(x, jax.core.Tracer)
