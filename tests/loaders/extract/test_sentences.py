"""Sentence splitting on text of our own writing and on the seed corpus."""

from __future__ import annotations

import textwrap
from pathlib import Path

from sgcn.loaders import read
from sgcn.loaders.document import Document
from sgcn.loaders.extract.sentences import split_sentences

SOURCES = Path(__file__).parent.parent.parent.parent / "sources"


def doc(text: str) -> Document:
    return Document(source="t.txt", sha256="0" * 64, format="plaintext", text=textwrap.dedent(text))


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(doc(text))]


def test_headings_contact_lines_and_numbered_paragraphs_stand_alone():
    got = texts("""\
        **PORT AND CITY SIGN A PACT TO
        BUILD A HUB**

        1. The port and the city signed a pact today. It runs to 2030.
        2. Mr Tan thanked Dr. Lee.

        For media queries, please contact:
        Ann Lim
        Senior Manager
        Tel: 6000 0000
        """)
    assert got == [
        "PORT AND CITY SIGN A PACT TO\nBUILD A HUB",
        "The port and the city signed a pact today.",
        "It runs to 2030.",
        "Mr Tan thanked Dr. Lee.",
        "For media queries, please contact:",
        "Ann Lim",
        "Senior Manager",
        "Tel: 6000 0000",
    ]


def test_abbreviations_do_not_end_sentences():
    assert texts("Acme Pte. Ltd. won. Mr. Ng paid 5 U.S. dollars on Aug. 3.") == [
        "Acme Pte. Ltd. won.", "Mr. Ng paid 5 U.S. dollars on Aug. 3."]


def test_markdown_links_and_rules_leave_only_words():
    assert texts("[Annex A-List of deals](/files/a.pdf)\n\n\\-----------\n\n_Quiet line._\n") == [
        "Annex A-List of deals", "Quiet line."]


def test_every_corpus_sentence_is_exact_text():
    files = sorted(SOURCES.glob("*.txt"))
    assert files
    for path in files:
        document = read(path)
        sentences = split_sentences(document)
        assert sentences
        for s in sentences:
            assert document.text[s.start:s.end] == s.text
            assert s.text == s.text.strip()


def test_a_company_suffix_ends_a_sentence_only_before_a_sentence_opener():
    text = "The app is run by Acme Pte Ltd. It opens in May. Beta Co. Ltd. in Oslo helps."
    doc = Document(source="s.txt", sha256="0" * 64, format="plaintext", text=text)
    assert [s.text for s in split_sentences(doc)] == [
        "The app is run by Acme Pte Ltd.", "It opens in May.", "Beta Co. Ltd. in Oslo helps."]
