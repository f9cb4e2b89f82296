"""Labelled fields of fact sheets and event pages (``fields.yaml``), on documents of our own writing."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract


def _relations(text: str, source: str = "page.html") -> set[tuple[str, str, str]]:
    found = extract(Document(source=source, sha256="0" * 64, format="plaintext", text=text, date="2024-05-02"))
    labels = {e.key: e.label for e in found.entities}
    return {(labels[r.subject], r.relation, labels[r.object]) for r in found.relations}


def test_an_event_pages_table_and_speaker_list_describe_the_event_it_opens_with():
    text = ("Lancang Digital Forum 2024\n"
            "A flagship forum of the Kunming Tech Fair\n"
            "| Dates | 3-4 June 2024 |\n"
            "| Venue | Dianchi Convention Centre, Chenggong District, Kunming |\n"
            "| Organisers | Yunnan Provincial Department of Commerce; Enterprise Singapore |\n"
            "About the forum\n"
            "First held in 2021, the forum brings city planners together.\n"
            "Confirmed speakers\n"
            "- Mr Tan Wei Ming, Chief Executive, Enterprise Singapore\n"
            "- Ms Zhou Lan, Director-General, Yunnan Provincial Department of Commerce\n"
            "Register\n"
            "- Registration closes on 20 May.\n")
    found = _relations(text)
    forum = "Lancang Digital Forum 2024"
    assert {(forum, "held_in", "Kunming"),
            ("Yunnan Provincial Department of Commerce", "organized", forum),
            ("Enterprise Singapore", "organized", forum),
            ("Tan Wei Ming", "participated_in", forum),
            ("Zhou Lan", "participated_in", forum)} <= found
    # the venue's hall and district are not where the forum was held: the city is
    assert not any(r == "held_in" and o != "Kunming" for s, r, o in found if s == forum)


def test_a_fact_sheets_witnesses_and_parties_belong_to_the_agreement_above_them():
    text = ("AGREEMENTS SIGNED\n\n"
            "Memorandum of Understanding on Cold Chain Logistics\n"
            "Signed: 3 May 2024, in Nanning\n"
            "Parties: Enterprise Singapore; Guangxi Department of Commerce\n"
            "Witnessed by: Minister Tan Bee Lian and Vice Governor Liu Fang\n"
            "This paragraph is about something else.\n"
            "Parties: Acme Holdings; Beta Bank\n")
    found = _relations(text, "factsheet.txt")
    mou = "Memorandum of Understanding on Cold Chain Logistics"
    assert {("Enterprise Singapore", "party_to", mou), ("Guangxi Department of Commerce", "party_to", mou),
            ("Tan Bee Lian", "witnessed", mou), ("Liu Fang", "witnessed", mou)} <= found
    # a labelled line after a paragraph that opens with no agreement describes nothing
    assert not any(s in ("Acme Holdings", "Beta Bank") and r == "party_to" for s, r, _ in found)


def test_the_labelled_lines_under_a_heading_in_capitals_describe_the_meeting_it_names(relations):
    """C2: a fact sheet's "OUTCOMES OF THE 4TH ... MEETING OF THE X INITIATIVE", then Venue and Co-chairs lines."""
    found = relations("FACT SHEET\n\nOUTCOMES OF THE 4TH JOINT WORKING COMMITTEE MEETING OF THE SINGAPORE-CHINA "
                      "(SHENZHEN) SMART CITY INITIATIVE\n\nDate: 12 March 2025\nVenue: Ningbo\nCo-chairs: Minister "
                      "Ong Bee Lan; Mayor Zhao Lihua\n\nThe 4th Joint Working Committee meeting reviewed 12 "
                      "projects.", date="2025-03-14")
    meeting = "4th Singapore-China (Shenzhen) Smart City Initiative Joint Working Committee meeting"
    assert {(meeting, "held_in", "Ningbo"), ("Ong Bee Lan", "co_chaired", meeting),
            ("Zhao Lihua", "co_chaired", meeting)} <= found
    assert not any("4TH" in s or "4TH" in o for s, _, o in found)


def test_a_date_line_under_a_heading_dates_the_meeting_it_names():
    """D1: "OUTCOMES OF THE 4TH ... MEETING" then "Date: 12 March 2025"."""
    text = ("FACT SHEET\n\nOUTCOMES OF THE 4TH JOINT WORKING COMMITTEE MEETING OF THE NINGBO PORT INITIATIVE\n\n"
            "Date: 12 March 2025\nVenue: Ningbo\n\nThe 4th Joint Working Committee meeting reviewed 12 projects.")
    found = extract(Document(source="f.txt", sha256="0" * 64, format="plaintext", text=text, date="2025-03-14"))
    labels = {e.key: e.label for e in found.entities}
    assert [(labels[t.event], t.start) for t in found.event_times] == [("4th Joint Working Committee meeting", "2025-03-12")]


def test_a_programmes_slots_and_a_label_alone_above_its_list_name_who_takes_part():
    text = ("Lancang Digital Forum 2024\n"
            "| Dates | 3-4 June 2024 |\n"
            "| Venue | Dianchi Convention Centre, Kunming |\n"
            "09:00 Opening ceremony\n"
            "Welcome address: Zhou Lan, Vice Governor of Yunnan Province\n"
            "Opening address: Mr Tan Wei Ming, Minister of State for Trade, Singapore\n"
            "10:40 Panel 1: Data across borders\n"
            "Moderator: Irene Ho, Managing Partner, Straits Harbour Capital\n"
            "Panellists:\n"
            "- Gao Lin, Deputy Director General, Yunnan Provincial Data Bureau\n"
            "- Tay Wei Lun, Director, Infocomm Media Development Authority\n")
    found = _relations(text)
    forum = "Lancang Digital Forum 2024"
    assert {(p, "participated_in", forum) for p in ("Zhou Lan", "Tan Wei Ming", "Irene Ho", "Gao Lin", "Tay Wei Lun")
            } <= found
