"""Shared fixtures: small extractions built by hand from sentences of our own.

They let the graph side (build, validate, serialize, query, CLI) be tested without
the loaders or the extraction rules, on facts whose right answer is known.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from sgcn.loaders.document import Document
from sgcn.loaders.facts import (
    Entity,
    EventTime,
    Evidence,
    Extraction,
    Figure,
    Mention,
    Relation,
    Role,
    TopicTag,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory):
    """The on-disk stores of large graphs (sgcn.graph.sparql.cache) go to a folder of the
    test run, never to the user's cache; commands the tests start inherit it."""
    import os

    before = os.environ.get("SGCN_CACHE_DIR")
    os.environ["SGCN_CACHE_DIR"] = str(tmp_path_factory.mktemp("sgcn-cache"))
    yield
    if before is None:
        os.environ.pop("SGCN_CACHE_DIR", None)
    else:
        os.environ["SGCN_CACHE_DIR"] = before

SAMPLE_TEXT = (
    "Harbourfront Forum 2024 opens in Singapore\n"
    "\n"
    "SINGAPORE, 14 May 2024 - The Harbourfront Forum 2024 was held in Singapore from "
    "14 to 16 May 2024. It was co-chaired by Senior Director Tan Wei Ling of the "
    "Ministry of Digital Affairs and Deputy Mayor Zhou Ming. "
    "More than 1,200 delegates attended the forum, which focused on artificial intelligence. "
    "The Ministry of Digital Affairs (MDA) launched the Open Ledger Fund, a fund of "
    "SGD 40 million."
)


def sentence(text: str, words: str, source: str = "forum.txt") -> Evidence:
    """The evidence for the sentence of ``text`` (in ``source``) that contains ``words``."""
    at = text.index(words)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    if start == 1:
        start = 0
    end = text.find(". ", at)
    end = len(text) if end == -1 else end + 1
    return Evidence(source=source, start=start, end=end, quote=text[start:end])


def sample_extraction(text: str = SAMPLE_TEXT, source: str = "forum.txt") -> Extraction:
    """One hand-made extraction of :data:`SAMPLE_TEXT` covering every kind of fact."""
    doc = Document(
        source=source,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format="plaintext",
        title="Harbourfront Forum 2024 opens in Singapore",
        date="2024-05-14",
        publisher="Ministry of Digital Affairs",
    )
    forum = Entity("Event/harbourfront forum 2024", "Event", "Harbourfront Forum 2024", ("the forum",))
    singapore = Entity("Place/singapore", "Place", "Singapore")
    tan = Entity("Person/tan wei ling", "Person", "Tan Wei Ling")
    zhou = Entity("Person/zhou ming", "Person", "Zhou Ming")
    mda = Entity("Organization/ministry of digital affairs", "Organization",
                 "Ministry of Digital Affairs", ("MDA",))
    fund = Entity("Initiative/open ledger fund", "Initiative", "Open Ledger Fund")
    held = sentence(text, "was held in", source)
    chaired = sentence(text, "co-chaired", source)
    delegates = sentence(text, "delegates attended", source)
    launched = sentence(text, "launched the Open", source)
    return Extraction(
        document=doc,
        entities=(forum, singapore, tan, zhou, mda, fund),
        mentions=(
            Mention(forum.key, held),
            Mention(singapore.key, held),
            Mention(tan.key, chaired),
            Mention(zhou.key, chaired),
            Mention(mda.key, chaired),
            Mention(fund.key, launched),
        ),
        relations=(
            Relation(forum.key, "held_in", singapore.key, held),
            Relation(tan.key, "co_chaired", forum.key, chaired),
            Relation(zhou.key, "co_chaired", forum.key, chaired),
            Relation(tan.key, "member_of", mda.key, chaired),
            Relation(mda.key, "launched", fund.key, launched),
        ),
        roles=(
            Role(tan.key, "Senior Director", mda.key, "2024-05-14", chaired),
            Role(zhou.key, "Deputy Mayor", None, "2024-05-14", chaired),
        ),
        event_times=(EventTime(forum.key, "2024-05-14", "2024-05-16", held),),
        figures=(
            Figure(forum.key, "delegates", Decimal("1200"), "", "more than", "2024-05-14", delegates),
            Figure(fund.key, "fund_size", Decimal("4E7"), "SGD", "", "2024-05-14", launched),
        ),
        topics=(TopicTag(forum.key, "artificial-intelligence", delegates),),
    )


@pytest.fixture
def extraction() -> Extraction:
    """The hand-made extraction of :data:`SAMPLE_TEXT`."""
    return sample_extraction()


@pytest.fixture
def make_extraction():
    """Factory: ``make_extraction(text=SAMPLE_TEXT, source="forum.txt")`` -> Extraction."""
    return sample_extraction


@pytest.fixture
def repo() -> Path:
    """The root of the checkout (anchored at this file, not the working folder)."""
    return REPO


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """Build ``sources/`` once per test session: ``(turtle path, BuildSummary)``."""
    from sgcn.graph.rdf.pipeline import build

    out = tmp_path_factory.mktemp("corpus") / "sgcn.ttl"
    summary = build(REPO / "sources", out)
    assert summary.written, "\n".join(str(v) for v in summary.report.violations)
    return out, summary


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    """The freshly built corpus graph, parsed."""
    from rdflib import Graph

    return Graph().parse(corpus_build[0], format="turtle")
