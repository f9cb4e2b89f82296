"""Imported by the build's fork server: loads the trained pipeline once, for every worker it forks.

A worker forked from a process that holds the model shares its memory (copy-on-write)
and starts extracting at once; the objects loaded are frozen (``gc.freeze``), or the
collector's passes in each worker would touch, and so copy, the pages holding them. Importing this module anywhere else only loads the model
early. A pipeline that cannot be loaded is left for the workers to report (with
:class:`~sgcn.loaders.extract.nlp.PipelineError`, when they first parse).

Before freezing, the fork server also reads and extracts two small documents of its own
(``warmup-release.txt``, ``warmup-page.html``, beside this module): what extraction
builds on first use (the rule tables, gazetteers and patterns compiled from
``loaders/extract/``, trafilatura's and lxml's imports) is then built once, here, and
shared by every worker, instead of built again in each worker's own memory (measured
on 8 synthetic documents: a worker's private memory 62 MB without this, 36 MB with it).
What a document's extraction gives does not depend on what was extracted before it
(tested: any number of workers gives the same graph), so neither does the graph.
"""

from __future__ import annotations

import gc
import logging

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.extract import nlp

log = logging.getLogger(__name__)

#: The documents extracted before the workers are forked (package data of ``sgcn.graph.rdf``).
WARMUP_DOCUMENTS = ("warmup-release.txt", "warmup-page.html")


def warm_up() -> None:
    """Read and extract :data:`WARMUP_DOCUMENTS`, building what extraction builds on first use.

    An optimisation only: anything going wrong is logged (debug) and left for the
    workers to meet on a real document, where it is reported.
    """
    from importlib.resources import as_file, files

    from sgcn.loaders import read
    from sgcn.loaders.extract import extract

    quiet = logging.root.manager.disable
    logging.disable(logging.WARNING)  # the warm-up's warnings are about no document of the user's
    failed = None
    try:
        for name in WARMUP_DOCUMENTS:
            with as_file(files("sgcn.graph.rdf").joinpath(name)) as path:
                extract(read(path))
    except Exception as err:  # noqa: BLE001 - see above
        failed = err
    finally:
        logging.disable(quiet)
    if failed is not None:
        log.debug("warming the fork server up failed", exc_info=failed)


try:
    nlp.pipeline()
except SgcnError as err:  # the workers raise it again, with its message, where it is handled
    log.debug("trained pipeline not preloaded: %s", err)
else:
    warm_up()
gc.collect()
# What is loaded so far is kept for good: out of the collector's sight, so that a worker's
# garbage collections do not write to (and so copy) every page of the shared model.
gc.freeze()
