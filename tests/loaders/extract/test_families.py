"""The families of families.md on sentences of our own writing (other names, other words).

One test per family not covered elsewhere (names: test_names.py; meetings and
editions: test_meetings.py, test_editions.py; relations from syntax:
test_frames_families.py; figures and topics: test_figures.py, test_topics.py).
"""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract


def read(text: str, date: str = "2022-09-06"):
    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date))
    labels = {e.key: e.label for e in found.entities}
    return found, labels


def test_e1_companies_named_without_a_head_in_a_list_of_exhibitors():
    found, _ = read("Exhibitors at the Mekong Data Fair 2022 include Veltrix, Norlumen and dataSpring.")
    assert {("Organization", n) for n in ("Veltrix", "Norlumen", "dataSpring")} <= {
        (e.type, e.label) for e in found.entities}


def test_e2_a_lower_case_title_between_a_body_and_a_name():
    found, labels = read("Brightwater Capital chief executive Tan Hui Ling said the fund would open in May.")
    assert [(labels[r.person], r.title, labels[r.organization]) for r in found.roles] == [
        ("Tan Hui Ling", "chief executive", "Brightwater Capital")]


def test_e3_a_name_apposed_to_a_foreign_ministers_title():
    found, labels = read("Siti Nur Aina, Indonesia's Minister for Communications, spoke at the Mekong Data Fair "
                         "2022 on Monday.")
    assert [(labels[r.person], r.title, r.organization) for r in found.roles] == [
        ("Siti Nur Aina", "Minister for Communications", None)]
    assert ("Siti Nur Aina", "participated_in", "Mekong Data Fair 2022") in {
        (labels[r.subject], r.relation, labels[r.object]) for r in found.relations}


def test_e8_name_boundaries_at_an_acronym_and_a_legal_form_after_a_comma():
    found, _ = read("The pact was inked by the Marine Research Institute of Malaysia (MRIM) and Data "
                    "Futures (DF) Malaysia. Penang Lanmei Cold Chain Co., Ltd. (PLCC) will run the depot.")
    orgs = {e.label: e.aliases for e in found.entities if e.type == "Organization"}
    assert orgs == {"Marine Research Institute of Malaysia": ("MRIM",), "Data Futures Malaysia": ("DF",),
                    "Penang Lanmei Cold Chain Co., Ltd.": ("PLCC",)}


def test_ro1_each_attendee_belongs_to_the_body_of_their_own_title():
    found, labels = read("Attending were Mr Ong Kai Wen, Deputy Secretary of Singapore's Ministry of Health, "
                         "and Mr Wu Lei, Vice Mayor of the Kunming Municipal People's Government.")
    assert sorted((labels[r.person], labels[r.organization]) for r in found.roles) == [
        ("Ong Kai Wen", "Ministry of Health"), ("Wu Lei", "Kunming Municipal People's Government")]


def test_b1_the_wire_of_a_dateline_is_no_entity():
    found, _ = read("KUNMING, June 3, 2022 /PRNewswire/ -- The Mekong Data Fair 2022 opened today in Kunming.")
    assert {(e.type, e.label) for e in found.entities} == {("Event", "Mekong Data Fair 2022"), ("Place", "Kunming")}


def test_d1_dates_of_coordinated_events_and_of_a_fronted_participle():
    found, labels = read("The Penang Trade Fair 2022 and the Andaman Forum 2022 will both take place from 6 to 8 May.")
    assert {(labels[t.event], t.start, t.end) for t in found.event_times} == {
        ("Penang Trade Fair 2022", "2022-05-06", "2022-05-08"), ("Andaman Forum 2022", "2022-05-06", "2022-05-08")}
    found, labels = read("Convened in Penang on March 9, the 4th Andaman Port Joint Committee meeting approved "
                         "six projects.", date="2022-03-10")
    assert [(labels[t.event], t.start) for t in found.event_times] == [("4th Andaman Port Joint Committee meeting",
                                                                         "2022-03-09")]


def test_r6_a_compact_between_two_bodies_makes_them_partners_in_it():
    found, labels = read("The Andaman Port Initiative is a compact between the Ministry of Transport and the "
                         "Penang State Government.")
    assert {(labels[r.subject], r.relation, labels[r.object]) for r in found.relations} == {
        ("Ministry of Transport", "partner_in", "Andaman Port Initiative"),
        ("Penang State Government", "partner_in", "Andaman Port Initiative")}


def test_c3_a_name_without_the_places_or_acronym_opening_it_is_the_same_entity():
    found, _ = read("Work on the Singapore-Kunming (Yunnan) Green Data Corridor begins in May. The Green Data "
                    "Corridor will link two data centres. The APDI Harbour Exchange Platform opened too; "
                    "the Harbour Exchange Platform is run by Acme Pte Ltd.")
    names = {e.label: set(e.aliases) for e in found.entities if e.type in ("Initiative", "Project")}
    assert names == {"Singapore-Kunming (Yunnan) Green Data Corridor": {"Green Data Corridor"},
                     "APDI Harbour Exchange Platform": {"Harbour Exchange Platform"}}


def test_e3_a_name_apposed_to_a_title_before_it_and_a_ministers_portfolio_is_no_body():
    found, labels = read("Vietnam's Minister of Information and Communications, Pham Van Long, announced "
                         "two research grants.")
    assert [(labels[r.person], r.title, r.organization) for r in found.roles] == [
        ("Pham Van Long", "Minister of Information and Communications", None)]
    assert not [e for e in found.entities if e.type == "Organization"]


def test_names_listed_after_a_company_noun_are_bodies_whatever_they_look_like(entities):
    """E1: "Among the start-ups are A, B and C", "Among the firms that have signed up are A, B and C"."""
    found = entities("Among the start-ups are Shopee, Ninja Van and JD Logistics. Among the firms that have "
                     "signed up are Grabwell, Carousell and Lazada.")
    assert {("Organization", name) for name in
            ("Shopee", "Ninja Van", "JD Logistics", "Grabwell", "Carousell", "Lazada")} <= found
    assert not any(type_ == "Person" for type_, _ in found)


def test_a_known_name_is_not_cut_by_the_models_label_for_its_first_words(entities):
    """E8: "the 12th JSC meeting of the Sino-Singapore Tianjin Eco-City": no place "Sino-Singapore"."""
    found = entities("The 12th Joint Steering Council meeting of the Sino-Singapore Tianjin Eco-City was held "
                     "on Monday.")
    assert ("Initiative", "Sino-Singapore Tianjin Eco-City") in found
    assert ("Place", "Sino-Singapore") not in found


def test_a_persons_name_keeps_the_last_word_the_model_left_out(entities):
    """E3: "MAS managing director Chia Der Jiun": the model labels "Chia Der"."""
    found = entities("The agreement was inked by MAS managing director Chia Der Jiun and PBOC Governor "
                     "Pan Gongsheng.")
    assert ("Person", "Chia Der Jiun") in found
    assert ("Person", "Chia Der") not in found


def test_a_person_named_after_a_lower_case_title_keeps_their_surname_and_their_own_name(entities):
    """E2: "IMDA chief executive Ng Cher Pong and Xiamen Municipal Bureau of Commerce director Yu Bin"."""
    found = entities("The MOU was signed by IMDA chief executive Ng Cher Pong and Xiamen Municipal Bureau of "
                     "Commerce director-general Yu Bin.")
    assert {("Person", "Ng Cher Pong"), ("Person", "Yu Bin"),
            ("Organization", "Xiamen Municipal Bureau of Commerce")} <= found
    assert not any("Pong and" in label for _, label in found)


def test_a_company_named_after_a_market_or_an_industry_is_no_person(entities):
    """E1: "run by Cargolink Asia together with ...", "SBF member Harbourline Robotics"."""
    found = entities("The Harbour Data Hub project is run by Cargolink Asia together with Ninghai Logistics. "
                     "Several members tried the shuttles of SBF member Harbourline Robotics.")
    assert {("Organization", "Cargolink Asia"), ("Organization", "Harbourline Robotics")} <= found
    assert not any(type_ == "Person" for type_, _ in found)


def test_a_polytechnic_is_a_body_and_greater_china_a_region(entities):
    """E6: head-word gaps: "Nanyang Polytechnic"; "Regional Director, Greater China, Enterprise Singapore"."""
    found = entities("The academy was set up with Ngee Ann Polytechnic in March. Ms Ang Wei Ling, Regional "
                     "Director, Greater China, Enterprise Singapore, spoke.")
    assert {("Organization", "Ngee Ann Polytechnic"), ("Place", "Greater China")} <= found
    assert ("Organization", "Greater China") not in found
