"""Theano's pretty-printer classes: theano.printing.pprint is a PPrinter, to which libraries assign
printers for their own ops (`pprint.assign(op, OperatorPrinter('+', -1, 'left'))`). A node no assigned
printer claims is written as the shim's op writes itself (Theano's own assignments, recorded per op)."""
import copy

from .gof.utils import scratchpad

VALID_ASSOC = {"left", "right", "either"}
greek = {"alpha": "\u03b1", "beta": "\u03b2", "gamma": "\u03b3", "delta": "\u03b4", "epsilon": "\u03b5"}
special = {"GE": ">=", "LE": "<="}  # Theano's table (its ASCII fallbacks)


class PrinterState(scratchpad):
    """What printers pass each other: the pprinter, the current precedence, and a memo."""

    def __init__(self, props=None, **more_props):
        if isinstance(props, scratchpad):
            self.__update__(props)
        elif props:
            self.__dict__.update(props)
        self.__dict__.update(more_props)
        self.memo = {}

    def clone(self, props=None, **more_props):
        state = PrinterState(dict(self.__dict__, **(props or {})), **more_props)
        state.memo = self.memo
        return state


def _with_precedence(pstate, precedence, render):
    old = getattr(pstate, "precedence", None)
    pstate.precedence = precedence
    try:
        return render()
    finally:
        pstate.precedence = old


def _node_of(output, what):
    if output.owner is None:
        raise TypeError("%s cannot represent a variable that is not the result of an operation" % what)
    return output.owner


def _call_form(name, output, pstate):
    """name(input, input, ...), the inputs written at the lowest precedence."""
    node = output.owner
    args = _with_precedence(pstate, -1000, lambda: [pstate.pprinter.process(v, pstate) for v in node.inputs])
    pstate.memo[output] = "%s(%s)" % (name, ", ".join(args))
    return pstate.memo[output]


class OperatorPrinter:
    """Writes a node as its inputs joined by an infix operator (or the operator before one input)."""

    def __init__(self, operator, precedence, assoc="left"):
        self.operator, self.precedence, self.assoc = operator, precedence, assoc
        assert self.assoc in VALID_ASSOC

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        node = _node_of(output, "operator %s" % self.operator)
        last = len(node.inputs) - 1
        texts = []
        for i, v in enumerate(node.inputs):
            shifted = (self.assoc == "left" and i != 0) or (self.assoc == "right" and i != last)
            texts.append(_with_precedence(pstate, self.precedence + (1e-6 if shifted else 0),
                                          lambda v=v: pstate.pprinter.process(v, pstate)))
        text = self.operator + texts[0] if len(texts) == 1 else (" %s " % self.operator).join(texts)
        pstate.memo[output] = "(%s)" % text
        return pstate.memo[output]


class PatternPrinter:
    """Writes a node by a %-pattern over its inputs' texts ('%(0)s[%(1)s]'), one pattern per output."""

    def __init__(self, *patterns):
        self.patterns = [(p, ()) if isinstance(p, str) else (p[0], p[1:]) for p in patterns]

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        node = _node_of(output, "Patterns %s" % self.patterns)
        pattern, precedences = self.patterns[node.outputs.index(output)]
        precedences = tuple(precedences) + (1000,) * len(node.inputs)
        texts = {str(i): _with_precedence(pstate, p, lambda v=v: pstate.pprinter.process(v, pstate))
                 for i, (v, p) in enumerate(zip(node.inputs, precedences))}
        pstate.memo[output] = pattern % texts
        return pstate.memo[output]


class FunctionPrinter:
    """Writes a node as name(inputs), one name per output."""

    def __init__(self, *names):
        self.names = names

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        node = _node_of(output, "function %s" % (self.names,))
        return _call_form(self.names[node.outputs.index(output)], output, pstate)


class IgnorePrinter:
    """Writes a node as its first input (the op is invisible)."""

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        node = _node_of(output, "IgnorePrinter")
        pstate.memo[output] = "%s" % pstate.pprinter.process(node.inputs[0], pstate)
        return pstate.memo[output]


class LeafPrinter:
    """Writes a variable by its name (greek letters for their names) or str()."""

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        pstate.memo[output] = greek.get(output.name, None) or str(output)
        return pstate.memo[output]


leaf_printer = LeafPrinter()


class DefaultPrinter:
    """Writes a node as str(op)(inputs); a leaf as LeafPrinter does."""

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        if output.owner is None:
            return leaf_printer.process(output, pstate)
        return _call_form(str(output.owner.op), output, pstate)


default_printer = DefaultPrinter()


class _OpsOwnPrinter:
    """The shim's ops write themselves as Theano's printer assignments do (op.pp, else their name)."""

    def process(self, output, pstate):
        if output in pstate.memo:
            return pstate.memo[output]
        node = output.owner
        if node is None:
            return leaf_printer.process(output, pstate)
        args = [pstate.pprinter.process(v, pstate) for v in node.inputs]
        own = getattr(node.op, "pp", None)
        pstate.memo[output] = own(node, args) if own else "%s(%s)" % (_pp_name(node), ", ".join(args))
        return pstate.memo[output]


def _pp_name(node):
    # Theano's FunctionPrinter uses the scalar op's name for elementwise ops, str(op) otherwise.
    describe = getattr(node.op, "describe", None)
    name = describe(node) if describe else str(node.op)
    if name.startswith("Elemwise{") and name.endswith(",no_inplace}"):
        return name[len("Elemwise{"):-len(",no_inplace}")]
    return name


_OWN = _OpsOwnPrinter()


class PPrinter:
    """theano.printing.pprint: printers assigned to ops (or conditions) write the graph."""

    def __init__(self):
        self.printers = []
        self.printers_dict = {}

    def assign(self, condition, printer):
        """Use `printer` for nodes of this op (or op class), or where condition(pstate, r) holds."""
        if isinstance(condition, type) or not callable(condition) or hasattr(condition, "make_node"):
            self.printers_dict[condition] = printer
            return
        self.printers.insert(0, (condition, printer))

    def process(self, r, pstate=None):
        if pstate is None:
            pstate = PrinterState(pprinter=self)
        elif isinstance(pstate, dict):
            pstate = PrinterState(pprinter=self, **pstate)
        owner = getattr(r, "owner", None)
        if owner is not None:
            for key in (owner.op, type(owner.op)):
                try:
                    if key in self.printers_dict:
                        return self.printers_dict[key].process(r, pstate)
                except TypeError:  # an unhashable op
                    pass
        for condition, printer in self.printers:
            if condition(pstate, r):
                return printer.process(r, pstate)
        return _OWN.process(r, pstate)

    def clone(self):
        cp = copy.copy(self)
        cp.printers, cp.printers_dict = list(self.printers), dict(self.printers_dict)
        return cp

    def clone_assign(self, condition, printer):
        cp = self.clone()
        cp.assign(condition, printer)
        return cp

    def process_graph(self, inputs, outputs, updates=None, display_inputs=False):
        """A program: one line per named variable and output (and update), in computation order."""
        from .gof.graph import io_toposort
        updates = dict(updates or {})
        inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        outputs = list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]
        current = [None]
        strings = [(0, "inputs: " + ", ".join(map(str, inputs + list(updates))))] if display_inputs else []
        pprinter = self.clone_assign(lambda pstate, r: r.name is not None and r is not current[0], leaf_printer)
        inv_updates = {b: a for a, b in updates.items()}
        i = 1
        for node in io_toposort(inputs + list(updates), outputs + list(updates.values())):
            for output in node.outputs:
                if output in inv_updates:
                    strings.append((i + 1000, "%s <- %s" % (inv_updates[output], pprinter.process(output))))
                    i += 1
                if output.name is not None or output in outputs:
                    name = output.name if output.name is not None else "out[%i]" % outputs.index(output)
                    current[0] = output
                    idx = 2000 + outputs.index(output) if output in outputs else i
                    if len(outputs) == 1 and outputs[0] is output:
                        strings.append((idx, "return %s" % pprinter.process(output)))
                    else:
                        strings.append((idx, "%s = %s" % (name, pprinter.process(output))))
                    i += 1
        strings.sort()
        return "\n".join(s[1] for s in strings)

    def __call__(self, *args):
        if len(args) == 1 or (len(args) == 2 and isinstance(args[1], (PrinterState, dict))):
            return self.process(*args)
        if len(args) > 2:
            return self.process_graph(*args)
        raise TypeError("Not enough arguments to call.")
