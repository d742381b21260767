"""Move Theano code to theano_compat: `theano-compat migrate` and `theano-compat check`.

`main(argv)` is the entry the console script dispatches to, with argv[0]
'migrate' or 'check'. Submodules load lazily, so importing this package costs
nothing for programs that only use the shim.
"""


def main(argv: list[str]) -> int:
    from .cli import main as cli_main

    return cli_main(argv)


__all__ = ["main"]
