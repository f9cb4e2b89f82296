"""The document a loader hands to extraction: the text kept and what is known about it.

A loader reads one source file, drops its boilerplate (site navigation, subscription
boxes, front matter, media contacts' phone lines are kept or dropped by the loader's
own rules) and returns a :class:`Document`. Every character offset in sgcn's evidence
refers to ``Document.text``, and that text is recorded in the graph so that a quote
can be checked against it.

Examples:
    >>> doc = Document(source="a.txt", text="Hello.", sha256="0" * 64, format="plaintext")
    >>> doc.text[0:5]
    'Hello'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Document:
    """One source document as a loader read it.

    Attributes:
        source: the file name (no folder), e.g. ``"000_451af802f011b263.txt"``;
            it is the ``source`` column of the competency questions.
        text: the text the loader kept; evidence offsets index into it.
        sha256: hex digest of the file's raw bytes.
        format: name of the loader that read it (a key of ``sgcn.loaders.LOADERS``).
        title: the document's title, ``""`` when it gives none.
        date: ISO 8601 date of the document, as precise as it says
            (``"2020-03-05"``, ``"2023-09"``, ``"2019"``), ``""`` when unknown.
        publisher: who published it, ``""`` when it does not say.
        metadata: other facts about the document (url, permalink, manifest fields).
        dropped: the boilerplate the loader removed, in document order.
    """

    source: str
    text: str
    sha256: str
    format: str
    title: str = ""
    date: str = ""
    publisher: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))
