"""Sentence splitting: the first stage of extraction.

A press release is not only running prose: headings, numbered paragraphs, annex
lines, media-contact lines and datelines must each stand alone, so the text is
first cut into blocks (paragraphs, and lines that are complete on their own), and
spaCy's rule-based sentencizer then splits each block. Every sentence is an exact
span of ``Document.text``, trimmed of white space, markdown marks (``**``, ``_``,
``#``, list bullets, link brackets) and paragraph numbers ("1. ").

Examples:
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext",
    ...     text="**HEADING**\\n\\n1. Mr Tan met Mr Li. They agreed.\\nCarista Wee\\nAssistant Director\\n")
    >>> [s.text for s in split_sentences(doc)]
    ['HEADING', 'Mr Tan met Mr Li.', 'They agreed.', 'Carista Wee', 'Assistant Director']
"""

from __future__ import annotations

import functools
import re

from sgcn.loaders.document import Document
from sgcn.loaders.extract.lexicon import abbreviations
from sgcn.loaders.extract.spans import Sentence

# marks trimmed from both ends of a block or sentence
_EDGE_OPEN = re.compile(r"^(?:\s|\*+|_+|#+|>|\\|\[|[-•·*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)+")
# one mark per repetition (``\*``, not ``\*+``: nested repeats backtrack exponentially, 30
# asterisks before a word took minutes), searched only in a line's last _EDGE_MAX
# characters (a search from every place of a long run of marks is quadratic)
_EDGE_CLOSE = re.compile(r"(?:\s|\*|_|\]\([^)]*\)|\]|\\)+$")
_EDGE_MAX = 500
_RULE = re.compile(r"^[\s\\\-_=*~]+$")
_CONTINUATION_END = re.compile(r"(?:\b(?:to|of|and|the|a|an|for|in|on|with|by|at|from|or|its|their)|[,(&-])$")
_TERMINAL = re.compile(r"[.!?:;\"”’)]$")


# A company suffix ends the sentence when the next word can only open one.
_SUFFIX_BREAK = re.compile(r"\b(?:Ltd|Inc|Corp|Bhd|LLC|Plc)\.(?P<gap>\s+)(?=(?:It|Its|The|This|These|Those|They|"
                           r"Their|He|She|His|Her|We|Our|Both|Under|According|In|On|At|With|Since|Earlier|"
                           r"Meanwhile|However|Also)\b)")


def _nlp():
    from sgcn.loaders.extract.nlp import blank

    return blank()


# the marker that opens a list item's line: "- ", "* ", "• ", "1. ", "(a) ", "b) "
LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\(?(?:\d{1,2}|[a-z])[.)])\s+")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of blocks: a line stands alone unless it plainly continues the one before."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    blocks: list[list[int]] = []
    previous_blank = True
    last_end = 0
    for start, end in lines:
        line = text[start:end]
        blank_between = "\n\n" in text[last_end:start] or not blocks
        last_end = end
        if not line.strip() or _RULE.match(line):
            previous_blank = True
            continue
        if blocks and not blank_between and not previous_blank and _continues(text[blocks[-1][0]:blocks[-1][1]], line):
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
        previous_blank = False
    return [(s, e) for s, e in blocks]


def _close_edge(chunk: str) -> int:
    """Where the closing white space and markdown marks of ``chunk`` begin (``len(chunk)`` if none)."""
    m = _EDGE_CLOSE.search(chunk, max(0, len(chunk) - _EDGE_MAX))
    return m.start() if m else len(chunk)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the wrapped rest of ``previous`` rather than a line of its own."""
    prev = previous[:_close_edge(previous)].rstrip()
    if not prev:
        return False
    if _TERMINAL.search(prev):
        # a closing bracket or quote ends a line without ending the sentence
        # ("... Connectivity (CCI)\nwas held in Chongqing"), unless punctuation precedes it
        closed = prev[-1] in ")\"”’" and not re.search(r"[.!?:;][)\"”’]+$", prev)
        return closed and line.strip()[:1].islower()
    if previous.count("**") % 2 == 1:  # inside an open bold span
        return True
    if line[:1] in " \t" and not line.strip()[:1] in "-*•":  # indented continuation
        return True
    stripped = line.strip()
    if LIST_ITEM.match(stripped):
        return False  # a list's next item ("...; and\n- a Memorandum ...") is a sentence of its own
    if _CONTINUATION_END.search(prev):
        return True
    return stripped[:1].islower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start:end`` past white space and markdown marks on both sides."""
    chunk = text[start:end]
    m = _EDGE_OPEN.match(chunk)
    if m:
        start += m.end()
    end = start + _close_edge(text[start:end])
    return start, max(start, end)


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    doc = _nlp()(text[start:end])
    spans: list[list[int]] = []
    abbrev = abbreviations()
    for sent in doc.sents:
        s, e = start + sent.start_char, start + sent.end_char
        if spans:
            prev_text = text[spans[-1][0]:spans[-1][1]].rstrip()
            last_word = prev_text.rsplit(None, 1)[-1] if prev_text else ""
            if last_word in abbrev or re.fullmatch(r"\(?\d{1,2}[.)]|[A-Z]\.", last_word or "x"):
                spans[-1][1] = e
                continue
        spans.append([s, e])
    return [piece for s, e in spans for piece in _split_at_suffixes(text, s, e)]


def _split_at_suffixes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` after a company suffix that ends a sentence.

    The tokenizer keeps "Ltd." whole, so "... by Acme Pte Ltd. It opens soon." reads
    as one sentence; it ends there when the next word can only open a sentence.

    Examples:
        >>> t = "It is run by Acme Pte Ltd. It opens soon."
        >>> [t[s:e] for s, e in _split_at_suffixes(t, 0, len(t))]
        ['It is run by Acme Pte Ltd.', 'It opens soon.']
        >>> t = "It is run by Acme Co. Ltd. in Oslo."
        >>> [t[s:e] for s, e in _split_at_suffixes(t, 0, len(t))]
        ['It is run by Acme Co. Ltd. in Oslo.']
    """
    pieces, cursor = [], start
    for cut in _SUFFIX_BREAK.finditer(text, start, end):
        pieces.append((cursor, cut.start("gap")))
        cursor = cut.end("gap")
    pieces.append((cursor, end))
    return pieces


def split_sentences(document: Document) -> list[Sentence]:
    """The sentences of ``document`` in text order, each an exact span of its text.

    Args:
        document: the document as its loader kept it.

    Returns:
        Sentences with ``text == document.text[start:end]``; empty lines and
        separator rules give none.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> text = "SINGAPORE, 25 November 2022 - The Ministry said so. It agreed.\\n\\nTel: 6332 7505\\n"
        >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", text=text)
        >>> [s.text for s in split_sentences(doc)]
        ['SINGAPORE, 25 November 2022 - The Ministry said so.', 'It agreed.', 'Tel: 6332 7505']
    """
    return list(_split_text(document.text))


# A build worker splits each document twice: to parse a batch of documents' sentences
# ahead (nlp.document_texts), then to analyse each; the split depends on the text alone.
@functools.lru_cache(maxsize=16)
def _split_text(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        b_start, b_end = _trim(text, block_start, block_end)
        if b_end <= b_start:
            continue
        for w_start, w_end in _pieces(text, b_start, b_end, _MAX_BLOCK):
            for s, e in _split_block(text, w_start, w_end):
                for s, e in _pieces(text, s, e, MAX_SENTENCE):
                    s, e = _trim(text, s, e)
                    if e > s and any(c.isalnum() for c in text[s:e]):
                        sentences.append(Sentence(s, e, text[s:e]))
    return tuple(sentences)


# The longest span read as one sentence, and as one block by the sentencizer: a line
# of prose this long is no sentence of the genre, and the tokenizer and the trained
# pipeline take time growing faster than the length on longer pieces; cutting keeps a
# document's cost linear in its length.
MAX_SENTENCE = 2_000
_MAX_BLOCK = 20_000


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``limit`` characters, cut at white space where there is some.

    Examples:
        >>> _pieces("aa bb cc", 0, 8, 5)
        [(0, 3), (3, 8)]
        >>> _pieces("abcdefgh", 0, 8, 5)
        [(0, 5), (5, 8)]
    """
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        cut = cut + 1 if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
