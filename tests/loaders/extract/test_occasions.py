"""Occasions named after what they belong to (sgcn.loaders.extract.occasions) on sentences of our own writing."""

from __future__ import annotations

import pytest


def test_occasion_named_by_its_kind_belongs_to_the_edition_of_the_story(resolved):
    text = ("The 2022 Harbour Tech Fair opened in Xiamen on Tuesday. Minister Alan Poh spoke at the "
            "opening ceremony. The fair drew 300 firms.")
    got = resolved(text, date="2022-05-04")
    assert got["opening ceremony"] == "opening ceremony of the 2022 Harbour Tech Fair"
    assert got["The fair"] == "Harbour Tech Fair 2022"  # the fair, not the ceremony named inside it


def test_occasion_belongs_to_the_edition_of_the_year_not_a_past_one_named_in_passing(resolved):
    text = ("The 2023 Harbour Tech Fair opened in Xiamen. It built on the inaugural Harbour Tech Fair "
            "in 2019. Ministers attended the closing ceremony.")
    got = resolved(text, date="2023-05-04")
    assert got["closing ceremony"] == "closing ceremony of the 2023 Harbour Tech Fair"


def test_occasion_of_what_was_launched_at_it(resolved):
    text = ("Fujian and Singapore launched the Green Shipping Partnership (GSP) at a signing ceremony "
            "in Xiamen today. The ceremony was witnessed by Minister Alan Poh.")
    got = resolved(text)
    assert got["signing ceremony"] == "signing ceremony of the Green Shipping Partnership"
    assert got["The ceremony"] == "signing ceremony of the Green Shipping Partnership"


@pytest.mark.parametrize(
    "text",
    [
        "The opening ceremony will be streamed online.",  # whose ceremony? nothing says
        "Two opening ceremonies were held in Xiamen.",
        "Acme signed a contract at the opening of its plant.",
    ],
)
def test_occasion_without_context_gives_no_event(text, entities):
    assert not {label for type_, label in entities(text) if type_ == "Event"}


def test_ceremony_at_which_an_agreement_was_signed_is_its_signing_ceremony(resolved):
    text = ("Acme Group and the Xiamen Port Authority signed a Memorandum of Understanding on green "
            "berths at a ceremony in Xiamen today. The signing ceremony was witnessed by Mayor Bo Wang.")
    got = resolved(text)
    label = "signing ceremony of the Memorandum of Understanding on green berths"
    assert got["ceremony"] == label and got["signing ceremony"] == label


def test_bare_ceremony_without_anything_done_at_it_gives_no_event(entities):
    assert not {label for t, label in entities("Guests met at a ceremony in Xiamen today.") if t == "Event"}


def test_occasion_of_a_generic_reference_is_the_occasion_of_the_edition_in_context(entities, resolved):
    text = ("The 2022 Harbour Tech Fair opened on Monday. Mayor Bo Wang spoke at the opening ceremony of "
            "the fair. The three-day event drew 300 firms.")
    got = resolved(text, date="2022-05-08")
    assert got["opening ceremony"] == "opening ceremony of the 2022 Harbour Tech Fair"
    assert got["The three-day event"] == "Harbour Tech Fair 2022"  # the event, not its ceremony
    assert "opening ceremony of the fair" not in {label for _, label in entities(text, date="2022-05-08")}


def test_occasion_of_a_possessor(resolved):
    text = "Acme joined the Green Port Fund this year. The fund's closing ceremony was held in Xiamen."
    assert resolved(text)["closing ceremony"] == "closing ceremony of the Green Port Fund"


def test_signing_ceremony_is_of_the_agreement_even_when_an_edition_is_named_in_passing(resolved):
    text = ("Acme and Beta Labs signed a Memorandum of Understanding on port data. They met at last year's "
            "Harbour Tech Fair. The signing ceremony was witnessed by Mayor Bo Wang.")
    got = resolved(text, date="2022-05-08")
    assert got["signing ceremony"] == "signing ceremony of the Memorandum of Understanding on port data"


def test_the_view_kept_for_the_pass_answers_as_one_made_at_each_occasion(monkeypatch):
    """The occasions pass keeps one view of the document's editions and agreements up to
    date as it adds occasions (and entities); on every genre document, each occasion must
    belong to what a view made afresh for it (every mention read again) finds."""
    from pathlib import Path

    from sgcn.loaders import read_folder
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import occasions
    from sgcn.loaders.extract.mentions import analyze

    asked = []
    kept = occasions._occasion_of

    def both(an, position, *, signing=False, document=None):
        found = kept(an, position, signing=signing, document=document)
        assert found == kept(an, position, signing=signing, document=occasions._Document(an)), position
        asked.append(found)
        return found

    monkeypatch.setattr(occasions, "_occasion_of", both)
    genre = Path(__file__).resolve().parents[2] / "data" / "genre"
    documents = [d for folder in sorted(genre.glob("*/docs")) for d in read_folder(folder).documents]
    documents.append(Document(source="many.txt", sha256="0" * 64, format="plaintext", date="2022-06-01", text=(
        "The 2022 Harbour Tech Fair opened in Xiamen on Tuesday. Alpha Bank and Beta Corp signed the "
        "Green Data Agreement at a ceremony. Minister Alan Poh spoke at the opening ceremony. The Port "
        "Authority launched the Blue Lane Initiative at a launch ceremony. Officials attended the signing "
        "ceremony. The 2019 Harbour Tech Fair ended with a closing ceremony. Delegates left after the "
        "closing ceremony.")))
    for document in documents:
        analyze(document)
    assert len(asked) >= 10 and sum(found is not None for found in asked) >= 8
