"""Every library query answers the same rows after roles became W3C ORG memberships and
event times OWL-Time intervals (issue 11), on the same facts.

``tests/data/graph/answers-before-org.json`` holds what sgcn answered before that change
(revision 6aded93, the last before it) to every row-answering library query of its time,
with every parameter value the facts allow (each entity for ``entity``, each pair for
``shortest-chain``, ...), on the graph it built from :func:`facts` below; the test builds
the same facts today and asks the same questions. The contract's CSV columns and rows are
the same; the one change is the one the model change was for: an event dated at two
precisions by two sources had two start dates, and ``entity-timeline`` and
``meeting-chairs`` gave a row for each; now the event has one ``schema:startDate`` (the
most precise) and they give one.

The recording was made by running :func:`answers` in an environment holding that
revision (``git worktree add OLD 6aded93``, installed without dependencies beside this
one's) and writing its result as JSON.
"""

from __future__ import annotations

import hashlib
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path

RECORDED = Path(__file__).parents[2] / "data" / "graph" / "answers-before-org.json"
BRIEF = (
    "Harbourfront Forum 2024: leaders meet\n"
    "\n"
    "In May 2024 the Harbourfront Forum 2024 gathered the region's digital leaders. "
    "Director Tan Wei Ling of the Ministry of Digital Affairs spoke at the forum."
)


def facts() -> list:
    """Two documents: the suite's sample press release, and a brief dating the same forum
    to the month and giving Tan Wei Ling another post (two start dates, two posts)."""
    from sgcn.loaders.document import Document
    from sgcn.loaders.facts import Entity, EventTime, Evidence, Extraction, Mention, Relation, Role

    import importlib.util

    spec = importlib.util.spec_from_file_location("suite_conftest", Path(__file__).parents[2] / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    first = conftest.sample_extraction()
    doc = Document(source="brief.txt", text=BRIEF, sha256=hashlib.sha256(BRIEF.encode("utf-8")).hexdigest(),
                   format="plaintext", title="Harbourfront Forum 2024: leaders meet", date="2024-05-20",
                   publisher="Harbour Times")
    gathered = BRIEF.index("In May")
    said = BRIEF.index("Director")
    opening = Evidence("brief.txt", gathered, said - 1, BRIEF[gathered:said - 1])
    spoke = Evidence("brief.txt", said, len(BRIEF), BRIEF[said:])
    forum = Entity("Event/harbourfront forum 2024", "Event", "Harbourfront Forum 2024")
    tan = Entity("Person/tan wei ling", "Person", "Tan Wei Ling")
    mda = Entity("Organization/ministry of digital affairs", "Organization", "Ministry of Digital Affairs")
    second = Extraction(
        document=doc,
        entities=(forum, tan, mda),
        mentions=(Mention(forum.key, opening), Mention(tan.key, spoke), Mention(mda.key, spoke)),
        relations=(Relation(tan.key, "participated_in", forum.key, spoke),),
        roles=(Role(tan.key, "Director", mda.key, "2024-05-20", spoke),),
        event_times=(EventTime(forum.key, "2024-05", "", opening),),
    )
    return [first, second]


def questions(labels: list[str], names: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Every row-answering library query, with every parameter value the facts allow."""
    asked: list[tuple[str, dict[str, str]]] = []
    for name in names:
        if name in ("entity-facts", "entity-timeline"):
            asked += [(name, {"entity": label}) for label in labels]
        elif name == "entity-lookup":
            asked += [(name, {"name": label}) for label in labels] + [(name, {"name": "MDA"})]
        elif name == "shortest-chain":
            asked += [(name, {"from": a, "to": b}) for a in labels for b in labels if a < b]
        elif name == "figures-by-measure":
            asked += [(name, {"measure": m}) for m in ("delegates", "fund_size")]
        elif name == "meeting-chairs":
            asked += [(name, {})] + [(name, {"series": label}) for label in labels]
        elif name == "bridging-people":
            asked += [(name, {}), (name, {"here": "Singapore"})]
        elif name == "corroboration":
            asked += [(name, {}), (name, {"min_documents": "2"})]
        else:
            asked.append((name, {}))
    return asked


def answers(graph_file: Path) -> dict[str, str]:
    """``sgcn query NAME --format csv`` of every question, keyed by ``NAME p=v ...``."""
    from sgcn.graph.cli import main
    from sgcn.graph.sparql.library import query_names, query_text

    rows_only = [n for n in query_names() if not any(
        line.startswith("# returns:") and ("graph" in line.lower() or "construct" in line.lower())
        for line in query_text(n).splitlines()) and "CONSTRUCT" not in query_text(n)]
    labels = sorted({e.label for x in facts() for e in x.entities})
    found = {}
    for name, params in questions(labels, rows_only):
        out = io.StringIO()
        argv = ["query", name, "--graph", str(graph_file), "--format", "csv", "--store", "oxigraph"]
        for key, value in params.items():
            argv += ["-p", f"{key}={value}"]
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            code = main(argv)
        found[" ".join([name, *(f"{k}={v}" for k, v in params.items())])] = out.getvalue() if code == 0 else f"exit {code}"
    return found


def build(tmp: Path) -> Path:
    from sgcn.graph.rdf.build import build_graph

    out = tmp / "facts.ttl"
    build_graph(facts()).serialize(out, format="turtle")
    return out


def test_every_library_query_answers_the_same_rows_as_before_the_org_model(tmp_path):
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    now = answers(build(tmp_path))
    asked = set(recorded) & set(now)
    assert asked == set(recorded), "a query of before is gone or refuses its parameters"
    assert len(asked) >= 50 and sum(text.count("\n") for text in recorded.values()) >= 150
    assert {key.split()[0] for key in asked} >= {"entities", "relations", "roles", "events", "figures", "topics",
                                                  "evidence", "entity-facts", "entity-timeline", "meeting-chairs"}
    changed = sorted(key for key in asked if recorded[key] != now[key])
    # the only change: an event dated 2024-05-14 by one source and 2024-05 by the other had
    # two start dates, and the questions listing an event's start gave a row for each
    assert changed == ["entity-timeline entity=Tan Wei Ling", "entity-timeline entity=Zhou Ming",
                       "meeting-chairs", "meeting-chairs series=Harbourfront Forum 2024"], changed
    for key in changed:
        before, after = recorded[key].splitlines(), now[key].splitlines()
        assert before[0] == after[0], "the columns changed"
        assert set(after) < set(before), key
        gone = set(before) - set(after)
        start = before[0].split(",").index("start")
        assert {row.split(",")[start] for row in gone} == {"2024-05"}, (key, gone)
        assert len(before) == 2 * len(after) - 1, key  # each row had its twin of the other start date


if __name__ == "__main__":  # record: python tests/graph/sparql/test_answers_across_models.py OUT.json
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        Path(sys.argv[1]).write_text(json.dumps(answers(build(Path(tmp))), indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
