"""theano.scalar's Composite: one scalar op made of a graph of scalar ops, lowered by walking that graph once
per trace (each inner op's own lowering), and its Elemwise."""
from ..graph.nodes import clone_replace, toposort
from ..stand_ins import UnsupportedError, unsupported_function
from .ops import ScalarOp
from .type import get_scalar_type

class Composite(ScalarOp):
    """Composite(inputs, outputs): the scalar graph from `inputs` to `outputs` as one op."""

    def __init__(self, inputs, outputs):
        for i in inputs:
            assert i not in outputs  # Theano: use identity for that
        fresh = [i.type.make_variable() for i in inputs]
        if len(outputs) == 1 and isinstance(getattr(outputs[0].owner, "op", None), Composite):
            # Theano flattens a single output computed by an inner Composite into this one's graph
            inner = outputs[0].owner
            outputs = [inner.op.rebuild(clone_replace(inner.inputs, dict(zip(inputs, fresh))))[0]]
        else:
            outputs = clone_replace(list(outputs), dict(zip(inputs, fresh)))
        self.inputs, self.outputs = fresh, outputs
        self.inputs_type = tuple(i.type for i in fresh)
        self.outputs_type = tuple(o.type for o in outputs)
        self.nin, self.nout = len(fresh), len(outputs)
        self.nodes = toposort(outputs)
        for node in self.nodes:
            if not isinstance(node.op, ScalarOp):
                raise ValueError("The fgraph to Composite must be exclusively composed of ScalarOp instances.")
        self.name = None

    def init_name(self):
        for k, i in enumerate(self.inputs):
            i.name = "i%d" % k
        from ..printing import pprint
        self.name = "Composite{%s}" % ", ".join(pprint(o) for o in self.outputs)

    def __str__(self):
        if self.name is None:
            self.init_name()
        return self.name

    @property
    def fgraph(self):
        """The inner graph, as a FunctionGraph (Theano's attribute)."""
        from ..gof.fg import FunctionGraph
        return FunctionGraph(self.inputs, self.outputs)

    def rebuild(self, new_inputs):
        """The inner graph applied again to `new_inputs` (whatever their types): its output variables."""
        env = dict(zip(self.inputs, new_inputs))
        for node in self.nodes:
            outs = node.op(*[env.get(v, v) for v in node.inputs], return_list=True)
            env.update(zip(node.outputs, outs))
        return [env.get(o, o) for o in self.outputs]

    def make_node(self, *inputs):
        from .type import as_scalar
        inputs = [as_scalar(i) for i in inputs]
        if tuple(i.type for i in inputs) == self.inputs_type:
            return super().make_node(*inputs)
        # Theano: inputs of other types give the Composite of the same graph rebuilt for them
        fresh = [i.type.make_variable() for i in inputs]
        return Composite(fresh, self.rebuild(fresh)).make_node(*inputs)

    def retyped(self, *dtypes):
        """This Composite's graph for inputs of these dtypes (itself when they are its own)."""
        if tuple(t.dtype for t in self.inputs_type) == dtypes:
            return self
        return self.make_node(*[get_scalar_type(d)() for d in dtypes]).op

    def clone_float32(self):
        raise UnsupportedError(f"theano.scalar.Composite.clone_float32 is not supported by theano_compat: {_F32_WHY}")

    def output_types(self, input_types):
        if tuple(input_types) != self.inputs_type:
            raise TypeError(f"Wrong types for Composite. Expected {self.inputs_type}, got {tuple(input_types)}.")
        return self.outputs_type

    def lower_node(self, node, args, keys):
        return self.lower_arrays(args, keys)

    def lower_arrays(self, args, keys=None):
        env = dict(zip(self.inputs, args))
        for inner in self.nodes:
            values = [env[v] if v in env else v.data for v in inner.inputs]
            out = inner.op.lower_node(inner, values, keys)
            env.update(zip(inner.outputs, out if len(inner.outputs) > 1 else [out]))
        values = [env[o] if o in env else o.data for o in self.outputs]
        return tuple(values) if self.nout > 1 else values[0]

    def L_op(self, inputs, outputs, output_grads):
        raise NotImplementedError("grad is not implemented for Composite")

    def __eq__(self, other):
        return self is other or (type(self) is type(other) and self.nin == other.nin and self.nout == other.nout
                                 and self.inputs_type == other.inputs_type and str(self) == str(other))

    def __hash__(self):
        return hash((Composite, str(self)))

    def make_elemwise(self):
        """An Elemwise applying this Composite: its lowering walks the inner graph on whole arrays."""
        from ..ops.elementwise import Elemwise, _astype, _check_shapes, _infer
        if self.nout != 1:
            raise TypeError(f"theano_compat builds Elemwise of a single-output Composite only ({self} has "
                            f"{self.nout} outputs)")

        def lower(*arrays, dtype, bcast):
            _check_shapes(str(self), bcast, arrays)
            return _astype(self.retyped(*[str(a.dtype) for a in arrays]).lower_arrays(arrays), dtype)

        text = f"Elemwise{{{self}}}"
        op = Elemwise.record(text, _infer, lower, describe=lambda node: text, register=False)
        op.rule = lambda *dtypes: self.retyped(*dtypes).outputs_type[0].dtype
        op.param_names, op.scalar_op, op.elementwise, op.theano_name, op.pp = (), self, True, text, None
        return op


class Compositef32:
    """Theano's float16 -> float32 rewriting of Composite graphs (a C-backend concern): unsupported here."""

    special = {}

    def apply(self, fgraph):
        raise UnsupportedError(f"theano.scalar.basic.Compositef32.apply is not supported by theano_compat: {_F32_WHY}")


composite_f32 = Compositef32()
_F32_WHY = "it rewrites float16 Composite graphs for Theano's C code; theano_compat computes float16 natively"
handle_cast = unsupported_function("theano.scalar.basic.handle_cast", _F32_WHY)
handle_composite = unsupported_function("theano.scalar.basic.handle_composite", _F32_WHY)
