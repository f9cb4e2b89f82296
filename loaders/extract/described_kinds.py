"""What a text says a named thing is types it: "the Harbour Data Exchange, a flagship project of ...".

A head word gives a name its first type ("... Exchange" an organisation), and some head
words also end the names of projects and programmes ("Data Exchange", "Innovation
Centre", "Smart Park"; ``weak_heads`` in ``lexicon.yaml``). When the text describes such a
name, or one only the trained pipeline typed, by a noun of a kind (``described_kinds``:
"project", "pilot", "programme"), in apposition ("X, a flagship project of Y,") or after a
copula ("X is one of the pilots under Y"), that kind is its type. A name the gazetteer
knows, or one whose head is an organisation's own ("Authority", "Ministry", a legal form),
keeps its type.

Examples:
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2026-01-05",
    ...     text="The Harbour Data Exchange, a flagship project of the Port Link Initiative, opened today.")
    >>> sorted((e.type, e.label) for e in analyze(doc).entities.values())
    [('Initiative', 'Port Link Initiative'), ('Project', 'Harbour Data Exchange')]
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.extract.spans import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sgcn.loaders.extract.mentions import Recognition

__all__ = ["retype_described"]

# the types a description may take a name from
_RETYPED = ("Organization", "Place")


def retype_described(an: "Recognition") -> None:
    """Give each weakly typed name the kind the text describes it by (see the module)."""
    kinds: dict[str, str] = {}
    for sentence, parsed in zip(an.sentences, an.parses):
        if parsed is None:
            continue
        for mention in an.inside(sentence.start, sentence.end):
            record = an.registry.records[mention.entity]
            if record.type not in _RETYPED or record.identity or not _weakly_typed(record.label):
                continue
            span = parsed.span(mention.start, mention.end)
            kind = _described_kind(span.root) if span is not None and len(span) else None
            if kind is not None and kind != record.type:
                kinds.setdefault(mention.entity, kind)
    places = {name for r in an.registry.records.values() if r.type == "Place" for name in (r.label, *r.aliases)}
    for key in sorted({m.entity for m in an.mentions} - set(kinds)):
        record = an.registry.records[key]
        if record.type == "Organization" and not record.identity and _joint_thing(record.label, places):
            kinds[key] = "Project"
    if not kinds:
        return
    for key, kind in kinds.items():
        an.registry.records[key].type = kind
    an.mentions = [EntityMention(m.start, m.end, m.text, m.entity, kinds[m.entity]) if m.entity in kinds else m
                   for m in an.mentions]


def _weakly_typed(label: str) -> bool:
    """Whether a name's type came from a head word projects share, or from no head word at all.

    Examples:
        >>> _weakly_typed("Harbour Data Exchange"), _weakly_typed("Harbour Data Authority")
        (True, False)
        >>> _weakly_typed("Raffles Lumen"), _weakly_typed("Singapore")
        (True, False)
    """
    if gazetteer.lookup(label) is not None:
        return False
    words = label.split()
    _, at = lexicon.name_head(words)
    return at < 0 or words[at] in _weak_heads()


def _joint_thing(label: str, places) -> bool:
    """Whether a name joins two parties before a head that projects share: something two sides
    built or run together ("Zhejiang-Singapore Cross-Border E-Commerce Data Hub", "NUS-SCUT Joint
    Laboratory for Medical AI"), not a body of its own ("Zhejiang-Singapore Business Council").

    Examples:
        >>> _joint_thing("Qinzhou-Singapore Data Hub", ()), _joint_thing("NUS-SCUT Joint Laboratory", ())
        (True, True)
        >>> _joint_thing("Meridian Data Labs", ()), _joint_thing("Cross-Border Data Hub", ())
        (False, False)
        >>> _joint_thing("Singapore-Sichuan Trade Committee", ())
        False
    """
    words = label.split()
    _, at = lexicon.name_head(words)
    if len(words) < 2 or at == 0 or words[at] not in _weak_heads():  # (no head word: the last, "Data Hub")
        return False
    parts = words[0].split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return False
    # a place and another party ("Qinzhou-Singapore"), or two acronyms or places ("NUS-SCUT", "Sino-Singapore")
    if any(gazetteer.is_place_name(p, places) for p in parts):
        return True
    return all(p == "Sino" or p.isupper() and 2 <= len(p) <= 6 for p in parts)


@functools.cache
def _weak_heads() -> frozenset[str]:
    return frozenset(lexicon.data()["weak_heads"])


@functools.cache
def _kinds() -> dict[str, str]:
    return {noun: type_ for type_, nouns in lexicon.data()["described_kinds"].items() for noun in nouns}


def _described_kind(root: "Token") -> str | None:
    """The type of the kind noun ``root`` (a name's head token) is described by, or ``None``.

    In apposition ("X, a pilot under Y", "X, one of the projects of Y") or as the
    complement of "be" whose subject the name is ("X is a key project").
    """
    described = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        described += [child for child in root.head.children if child.dep_ == "attr"]
    for noun in described:
        kind = _kind_of(noun)
        if kind is not None:
            return kind
    return None


def _kind_of(noun: "Token") -> str | None:
    """The kind a noun names; "one of the projects" names the kind of its "of" phrase."""
    if noun.lemma_.lower() == "one":
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [c for p in of for c in p.children if c.dep_ == "pobj"]
        return _kind_of(objects[0]) if objects else None
    return _kinds().get(noun.lemma_.lower())
