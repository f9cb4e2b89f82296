"""Names are normalised in one place (sgcn.loaders.extract.naming)."""

from __future__ import annotations

import ast
from pathlib import Path

from sgcn.loaders.extract.naming import fold, normalize

EXTRACT = Path(__file__).resolve().parents[3] / "loaders" / "extract"


def test_keys_and_comparisons_ignore_quote_marks_spaces_and_case():
    assert normalize("Chongqing  Municipal People’s Government") == normalize("chongqing municipal people's government")
    assert fold("Singapore-China (Shenzhen) Smart City Initiative") == fold("Singapore China Shenzhen smart city initiative")
    assert fold("People’s") == fold("Peoples") != fold("People")


def test_no_other_module_of_extraction_defines_a_name_normaliser():
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        if path.name == "naming.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.strip("_") in {"norm", "normalize", "norm_key", "fold"}:
                found.append(f"{path.name}:{node.lineno} {node.name}")
    assert not found, found
