"""Rule files as checked data: every YAML file of extraction is validated against a schema.

A rule file (``frames.yaml``, ``lexicon.yaml``, ``measures.yaml``...) is data a
maintainer edits by hand; a misspelt key silently ignored would switch a rule off
without anyone noticing. :func:`load_rules` reads a file and checks it against a
small schema written next to the code that reads it: every key must be known, every
required key present, every value of the right type (and one of the allowed choices,
or matching a pattern). A problem is a :class:`RuleError` naming the file and line.

A schema is a mapping ``key -> spec``; a spec may hold ``type`` (``dict``, ``list``,
``str``, ``int``, ``bool``, or a tuple of them), ``required``, ``choices``, ``pattern``
(a compiled regular expression for strings), ``items`` (for a list: a type, or a schema
for lists of mappings), ``values`` (for a mapping with free keys: a spec for each value)
and ``keys`` (a schema of a nested mapping with fixed keys).

Examples:
    >>> import tempfile, pathlib
    >>> schema = {"frames": {"type": list, "items": {"relation": {"type": str, "required": True}}}}
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "f.yaml"
    >>> _ = path.write_text("frames:\\n  - relation: co_chaired\\n    lemma: [chair]\\n")
    >>> try:
    ...     load_rules(path, schema)
    ... except RuleError as err:
    ...     print(str(err).replace(str(path.parent), "DIR"))
    DIR/f.yaml:3: unknown key 'lemma' (known: relation)
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from sgcn.loaders.errors import SgcnError


class RuleError(SgcnError):
    """A rule file that does not follow its schema."""


def load_rules(path, schema: dict[str, Any]) -> Any:
    """Read the YAML rule file at ``path`` (a path or an importlib resource) and check it.

    Returns:
        The file's data (plain dicts and lists).

    Raises:
        RuleError: the file is not YAML, or breaks the schema (file and line named).
    """
    text = path.read_text(encoding="utf-8")
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RuleError(f"{path}: empty rule file")
        _check_mapping(node, schema, str(path))
        return loader.construct_document(node)
    except yaml.YAMLError as err:
        raise RuleError(f"{path}: not valid YAML: {err}") from err
    finally:
        loader.dispose()


# libyaml's loader where PyYAML was built with it: the file is composed once (its nodes
# keep their lines for the messages) and built from the same nodes, ~20x faster than
# composing and loading it again in pure Python
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _where(path: str, node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _check_mapping(node, schema: dict[str, Any], path: str) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise RuleError(f"{_where(path, node)}: expected a mapping")
    seen = set()
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise RuleError(f"{_where(path, key_node)}: unknown key {key!r} (known: {known})")
        seen.add(key)
        _check_value(value_node, schema[key], path, key)
    for key, spec in schema.items():
        if spec.get("required") and key not in seen:
            raise RuleError(f"{_where(path, node)}: missing key {key!r}")


_SCALARS = {str: "tag:yaml.org,2002:str", int: "tag:yaml.org,2002:int", bool: "tag:yaml.org,2002:bool",
            float: "tag:yaml.org,2002:float"}


def _check_value(node, spec: dict[str, Any], path: str, key: str) -> None:
    wanted = spec.get("type")
    types = wanted if isinstance(wanted, tuple) else (wanted,) if wanted else ()
    if types and not any(_is(node, t) for t in types):
        names = " or ".join(t.__name__ for t in types)
        raise RuleError(f"{_where(path, node)}: {key!r} must be a {names}")
    if isinstance(node, yaml.ScalarNode):
        _check_scalar(node, spec, path, key)
    elif isinstance(node, yaml.SequenceNode):
        items = spec.get("items")
        for item in node.value:
            if isinstance(items, dict):
                _check_mapping(item, items, path)
            elif items is not None:
                _check_value(item, {"type": items, "choices": spec.get("choices"),
                                    "pattern": spec.get("pattern")}, path, key)
    elif isinstance(node, yaml.MappingNode):
        if "keys" in spec:
            _check_mapping(node, spec["keys"], path)
        elif "values" in spec:
            for key_node, value_node in node.value:
                _check_value(value_node, spec["values"], path, key_node.value)


def _is(node, type_) -> bool:
    if type_ is dict:
        return isinstance(node, yaml.MappingNode)
    if type_ is list:
        return isinstance(node, yaml.SequenceNode)
    return isinstance(node, yaml.ScalarNode) and (node.tag == _SCALARS[type_] or (
        type_ is str and node.tag == _SCALARS[str]))


def _check_scalar(node, spec: dict[str, Any], path: str, key: str) -> None:
    choices = spec.get("choices")
    if choices and node.value not in choices:
        raise RuleError(f"{_where(path, node)}: {key!r} is {node.value!r}, not one of {', '.join(choices)}")
    pattern = spec.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, node.value):
        raise RuleError(f"{_where(path, node)}: {key!r} is {node.value!r}, which is not a {key} this file knows")
