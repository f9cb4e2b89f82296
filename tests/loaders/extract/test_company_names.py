"""A company named in full once and then by a short name is one company (coreference)."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract


def _facts(text: str):
    facts = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2026-03-02"))
    labels = {e.key: e.label for e in facts.entities}
    return facts, labels


def test_the_brand_of_a_chinese_company_name_is_the_company():
    facts, labels = _facts("Qingdao Haiwen Marine Technology Co., Ltd. signed a supply contract on Monday. "
                           "Zhou Mingyu, general manager of Haiwen Marine, said the first sensors ship in May.")
    assert sorted(l for k, l in labels.items() if k.startswith("Organization/")) == [
        "Qingdao Haiwen Marine Technology Co., Ltd."]
    assert [(labels[r.person], r.title, labels.get(r.organization)) for r in facts.roles] == [
        ("Zhou Mingyu", "general manager", "Qingdao Haiwen Marine Technology Co., Ltd.")]


def test_a_name_without_its_legal_form_is_the_company():
    _, labels = _facts("Lumenfield Analytics Pte Ltd opened an office in Suzhou. Lumenfield Analytics will hire "
                       "40 engineers there, and Lumenfield expects to double that by 2028.")
    assert sorted(l for k, l in labels.items() if k.startswith(("Organization/", "Person/"))) == [
        "Lumenfield Analytics Pte Ltd"]


def test_a_division_named_after_its_body_stays_a_body_of_its_own():
    _, labels = _facts("The Maritime and Port Authority of Singapore (MPA) met the press. Tan Wei Ling, director "
                       "of MPA Digital Group, spoke first.")
    organizations = sorted(l for k, l in labels.items() if k.startswith("Organization/"))
    assert organizations == ["MPA Digital Group", "Maritime and Port Authority of Singapore"]


def test_two_companies_sharing_the_short_name_keep_it_apart():
    _, labels = _facts("Shenzhen Kestrel Data Technology Co., Ltd. and Kestrel Data Pte Ltd are unrelated. "
                       "Kestrel Data declined to comment.")
    assert "Shenzhen Kestrel Data Technology Co., Ltd." in labels.values()
    assert "Kestrel Data Pte Ltd" in labels.values()


def test_a_wire_release_names_its_company_after_a_dateline_without_a_date_and_by_its_short_name():
    facts, labels = _facts('PENANG & SINGAPORE--(BUSINESS WIRE)--Quayline Robotics Pte. Ltd. ("Quayline"), a port '
                           'automation company, today opened a lab in Penang. "We are ready," said Jane Tan, '
                           'co-founder and chief executive officer of Quayline.')
    assert sorted(l for k, l in labels.items() if k.startswith("Organization/")) == ["Quayline Robotics Pte. Ltd."]
    assert [(labels[r.person], labels.get(r.organization)) for r in facts.roles] == [
        ("Jane Tan", "Quayline Robotics Pte. Ltd.")]
