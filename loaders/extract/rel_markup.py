"""Build a small :class:`~sgcn.loaders.extract.spans.Analysis` from marked-up text.

The relation, role and event-time stages read an ``Analysis`` (sentences plus resolved
mentions). To test a rule on one sentence of our own writing without running entity
recognition, mark the mentions by hand: ``[words|Type]`` names an entity whose label is
the words, ``[words|Type|Label]`` one whose preferred label is ``Label``. Sentences are
split at ``. ``/``! ``/``? `` and at line breaks, which is enough for test sentences.

Examples:
    >>> a = analysis_from_markup("[Mr Li|Person|Li Bo] spoke at [SCE|Event|Smart China Expo].")
    >>> a.document.text
    'Mr Li spoke at SCE.'
    >>> [(m.text, m.entity) for m in a.mentions]
    [('Mr Li', 'Person/li bo'), ('SCE', 'Event/smart china expo')]
"""

from __future__ import annotations

import hashlib
import re

from sgcn.loaders.document import Document
from sgcn.loaders.extract.nlp import parse
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Entity

_MARK = re.compile(r"\[([^\[\]|]+)\|([A-Za-z]+)(?:\|([^\[\]]+))?\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")


def entity_key(type_: str, label: str) -> str:
    """The entity key the project uses: ``"<Type>/<normalized label>"``.

    Examples:
        >>> entity_key("Person", "Luke  Goh")
        'Person/luke goh'
    """
    return f"{type_}/{' '.join(label.lower().split())}"


def analysis_from_markup(
    markup: str,
    *,
    date: str = "2020-03-05",
    source: str = "test.txt",
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> Analysis:
    """An ``Analysis`` of ``markup`` with its ``[words|Type|Label]`` mentions resolved.

    Args:
        markup: text with mentions marked ``[words|Type]`` or ``[words|Type|Label]``.
        date: the document's date.
        source: the document's file name.
        aliases: extra names per preferred label (e.g. an acronym never marked).

    Returns:
        The analysis: document, sentences, mentions and entities (aliases are the
        other surface forms used for the same label).

    Examples:
        >>> a = analysis_from_markup("[IMDA|Organization|Infocomm Media Development Authority] met.")
        >>> a.entities["Organization/infocomm media development authority"].aliases
        ('IMDA',)
    """
    text_parts: list[str] = []
    mentions: list[EntityMention] = []
    names: dict[str, tuple[str, str, set[str]]] = {}
    position = 0
    cursor = 0
    for match in _MARK.finditer(markup):
        plain = markup[cursor:match.start()]
        text_parts.append(plain)
        position += len(plain)
        words, type_, label = match.group(1), match.group(2), match.group(3) or match.group(1)
        key = entity_key(type_, label)
        mentions.append(EntityMention(position, position + len(words), words, key, type_))
        names.setdefault(key, (type_, label, set()))[2].add(words)
        text_parts.append(words)
        position += len(words)
        cursor = match.end()
    text_parts.append(markup[cursor:])
    text = "".join(text_parts)
    entities = {}
    for key, (type_, label, surface) in names.items():
        extra = set((aliases or {}).get(label, ()))
        entities[key] = Entity(key, type_, label, tuple(sorted((surface | extra) - {label})))
    document = Document(
        source=source,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format="plaintext",
        date=date,
    )
    sentences = tuple(_sentences(text))
    return Analysis(document, sentences, tuple(mentions), entities, tuple(parse(sentences)))


def roles_in_markup(markup: str, **kwargs) -> set[tuple[str, str, str]]:
    """(person label, title, organisation label or "") of each role the role rules read in ``markup``.

    Examples:
        >>> roles_in_markup("It was opened by Vice Premier [Cy Tan|Person].")
        {('Cy Tan', 'Vice Premier', '')}
    """
    from sgcn.loaders.extract.roles import find_roles

    analysis = analysis_from_markup(markup, **kwargs)
    labels = {key: entity.label for key, entity in analysis.entities.items()}
    return {(labels[r.person], r.title, labels.get(r.organization, "")) for r in find_roles(analysis)}


def _sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences at sentence punctuation and line breaks."""
    sentences = []
    start = 0
    for gap in [*_SENTENCE_END.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + chunk.index(stripped)
            sentences.append(Sentence(offset, offset + len(stripped), stripped))
        if gap:
            start = gap.end()
    return sentences


def analysis_from_lines(lines: list[str], mentions: dict[str, str], *, date: str = "",
                        publisher: str = "") -> Analysis:
    """An analysis of ``lines`` (one sentence each) whose mentions are found by their words.

    ``mentions`` maps words to an entity key; every occurrence of the words (as whole
    words) is a mention, of the type the key starts with. No entities are recorded:
    for stages that read mentions only (figures, topics).

    Examples:
        >>> a = analysis_from_lines(["The Fair opened.", "The Fair closed."], {"The Fair": "Event/fair"})
        >>> [(s.start, s.text) for s in a.sentences], [m.start for m in a.mentions]
        ([(0, 'The Fair opened.'), (17, 'The Fair closed.')], [0, 17])
    """
    text = "\n".join(lines)
    document = Document(source="t.txt", text=text, sha256="0" * 64, format="plaintext",
                        date=date, publisher=publisher)
    sentences, offset = [], 0
    for line in lines:
        sentences.append(Sentence(offset, offset + len(line), line))
        offset += len(line) + 1
    found = [
        EntityMention(match.start(), match.end(), words, key, key.split("/")[0])
        for words, key in mentions.items()
        for match in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    ]
    return Analysis(document, tuple(sentences), tuple(sorted(found)), {}, tuple(parse(sentences)))
