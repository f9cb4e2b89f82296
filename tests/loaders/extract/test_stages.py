"""Each stage of extraction runs once per document and passes its results on."""

from __future__ import annotations

import sgcn.loaders.extract as extraction
from sgcn.loaders.document import Document
from sgcn.loaders.extract import events, relations, roles


def test_roles_and_relations_run_once_per_document(monkeypatch):
    calls = {"roles": 0, "relations": 0}

    def counted(name, find):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return find(*args, **kwargs)
        return wrapper

    counted_roles = counted("roles", roles.find_roles)
    counted_relations = counted("relations", relations.find_relations)
    # every place a stage could be reached from: the pipeline and the stages that read it
    monkeypatch.setattr(extraction, "find_roles", counted_roles)
    monkeypatch.setattr(roles, "find_roles", counted_roles)
    monkeypatch.setattr(extraction, "find_relations", counted_relations)
    monkeypatch.setattr(events, "find_relations", counted_relations)
    text = ("The 3rd Joint Working Committee meeting was held in Nanning on 4 May 2021. Ms Ong Li Ping, "
            "Director of Acme Data Group, and Vice Governor Liu Fang co-chaired it; the Opening Ceremony "
            "of the meeting was held in the morning.")
    found = extraction.extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text,
                                        date="2021-05-04"))
    assert calls == {"roles": 1, "relations": 1}
    assert found.roles and found.relations and found.event_times  # the stages did read the text
