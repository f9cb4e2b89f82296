"""Roles in the wordings unseen documents use, each kind on sentences of our own, mentions marked by hand.

Each kind of wording has several sentences; a negative case says where the kind stops.
Conventions (the other hands' gold): no ministry is inferred from a minister's portfolio,
and an officer of a unit named as such belongs to the unit.
"""

from __future__ import annotations

import pytest

from sgcn.loaders.extract.rel_markup import roles_in_markup as roles


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("The talks were opened by Director [Ann Lee|Person] of the [Harbour Data Authority|Organization].",
         ("Ann Lee", "Director", "Harbour Data Authority")),
        ("Yesterday Chief Executive [Bo Tan|Person] of [Delta Bank|Organization] and the mayor met.",
         ("Bo Tan", "Chief Executive", "Delta Bank")),
        ("She was received by Deputy Director [Cy Wu|Person] at the [Lakeside Port Bureau|Organization] on Monday.",
         ("Cy Wu", "Deputy Director", "Lakeside Port Bureau")),
        # a place after the name is no body
        ("Minister [Ed Ng|Person] of [Norway|Place] spoke first.", ("Ed Ng", "Minister", "")),
    ],
)
def test_title_before_the_name_body_after_it(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Ann Lee|Person] is the chief executive of [Acme Bank|Organization].",
         ("Ann Lee", "chief executive", "Acme Bank")),
        ("[Bo Tan|Person] is co-founder and CEO of [Orbit Labs|Organization], a robotics start-up.",
         ("Bo Tan", "co-founder and CEO", "Orbit Labs")),
        ("[Cy Wu|Person] was managing director at [Delta Capital|Organization] until last year.",
         ("Cy Wu", "managing director", "Delta Capital")),
        ("[Di Ho|Person] is also chairman of the [Riverside Trade Council|Organization].",
         ("Di Ho", "chairman", "Riverside Trade Council")),
    ],
)
def test_title_after_a_copula(markup, expected):
    assert expected in roles(markup)


def test_no_title_after_a_copula_is_no_role():
    assert roles("[Ann Lee|Person] is the reason [Acme Bank|Organization] came.") == set()


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("SPEECH BY SENIOR MINISTER OF STATE [TAN AH KOW|Person|Tan Ah Kow] AT THE HARBOUR FORUM, 3 MAY 2030",
         ("Tan Ah Kow", "Senior Minister of State", "")),
        ("ADDRESS BY MS [LIM BEE LENG|Person|Lim Bee Leng], DEPUTY CHIEF EXECUTIVE OF THE "
         "[HARBOUR DATA AUTHORITY|Organization|Harbour Data Authority], AT THE OPENING OF THE LAB",
         ("Lim Bee Leng", "Deputy Chief Executive", "Harbour Data Authority")),
        ("REMARKS BY [WEE KIM|Person|Wee Kim], CEO OF [ORBIT LABS|Organization|Orbit Labs], AT THE SIGNING",
         ("Wee Kim", "CEO", "Orbit Labs")),
    ],
)
def test_titles_in_a_heading_written_in_capitals(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # the leading words of the body's name
        ("[Binhai Lianhe Logistics Technology|Organization] runs the depot. [Zhang Wei|Person], general "
         "manager of Binhai Lianhe, said it would grow.",
         ("Zhang Wei", "general manager", "Binhai Lianhe Logistics Technology")),
        ("The app comes from [Tidepool Pay Pte Ltd|Organization]. \"It works,\" said [Ben Ho|Person], founder "
         "of Tidepool.", ("Ben Ho", "founder", "Tidepool Pay Pte Ltd")),
        # a word of the name, possessive
        ("[Suzhou Hengda Data Services|Organization] joined. [Lu Ping|Person], Hengda's chairman, spoke.",
         ("Lu Ping", "chairman", "Suzhou Hengda Data Services")),
        # its place and its kind in lower case
        ("The [Shenzhen Municipal Bureau of Commerce|Organization] signed. [Deng Yi|Person], director of "
         "the [Shenzhen|Place] bureau, said so.",
         ("Deng Yi", "director", "Shenzhen Municipal Bureau of Commerce")),
        ("It is run by the [Fujian Provincial Big Data Administration|Organization]. [Zhou Qi|Person], "
         "deputy director-general of the [Fujian|Place] administration, spoke.",
         ("Zhou Qi", "deputy director-general", "Fujian Provincial Big Data Administration")),
        # a short name the recogniser typed as a person's
        ("[Chongqing Kinpay Digital Payment Co|Organization] launched it. \"Good,\" said [Ran Yu|Person], "
         "chairman of [Kinpay Pay|Person].",
         ("Ran Yu", "chairman", "Chongqing Kinpay Digital Payment Co")),
    ],
)
def test_a_body_named_again_by_a_shorter_name(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    "markup",
    [
        # two bodies fit the short name: neither is taken
        "[Binhai Lianhe Logistics|Organization] and [Binhai Lianhe Bank|Organization] met. [Zhang Wei|Person], "
        "general manager of Binhai Lianhe, spoke.",
        # a place alone names no body
        "The [Shenzhen Municipal Bureau of Commerce|Organization] signed. [Deng Yi|Person], director of "
        "[Shenzhen|Place], spoke.",
        # the kind is not the body's
        "The [Shenzhen Port Authority|Organization] signed. [Deng Yi|Person], director of the [Shenzhen|Place] "
        "bureau, spoke.",
    ],
)
def test_a_short_name_that_does_not_single_out_a_body_names_none(markup):
    assert {org for _, _, org in roles(markup)} == {""}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Ann Lee|Person], [Regional Group|Organization] Director of [Acme Bank|Organization], spoke.",
         ("Ann Lee", "Regional Group Director", "Acme Bank")),
        ("[Bo Tan|Person], [Global Group|Organization] Head, [Delta Capital|Organization]",
         ("Bo Tan", "Global Group Head", "Delta Capital")),
    ],
)
def test_title_modifiers_read_as_a_body_are_the_title(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Ann Lee|Person], Group Director, [South Asia|Place], [Acme Bank|Organization]",
         ("Ann Lee", "Group Director", "Acme Bank")),
        ("[Bo Tan|Person], Country Manager, [Vietnam|Place], [Delta Capital|Organization]; [Cy Wu|Person], Partner",
         ("Bo Tan", "Country Manager", "Delta Capital")),
        ("[Di Ho|Person], Group Director ([Greater China|Place]) of [Acme Bank|Organization], spoke.",
         ("Di Ho", "Group Director (Greater China)", "Acme Bank")),
        ("[Ed Ng|Person], Deputy Secretary (Trade) at the [Ministry of Trade|Organization], led the team.",
         ("Ed Ng", "Deputy Secretary (Trade)", "Ministry of Trade")),
    ],
)
def test_a_region_or_desk_between_title_and_body(markup, expected):
    assert expected in roles(markup)


def test_a_region_followed_by_no_body_gives_the_title_alone():
    assert roles("[Ann Lee|Person], Group Director, [South Asia|Place], said so.") == {("Ann Lee", "Group Director", "")}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Hu Li|Person], Deputy Secretary of the [CPC Wuxi Municipal Committee|Organization] and Mayor of "
         "[Wuxi|Place], attended.",
         {("Hu Li", "Deputy Secretary", "CPC Wuxi Municipal Committee"), ("Hu Li", "Mayor", "")}),
        ("[Hu Li|Person], Deputy Secretary of the [CPC Wuxi Municipal Committee|Organization] and Mayor of "
         "[Wuxi|Place], thanked the [Wuxi Municipal People's Government|Organization].",
         {("Hu Li", "Deputy Secretary", "CPC Wuxi Municipal Committee"),
          ("Hu Li", "Mayor", "Wuxi Municipal People's Government")}),
        ("[Ann Lee|Person], chairman of [Acme Bank|Organization] and president of the "
         "[Acme Foundation|Organization], spoke.",
         {("Ann Lee", "chairman", "Acme Bank"), ("Ann Lee", "president", "Acme Foundation")}),
    ],
)
def test_two_posts_each_with_its_body(markup, expected):
    assert roles(markup) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Ann Lee|Person], director of international cooperation at the [Harbour Data Authority|Organization], "
         "spoke.", ("Ann Lee", "director of international cooperation", "Harbour Data Authority")),
        ("We met [Bo Tan|Person], head of digital policy at [Acme Bank|Organization].",
         ("Bo Tan", "head of digital policy", "Acme Bank")),
    ],
)
def test_a_field_of_work_in_lower_case_before_the_body(markup, expected):
    assert expected in roles(markup)


def test_a_field_of_work_without_a_body_after_it_stays_out_of_the_title():
    assert roles("[Bo Tan|Person], head of digital policy, spoke.") == {("Bo Tan", "head", "")}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Li Ming|Person], [China|Place] International Trade Representative and Vice Minister of Commerce, "
         "spoke for the [Ministry of Commerce|Organization].",
         ("Li Ming", "China International Trade Representative and Vice Minister of Commerce", "Ministry of Commerce")),
        ("[Zhao Yi|Person], [Wuxi|Place] Vice Mayor, spoke for the [Wuxi Municipal Government|Organization].",
         ("Zhao Yi", "Vice Mayor", "Wuxi Municipal Government")),
        ("[Qian Bo|Person], [Wuxi|Place] Vice Mayor, spoke.", ("Qian Bo", "Vice Mayor", "")),
        ("[Kim Ho|Person], [Korea|Place] Trade Envoy, spoke.", ("Kim Ho", "Korea Trade Envoy", "")),
    ],
)
def test_a_title_after_the_name_qualified_by_its_place(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    "markup",
    [
        "CHAMBER NEWSLETTER\n[Harbour Chamber of Commerce|Organization]\n\nThe trip was led by our Chief Executive, "
        "Mr [Ann Lee|Person], and ran for five days.",
        "[Harbour Chamber of Commerce|Organization]\nMarch bulletin\n\nOur Chairman [Ann Lee|Person] opened the fair.",
    ],
)
def test_our_title_is_the_title_at_the_body_the_document_speaks_for(markup):
    assert {org for _, _, org in roles(markup)} == {"Harbour Chamber of Commerce"}


def test_our_title_without_a_masthead_body_has_no_organisation():
    found = roles("Notes from the road\n\nThe trip was led by our Chief Executive, Mr [Ann Lee|Person], and "
                  "the [Harbour Chamber of Commerce|Organization] paid.")
    assert found == {("Ann Lee", "Chief Executive", "")}


@pytest.mark.parametrize(
    ("field", "title"),
    [("Assistant Director (Communications)", "Assistant Director (Communications)"),
     ("Senior Manager (Media Relations)", "Senior Manager (Media Relations)")],
)
def test_a_media_contact_whose_title_has_its_field_in_brackets(field, title):
    found = roles(f"For media queries, please contact:\n[Nur Aini|Person]\n{field}\n"
                  "[Harbour Data Authority|Organization]\nEmail: nur@harbour.example")
    assert found == {("Nur Aini", title, "Harbour Data Authority")}


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        ("Director of the Harbour Data Administration of China (HDAC) Zhuang Wei opened the talks.",
         "Zhuang Wei", "Harbour Data Administration of China"),
        ("Ms Ann Lee and Chairman of the Riverside Trade Commission (RTC) Wang Lihua signed it.",
         "Wang Lihua", "Riverside Trade Commission"),
        ("The pact was signed by Deputy Director of the Pearl River Port Bureau (PRPB) Liu Jianguo in Guangzhou.",
         "Liu Jianguo", "Pearl River Port Bureau"),
    ],
)
def test_a_name_after_a_body_s_acronym_in_brackets_is_a_person_of_its_own(entities, text, person, body):
    """The recogniser ends a body's name at its acronym in brackets when a person's name follows
    (recognition, shared with the lead: names.runs)."""
    found = entities(text)
    assert ("Person", person) in found and ("Organization", body) in found, found


def test_a_name_going_on_after_its_acronym_stays_one_name(entities):
    found = entities("The Harbour Connectivity Initiative (HCI) Joint Working Group met in May.")
    assert not any(type_ == "Person" for type_, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Zeng Li, Director of the Harbour-Lakeside Demonstration Initiative on Trade Connectivity "
         "Administrative Bureau, said the route would open in May.",
         ("Organization", "Harbour-Lakeside Demonstration Initiative on Trade Connectivity Administrative Bureau")),
        ("The Greenway Initiative for Digital Skills Secretariat will run the courses.",
         ("Organization", "Greenway Initiative for Digital Skills Secretariat")),
        ("The Greenway Initiative for Digital Skills will run the courses.",
         ("Initiative", "Greenway Initiative for Digital Skills")),
    ],
)
def test_a_body_named_after_an_initiative_is_an_organisation(entities, text, expected):
    """The office of an initiative ("... Initiative on X Administrative Bureau") is a body whose
    director holds a post (typing: lexicon.name_head, shared with the lead)."""
    assert expected in entities(text)


def test_the_director_of_an_initiative_s_bureau_holds_a_post_there():
    found = roles("[Zeng Li|Person], Director of the [Harbour Demonstration Initiative on Trade Administrative "
                  "Bureau|Organization], said so.")
    assert found == {("Zeng Li", "Director", "Harbour Demonstration Initiative on Trade Administrative Bureau")}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Wu Hong|Person], also Vice Chairman of the [Harbour Chamber|Organization], spoke.",
         ("Wu Hong", "Vice Chairman", "Harbour Chamber")),
        ("[Ann Lee|Person], also Minister for Health, said so.", ("Ann Lee", "Minister for Health", "")),
    ],
)
def test_a_title_after_also(markup, expected):
    assert expected in roles(markup)


def test_a_core_title_restating_a_post_given_in_full_adds_no_role():
    found = roles("Minister for Trade [Ann Lee|Person] spoke for the [Ministry of Trade|Organization]. "
                  "Later, Minister [Lee|Person|Ann Lee] toured the port.")
    assert found == {("Ann Lee", "Minister for Trade", "Ministry of Trade")}


def test_a_different_title_without_a_body_stays():
    found = roles("Minister for Trade [Ann Lee|Person] spoke for the [Ministry of Trade|Organization]. "
                  "Later, Deputy Prime Minister [Lee|Person|Ann Lee] toured the port.")
    assert ("Ann Lee", "Deputy Prime Minister", "") in found


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("The panel had [Ann Lee|Person] (Chief Executive, [Acme Bank|Organization]) and others.",
         ("Ann Lee", "Chief Executive", "Acme Bank")),
        ("Speakers: [Cy Wu|Person] (Managing Director of [Delta Capital|Organization]); Di Ho.",
         ("Cy Wu", "Managing Director", "Delta Capital")),
        ("Speakers: [Di Ho|Person] ([Orbit Labs|Organization] CEO) and others.", ("Di Ho", "CEO", "Orbit Labs")),
    ],
)
def test_a_title_in_brackets_after_the_name(markup, expected):
    assert expected in roles(markup)


def test_a_place_in_brackets_after_the_name_is_no_post():
    assert roles("[Ann Lee|Person] ([Singapore|Place]) and [Bo Tan|Person] ([Acme Bank|Organization]) spoke.") == set()


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("Q: [Ed Ng|Person], as chief executive of [Acme Bank|Organization], what do you expect?",
         ("Ed Ng", "chief executive", "Acme Bank")),
        ("Ms [Fay Ho|Person], as the director of the [Harbour Board|Organization], signed it.",
         ("Fay Ho", "director", "Harbour Board")),
    ],
)
def test_a_title_after_as(markup, expected):
    assert expected in roles(markup)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("Present were [Acme Bank|Organization]'s chairman [Ann Lee|Person] and chief executive [Bo Tan|Person].",
         {("Ann Lee", "chairman", "Acme Bank"), ("Bo Tan", "chief executive", "Acme Bank")}),
        ("[Harbour Board|Organization] Deputy CEO [Cy Wu|Person], Director [Di Ho|Person] and Senior Manager "
         "[Ed Ng|Person] led the visit.",
         {("Cy Wu", "Deputy CEO", "Harbour Board"), ("Di Ho", "Director", "Harbour Board"),
          ("Ed Ng", "Senior Manager", "Harbour Board")}),
    ],
)
def test_officials_listed_after_one_body_share_it(markup, expected):
    assert roles(markup) == expected


def test_a_minister_listed_after_another_keeps_his_own_portfolio():
    found = roles("Minister for Trade [Ann Lee|Person] and Minister for Health [Bo Tan|Person] met the "
                  "[Ministry of Trade|Organization] team.")
    assert found == {("Ann Lee", "Minister for Trade", "Ministry of Trade"), ("Bo Tan", "Minister for Health", "")}


def _roles_read(text: str) -> set[tuple[str, str, str]]:
    """``(person, title, organization or "")`` of each role extraction reads in plain ``text``."""
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2028-05-04"))
    labels = {e.key: e.label for e in found.entities}
    return {(labels[r.person], r.title, labels.get(r.organization, "")) for r in found.roles}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name after a person's title, set off by commas, is their body: whatever the model made of it
        ('"Paper slows every box," said Jason Koh, Head of Digital Operations, Jurong Port.',
         ("Jason Koh", "Head of Digital Operations", "Jurong Port")),
        ("Guests: Melissa Goh, partner, Drew & Napier LLP; Prof Chen Wei, dean, Tsinghua University School of "
         "Economics and Management", ("Melissa Goh", "partner", "Drew & Napier LLP")),
        # "Director General" written without its hyphen is one title
        ("Li Qiang, Director General of the Department of Commerce of Jiangsu Province, also attended.",
         ("Li Qiang", "Director General", "Department of Commerce of Jiangsu Province")),
        ("Dr Alicia Tan, a senior lecturer at the National University of Singapore, said the cohort was full.",
         ("Alicia Tan", "senior lecturer", "National University of Singapore")),
        # a note in brackets after the body ends the line's body, not the post
        ("- Professor Tan Shu Wen, Director, East Asian Institute (welcome remarks)",
         ("Tan Shu Wen", "Director", "East Asian Institute")),
        # an adjective between the article and the title is part of the title as written
        ("Li Dongmei, an agricultural economist at Jilin University, says farmers bear the cost.",
         ("Li Dongmei", "agricultural economist", "Jilin University")),
        # a limited liability partnership is a body
        ("The webinar heard Mr Lim Jun Hao, a partner at Ashby Koh LLP.", ("Lim Jun Hao", "partner", "Ashby Koh LLP")),
        # an advisory firm is a company where its name ends so
        ("Wang Bo is a senior consultant at Orchard Road Advisory in Singapore.",
         ("Wang Bo", "senior consultant", "Orchard Road Advisory")),
    ],
)
def test_roles_of_people_named_with_title_and_body_in_apposition(text, expected):
    assert expected in _roles_read(text)


def test_a_nationality_and_a_trade_is_no_post():
    assert not _roles_read("Jasmine Lee, a Singaporean consultant who advises logistics firms, wrote the note.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were co-chaired by Mr Ravi Menon, Deputy Managing Director (Markets and Development), MAS, "
         "and Mr Pan Gongsheng, Deputy Governor, PBC.",
         ("Ravi Menon", "Deputy Managing Director (Markets and Development)", "Monetary Authority of Singapore")),
        ("The minister looked on as NUS Deputy President (Research and Technology) Professor Liu Bin signed.",
         ("Liu Bin", "Deputy President (Research and Technology)", "National University of Singapore")),
    ],
)
def test_a_remit_in_brackets_is_part_of_the_title_and_names_no_body(text, expected):
    found = _roles_read(text)
    assert expected in found
    assert not any(org in ("Markets", "Development", "Research and Technology") for _, _, org in found)
