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


def test_numbered_meeting_of_a_council_is_one_event_and_keeps_the_council(resolved, entities):
    text = ("The 7th meeting of the Harbour Joint Council for Trade Cooperation (HJCTC), which was co-chaired by "
            "Minister Tan Wei, was held in Xiamen on Monday. The HJCTC meeting agreed on 12 projects. "
            "The meeting also reviewed e-commerce.")
    found = entities(text)
    assert ("Event", "7th Harbour Joint Council for Trade Cooperation meeting") in found
    assert ("Organization", "Harbour Joint Council for Trade Cooperation") in found
    assert len({label for t, label in found if t == "Event"}) == 1
    refs = resolved(text)
    assert refs["HJCTC meeting"] == refs["The meeting"] == "7th Harbour Joint Council for Trade Cooperation meeting"


def test_unnumbered_meetings_of_different_councils_stay_apart(entities):
    found = entities("The 3rd meeting of the Port Council was held on Monday. The Rail Council meeting followed.")
    assert ("Event", "3rd Port Council meeting") in found
    assert not {label for t, label in found if t == "Event" and "Rail" in label and "3rd" in label}


def test_title_case_meeting_of_an_initiative_with_an_ordinal_is_that_occasion(relations):
    """Family C2: "the second Joint Working Committee Meeting", "the inaugural ... Meeting of the X"."""
    text = ("Officials met at the fourth Digital Port Steering Committee (DPSC) Meeting of the "
            "Beibu Gulf Data Initiative (BGDI) today. Mr Tan Wei and Vice Governor Liu Fang co-chaired "
            "the meeting with Mayor Zhou Lan. The inaugural Joint Working Committee Meeting was held in Nanning.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04")
    events = {e.label: e for e in analyze(doc).entities.values() if e.type == "Event"}
    fourth = "fourth Beibu Gulf Data Initiative Digital Port Steering Committee meeting"
    assert set(events) == {fourth, "inaugural Joint Working Committee meeting"}
    assert {"fourth DPSC meeting", "fourth Digital Port Steering Committee Meeting"} <= set(events[fourth].aliases)
    found = relations(text)
    assert ("Tan Wei", "co_chaired", fourth) in found
    assert (fourth, "part_of", "Beibu Gulf Data Initiative") in found
    assert ("inaugural Joint Working Committee meeting", "held_in", "Nanning") in found


def test_its_numbered_meeting_is_the_committee_named_before_or_the_one_so_numbered_after(relations):
    """C2: "The Port Council ... at its 13th meeting"; "their council at its 9th meeting. The 9th JPC meeting ..."."""
    found = relations("The Singapore-Vietnam Port Council (SVPC) was set up in 2003. Singapore and Vietnam added "
                      "three areas of cooperation at its 13th meeting on Monday.")
    assert {("Singapore", "participated_in", "13th Singapore-Vietnam Port Council meeting"),
            ("Vietnam", "participated_in", "13th Singapore-Vietnam Port Council meeting")} <= found
    found = relations("Singapore and Laos widened the remit of their trade council at its 9th meeting on Friday. "
                      "The 9th Joint Port Committee (JPC) meeting was co-chaired by Minister Tan Bee Lian and "
                      "Minister Phet Sisavang.")
    meetings = {o for _, r, o in found if r in ("participated_in", "co_chaired")}
    assert len(meetings) == 1 and ("Laos", "participated_in", meetings.pop()) in found, found


def test_a_committee_for_an_initiative_names_whose_meeting_it_is(relations):
    """"the fifth meeting of the Joint Working Committee (JWC) for the Lancang Port Initiative"."""
    found = relations("The fifth meeting of the Joint Working Committee (JWC) for the Lancang Port Initiative "
                      "took place in Kunming yesterday.")
    assert any(r == "part_of" and o == "Lancang Port Initiative" and "fifth" in s for s, r, o in found), found


def test_a_headline_meeting_of_a_committee_named_in_full_is_the_meeting_the_body_names_bare(relations):
    """C2: "The 9th Meeting of the Joint Working Committee of the X Initiative Held in Y" then "the 9th meeting
    of the Joint Working Committee": one meeting, and the headline's verb is no part of its name."""
    found = relations("The 9th Meeting of the Joint Working Committee of the Ningbo Connectivity Initiative Held in "
                      "Singapore\n\nThe 9th meeting of the Joint Working Committee was held in Singapore on Monday.",
                      date="2025-05-04")
    meetings = {s for s, r, _ in found if r == "held_in"}
    assert meetings == {"9th Joint Working Committee of the Ningbo Connectivity Initiative meeting"}


def test_the_meetings_of_councils_of_several_bodies_are_one_meeting_each(relations):
    """C2, R3: "co-chaired the meetings of the Joint Steering Councils of A and B": two meetings, each co-chaired."""
    found = relations("Deputy Prime Minister Ong Bee Lan and Vice Premier Zhou Lei also co-chaired the meetings of "
                      "the Joint Steering Councils of the China-Singapore Suzhou Industrial Park and the "
                      "Sino-Singapore Tianjin Eco-City.", date="2025-12-04")
    for body in ("China-Singapore Suzhou Industrial Park", "Sino-Singapore Tianjin Eco-City"):
        meeting = f"Joint Steering Council meeting of the {body}"
        assert {("Ong Bee Lan", "co_chaired", meeting), ("Zhou Lei", "co_chaired", meeting),
                (meeting, "part_of", body)} <= found


def test_a_headline_naming_the_programme_by_acronym_and_a_body_naming_it_in_full_give_one_meeting(relations):
    """Translated government English: the headline says "of the NPI", the story the programme's full name."""
    text = ("The 6th Meeting of the Joint Working Committee of the NPI Held in Ningbo\n\n"
            "On May 9, the 6th meeting of the Joint Working Committee of the Ningbo-Penang Port Initiative (NPI) "
            "was held in Ningbo. Vice Mayor Li Hua and Minister Tan Bee Lian co-chaired the meeting.")
    found = relations(text, "2026-05-10")
    meetings = {s for s, r, o in found if r == "co_chaired"} and {o for s, r, o in found if r == "co_chaired"}
    assert len(meetings) == 1, found
    meeting = meetings.pop()
    assert (meeting, "part_of", "Ningbo-Penang Port Initiative") in found


def test_a_council_of_two_parties_meeting_in_numbered_sessions_is_a_framework_its_meetings_are_part_of(
        relations, entities):
    """Bilateral councils: "the 14th Singapore-Zhejiang Economic and Trade Council", "the 6th meeting of the
    Singapore-Hubei Council", "the 21st Joint Council for Bilateral Cooperation": each session is part of the
    council, filed as an initiative (a framework of government-to-government cooperation)."""
    text = ("Singapore and Zhejiang reviewed cooperation at the 14th Singapore-Zhejiang Economic and Trade "
            "Council (SZETC) in Hangzhou. The SZETC was set up in 2003.")
    assert ("Initiative", "Singapore-Zhejiang Economic and Trade Council") in entities(text)
    assert ("14th Singapore-Zhejiang Economic and Trade Council", "part_of",
            "Singapore-Zhejiang Economic and Trade Council") in relations(text)
    found = relations("The 6th meeting of the Singapore-Hubei Economic Council took place in Wuhan on Monday. "
                      "It was co-chaired by Minister Lee Hong and Governor Wang Fei.")
    assert ("6th Singapore-Hubei Economic Council meeting", "part_of", "Singapore-Hubei Economic Council") in found
    found = relations("Deputy Prime Minister Ong Bee Lan co-chaired the 21st Joint Council for Bilateral "
                      "Cooperation (JCBC) with Vice Premier Zhou Lei. The 22nd JCBC will be held in Singapore.")
    jcbc = "China-Singapore Joint Council for Bilateral Cooperation"  # the gazetteer's name of it
    assert {(f"21st {jcbc}", "part_of", jcbc), (f"22nd {jcbc}", "part_of", jcbc),
            ("Ong Bee Lan", "co_chaired", f"21st {jcbc}")} <= found


def test_a_committee_without_its_two_parties_or_of_an_initiative_stays_a_body(entities):
    """"the 25th Joint Steering Council", "the 9th meeting of the JIC of the X Initiative": bodies, not frameworks."""
    found = entities("The 25th Joint Steering Council meeting took place in Suzhou. The 9th meeting of the "
                     "Joint Implementation Committee of the Sino-Lao Rail Initiative was held in Vientiane.")
    assert ("Event", "25th Joint Steering Council meeting") in found
    assert not any(t == "Initiative" and ("Committee" in label or "Council" in label) for t, label in found), found


def test_a_committees_meeting_named_bare_is_part_of_the_initiative_the_document_gives_the_committee(relations):
    """"The 10th JIC meeting will be held in Singapore" after "the 9th meeting of the JIC of the X Initiative", or
    after "The JIC oversees the X Initiative": part of X."""
    found = relations("The 9th meeting of the Joint Implementation Committee (JIC) of the Smart Port Initiative was "
                      "held in Xiamen. The 10th JIC meeting will be held in Singapore.", date="2024-06-01")
    assert ("10th Joint Implementation Committee meeting", "part_of", "Smart Port Initiative") in found
    found = relations("The Mekong Data Initiative (MDI) was launched in 2019. The Joint Working Committee (JWC) "
                      "oversees the MDI and meets once a year. The 5th JWC meeting will be held in Vientiane in "
                      "2026.", date="2025-06-01")
    assert ("5th Joint Working Committee meeting", "part_of", "Mekong Data Initiative") in found, found


def test_a_numbered_meeting_is_neither_the_meeting_named_before_nor_part_of_another_session(relations, resolved):
    """C3: "the seventh JWC meeting" after "the 23rd Joint Council ..." is no reference to it; "the eighth Joint
    Working Committee meeting" is no part of "the seventh meeting of the Joint Working Committee"."""
    got = resolved("The 23rd Joint Council for Port Cooperation was held in Xiamen. The pilot was agreed at "
                   "the seventh JWC meeting of the Lancang Port Initiative in May.", date="2026-11-20")
    assert "the seventh JWC meeting" not in got or "23rd" not in got["the seventh JWC meeting"], got
    found = relations("The seventh meeting of the Joint Working Committee (JWC) of the Lancang Port Initiative "
                      "was held in Kunming. The eighth JWC meeting will take place in Singapore next year.",
                      date="2026-11-20")
    eighth = {o for s, r, o in found if r == "part_of" and s.startswith("eighth")}
    assert eighth == {"Lancang Port Initiative"}, found


def test_a_committee_with_its_acronym_before_meetings_of_several_bodies_and_the_two_who_held_them(relations):
    """C2, R3: "A and B also held the Joint Steering Council (JSC) meetings of the LPP, the BGDI and the MDI": one
    meeting of each body, named as the text names it too ("... meeting of the BGDI"), co-chaired by A and B."""
    text = ("The Lancang Port Park (LPP), the Beibu Gulf Data Initiative (BGDI) and the Mekong Data Initiative (MDI) "
            "are flagship projects. On the eve of the council, Minister Lee Hong and Vice Premier Wang Fei also held "
            "the Joint Steering Council (JSC) meetings of the LPP, the BGDI and the MDI.")
    found = relations(text, date="2026-04-10")
    meetings = {o for s, r, o in found if s == "Wang Fei" and r == "co_chaired"}
    assert meetings == {f"Joint Steering Council meeting of the {x}" for x in (
        "Lancang Port Park", "Beibu Gulf Data Initiative", "Mekong Data Initiative")}, found
    assert ("Joint Steering Council meeting of the Mekong Data Initiative", "part_of", "Mekong Data Initiative") in found
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2026-04-10")
    aliases = {a for e in analyze(doc).entities.values() for a in e.aliases}
    assert {"Joint Steering Council meeting of the BGDI", "Joint Steering Council meeting of the MDI"} <= aliases
    # one person holding a meeting chairs nothing jointly
    assert not any(r == "co_chaired" for _, r, _ in relations(
        "Minister Lee Hong held the 4th Joint Steering Council (JSC) meeting in Xiamen.", date="2026-04-10"))


def _events(text: str, date: str = "2029-07-08") -> dict[str, tuple[str, ...]]:
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date)
    return {e.label: e.aliases for e in analyze(doc).entities.values() if e.type == "Event"}


def test_a_numbered_meeting_named_with_its_or_the_is_the_meeting_of_the_committee_told_of():
    # "the council" in the sentence before refers to the council named first
    found = _events("The Penang-Fujian Trade Council met in Fuzhou on Tuesday. The council is co-organised by the "
                    "Fujian Department of Commerce and Enterprise Singapore. The 12th meeting will be held in Penang "
                    "in 2030.")
    assert "12th meeting of the Penang-Fujian Trade Council" in found["12th Penang-Fujian Trade Council meeting"]
    # "Its" opening a sentence stands for the subject of the one before, not the body named last in it
    found = _events("The Harbour Finance Taskforce was set up by Bank Negara and the PBC in 2024 under the ambit of "
                    "the Penang-Fujian Trade Council. Its fourth meeting will take place in Kuching in 2030.")
    assert set(found) == {"fourth Harbour Finance Taskforce meeting"}
    # a year numbers a committee's meeting as an ordinal does
    found = _events("The Penang-Sichuan Trade Committee held its 2029 meeting in Chengdu on 25 October.")
    assert "2029 meeting of the Penang-Sichuan Trade Committee" in found["2029 Penang-Sichuan Trade Committee meeting"]
    found = _events("Officials from Enterprise Singapore attended the 2029 meeting of the Penang-Sichuan Trade "
                    "Committee in Chengdu.")
    assert "2029 meeting of the Penang-Sichuan Trade Committee" in found["2029 Penang-Sichuan Trade Committee meeting"]


def test_a_bare_numbered_meeting_of_no_one_committee_or_named_in_passing_is_no_meeting():
    assert not _events("The Penang-Sichuan Trade Committee and the Penang-Hunan Trade Committee were set up in "
                       "2010. The 12th meeting will be held in Penang in 2030.")
    assert not _events("The Penang-Sichuan Trade Committee met on Monday. Trade has doubled since the 10th meeting.")


def test_the_joint_council_for_bilateral_cooperation_is_known_by_its_acronym(relations):
    found = relations("Ministers will meet at the 25th JCBC in Tianjin in November.", date="2029-09-20")
    assert ("25th China-Singapore Joint Council for Bilateral Cooperation", "part_of",
            "China-Singapore Joint Council for Bilateral Cooperation") in found


def test_a_committee_meeting_of_an_initiative_goes_by_its_name_written_out():
    found = _events("The 17th meeting of the Joint Working Committee (JWC) of the Penang Eco-City Initiative took "
                    "place in Penang on Wednesday.", date="2028-04-20")
    [aliases] = [a for label, a in found.items() if label.startswith("17th")]
    assert "17th meeting of the Joint Working Committee of the Penang Eco-City Initiative" in aliases


def test_the_councils_meeting_is_its_one_numbered_meeting_named():
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2030-07-20",
                   text="On 16 July 2030, at the 20th meeting of the Penang-Xiamen Collaboration Council in Penang, "
                        "the two agencies signed the MoU on Data Transfers. The MoU was one of 16 agreements "
                        "concluded at the council's meeting this year.")
    a = analyze(doc)
    [mention] = [m for m in a.mentions if m.text == "council's meeting"]
    assert a.entities[mention.entity].label == "20th Penang-Xiamen Collaboration Council meeting"
    # two numbered meetings named: "the council's meeting" says neither
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2030-07-20",
                   text="The 19th meeting of the Penang-Xiamen Council was in Xiamen and the 20th meeting of the "
                        "Penang-Xiamen Council in Penang. Ten deals were signed at the council's meeting.")
    assert not any(m.text == "council's meeting" for m in analyze(doc).mentions)


def test_a_bilingual_acronym_before_the_initiative_and_councils_for_the_programmes(relations):
    found = relations("On April 23, the 19th meeting of the Joint Working Committee (联合工作委员会, JWC) of the "
                      "Penang Eco-City Initiative was held in Singapore.", date="2030-04-24")
    assert ("19th Penang Eco-City Initiative Joint Working Committee meeting", "part_of",
            "Penang Eco-City Initiative") in found
    found = _events("The two of us also chaired the meetings of the Joint Steering Councils for the Penang Data "
                    "Initiative and the Penang Port Initiative.", date="2029-11-20")
    assert "meeting of the Joint Steering Council for the Penang Data Initiative" in found[
        "Joint Steering Council meeting of the Penang Data Initiative"]
