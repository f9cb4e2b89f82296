"""Every YAML rule file of extraction is checked against the schema written beside its loader.

A misspelt key must be an error naming the file and the line, never a rule silently
switched off. Each file is tried as shipped (it loads) and in copies under ``tmp_path``
with its first key renamed, and with the last key renamed of the deepest level its
schema fixes (in an item of ``patterns``, a frame, a gazetteer entry, ...).
"""

from __future__ import annotations

import importlib
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from sgcn.loaders.extract.rules import RuleError, load_rules

# each rule file and the module whose _SCHEMA checks it
LOADERS = {
    "aboutness.yaml": "aboutness",
    "fields.yaml": "fields",
    "frames.yaml": "frames",
    "gazetteer.yaml": "gazetteer",
    "lexicon.yaml": "lexicon",
    "measures.yaml": "figures",
    "numbers.yaml": "numbers",
    "relation_patterns.yaml": "relations",
    "topic_rules.yaml": "topics",
}
FOLDER = Path(str(files("sgcn.loaders.extract")))


def schema_of(name: str) -> dict:
    return importlib.import_module(f"sgcn.loaders.extract.{LOADERS[name]}")._SCHEMA


def fixed_keys(node, schema: dict, depth: int = 0):
    """The key nodes of ``node`` whose mapping has fixed keys in ``schema``, with their depth."""
    for key, value in node.value:
        yield key, depth
        spec = schema.get(key.value, {})
        if isinstance(value, yaml.SequenceNode) and isinstance(spec.get("items"), dict):
            for item in value.value:
                yield from fixed_keys(item, spec["items"], depth + 1)
        elif isinstance(value, yaml.MappingNode) and "keys" in spec:
            yield from fixed_keys(value, spec["keys"], depth + 1)


def renamed(text: str, key) -> str:
    """``text`` with the key at ``key``'s position renamed ``not_a_key``."""
    lines = text.split("\n")
    line, column = key.start_mark.line, key.start_mark.column
    lines[line] = lines[line][:column] + "not_a_key" + lines[line][column + len(key.value):]
    return "\n".join(lines)


def test_every_rule_file_has_a_loader_with_a_schema():
    assert sorted(p.name for p in FOLDER.glob("*.yaml")) == sorted(LOADERS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_the_shipped_file_follows_its_schema(name):
    assert load_rules(FOLDER / name, schema_of(name))


@pytest.mark.parametrize("name", sorted(LOADERS))
@pytest.mark.parametrize("where", ["first", "deepest"])
def test_an_unknown_key_is_an_error_naming_file_and_line(name, where, tmp_path):
    text = (FOLDER / name).read_text(encoding="utf-8")
    keys = list(fixed_keys(yaml.compose(text), schema_of(name)))
    # the first key, or the last of the deepest level the schema fixes (the last top key of a flat file)
    key = keys[0][0] if where == "first" else max(keys, key=lambda kd: (kd[1], kd[0].start_mark.index))[0]
    copy = tmp_path / name
    copy.write_text(renamed(text, key), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(copy, schema_of(name))
    assert str(caught.value).startswith(f"{copy}:{key.start_mark.line + 1}: unknown key 'not_a_key'")


@pytest.mark.parametrize("name, old, new, message", [
    ("relation_patterns.yaml", "    subject: {side: right, types: [Person], lead: 8}",
     "    subject: {side: right, types: [Person], lead: eight}", "'lead' must be a int"),
    ("relation_patterns.yaml", "types: [Person], lead: 8}", "types: [Persn], lead: 8}", "'types' is 'Persn'"),
    ("relation_patterns.yaml", "side: right,", "side: rigth,", "'side' is 'rigth'"),
    ("lexicon.yaml", "honorifics: [Mr,", "honorifics: [[Mr],", "'honorifics' must be a str"),
    ("lexicon.yaml", "  Organization: [Ministry,", "  Organisation: [Ministry,", "unknown key 'Organisation'"),
    ("gazetteer.yaml", "{label: Singapore, kind: country,", "{label: Singapore, kind: nation,", "'kind' is 'nation'"),
    ("gazetteer.yaml", "{label: Malaysia, kind: country}", "{label: Malaysia}", "missing key 'kind'"),
])
def test_a_wrong_value_is_an_error_naming_file_and_line(name, old, new, message, tmp_path):
    text = (FOLDER / name).read_text(encoding="utf-8")
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    copy = tmp_path / name
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(copy, schema_of(name))
    assert str(caught.value).startswith(f"{copy}:{line}: ")
    assert message in str(caught.value)
