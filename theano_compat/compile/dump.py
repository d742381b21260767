"""function_dump: pickle theano.function's arguments to a file, as Theano asks bug reports to attach."""


def function_dump(filename, inputs, outputs=None, mode=None, updates=None, givens=None, no_default_updates=False,
                  accept_inplace=False, name=None, rebuild_strict=True, allow_input_downcast=None, profile=None,
                  on_unused_input=None, extra_tag_to_remove=None):
    """Pickle the arguments of theano.function (load it back and call theano.function(**d))."""
    assert isinstance(filename, str)
    d = dict(inputs=inputs, outputs=outputs, mode=mode, updates=updates, givens=givens,
             no_default_updates=no_default_updates, accept_inplace=accept_inplace, name=name,
             rebuild_strict=rebuild_strict, allow_input_downcast=allow_input_downcast, profile=profile,
             on_unused_input=on_unused_input)
    from ..misc.pkl_utils import StripPickler
    with open(filename, "wb") as f:
        StripPickler(f, protocol=-1, extra_tag_to_remove=extra_tag_to_remove).dump(d)
