"""Merging entities across documents, and the whole pipeline on the seed corpus."""

from __future__ import annotations

from pathlib import Path

from sgcn.loaders import read
from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract_all
from sgcn.loaders.extract.merge import merge_extractions
from sgcn.loaders.facts import Entity, Extraction

SOURCES = Path(__file__).parent.parent.parent.parent / "sources"


def doc(source: str, text: str = "x", date: str = "2021-01-01") -> Document:
    return Document(source=source, sha256="0" * 64, format="plaintext", text=text, date=date)


def test_full_name_and_acronym_across_documents_are_one_entity():
    a = doc("a.txt", "The Harbour Data Bureau (HDB) met the press.")
    b = doc("b.txt", "HDB agreed with the Harbour Data Bureau on a plan.")
    keys = {e.key for x in extract_all([a, b]) for e in x.entities if e.type == "Organization"}
    assert keys == {"Organization/harbour data bureau"}


def test_same_acronym_spelt_out_differently_stays_apart():
    one = Entity("Organization/port joint committee", "Organization", "Port Joint Committee", ("JC",))
    two = Entity("Organization/jade council", "Organization", "Jade Council", ("JC",))
    merged = merge_extractions([Extraction(doc("a.txt"), entities=(one,)), Extraction(doc("b.txt"), entities=(two,))])
    assert {e.label for x in merged for e in x.entities} == {"Port Joint Committee", "Jade Council"}


def test_people_sharing_a_surname_alias_stay_apart():
    one = Entity("Person/luke goh", "Person", "Luke Goh", ("Mr Goh",))
    two = Entity("Person/goh chok tong", "Person", "Goh Chok Tong", ("Mr Goh",))
    merged = merge_extractions([Extraction(doc("a.txt"), entities=(one,)), Extraction(doc("b.txt"), entities=(two,))])
    assert len({e.key for x in merged for e in x.entities}) == 2


def test_a_name_written_without_its_places_in_another_document_is_one_entity():
    """One release names "the Joint Council for Port Cooperation", another "the Singapore-Vietnam
    Joint Council for Port Cooperation": one council, so their 4th meetings are one meeting."""
    a = doc("a.txt", "Ministers met at the 4th meeting of the Joint Council for Port Cooperation (JCPC) in Hanoi.")
    b = doc("b.txt", "The 4th meeting of the Singapore-Vietnam Joint Council for Port Cooperation was held on "
                     "Monday.")
    events = {e.key for x in extract_all([a, b]) for e in x.entities if e.type == "Event"}
    assert len(events) == 1, events
    # a short name two fuller ones end with stays apart from both
    c = doc("c.txt", "The Singapore-Laos Joint Council for Port Cooperation met in Vientiane.")
    councils = {e.label for x in extract_all([a, b, c]) for e in x.entities if "Council" in e.label}
    assert len(councils) >= 2, councils


def test_seed_corpus_merges_initiative_names_and_rewrites_every_key():
    files = sorted(SOURCES.glob("*.txt"))
    assert files
    extractions = extract_all([read(p) for p in files])
    keys = {e.key for x in extractions for e in x.entities}
    cci = [e for x in extractions for e in x.entities if "Chongqing Connectivity Initiative" in e.aliases]
    assert {e.key for e in cci} == {
        "Initiative/china-singapore (chongqing) demonstration initiative on strategic connectivity"}
    for x in extractions:
        for fact in (*x.mentions, *x.relations, *x.roles, *x.figures, *x.event_times, *x.topics):
            for name in ("entity", "subject", "object", "person", "event"):
                value = getattr(fact, name, None)
                if isinstance(value, str) and "/" in value:
                    assert value in keys, (name, value)


def test_occasions_of_different_editions_stay_apart():
    a = doc("a.txt", "The 2021 Harbour Tech Fair opened. Ministers attended the opening ceremony.", "2021-05-04")
    b = doc("b.txt", "The 2022 Harbour Tech Fair opened. Ministers attended the opening ceremony.", "2022-05-04")
    labels = {e.label for x in extract_all([a, b]) for e in x.entities if "ceremony" in e.label}
    assert labels == {"opening ceremony of the 2021 Harbour Tech Fair", "opening ceremony of the 2022 Harbour Tech Fair"}


def test_meetings_named_by_the_same_acronym_and_ordinal_stay_apart():
    one = Entity("Event/2nd port committee meeting", "Event", "2nd Port Committee meeting", ("2nd PC meeting",))
    two = Entity("Event/2nd planning council meeting", "Event", "2nd Planning Council meeting", ("2nd PC meeting",))
    merged = merge_extractions([Extraction(doc("a.txt"), entities=(one,)), Extraction(doc("b.txt"), entities=(two,))])
    assert len({e.key for x in merged for e in x.entities}) == 2


def test_name_with_an_acronym_merges_with_the_name_written_out():
    a = doc("a.txt", "The Harbour Tech Fair (HTF) opened. The HTF Organizing Committee said so.")
    b = doc("b.txt", "SOURCE Harbour Tech Fair Organizing Committee")
    labels = {e.label for x in extract_all([a, b]) for e in x.entities if e.type == "Organization"}
    assert labels == {"Harbour Tech Fair Organizing Committee"}


def test_portfolio_title_names_the_ministry_only_where_the_document_does():
    """A role's organisation is one the document names (the development set's convention)."""
    text = "Minister for Trade and Industry Ann Lee visited Xiamen today."
    [x] = extract_all([doc("a.txt", text)])
    assert {(r.person, r.organization) for r in x.roles} == {("Person/ann lee", None)}
    named = text + " The Ministry of Trade and Industry said the visit went well."
    [x] = extract_all([doc("a.txt", named)])
    assert {(r.person, r.organization) for r in x.roles} == {
        ("Person/ann lee", "Organization/ministry of trade and industry")}


def test_a_company_named_short_in_another_document_is_one_entity():
    """One release gives the legal name ("Qingdao Haiwen Marine Technology Co., Ltd."), another
    the name people use ("Haiwen Marine"): one company, under its full name."""
    a = doc("a.txt", "Qingdao Haiwen Marine Technology Co., Ltd. will build sensors for the Harbour Link.")
    b = doc("b.txt", "Haiwen Marine, a sensor maker, agreed with PSA International to test the sensors in Tuas.")
    companies = {e.label for x in extract_all([a, b]) for e in x.entities if "Haiwen" in e.label}
    assert companies == {"Qingdao Haiwen Marine Technology Co., Ltd."}


def test_a_name_written_without_its_bracketed_place_or_with_it_unbracketed_is_one_entity():
    a = doc("a.txt", "The Malaysia-China (Penang) Port Data Initiative began in 2024.")
    b = doc("b.txt", "Firms joined the Penang Port Data Initiative this year.")
    labels = {e.label for x in extract_all([a, b]) for e in x.entities if e.type == "Initiative"}
    assert labels == {"Malaysia-China (Penang) Port Data Initiative"}
    c = doc("c.txt", "The Malaysia-China (Penang) Port Data Initiative began in 2024. The Penang Port Data "
                     "Initiative now has 40 projects.")
    assert {e.label for e in extract_all([c])[0].entities if e.type == "Initiative"} == {
        "Malaysia-China (Penang) Port Data Initiative"}


def test_a_council_filed_as_a_body_here_and_as_a_framework_there_is_one_framework():
    """A release that numbers the council's sessions files it as the framework it is; one that names it in passing,
    as a body. Across the two it is one Initiative, and what only a body may have (a membership) is dropped."""
    a = doc("a.txt", "The 14th Singapore-Zhejiang Economic and Trade Council (SZETC) was held in Hangzhou.")
    b = doc("b.txt", "Tan Wei, Secretary-General of the Singapore-Zhejiang Economic and Trade Council, spoke in "
                     "Ningbo.")
    assert any(r.relation == "member_of" for x in extract_all([b]) for r in x.relations)
    merged = extract_all([a, b])
    councils = {(e.type, e.label) for x in merged for e in x.entities if "Council" in e.label and e.type != "Event"}
    assert councils == {("Initiative", "Singapore-Zhejiang Economic and Trade Council")}
    assert not any(r.relation == "member_of" for x in merged for r in x.relations)
    assert [(r.title, r.organization) for x in merged for r in x.roles] == [("Secretary-General", None)]


def test_a_name_one_document_describes_as_a_platform_is_that_project_in_every_document():
    """One release says what the Harbour Freight Exchange is ("a platform that lets ..."), another names it in
    passing: one Project across both, not a Project and an Organization."""
    a = doc("a.txt", "Acme Pte Ltd today launched the Harbour Freight Exchange, a platform that lets shippers in "
                     "Xiamen book space on Singapore vessels.")
    b = doc("b.txt", "Minister Lee Hong visited the Harbour Freight Exchange in Xiamen on Friday.")
    assert ("Organization", "Harbour Freight Exchange") in {(e.type, e.label) for e in extract_all([b])[0].entities}
    found = {(e.type, e.label) for x in extract_all([a, b]) for e in x.entities if "Freight" in e.label}
    assert found == {("Project", "Harbour Freight Exchange")}
