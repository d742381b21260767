"""The op library: one module per family, each op defined in one place (type rule, lowering, gradient)."""
