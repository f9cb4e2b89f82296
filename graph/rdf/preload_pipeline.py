"""Imported by the build's fork server: loads the trained pipeline once, for every worker it forks.

A worker forked from a process that holds the model shares its memory (copy-on-write)
and starts extracting at once; the objects loaded are frozen (``gc.freeze``), or the
collector's passes in each worker would touch, and so copy, the pages holding them. Importing this module anywhere else only loads the model
early. A pipeline that cannot be loaded is left for the workers to report (with
:class:`~sgcn.loaders.extract.nlp.PipelineError`, when they first parse).
"""

from __future__ import annotations

import gc
import logging

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.extract import nlp

try:
    nlp.pipeline()
except SgcnError as err:  # the workers raise it again, with its message, where it is handled
    logging.getLogger(__name__).debug("trained pipeline not preloaded: %s", err)
# What is loaded so far is kept for good: out of the collector's sight, so that a worker's
# garbage collections do not write to (and so copy) every page of the shared model.
gc.freeze()
