"""sgcn.loaders: read source documents into :class:`~sgcn.loaders.document.Document` values.

The registry of formats and the functions that read files and folders live in
:mod:`sgcn.loaders.registry` (its text says how a file's format is chosen); their
names are offered here too, imported on first use: importing this package, or a
light module of it (``sgcn.loaders.errors``, ``sgcn.loaders.facts``), does not load
the format modules and their YAML, HTML and date parsers, so ``sgcn --help`` and
``sgcn query`` start without them.

Examples:
    >>> import sgcn.loaders
    >>> from sgcn.loaders import LOADERS, read
    >>> list(LOADERS)
    ['html', 'markdown', 'wire', 'webpage', 'plaintext']
"""

from __future__ import annotations

import importlib

__all__ = [
    "LOADERS",
    "Document",
    "FolderResult",
    "LoadError",
    "SgcnError",
    "format_of",
    "is_document_file",
    "read",
    "read_bytes",
    "read_folder",
    "skip_reason",
]

_FORMAT_MODULES = ("html", "markdown", "wire", "webpage", "plaintext")


def __getattr__(name: str):
    """The registry's names and the format modules, imported when first asked for."""
    if name in _FORMAT_MODULES:
        return importlib.import_module(f"sgcn.loaders.{name}")
    if name in __all__ or name == "NOT_DOCUMENTS":
        return getattr(importlib.import_module("sgcn.loaders.registry"), name)
    raise AttributeError(f"module 'sgcn.loaders' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | set(_FORMAT_MODULES))
