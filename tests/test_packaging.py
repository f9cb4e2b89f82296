"""The sdist and the wheel are what a release needs: built as `python -m build` builds them.

The sdist carries what `make test` needs (an unpacked sdist runs the suite); the wheel
carries the code, the queries, the ontology, the templates and the packaged graph; and
setuptools builds them without warning that a data folder is left out of the packages.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IGNORED = ("__pycache__", ".pyc", ".ipynb_checkpoints", "benchmarks/out/")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (sdist,), (wheel,) = list(out.glob("*.tar.gz")), list(out.glob("*.whl"))
    return sdist, wheel, done.stdout + done.stderr


def test_no_warning_about_folders_left_out_of_the_packages(built):
    _, _, log = built
    assert "is absent from the `packages` configuration" not in log


def test_the_sdist_carries_what_the_suite_needs(built):
    sdist, _, _ = built
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    wanted = {"LICENSE", "Makefile", "README.md", "pyproject.toml"}
    for folder in ("tests", "sources", "docs", "notebooks", "graph", "loaders", "queries", "ontology"):
        wanted |= {str(p.relative_to(REPO)) for p in (REPO / folder).rglob("*")
                   if p.is_file() and not any(part in str(p) for part in IGNORED)}
    assert not wanted - names, sorted(wanted - names)[:20]


def test_the_wheel_carries_code_data_and_the_graph(built):
    _, wheel, _ = built
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("sgcn/graph/sgcn.ttl", "sgcn/graph/evaluate/scoring.py", "sgcn/queries/meeting-chairs.rq",
                 "sgcn/ontology/shapes.ttl", "sgcn/graph/network/templates/network.html",
                 "sgcn/graph/network/templates/vis-network.min.js", "sgcn/graph/web/templates/sparql-base.html",
                 "sgcn/graph/rdf/sides.yaml", "sgcn/loaders/extract/gazetteer.yaml",
                 # what the build's fork server extracts before forking its workers
                 "sgcn/graph/rdf/warmup-release.txt", "sgcn/graph/rdf/warmup-page.html"):
        assert name in names, name
    assert any(name.endswith("licenses/LICENSE") or name.endswith("/LICENSE") for name in names)
