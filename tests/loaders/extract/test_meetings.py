"""Committee meetings (sgcn.loaders.extract.meetings) on sentences of our own writing."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze


def test_meeting_of_an_initiative_is_named_with_it_and_by_acronyms():
    text = ("Ministers co-chaired the 2nd Joint Steering Committee (JSC) meeting of the Green Port "
            "Initiative (GPI) in Xiamen today.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04")
    meetings = [e for e in analyze(doc).entities.values() if e.type == "Event"]
    assert [m.label for m in meetings] == ["2nd Green Port Initiative Joint Steering Committee meeting"]
    assert {"2nd JSC meeting", "2nd GPI JSC meeting", "2nd Joint Steering Committee meeting"} <= set(meetings[0].aliases)


def test_committee_with_an_ordinal_is_its_meeting_and_the_meeting_refers_back(resolved):
    text = ("Ministers co-chaired the 20th Joint Council for Port Cooperation (JCPC) in Xiamen today. "
            "At the meeting, five MOUs were signed. On the sidelines of the JCPC, Acme signed a deal.")
    got = resolved(text)
    assert got["20th Joint Council for Port Cooperation (JCPC)"] == "20th Joint Council for Port Cooperation"
    assert got["the meeting"] == got["JCPC"] == "20th Joint Council for Port Cooperation"


def test_committee_with_ordinal_is_a_meeting(resolved):
    text = ("The Port Joint Steering Committee (PJSC) met. The 2nd PJSC meeting was held today. "
            "The second Port Joint Steering Committee meeting agreed.")
    got = resolved(text)
    assert got["2nd PJSC meeting"] == got["second Port Joint Steering Committee meeting"]
    assert "Committee" in got["2nd PJSC meeting"] and "2nd" in got["2nd PJSC meeting"]
