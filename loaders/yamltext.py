"""YAML as the loaders read it (front matter, manifests): safe, dates left as text.

PyYAML's safe loader turns ``2020-03-05`` into a ``datetime.date`` and raises a bare
``ValueError`` for a date that cannot exist (``2020-02-31``, month 13, year 0, an
offset of ``+25:00``): one bad date would stop a whole build with a traceback. Here a
timestamp stays the text it was written as, and the loaders judge it as they judge
every other date (:func:`sgcn.loaders.dates.parse_date`), ignoring one that cannot
exist with a warning that names the file and line. :func:`load_yaml` also gives the
line of each mapping key (to three levels), for such warnings.

YAML that nests deeper than Python can follow is refused with a
:class:`~sgcn.loaders.errors.LoadError`, never a ``RecursionError``. Aliases stay
shared objects (a "billion laughs" document is a few objects, not billions); the
loaders keep scalars only and never expand a container into text.

Examples:
    >>> data, lines = load_yaml("title: T\\ndate: 2020-02-31\\nwhen: 2020-03-05 09:00:00 +25:00\\n")
    >>> data
    {'title': 'T', 'date': '2020-02-31', 'when': '2020-03-05 09:00:00 +25:00'}
    >>> lines[("date",)]
    2
"""

from __future__ import annotations

import yaml

from sgcn.loaders.errors import LoadError

__all__ = ["YamlProblem", "as_load_error", "load_yaml"]

# how many levels of mappings the key lines are recorded for (a manifest needs three)
_LINE_DEPTH = 3


# libyaml's parser when PyYAML has it: it reads in linear time and refuses nesting deeper
# than 1,000 levels; PyYAML's pure-Python scanner is quadratic in the depth of flow nesting
# (1,000 "[" took 2.4 s here) and its composer recurses until Python's limit.
_BASE = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class _TextDatesLoader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, with timestamps constructed as the text they were written as."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class YamlProblem(Exception):
    """YAML that cannot be read: what is wrong and the 0-based line of the YAML text, if known."""

    def __init__(self, problem: str, line: int | None):
        super().__init__(problem)
        self.problem = problem
        self.line = line


def _key_lines(node: yaml.Node, path: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> None:
    if not isinstance(node, yaml.MappingNode) or len(path) >= _LINE_DEPTH:
        return
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            here = (*path, str(key.value))
            lines.setdefault(here, value.start_mark.line + 1)
            _key_lines(value, here, lines)


def load_yaml(text: str) -> tuple[object, dict[tuple[str, ...], int]]:
    """Parse YAML with dates as text; also the 1-based line of each key's value (three levels deep).

    Raises:
        YamlProblem: the text is not valid YAML, or nests too deeply to read.

    Examples:
        >>> load_yaml("documents:\\n  a.txt:\\n    date: 2021-13-01\\n")[1][("documents", "a.txt", "date")]
        3
        >>> for text in ("a: [1", "[" * 100_000):
        ...     try:
        ...         load_yaml(text)
        ...     except YamlProblem as err:
        ...         print(err.problem.replace("did not find expected", "expected").split(", but")[0])
        expected ',' or ']'
        nested too deeply to read
    """
    loader = _TextDatesLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        if "nesting depth" in problem:  # libyaml's limit
            problem = "nested too deeply to read"
        raise YamlProblem(problem, mark.line if mark is not None else None) from err
    except RecursionError as err:
        raise YamlProblem("nested too deeply to read", None) from err
    finally:
        loader.dispose()
    lines: dict[tuple[str, ...], int] = {}
    if node is not None:
        _key_lines(node, (), lines)
    return data, lines


def as_load_error(err: YamlProblem, path: str, what: str, *, first_line: int = 1) -> LoadError:
    """A :class:`LoadError` for YAML that cannot be read, at its line in the file.

    Args:
        err: the problem.
        path: the file.
        what: what the YAML is (``"front matter"``, ``"manifest"``).
        first_line: the file's line the YAML text starts on.

    Examples:
        >>> str(as_load_error(YamlProblem("bad", 0), "a.md", "front matter", first_line=2))
        'a.md:2: front matter is not valid YAML: bad'
    """
    line = err.line + first_line if err.line is not None else None
    return LoadError(path, f"{what} is not valid YAML: {err.problem}", line=line)
