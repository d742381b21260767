"""Theano's compilation modes. XLA replaces Theano's optimizers and linkers, so every mode compiles the
same way; modes are accepted so that legacy code naming them keeps working."""


class Mode:
    def __init__(self, linker=None, optimizer="default"):
        self.linker = linker
        self.optimizer = optimizer

    def including(self, *tags):
        return self

    def excluding(self, *tags):
        return self

    def requiring(self, *tags):
        return self

    def __str__(self):
        return f"Mode(linker={self.linker}, optimizer={self.optimizer})"


FAST_RUN = Mode("cvm", "fast_run")
FAST_COMPILE = Mode("py", "fast_compile")
DebugMode = Mode
ProfileMode = Mode


def get_default_mode():
    return FAST_RUN


_PREDEFINED = {"FAST_RUN", "FAST_COMPILE", "DebugMode", "DEBUG_MODE", "ProfileMode", "PROFILE_MODE", "Mode",
               "NanGuardMode", "DeepCopyOp", "MonitorMode"}


def get_mode(mode):
    """A Mode for theano.function's mode= (a Mode, a predefined name, or None)."""
    if mode is None or isinstance(mode, Mode):
        return mode or FAST_RUN
    if isinstance(mode, str) and mode in _PREDEFINED:
        return FAST_RUN
    raise Exception(f"No predefined mode exist for string: {mode}")
