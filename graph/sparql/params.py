"""The query library's headers and typed parameters, bound without touching query text.

Every ``.rq`` file of ``queries/`` opens with comment lines that say what it answers
and which parameters it takes::

    # title: Everything known about one entity, with its evidence
    # returns: relation, direction, other, source, quote
    # params:
    #   entity (entity): the entity, by its preferred label, an alias or its IRI
    #   year (literal xsd:gYear, optional): only facts stated that year

A parameter is ``NAME (KIND[ DATATYPE][, optional][, default "VALUE"]): DESCRIPTION``
where KIND is ``literal`` (a string, or a typed literal when a datatype follows),
``iri`` (an absolute IRI), ``entity`` (a name looked up to the entity's IRI, see
``queries/entity-lookup.rq``) or ``side`` (a side of the cooperation, Singapore or China,
or a place on one, bound to every organization on it: ``sgcn.graph.sparql.sides``);
``# params: none`` says there are none. An ``entity``
may default to ``""`` only, bound as the empty string: the query then keeps every row
(``?series = "" || ...``), as for a literal. A parameter
with a default may be left out and is then bound to its default, so the query
never tests a variable that nothing binds (``!BOUND(?series) || ...``), which not every
engine allows: ``?series = "" || CONTAINS(LCASE(?label), LCASE(?series))`` with the
default ``""`` keeps every row (the test for ``""`` is there because some stores,
Virtuoso 7.2 among them, say no string contains ``""``).

A value reaches the query as an RDF term (a :class:`~sgcn.graph.sparql.results.Term`;
rdflib's ``URIRef`` and ``Literal`` are taken too), never as text: :func:`bind` adds one
``VALUES`` block, written from the terms' own N-Triples syntax, as the first member of
the query's top-level ``WHERE`` group (of each of its branches when that group is a
``UNION`` alone: Oxigraph joins a ``VALUES`` row beside a ``UNION`` only after
evaluating every branch for every value, 8-10 times slower on ``entity-graph``). The same bound text runs unchanged on rdflib,
on Oxigraph and on any remote SPARQL 1.1 endpoint; a value holding quotes, braces,
``}``, ``;`` or ``DROP`` stays one literal (pyoxigraph's own ``substitutions`` only
accept projected variables, so they cannot carry a filter-only parameter).

Examples:
    >>> header = parse_header('''# title: Facts about one thing
    ... # returns: p, o
    ... # params:
    ... #   thing (iri): the thing's IRI
    ... SELECT ?p ?o WHERE { ?thing ?p ?o }''', name="facts")
    >>> header.title, [p.name for p in header.params]
    ('Facts about one thing', ['thing'])
    >>> print(bind("SELECT ?p WHERE { ?s ?p ?o }", {"o": Term("literal", 'x"} ; DROP ALL')}))
    SELECT ?p WHERE { VALUES (?o) { ("x\\"} ; DROP ALL") } ?s ?p ?o }
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Mapping

from sgcn.graph.sparql.results import Term
from sgcn.loaders.errors import SgcnError

XSD = "http://www.w3.org/2001/XMLSchema#"

KINDS = ("literal", "iri", "entity", "side")

_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<spec>[^)]*)\)\s*:?\s*(?P<description>.*)$"
)
_DEFAULT = re.compile(r'default\s+(?P<value>"(?:[^"\\]|\\.)*")')
_HEADER = re.compile(r"^#\s*(?P<key>[a-z]+):\s*(?P<value>.*)$")
# SPARQL 1.1 grammar, IRIREF: no spaces, controls or <>"{}|^`\ inside the brackets.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|^`\\]*>")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


# The lexical forms of the XML Schema 1.1 datatypes a parameter may declare (rdflib checks
# some, e.g. integers and dates, but takes any text as a gYear or gYearMonth).
_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{3,}|0\d{3})"
_MONTH_DAY = r"(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_LEXICAL = {
    XSD + name: re.compile(pattern, re.ASCII)
    for name, pattern in {
        "gYear": _YEAR + _TZ,
        "gYearMonth": _YEAR + r"-(?:0[1-9]|1[0-2])" + _TZ,
        "date": _YEAR + "-" + _MONTH_DAY + _TZ,
        "dateTime": _YEAR + "-" + _MONTH_DAY + r"T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?" + _TZ,
        "integer": r"[+-]?\d+",
        "decimal": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)",
        "double": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN",
        "float": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN",
        "boolean": r"true|false|1|0",
    }.items()
}


class QueryError(SgcnError):
    """A query, a query header or a parameter value that cannot be used."""


@dataclass(frozen=True)
class Param:
    """One declared parameter of a library query.

    Attributes:
        name: the SPARQL variable it binds, without ``?``.
        kind: one of :data:`KINDS`.
        datatype: the datatype IRI of a typed literal, ``None`` for a plain string.
        required: whether a run without it is refused.
        description: what the value means, for ``sgcn query --list``.
        default: the value it takes when left out (``None``: it stays unbound).
    """

    name: str
    kind: str
    datatype: str | None = None
    required: bool = True
    description: str = ""
    default: str | None = None


@dataclass(frozen=True)
class QueryHeader:
    """What a ``.rq`` file says about itself in its opening comments.

    ``scans`` is true when the file says ``# scans: ...``: the query reads most of the
    graph (a row for each statement), which Oxigraph does about five times faster in
    memory than from an on-disk store (``sgcn.graph.sparql.store.CachedGraph``).
    """

    name: str
    title: str
    returns: str
    params: tuple[Param, ...]
    text: str
    scans: bool = False


def parse_param(line: str, *, query: str = "") -> Param:
    """Read one parameter declaration ``NAME (KIND[ DATATYPE][, optional][, default "VALUE"]): DESCRIPTION``.

    Examples:
        >>> parse_param("year (literal xsd:gYear, optional): the year")
        Param(name='year', kind='literal', datatype='http://www.w3.org/2001/XMLSchema#gYear', required=False, description='the year', default=None)
        >>> parse_param('series (literal, default ""): part of the label').default
        ''
        >>> try:
        ...     parse_param("who (person)")
        ... except QueryError as err:
        ...     print(err)
        query '': parameter 'who' has kind 'person'; kinds are literal, iri, entity, side
    """
    match = _PARAM.match(line.strip())
    if not match:
        raise QueryError(f"query {query!r}: cannot read parameter declaration {line.strip()!r}")
    spec, default = match["spec"], None
    declared = _DEFAULT.search(spec)
    if declared:
        default = json.loads(declared["value"])
        spec = spec[: declared.start()] + spec[declared.end():]
    words = [w.strip() for w in spec.replace(",", " ").split()]
    kind, rest = (words[0] if words else ""), words[1:]
    if kind not in KINDS:
        raise QueryError(f"query {query!r}: parameter {match['name']!r} has kind {kind!r}; kinds are {', '.join(KINDS)}")
    if default not in (None, "") and kind == "entity":
        raise QueryError(f"query {query!r}: parameter {match['name']!r} is an entity; its only default is \"\" "
                         "(no entity: every row)")
    required = "optional" not in rest and default is None
    rest = [w for w in rest if w not in ("optional", "required")]
    datatype = None
    if rest:
        if kind != "literal" or len(rest) > 1:
            raise QueryError(f"query {query!r}: parameter {match['name']!r} has unknown options {rest}")
        datatype = XSD + rest[0].removeprefix("xsd:") if rest[0].startswith("xsd:") else rest[0]
        if not _IRI.match(datatype):
            raise QueryError(f"query {query!r}: parameter {match['name']!r} has datatype {rest[0]!r}, not an IRI")
    return Param(match["name"], kind, datatype, required, match["description"].strip(), default)


def parse_header(text: str, *, name: str) -> QueryHeader:
    """Read the ``# title:``, ``# returns:``, ``# params:`` (and ``# scans:``) comments opening a query.

    Args:
        text: the query text.
        name: the query's name (its file name without ``.rq``), for messages.

    Examples:
        >>> parse_header("# title: All types\\n# params: none\\nSELECT DISTINCT ?t { ?s a ?t }", name="t").params
        ()
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    in_params = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        header = _HEADER.match(line)
        if header:
            key, value = header["key"], header["value"].strip()
            in_params = key == "params"
            if in_params:
                if value and value.lower() not in ("none", "-"):
                    params.append(parse_param(value, query=name))
            else:
                fields[key] = (fields.get(key, "") + " " + value).strip()
            continue
        body = line.lstrip("#").strip()
        if in_params and _PARAM.match(body):
            params.append(parse_param(body, query=name))
    return QueryHeader(
        name=name,
        title=fields.get("title", name),
        returns=fields.get("returns", ""),
        params=tuple(params),
        text=text,
        scans="scans" in fields,
    )


def to_term(param: Param, value: str) -> Term:
    """The RDF term a command-line value stands for, checked against the parameter's kind.

    An ``entity`` parameter given an IRI (``https://...`` or ``<...>``) becomes that IRI;
    given a name, the caller looks it up (see ``sgcn.graph.sparql.query.resolve_entity``).

    Examples:
        >>> to_term(Param("n", "literal", XSD + "integer"), "42").n3()
        '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
        >>> for year in ("2020", "twenty", "20", "2020-05"):
        ...     try:
        ...         print(to_term(Param("y", "literal", XSD + "gYear"), year).n3())
        ...     except QueryError as err:
        ...         print(err)
        "2020"^^<http://www.w3.org/2001/XMLSchema#gYear>
        parameter 'y' wants a http://www.w3.org/2001/XMLSchema#gYear; 'twenty' is not one
        parameter 'y' wants a http://www.w3.org/2001/XMLSchema#gYear; '20' is not one
        parameter 'y' wants a http://www.w3.org/2001/XMLSchema#gYear; '2020-05' is not one
        >>> to_term(Param("e", "iri"), "<https://w3id.org/sgcn/id/person/luke-goh>")
        Term(kind='uri', value='https://w3id.org/sgcn/id/person/luke-goh', datatype=None, lang=None)
        >>> try:
        ...     to_term(Param("e", "iri"), "https://x/> } DROP ALL ; <y")
        ... except QueryError as err:
        ...     print(err)
        parameter 'e' wants an IRI; 'https://x/> } DROP ALL ; <y' is not one
    """
    if param.kind == "literal":
        if param.datatype is None:
            return Term("literal", value)
        lexical = _LEXICAL.get(param.datatype)  # exact, where known; rdflib's check otherwise (which
        # other code may change: owlrl registers its own datatype conversions)
        if not lexical.fullmatch(value) if lexical is not None else _ill_typed(value, param.datatype):
            raise QueryError(f"parameter {param.name!r} wants a {param.datatype}; {value!r} is not one")
        return Term("literal", value, param.datatype)
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if not _IRI.match(iri):
        raise QueryError(f"parameter {param.name!r} wants an IRI; {value!r} is not one")
    return Term("uri", iri)


def _ill_typed(value: str, datatype: str) -> bool:
    """Whether ``value`` is not a lexical form of ``datatype``, as rdflib's literal checks say.

    rdflib is imported only here: no query of the library takes a typed literal, so a
    query run does not pay its import (a quarter of a second) for this check.

    Examples:
        >>> _ill_typed("12; DROP ALL", XSD + "integer"), _ill_typed("2019", XSD + "gYear")
        (True, False)
    """
    from rdflib import Literal, URIRef

    return bool(getattr(Literal(value, datatype=URIRef(datatype)), "ill_typed", False))


def looks_like_iri(value: str) -> bool:
    """Whether a command-line value is written as an absolute IRI.

    Examples:
        >>> looks_like_iri("https://w3id.org/sgcn/id/person/luke-goh"), looks_like_iri("Luke Goh")
        (True, False)
    """
    inner = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", inner)) and bool(_IRI.match(inner))


def as_term(value) -> Term:
    """A bindable value as a :class:`Term`: a ``Term`` as it is, an rdflib ``URIRef`` or
    ``Literal`` converted (anything else, a blank node included, is refused).

    Examples:
        >>> as_term(Term("uri", "https://x/a")).value
        'https://x/a'
        >>> try:
        ...     as_term(42)
        ... except QueryError as err:
        ...     print(err)
        cannot bind 42: only IRIs and literals are values
    """
    if isinstance(value, Term):
        if value.kind not in ("uri", "literal"):
            raise QueryError(f"cannot bind {value!r}: only IRIs and literals are values")
        return value
    if type(value).__module__.startswith("rdflib"):  # rdflib is loaded already when given its terms
        from rdflib import Literal, URIRef

        if isinstance(value, URIRef):
            return Term("uri", str(value))
        if isinstance(value, Literal):
            datatype = str(value.datatype) if value.datatype and not value.language else None
            return Term("literal", str(value), datatype, value.language or None)
    raise QueryError(f"cannot bind {value!r}: only IRIs and literals are values")


def _term_syntax(value) -> str:
    """A term in SPARQL syntax, refusing anything that is not a plain IRI or literal."""
    term = as_term(value)
    if term.kind == "uri":
        if not _IRI.match(term.value):
            raise QueryError(f"{term.value!r} is not an IRI that can be bound")
        return f"<{term.value}>"
    # every control character escaped (rdflib's own n3() leaves tabs raw, and its SPARQL
    # parser turns raw tabs into spaces), always in the eight-digit form: rdflib expands
    # \u escapes before it parses and reads eight hex digits when eight follow, so NUL
    # then "0022" written \u0000 + 0022 would have become a quote that ends the literal
    text = "".join(_ESCAPES.get(c, c) if c in _ESCAPES or c >= " " else f"\\U{ord(c):08X}" for c in term.value)
    if term.lang:
        return f'"{text}"@{term.lang}'
    if term.datatype:
        if not _IRI.match(term.datatype):
            raise QueryError(f"{term.datatype!r} is not a datatype IRI")
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _string_end(text: str, start: int) -> int:
    r"""Offset just past the SPARQL string literal opening at ``start`` (short or long quotes).

    Examples:
        >>> _string_end(r'x "a\"b" y', 2), _string_end("'''it's''' z", 0)
        (8, 10)
    """
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    j = start + len(quote)
    while j < len(text) and not text.startswith(quote, j):
        j += 2 if text[j] == "\\" else 1
    return j + len(quote)


def _group_members(text: str, start: int) -> list[tuple[str, int]]:
    """The top-level members of the group whose ``{`` is at ``start``: ``("{", offset)``
    for a nested group, ``("UNION", offset)``, ``("other", offset)`` for anything else
    (a triple, a keyword, a variable, a string, an IRI), skipping strings, IRIs, comments."""
    members: list[tuple[str, int]] = []
    depth, i, n = 0, start + 1, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c == "{":
            if depth == 0:
                members.append(("{", i))
            depth += 1
        elif c == "}":
            if depth == 0:
                return members
            depth -= 1
        elif depth == 0:
            if c in "\"'":
                members.append(("other", i))
                i = _string_end(text, i)
                continue
            iri = _IRIREF.match(text, i) if c == "<" else None
            word = _NAME.match(text, i)
            if iri:
                members.append(("other", i))
                i = iri.end()
                continue
            if word:
                members.append(("UNION" if word.group(0).upper() == "UNION" else "other", i))
                i = word.end()
                continue
            members.append(("other", i))
        elif c in "\"'":
            i = _string_end(text, i)
            continue
        elif c == "<" and (iri := _IRIREF.match(text, i)):
            i = iri.end()
            continue
        i += 1
    return members


def _union_branches(text: str, brace: int) -> list[int]:
    """Offsets of each branch's ``{`` when the group opening at ``brace`` is one
    ``{ ... } UNION { ... } ...`` and nothing else; ``[]`` otherwise.

    Examples:
        >>> q = "SELECT * WHERE { { ?s ?p ?o } UNION { ?o ?p ?s } }"
        >>> [q[i:i + 4] for i in _union_branches(q, q.index("{"))]
        ['{ ?s', '{ ?o']
        >>> _union_branches("SELECT * WHERE { ?a ?b ?c . { ?s ?p ?o } UNION { ?o ?p ?s } }", 15)
        []
    """
    members = _group_members(text, brace)
    kinds = [kind for kind, _ in members]
    if len(kinds) < 3 or kinds[0::2] != ["{"] * len(kinds[0::2]) or kinds[1::2] != ["UNION"] * len(kinds[1::2]) \
            or kinds[-1] != "{":
        return []
    return [at for kind, at in members if kind == "{"]


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the top-level WHERE group, skipping strings, IRIs, comments."""
    depth, i, n = 0, 0, len(text)
    seen_form = seen_where = template = False
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c == "<":
            iri = _IRIREF.match(text, i)
            if iri:
                i = iri.end()
                continue
        if c in "?$":
            word = _NAME.match(text, i + 1)
            i = word.end() if word else i + 1
            continue
        if c == "{":
            if depth == 0 and seen_form and (seen_where or not template):
                return i
            if depth == 0:
                template = False
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and (c.isalpha() or c == "_"):
            word = _NAME.match(text, i)
            token = word.group(0).upper()
            if token == "WHERE":
                seen_where = True
            elif token in ("SELECT", "ASK", "DESCRIBE", "CONSTRUCT"):
                seen_form, template = True, token == "CONSTRUCT"
            i = word.end()
            continue
        i += 1
    raise QueryError("the query has no WHERE group to bind parameters in")


def several(value) -> bool:
    """Whether a bound value is a set of terms (a tuple of them) rather than one term
    (a :class:`Term` is a tuple too, of its parts).

    Examples:
        >>> several((Term("uri", "https://x/a"),)), several(Term("uri", "https://x/a")), several(())
        (True, False, True)
    """
    return isinstance(value, tuple) and not isinstance(value, Term)


def bind(text: str, values: Mapping[str, object]) -> str:
    """The query with ``values`` bound: one ``VALUES`` row first in its top-level group
    (first in each branch when that group is a ``UNION`` of groups and nothing else:
    the same answers, and Oxigraph then evaluates each branch for the values alone).

    A variable given a tuple of terms (a ``side`` parameter: the organizations on it) gets
    a ``VALUES`` block of its own with one row per term, so the query sees each in turn;
    an empty tuple leaves the query no row.

    Args:
        text: a SPARQL query.
        values: variable name (without ``?``) to the IRI or literal it takes (a
            :class:`Term`, or an rdflib ``URIRef`` or ``Literal``), or a tuple of them.

    Examples:
        >>> bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": Term("uri", "https://x/a")})
        'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<https://x/a>) } ?s ?p ?o }'
        >>> bind("SELECT * { ?s ?p ?o }", {"s": (Term("uri", "https://x/a"), Term("uri", "https://x/b")),
        ...                                "o": Term("literal", "c")})
        'SELECT * { VALUES (?o) { ("c") } VALUES (?s) { (<https://x/a>) (<https://x/b>) } ?s ?p ?o }'
        >>> bind("SELECT * { ?s ?p ?o }", {})
        'SELECT * { ?s ?p ?o }'
        >>> bind("SELECT * { { ?s ?p ?o } UNION { ?o ?p ?s } }", {"s": Term("uri", "https://x/a")})
        'SELECT * { { VALUES (?s) { (<https://x/a>) } ?s ?p ?o } UNION { VALUES (?s) { (<https://x/a>) } ?o ?p ?s } }'
    """
    if not values:
        return text
    for name in values:
        if not _NAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    single = {name: term for name, term in values.items() if not several(term)}
    blocks = []
    if single:
        names = " ".join(f"?{name}" for name in single)
        blocks.append(f"VALUES ({names}) {{ ({' '.join(_term_syntax(term) for term in single.values())}) }}")
    for name, terms in values.items():
        if several(terms):
            rows = " ".join(f"({_term_syntax(term)})" for term in terms)
            blocks.append(f"VALUES (?{name}) {{ {rows} }}")
    where = _where_brace(text)
    values = " ".join(blocks)
    for at in sorted(_union_branches(text, where) or [where], reverse=True):
        text = f"{text[:at + 1]} {values}{text[at + 1:]}"
    return text


def query_form(text: str) -> str:
    """The query's form: ``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE`` (``""`` if none).

    Examples:
        >>> query_form("PREFIX s: <https://x/select#> # ASK me\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")
        'CONSTRUCT'
    """
    bare = _IRIREF.sub("<>", strip_comments(text))
    form = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b(?![:\w-])", bare, re.IGNORECASE)
    return form.group(1).upper() if form else ""


def strip_comments(text: str) -> str:
    """The query without its ``#`` comments (a ``#`` inside a string or an IRI stays).

    Some clients guess a request's kind from its first keyword and are misled by words
    in comments; the query sent to a remote endpoint goes without them.

    Examples:
        >>> strip_comments('# drop the old ones\\nSELECT ?s WHERE { ?s <https://x/#a> "#1" } # done')
        '\\nSELECT ?s WHERE { ?s <https://x/#a> "#1" } '
    """
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "\"'":
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
            continue
        if c == "<":
            iri = _IRIREF.match(text, i)
            if iri:
                out.append(iri.group(0))
                i = iri.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)
