"""What a long document costs grows with its length: the lookups rules repeat per name are indexed.

Each index is checked against the scan it replaces, on the seed documents.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sgcn.loaders import read_folder
from sgcn.loaders.extract.mentions import Recognition
from sgcn.loaders.extract.spans import EntityMention

SOURCES = Path(__file__).parents[3] / "sources"


@pytest.fixture(scope="module")
def documents():
    return read_folder(SOURCES).documents


def _taken_by_scan(recognition: Recognition, start: int, end: int, nested_ok: bool) -> bool:
    for m in recognition.mentions:
        if m.start < end and start < m.end and (m.start, m.end, m.entity) not in recognition.containers:
            if nested_ok and start <= m.start and m.end <= end:
                continue
            return True
    return False


def test_which_spans_a_mention_takes_is_what_a_scan_of_every_mention_finds(documents):
    rng = random.Random(13)
    checked = 0
    for document in documents:
        recognition = Recognition(document)
        recognition.names()
        assert len(recognition.mentions) > 5
        spans = [(m.start, m.end) for m in recognition.mentions]
        spans += [(s, s + rng.randint(1, 60)) for s in rng.sample(range(len(document.text)), 200)]
        for round_ in range(2):
            for start, end in spans:
                for nested_ok in (False, True):
                    assert recognition.taken(start, end, nested_ok=nested_ok) == \
                        _taken_by_scan(recognition, start, end, nested_ok), (document.source, start, end)
                    checked += 1
            # the index follows the list as it grows, and when it is replaced by a shorter one
            first = recognition.mentions[0]
            recognition.mentions.append(EntityMention(first.start + 1, first.end + 400, "x", first.entity, first.type))
            recognition.mentions = recognition.mentions[1:-3]
    assert checked > 2000


def test_the_token_at_an_offset_is_the_one_a_scan_of_the_tokens_finds(documents):
    from sgcn.loaders.extract.mentions import analyze

    analysis = analyze(documents[0])
    for parsed in analysis.parses[:40]:
        assert parsed.text == parsed.doc.text
        for offset in range(parsed.start - 2, parsed.start + len(parsed.text) + 2):
            local = offset - parsed.start
            scanned = next((t for t in parsed.doc if t.idx <= local < t.idx + len(t.text)), None)
            assert parsed.token_at(offset) == scanned
