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


def test_sentences_and_mentions_at_an_offset_are_what_a_scan_finds(documents):
    """Recognition.sentence_at, starting_at, ending_at, inside and Analysis.sentence_holding
    against the scans they replace, at every offset of each seed document."""
    from sgcn.loaders.extract.mentions import analyze

    checked = 0
    for document in documents:
        recognition = Recognition(document)
        recognition.names()
        analysis = analyze(document)
        mentions = recognition.mentions
        for offset in range(-1, len(document.text) + 2):
            assert recognition.sentence_at(offset) == next(
                (s for s in recognition.sentences if s.start <= offset < s.end), None)
            assert recognition.starting_at(offset) == [m for m in mentions if m.start == offset]
            assert recognition.ending_at(offset) == [m for m in mentions if m.end == offset]
            checked += 1
        for m in mentions:
            for start, end in ((m.start, m.end), (m.start - 30, m.end), (m.start, m.end + 30)):
                assert recognition.inside(start, end) == [x for x in mentions if start <= x.start and x.end <= end]
                assert analysis.sentence_holding(start, end) == next(
                    (s for s in analysis.sentences if s.start <= start and end <= s.end), None)
    assert checked > 10_000


def test_the_antecedent_kept_for_a_pass_is_the_one_a_scan_of_every_mention_finds(monkeypatch):
    """The references pass keeps the mentions of each kind sorted as it adds mentions; on every
    genre document each reference's antecedent must be the one read from every mention."""
    from sgcn.loaders.extract import coref
    from sgcn.loaders.extract.mentions import analyze

    asked = []
    kept = coref._antecedent

    def both(an, position, type_, head, antecedents=None):
        found = kept(an, position, type_, head, antecedents)
        assert found == kept(an, position, type_, head, coref._Antecedents(an)), (position, type_, head)
        asked.append(found)
        return found

    monkeypatch.setattr(coref, "_antecedent", both)
    genre = Path(__file__).parents[2] / "data" / "genre"
    for folder in sorted(genre.glob("*/docs")):
        for document in read_folder(folder).documents:
            analyze(document)
    assert len(asked) > 50 and sum(found is not None for found in asked) > 30


def _known_by_scan(an, cand):
    """What open-world recognition's _known answered by reading every entity (the scan its index replaced)."""
    from sgcn.loaders.extract import gazetteer, lexicon
    from sgcn.loaders.extract.open_world import _initials, _possessor

    text, first_word = cand.text, []
    for key, record in an.registry.records.items():
        if record.type == "Person":
            continue
        names = (record.label, *record.aliases)
        if text.isupper() and 2 <= len(text) <= 6 and any(_initials(n) == text for n in names):
            return key
        if len(text.split()) >= 2 and any(n.endswith(" " + text) for n in names) and lexicon.name_head(text.split())[0]:
            return key
        if record.type == "Organization" and " " not in text and text[:1].isupper() and not text.isupper() \
                and record.label.startswith(text + " ") and gazetteer.lookup(text) is None and _possessor(cand):
            first_word.append(key)
    return first_word[0] if len(first_word) == 1 else None


def test_open_world_names_kept_for_the_pass_answer_as_a_scan_of_every_entity(monkeypatch):
    """Open-world recognition keeps an index of the registry's names as it registers names;
    on every genre document each candidate's entity, and whether it is a word of a person's
    name, must be what reading every entity finds."""
    from sgcn.loaders.extract import open_world
    from sgcn.loaders.extract.mentions import analyze

    asked = []
    known, person = open_world._known, open_world._names_a_person

    def known_both(an, cand, names):
        found = known(an, cand, names)
        assert found == _known_by_scan(an, cand), cand.text
        asked.append(found)
        return found

    def person_both(an, cand, names=None):
        found = person(an, cand, names)
        assert found == person(an, cand), cand.text
        return found

    monkeypatch.setattr(open_world, "_known", known_both)
    monkeypatch.setattr(open_world, "_names_a_person", person_both)
    genre = Path(__file__).parents[2] / "data" / "genre"
    for folder in sorted(genre.glob("*/docs")):
        for document in read_folder(folder).documents:
            analyze(document)
    assert len(asked) > 50 and sum(found is not None for found in asked) > 0
