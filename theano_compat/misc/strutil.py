"""theano.misc.strutil: string helpers of Theano's C code generator."""


xrange = range


def render_string(string, sub):
    """string % sub, with an error that shows where the formatting failed."""
    try:
        return string % sub
    except Exception as exc:
        for i in range(len(string) + 1):
            try:
                string[0:i] % sub
            except Exception as partial:
                if str(partial) == str(exc):
                    raise Exception(string[0:i] + "<<<< caused exception " + str(partial)) from None
        raise


def strip_leading_white_space(line):
    return line.lstrip(" \t")


def pretty_format(string):
    """Re-indent C-like code by its braces."""
    lines = [strip_leading_white_space(line) for line in string.split("\n")]
    indent = 0
    for i, line in enumerate(lines):
        indent = max(indent - line.count("}"), 0)
        lines[i] = "    " * indent + line
        indent += line.count("{")
    return "\n".join(lines)
