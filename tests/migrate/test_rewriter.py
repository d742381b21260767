"""Before/after pairs for every Theano import form, and what must not change."""
import ast

import pytest

from theano_compat.migrate.rewriter import migrate_source

PAIRS = {
    "import": ("import theano\n", "import theano_compat as theano\n"),
    "import as": ("import theano as th\n", "import theano_compat as th\n"),
    "submodule as": ("import theano.tensor as T\n", "import theano_compat.tensor as T\n"),
    "dotted submodule": ("import theano.tensor\n", "import theano_compat as theano, theano_compat.tensor\n"),
    "deep dotted": ("import theano.tensor.nnet.conv\n",
                    "import theano_compat as theano, theano_compat.tensor.nnet.conv\n"),
    "several dotted": ("import theano.tensor, theano.tensor.nnet\n",
                       "import theano_compat as theano, theano_compat.tensor, theano_compat.tensor.nnet\n"),
    "package and dotted": ("import theano, theano.tensor\n",
                           "import theano_compat as theano, theano_compat.tensor\n"),
    "mixed line": ("import os, theano.tensor as T, sys  # keep\n",
                   "import os, theano_compat.tensor as T, sys  # keep\n"),
    "mixed dotted": ("import numpy as np, theano.tensor, sys\n",
                     "import numpy as np, theano_compat as theano, theano_compat.tensor, sys\n"),
    "alias then dotted": ("import theano as th, theano.tensor\n",
                          "import theano_compat as th, theano_compat as theano, theano_compat.tensor\n"),
    "semicolons": ("import theano; import theano.tensor as T\n",
                   "import theano_compat as theano; import theano_compat.tensor as T\n"),
    "from names": ("from theano import tensor as T, function, shared\n",
                   "from theano_compat import tensor as T, function, shared\n"),
    "from star": ("from theano import *\n", "from theano_compat import *\n"),
    "from tensor star": ("from theano.tensor import *\n", "from theano_compat.tensor import *\n"),
    "from nnet": ("from theano.tensor.nnet import conv2d\n", "from theano_compat.tensor.nnet import conv2d\n"),
    "from nnet conv module": ("from theano.tensor.nnet import conv\n", "from theano_compat.tensor.nnet import conv\n"),
    "rng_mrg alias": ("from theano.sandbox.rng_mrg import MRG_RandomStreams as RandomStreams\n",
                      "from theano_compat.sandbox.rng_mrg import MRG_RandomStreams as RandomStreams\n"),
    "downsample": ("from theano.tensor.signal import downsample\n",
                   "from theano_compat.tensor.signal import downsample\n"),
    "parenthesized": ("from theano.tensor import (  # why\n    dot,\n    sum as tsum,\n)\n",
                      "from theano_compat.tensor import (  # why\n    dot,\n    sum as tsum,\n)\n"),
    "one-line if": ("if fast: import theano.tensor\n",
                    "if fast: import theano_compat as theano, theano_compat.tensor\n"),
    "in function": ("def f():\n    import theano.tensor as T  # local\n    return T\n",
                    "def f():\n    import theano_compat.tensor as T  # local\n    return T\n"),
    "in class": ("class A:\n    from theano import function\n",
                 "class A:\n    from theano_compat import function\n"),
    "try except": ("try:\n    import theano\nexcept ImportError:  # optional\n    theano = None\n",
                   "try:\n    import theano_compat as theano\nexcept ImportError:  # optional\n    theano = None\n"),
    "odd spacing": ("import  theano.tensor  as  T\n", "import  theano_compat.tensor  as  T\n"),
}

NO_OPS = {
    "lookalike modules": "import theano_utils, theanets\nfrom theanets import Network\n",
    "relative": "from . import theano\nfrom .theano import tensor\nfrom ..theano.x import y\n",
    "attribute use only": "x = theano.tensor.dot(a, b)  # body is never edited\n",
    "string": 's = "import theano"\n__import__("theano")\n',
    "comment": "# import theano\n",
    "migrated": "import theano_compat as theano, theano_compat.tensor\nfrom theano_compat.tensor import dot\n",
    "other packages": "import numpy as np\nfrom os import path\n",
}


@pytest.mark.parametrize("before,after", PAIRS.values(), ids=PAIRS.keys())
def test_import_form(before, after):
    assert migrate_source(before) == after


@pytest.mark.parametrize("source", NO_OPS.values(), ids=NO_OPS.keys())
def test_no_op(source):
    assert migrate_source(source) == source


@pytest.mark.parametrize("before,after", PAIRS.values(), ids=PAIRS.keys())
def test_idempotent(before, after):
    assert migrate_source(after) == after


def _bindings(source):
    """Local name -> what it is bound to, with theano_compat read as theano."""
    bound = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name.replace("theano_compat", "theano", 1)
                bound[alias.asname or alias.name.split(".")[0]] = name if alias.asname else name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            module = (node.module or "").replace("theano_compat", "theano", 1)
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{module}.{alias.name}"
    return bound


@pytest.mark.parametrize("before,after", PAIRS.values(), ids=PAIRS.keys())
def test_local_names_stay_bound(before, after):
    old, new = _bindings(before), _bindings(after)
    new.pop("theano_compat", None)  # the one name `import theano.x` adds
    assert new == old


def test_body_and_comments_untouched():
    source = (
        "#!/usr/bin/env python\n"
        "# -*- coding: utf-8 -*-\n"
        '"""Doc mentioning theano.tensor."""\n'
        "import theano.tensor as T   # tensors\n"
        "\n\n"
        "x = T.dmatrix('x')  # theano.tensor.dmatrix\n"
        "y = theano_utils.f( x ,1 )\n"
    )
    out = migrate_source(source)
    assert out == source.replace("import theano.tensor as T", "import theano_compat.tensor as T")


def test_bytes_keep_encoding_bom_and_newlines():
    latin = "# -*- coding: latin-1 -*-\r\nimport theano\r\ns = 'caf\xe9'\r\n".encode("latin-1")
    assert migrate_source(latin) == latin.replace(b"import theano", b"import theano_compat as theano")
    bom = b"\xef\xbb\xbfimport theano.tensor as T\n"
    assert migrate_source(bom) == b"\xef\xbb\xbfimport theano_compat.tensor as T\n"
