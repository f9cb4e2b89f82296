"""sgcn.graph.cli: the ``sgcn`` command line, the one room that uses all the others.

``main`` (the console script ``sgcn = "sgcn.graph.cli:main"``) and the subcommands
live in :mod:`sgcn.graph.cli.commands`. Each subcommand imports the room it drives
(:mod:`sgcn.graph.rdf`, :mod:`sgcn.graph.sparql`, :mod:`sgcn.graph.network`,
:mod:`sgcn.graph.web`) inside its handler, so ``sgcn --help`` imports none of them.
No other room imports this one.
"""

from sgcn.graph.cli.commands import main

__all__ = ["main"]
