"""Name recognition (names.py) on sentences of our own writing, counter-examples included."""

from __future__ import annotations

from sgcn.loaders.extract.names import find_names


def names(sentence: str) -> set[tuple[str, str]]:
    return {(c.type, c.label) for c in find_names(sentence, 0)}


def test_place_led_company_with_an_industry_noun_is_an_organization():
    found = names("The app is run by Singapore start-up Lumen Pay Pte Ltd and Xiamen Haitian Robotics.")
    assert {("Organization", "Lumen Pay Pte Ltd"), ("Organization", "Xiamen Haitian Robotics")} <= found
    assert ("Organization", "Chengdu Qilin Semiconductor") in names("Chengdu Qilin Semiconductor will build it.")


def test_city_with_a_bare_industry_noun_is_not_a_company():
    assert not {t for t, _ in names("Xiamen Logistics grew fast last year.") if t == "Organization"}
    assert not {t for t, _ in names("The talks covered Smart Logistics and Cloud Software.")}


def test_industry_named_company_listed_beside_an_organization():
    assert ("Organization", "Haitian Robotics") in names("It is developed by Acme Pte Ltd and Haitian Robotics.")
    found = names("A pact between Haitian Robotics and Acme Pte Ltd was signed.")
    assert {("Organization", "Haitian Robotics"), ("Organization", "Acme Pte Ltd")} <= found
    assert ("Organization", "Nanyang Payments") in names("The pilot is run by Nanyang Payments.")


def test_industry_words_in_a_list_of_sectors_are_not_companies():
    assert not names("Acme Pte Ltd showcased Artificial Intelligence and Robotics.") - {
        ("Organization", "Acme Pte Ltd")}


def test_and_after_a_whole_organization_name_starts_another():
    assert names("Acme Holdings and Beta Bank launched it.") == {
        ("Organization", "Acme Holdings"), ("Organization", "Beta Bank")}
    assert names("The Ministry of Trade and Industry met.") == {("Organization", "Ministry of Trade and Industry")}
    assert names("The Centre for Robotics and Automation Pte Ltd opened.") == {
        ("Organization", "Centre for Robotics and Automation Pte Ltd")}


def test_unit_named_before_a_title_is_an_organization_not_a_place():
    found = names("Enterprise Singapore's Greater China Group Director Lim Mei spoke.")
    assert ("Organization", "Greater China Group") in found and ("Person", "Lim Mei") in found
    assert not {t for t, _ in found if t == "Place"}
    assert ("Person", "Tan Wei") in names("Acme's Regional Group Director Tan Wei spoke.")


def test_unit_before_a_title_holds_the_role_and_its_parent_the_membership():
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    text = "Enterprise Singapore's Greater China Group Director Lim Mei opened the office."
    ex = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2024-06-14"))
    assert {(r.title, r.organization) for r in ex.roles} == {("Director", "Organization/greater china group")}
    assert ("Person/lim mei", "member_of", "Organization/enterprise singapore") in {
        (r.subject, r.relation, r.object) for r in ex.relations}


def test_headline_verbs_end_names_in_a_title_case_headline(entities):
    found = entities("Chengdu, Penang Sign Logistics Cooperation Memorandum\n\n"
                     "Chengdu and Penang signed a memorandum on rail freight on Tuesday.\n")
    assert not {label for t, label in found if "Sign" in label or "Penang Sign" in label}
    assert not {label for t, label in found if t == "Agreement" and label[:1].isupper()}
    found = entities("Vietnam And Laos Ink Power Trade Agreement\n\nThe Power Trade Agreement covers 20 MW.\n")
    assert ("Agreement", "Power Trade Agreement") in found
    assert not {label for _, label in found if "Ink" in label}


def test_real_names_in_a_headline_are_kept(entities):
    assert ("Event", "Smart China Expo") in entities("Smart China Expo Opens in Chongqing\n\nVisitors came.\n")
    assert ("Organization", "Ministry of Commerce") in entities(
        "Ministry of Commerce Unveils Plan\n\nOfficials spoke on Monday.\n")


def test_headline_verbs_are_name_words_outside_headlines():
    assert names("They met Seal Technologies Pte Ltd on Monday.") == {("Organization", "Seal Technologies Pte Ltd")}
    assert names("The Ink Holdings board met on Monday.") == {("Organization", "Ink Holdings")}


def test_agreement_name_goes_on_over_in_and_stops_before_dates_places_and_between():
    assert names("The banks signed a Memorandum of Understanding on Cooperation in Green Finance.") == {
        ("Agreement", "Memorandum of Understanding on Cooperation in Green Finance")}
    found = names("They inked an Agreement on Deepening Collaboration in Port Logistics between Acme Holdings "
                  "and Beta Bank.")
    assert ("Agreement", "Agreement on Deepening Collaboration in Port Logistics") in found
    assert names("They signed the Agreement on Digital Trade in Beijing on Thursday.") == {
        ("Agreement", "Agreement on Digital Trade")}
    assert names("They signed a Memorandum on Logistics Cooperation on Tuesday.") == {
        ("Agreement", "Memorandum on Logistics Cooperation")}


def test_described_agreement_stops_before_a_date(entities):
    found = entities("The two agencies signed an agreement on digital trade on 12 March in Beijing.")
    assert ("Agreement", "agreement on digital trade") in found
    assert not {label for t, label in found if "March" in label}


def test_venues_are_places_not_organizations():
    assert names("The forum was held at the Chengdu Century City Convention Centre.") == {
        ("Place", "Chengdu Century City Convention Centre")}
    assert ("Place", "Suzhou International Expo Centre") in names("Guests toured the Suzhou International Expo Centre.")
    assert ("Place", "Nanning International Exhibition Hall") in names("It opened at Nanning International Exhibition Hall.")
    # counter-example: a centre that is a body
    assert names("The Singapore Centre for Digital Trade opened.") == {
        ("Organization", "Singapore Centre for Digital Trade")}


def test_company_named_after_a_descriptor_is_an_organization():
    found = names("Singapore start-up SunPool and Shenzhen-based drone maker Skylark met local logistics firm "
                  "Kaida and Chinese EV maker Zhidian.")
    assert {("Organization", n) for n in ("SunPool", "Skylark", "Kaida", "Zhidian")} <= found


def test_descriptor_without_a_name_gives_no_organization():
    assert not {t for t, _ in names("Singapore start-ups are growing fast.") if t == "Organization"}
    assert names("The drone maker said it would expand.") == set()
    assert names("The bank Monday said so.") == set()
    assert names("The firm CEO Tan Wei spoke.") == {("Person", "Tan Wei")}


def test_two_titled_persons_joined_by_and_are_both_persons():
    assert names("It was co-chaired by Thai Commerce Minister Jurin Laksanawisit and Chinese Vice Minister "
                 "Wang Shouwen.") == {("Person", "Jurin Laksanawisit"), ("Person", "Wang Shouwen")}
    # counter-example: "and" inside an organisation's name before a title
    assert names("Ministry of Trade and Industry Deputy Secretary Luke Goh spoke.") == {
        ("Organization", "Ministry of Trade and Industry"), ("Person", "Luke Goh")}


def test_hyphenated_words_open_names_and_join_given_names():
    """Family E4: a hyphen holds a name's words together ("All-China", "State-owned", "Ying-I")."""
    found = names("The forum was backed by the All-Asia Federation of Port Operators and "
                  "the State-owned Shipping Supervision and Administration Commission.")
    assert {("Organization", "All-Asia Federation of Port Operators"),
            ("Organization", "State-owned Shipping Supervision and Administration Commission")} <= found
    assert ("Person", "Tan Mei-Ling") in names("Ms Tan Mei-Ling, Deputy Secretary of the Ministry of Health, spoke.")
    assert ("Person", "Goh Kai-En") in names("Goh Kai-En, Chief Executive of the board, spoke.")
    # a place before "-based" describes the name; it does not start it
    assert ("Organization", "Harbourline Foundation") in names(
        "The Kunming-based Harbourline Foundation will run the fund.")


def test_names_go_on_over_the_after_their_head():
    """Family E7: "of the", "for the" after an organisation's head, "on the" after an event's."""
    found = names("It was organised by the Digital Standards Commission of the Yunnan Provincial Government "
                  "and the Council for the Advancement of Port Logistics.")
    assert {("Organization", "Digital Standards Commission of the Yunnan Provincial Government"),
            ("Organization", "Council for the Advancement of Port Logistics")} <= found
    assert ("Event", "Roundtable on the Future of Data Corridors") in names(
        "The Roundtable on the Future of Data Corridors met in Nanning.")
    # a title is no head: "Minister of Commerce of the People's Republic" is not one name
    assert not any("Republic" in label for _, label in names(
        "She met the Minister of Commerce of the People's Republic of China."))


def test_agreement_titles_go_on_over_to_and_the():
    """Agreement titles take "to <Verb>" and "the" anywhere: "Protocol to Amend the ..."."""
    found = names("The two sides signed the Protocol to Amend the Double Taxation Agreement and a "
                  "Memorandum of Understanding on Strengthening the Green Data Partnership.")
    assert {("Agreement", "Protocol to Amend the Double Taxation Agreement"),
            ("Agreement", "Memorandum of Understanding on Strengthening the Green Data Partnership")} <= found


def test_companies_named_without_a_legal_form_by_what_they_do_or_their_home_city(entities):
    """A company acting under a name that ends as companies' names do, and one the model calls an
    organisation that opens with its home city, are companies."""
    found = entities("Lattice Commerce will demonstrate the hub, set up in May with Xiamen Haixi Digital Trade.")
    assert {("Organization", "Lattice Commerce"), ("Organization", "Xiamen Haixi Digital Trade")} <= found
    # a person's name is still a person's
    assert ("Person", "Wang Lanfang") in entities("Wang Lanfang will demonstrate the hub in Xiamen.")


def test_of_after_a_company_or_a_fund_tells_its_home_or_owner_not_its_name(entities):
    found = entities("Our co-investor in the round is Yuelu Partners of Changsha. The Harbour Growth Fund of Acme "
                     "Capital led it, with the Bank of China.")
    assert {("Organization", "Yuelu Partners"), ("Place", "Changsha"), ("Organization", "Acme Capital"),
            ("Organization", "Bank of China")} <= found
    assert not any(label.endswith("of Changsha") or label.endswith("of Acme Capital") for _, label in found)
    # also when another name follows in a list, or the company's legal form ends its name
    found = entities("The Link was launched by Tidewater Pay of Singapore and Yuzhou Digital Payment Technology Co., "
                     "Ltd. The centre is run by Kestrel Cloud Pte Ltd of Singapore.")
    assert {("Organization", "Tidewater Pay"), ("Organization", "Kestrel Cloud Pte Ltd")} <= found


def test_no_ones_name_opens_with_a_city_and_a_footer_word_opens_no_name(entities):
    found = entities("Suzhou Hengtong said the platform would expand to Wuxi.")
    assert ("Organization", "Suzhou Hengtong") in found
    found = entities("Contact Harbour Eco-City Administrative Committee for details.")
    assert ("Organization", "Harbour Eco-City Administrative Committee") in found
