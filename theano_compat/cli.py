"""The `theano-compat` command: run a legacy script under the alias, or migrate/check a codebase."""
import os
import runpy
import sys

USAGE = """usage: theano-compat run [JOIN] SCRIPT [ARGS...]  run a legacy Theano script unchanged
         JOIN: --coordinator HOST:PORT --num-processes K --process-id I  (one of K processes, data_parallel)
       theano-compat migrate PATH... [options]   rewrite a codebase's theano imports (dry run by default)
       theano-compat check PATH...               list the Theano APIs the shim does not support
       theano-compat cache [info|list|clear]     the compiledir's cached steps, like theano-cache"""


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if argv else 2
    command = argv[0]
    if command == "run":
        return run(argv[1:])
    if command in ("migrate", "check"):
        from .migrate import main as migrate_main
        return migrate_main(argv)
    if command == "cache":
        return cache(argv[1:])
    print(f"theano-compat: unknown command {command!r}\n{USAGE}", file=sys.stderr)
    return 2


def run(args):
    """Run SCRIPT as `python SCRIPT ARGS...` would, with `import theano` resolving to theano_compat."""
    args, join = _join_options(args)
    if not args or join is None:
        print("usage: theano-compat run [--coordinator HOST:PORT --num-processes K --process-id I] SCRIPT "
              "[ARGS...]", file=sys.stderr)
        return 2
    script = args[0]
    if not os.path.exists(script):
        print(f"theano-compat: can't open file {script!r}: No such file or directory", file=sys.stderr)
        return 2
    if join:
        _join(join, args)
    from .legacy import install
    install()
    sys.argv = list(args)
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    runpy.run_path(script, run_name="__main__")
    return 0


_JOIN = {"--coordinator": "JAX_COORDINATOR_ADDRESS", "--num-processes": "JAX_NUM_PROCESSES",
         "--process-id": "JAX_PROCESS_ID"}


def _join_options(args):
    """The run options before SCRIPT: ({environment variable: value} or None when malformed, rest)."""
    join = {}
    while args and args[0] in _JOIN:
        if len(args) < 2:
            return args, None
        join[_JOIN[args[0]]] = args[1]
        args = args[2:]
    return args, join


def _join(join, args):
    """Join the other processes (theano_compat/distributed.py) before the script runs. They must join before
    JAX starts its backends; where the configuration already started them (an explicit device flag), the
    command runs again, at once, with the options in the environment."""
    from jax._src import xla_bridge
    from . import distributed
    os.environ.update(join)
    if xla_bridge.backends_are_initialized():
        os.execv(sys.executable, [sys.executable, "-m", "theano_compat", "run"] + list(args))
    distributed.initialize(*distributed.requested())


def cache(args):
    """theano-cache's commands for the compiledir: info (the default), list, clear (purge: the same)."""
    from .compile import cache as compiledir
    action = args[0] if args else "info"
    path = compiledir.cache_dir()
    if action == "info":
        entries = compiledir.entries()
        print(f"compiledir: {path}\n{len(entries)} compiled steps, {compiledir.size() / 2 ** 20:.1f} MiB")
    elif action == "list":
        for name, size in compiledir.entries():
            print(f"{size:>12d}  {name}")
    elif action in ("clear", "purge"):
        print(f"removed {compiledir.clear()} compiled steps from {path}")
    else:
        print(f"theano-compat cache: unknown action {action!r} (info, list, clear)", file=sys.stderr)
        return 2
    return 0


def entry():
    """Console-script entry point."""
    sys.exit(main())
