"""``python -m sgcn.graph.cli``: the ``sgcn`` command without its console script."""

import sys

from sgcn.graph.cli import main

sys.exit(main())
