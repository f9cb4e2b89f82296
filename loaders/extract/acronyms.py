"""Acronyms written out: a name holding another entity's acronym also goes by its full form.

A pass of coreference (:func:`~sgcn.loaders.extract.coref.resolve_references`), the
last one. "SCE Organizing Committee" in a document that defines the Smart China Expo
(SCE) is also the "Smart China Expo Organizing Committee", the name another document
may use for it, so that the two merge. :func:`_acronyms` lists the acronyms an entity
goes by, which committee meetings are named with too (:mod:`~sgcn.loaders.extract.meetings`).

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
    ...     text="The Smart China Expo (SCE) is held yearly. The SCE Organizing Committee met in Chongqing.")
    >>> analyze(doc).entities["Organization/sce organizing committee"].aliases
    ('Smart China Expo Organizing Committee',)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import Recognition


def _acronyms(an: "Recognition", key: str) -> list[str]:
    """The acronyms an entity goes by in the document ("JIC")."""
    return sorted(a for a in an.registry.records[key].aliases if re.fullmatch(r"[A-Z][A-Z0-9&]+", a))


def _spelled_out(an: "Recognition") -> None:
    """A name holding another entity's acronym gets its written-out form as an alias.

    "SCE Organizing Committee" is also the "Smart China Expo Organizing Committee", the
    name another document may use for it.
    """
    for key in sorted({m.entity for m in an.mentions}):
        record = an.registry.records[key]
        if record.type not in ("Organization", "Event", "Initiative") or len(record.label.split()) < 2 \
                or not record.label[:1].isupper() or re.search(r"\bbetween\b", record.label):
            continue  # a proper name, not a description
        full = _expand(an, record.label, key)
        if full != record.label:
            record.aliases.add(full)


def _expand(an: "Recognition", label: str, own: str) -> str:
    """Acronyms in a label written out ("fifth CCI JIC" -> "fifth Chongqing ... Committee").

    An acronym of the entity ``own`` itself stays as written: "PSA International" is
    what "PSA" stands for, not a name holding it.
    """
    words = label.split()
    out = []
    for w in words:
        key = an.registry.find(w) if w.isupper() and len(w) > 1 else None
        if key and key != own:
            full = an.registry.records[key].label
            if out and full.startswith(out[-1]):
                out[-1] = full
            else:
                out.append(full)
        else:
            out.append(w)
    return " ".join(out)
