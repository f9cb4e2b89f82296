"""The notebooks in notebooks/ run end to end (with nbmake's runner) and are stored without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_to_start_from():
    assert {p.name for p in NOTEBOOKS} >= {"tour.ipynb", "remote-endpoint.ipynb"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_end_to_end(notebook):
    from nbmake.nb_run import NotebookRun

    result = NotebookRun(notebook, default_timeout=120).execute()
    assert result.error is None, f"{notebook.name}: {result.error.summary}\n{result.error.trace}"
    outputs = [o for c in result.nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {}) for o in outputs) or (
        notebook.name != "tour.ipynb"
    ), "the tour draws no chart"
    if notebook.name == "tour.ipynb":
        check_reported_bars(outputs)


def check_reported_bars(outputs) -> None:
    """Each bar of the tour's 'reported' chart is one figure of the graph: nothing is added
    up across subjects (an initiative's running total is not part of one expo's count)."""
    from sgcn.graph.sparql.query import default_graph_path, load_graph, run_query

    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    line = next((line for line in text.splitlines() if line.startswith("bars: ")), None)
    assert line, "the tour prints no bars"
    bars = json.loads(line[len("bars: "):])
    figures = {(r["subject"], r["measure"], r["as_of"], float(r["value"]))
               for r in run_query("figures", load_graph(default_graph_path(), store="memory"))[1]}
    assert bars and all(tuple(bar) in figures for bar in bars), "a bar is not one figure of the graph"
    assert len({(s, m, a) for s, m, a, _ in bars}) == len(bars)
