"""The ``sgcn`` command: build the graph from documents, query it, and more.

Each subcommand is one ``add_<name>_parser(subparsers)`` function that declares its
options and sets ``handler`` to a ``run_<name>(args) -> int`` function; the handler
imports the library module it needs inside the function, so ``sgcn --help`` stays
fast and optional parts stay optional. To add a subcommand, write the two functions
and append the ``add_`` function to :data:`SUBCOMMANDS`.

Exit codes: 0 ok, 1 the graph does not conform to the shapes, 2 bad input or usage,
3 an internal error. Errors sgcn raises on purpose (:class:`~sgcn.loaders.errors.SgcnError`)
become a message on stderr; anything else is a bug in sgcn: one line says so (with
``--verbose``, its traceback follows) and the exit code is 3, never 1, which means an
invalid graph.

Examples:
    >>> main(["query", "no-such-query", "--graph", "missing.ttl"])
    2
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from typing import TYPE_CHECKING

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.limits import DEFAULT_MAX_DOCUMENT_BYTES

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Callable, Sequence

# `sgcn --help` imports no more than it must (argparse; logging, pathlib and traceback
# were a quarter of its processor time): the handlers import pathlib, logging is set up
# by main() once the arguments are read, and the traceback module when it prints one.

EXIT_OK = 0
EXIT_INVALID_GRAPH = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 3

EPILOG = """\
examples:
  sgcn build                                   # sources/ -> graph/sgcn.ttl
  sgcn build --sources DIR --out FILE.ttl      # any folder of documents
  sgcn build --skip-bad                        # build from the readable files, list the rest
  sgcn build --jobs 2 --no-cache               # every document extracted again, in 2 processes
  sgcn add https://example.org/release.html    # fetch a page into sources/ and its manifest
  sgcn query relations --format table          # on the project's graph/sgcn.ttl
  sgcn query evidence --format csv --graph FILE.ttl
  sgcn evaluate GOLD.yaml --graph FILE.ttl     # precision, recall, F1 against a hand-made gold

exit codes: 0 ok, 1 the graph does not conform to the SHACL shapes (nothing written),
2 bad input or usage (nothing written), 3 an internal error (a bug in sgcn)
"""



def _paragraph(text: str) -> str:
    return textwrap.fill(text, width=80)


# --------------------------------------------------------------------------- build


def add_build_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn build``: documents -> validated Turtle graph.

    Examples:
        >>> parser = argparse.ArgumentParser(); sub = parser.add_subparsers()
        >>> _ = add_build_parser(sub)
        >>> args = parser.parse_args(["build", "--sources", "docs", "--skip-bad"])
        >>> args.sources, args.out, args.skip_bad, args.handler is run_build
        ('docs', 'graph/sgcn.ttl', True, True)
    """
    parser = subparsers.add_parser(
        "build",
        help="read a folder of documents and write the knowledge graph as Turtle",
        description=_paragraph(
            "Read every document of SOURCES (plain text, Markdown, wire releases, web "
            "pages, HTML), extract entities and facts with their evidence, validate the "
            "graph against ontology/shapes.ttl and write it atomically to OUT. A graph "
            "that does not conform is not written (exit 1); unreadable files stop the "
            "build (exit 2) unless --skip-bad is given. Progress goes to stderr, the "
            "summary to stdout."
        ),
        epilog="example:\n  sgcn build --sources sources --out graph/sgcn.ttl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sources", default="sources", metavar="DIR",
                        help="folder of source documents (default: sources, relative to the working folder)")
    parser.add_argument("--out", default="graph/sgcn.ttl", metavar="FILE.ttl",
                        help="Turtle file to write (default: graph/sgcn.ttl, relative to the working folder)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="build from the readable files and list the ones that could not be read")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="worker processes for extraction and validation (default: one per core)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract, state and validate every document again (default: reuse what the "
                             "cache holds for unchanged documents and rules)")
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="where builds keep their results (default: $SGCN_CACHE_DIR or ~/.cache/sgcn)")
    parser.add_argument("--max-document-size", type=_size, default=DEFAULT_MAX_DOCUMENT_BYTES, metavar="SIZE",
                        help=f"refuse source files larger than this (default: {DEFAULT_MAX_DOCUMENT_BYTES // 10**6}MB, "
                             "100,000 lines of 80 characters; e.g. 20MB, 8MiB, 30000000)")
    parser.set_defaults(handler=run_build)
    return parser


def _size(text: str) -> int:
    """argparse type of ``--max-document-size``."""
    from sgcn.loaders.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


def run_build(args: argparse.Namespace) -> int:
    """Run the build pipeline and report its summary; returns the exit code.

    Examples:
        >>> import tempfile, pathlib
        >>> empty = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (empty / "blank.txt").write_bytes(b"")
        >>> run_build(argparse.Namespace(sources=str(empty), out=str(empty / "g.ttl"), skip_bad=False,
        ...                              max_document_size=DEFAULT_MAX_DOCUMENT_BYTES))
        2
        >>> (empty / "g.ttl").exists()
        False
    """
    from sgcn.graph.cli.progress import Stages
    from sgcn.graph.rdf.pipeline import BadInputError, build

    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        print("sgcn build: --jobs must be at least 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    stages = Stages()
    try:
        summary = build(args.sources, args.out, skip_bad=args.skip_bad, jobs=getattr(args, "jobs", None),
                        cache=not getattr(args, "no_cache", False), cache_dir=getattr(args, "cache_dir", None),
                        progress=stages,
                        max_document_bytes=getattr(args, "max_document_size", DEFAULT_MAX_DOCUMENT_BYTES))
    except BadInputError as err:
        print(f"sgcn build: {len(err.errors)} file(s) cannot be read; nothing written:", file=sys.stderr)
        for error in err.errors:
            print(f"  {error}", file=sys.stderr)
        print("use --skip-bad to build from the other files", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        stages.close()
    for line in summary.lines():
        print(line)
    if not summary.report.conforms:
        print(f"sgcn build: the graph does not conform to the shapes; {args.out} not written:", file=sys.stderr)
        for violation in summary.report.violations:
            print(f"  {violation}", file=sys.stderr)
        return EXIT_INVALID_GRAPH
    return EXIT_OK


# --------------------------------------------------------------------------- add


def add_add_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn add``: put pages and files into the sources folder.

    Examples:
        >>> parser = argparse.ArgumentParser(); sub = parser.add_subparsers()
        >>> _ = add_add_parser(sub)
        >>> args = parser.parse_args(["add", "https://x.org/a", "b.txt", "--max-bytes", "1000"])
        >>> args.items, args.sources, args.max_bytes
        (['https://x.org/a', 'b.txt'], 'sources', 1000)
    """
    from sgcn.loaders.limits import DEADLINE, MAX_BYTES, TIMEOUT

    parser = subparsers.add_parser(
        "add",
        help="add web pages (by URL) or files to the sources folder and its manifest",
        description=_paragraph(
            "Put each URL or FILE into SOURCES: a page is fetched (redirects followed, "
            "timeouts, a size limit), stored as the bytes received and recorded in the "
            "folder's manifest.yaml with its URL, retrieval time, content type, charset "
            "and SHA-256; a file is copied as it is. Content already in the folder is "
            "recognised and not added twice. Anything that is not a page or document "
            "sgcn reads (a PDF, an image, an HTTP error, a page sgcn's loaders refuse) "
            "is refused with the reason and nothing is written for it. Run sgcn build "
            "afterwards: only the new documents are extracted."
        ),
        epilog=("examples:\n"
                "  sgcn add https://www.mti.gov.sg/Newsroom/Press-Releases/2023/09/some-release\n"
                "  sgcn add ~/Downloads/release.html notes.md --sources sources\n"
                "exit codes: 0 every item added (or already there), 2 some item refused"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("items", nargs="+", metavar="URL|FILE", help="web pages (http/https) or files to add")
    parser.add_argument("--sources", default="sources", metavar="DIR",
                        help="the sources folder (default: sources, relative to the working folder)")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                        help=f"refuse a page larger than N bytes (default: {MAX_BYTES:,})")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                        help=f"seconds to wait to connect and for each read (default: {TIMEOUT:g})")
    parser.add_argument("--deadline", type=float, default=DEADLINE, metavar="SECONDS",
                        help=f"seconds a whole download may take (default: {DEADLINE:g})")
    parser.set_defaults(handler=run_add)
    return parser


def run_add(args: argparse.Namespace) -> int:
    """Add every item; report each; 2 when any was refused."""
    from sgcn.graph.cli.progress import bar
    from sgcn.loaders.corpus import add
    from sgcn.loaders.fetch import is_url

    if args.max_bytes <= 0 or args.timeout <= 0 or args.deadline <= 0:
        print("sgcn add: --max-bytes, --timeout and --deadline must be positive", file=sys.stderr)
        return EXIT_BAD_INPUT
    refused = 0
    for item in args.items:
        try:
            with bar(None, item if len(item) < 40 else item[:37] + "...", unit="B", scale=True) as tick:
                seen = [0]

                def progress(size: int, total: int | None, tick=tick, seen=seen) -> None:
                    tick(size - seen[0])
                    seen[0] = size

                added = add(item, args.sources, progress=progress if is_url(item) else None,
                            max_bytes=args.max_bytes, timeout=args.timeout, deadline=args.deadline) \
                    if is_url(item) else add(item, args.sources)
        except SgcnError as err:
            print(f"sgcn add: {err}", file=sys.stderr)
            refused += 1
            continue
        print(added.line())
    return EXIT_BAD_INPUT if refused else EXIT_OK


# --------------------------------------------------------------------------- query


def add_query_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn query``: run a library query, or an ad-hoc one, on a graph or an endpoint."""
    from sgcn.graph.sparql.options import DEFAULT_STORE, FORMATS, STORES

    parser = subparsers.add_parser(
        "query",
        help="run a query of the library (sgcn query --list), or your own, here or on an endpoint",
        description=_paragraph(
            "Run the SPARQL query NAME of the query library (queries/NAME.rq; --list "
            "shows them all with their parameters), or your own with --file or --text, "
            "and print the answer. Without --graph it reads graph/sgcn.ttl in the working "
            "folder (what sgcn build writes there) when there is one, else the graph shipped "
            "with sgcn, and says on stderr which one it read. With --endpoint it runs on a "
            "remote SPARQL endpoint instead. "
            "Parameters are bound as RDF terms, never pasted into the query."
        ),
        epilog=(
            "examples:\n"
            "  sgcn query --list\n"
            "  sgcn query entities --format table\n"
            "  sgcn query entity-facts --param entity=\"Luke Goh\" --format table\n"
            "  sgcn query shortest-chain --param from=\"Luke Goh\" --param to=\"Chongqing\"\n"
            "  sgcn query entity-graph --param entity=\"Luke Goh\" --format turtle\n"
            "  sgcn query --text 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' --store memory\n"
            "  sgcn query figures --format json --graph /tmp/other.ttl\n"
            "  sgcn query relations --endpoint http://127.0.0.1:7878/query"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", metavar="NAME", nargs="?", help="query name, e.g. relations")
    parser.add_argument("--list", action="store_true", help="list the query library with descriptions and parameters")
    parser.add_argument("--file", metavar="FILE.rq", help="run the SPARQL query in this file")
    parser.add_argument("--text", metavar="SPARQL", help="run this SPARQL query")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter the query declares (repeatable); an entity by name or IRI")
    parser.add_argument("--format", choices=FORMATS, default="csv",
                        help="output: csv, tsv, json (SPARQL 1.1 results JSON), xml, table for rows; "
                             "turtle, json-ld, nt, rdf-xml for CONSTRUCT/DESCRIBE (default: csv)")
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="graph file to query (default: graph/sgcn.ttl in the working folder, "
                             "else the graph shipped with sgcn)")
    parser.add_argument("--store", choices=STORES, default=DEFAULT_STORE,
                        help=f"embedded store to run on (default: {DEFAULT_STORE}: Oxigraph, a large graph "
                             "file answered from its on-disk store, which the first query builds in the "
                             "background; oxigraph: Oxigraph in memory; columnar: the library's whole-graph "
                             "queries on maplib, the rest on Oxigraph (pip install 'sgcn[columnar]'); "
                             "memory: rdflib's own store)")
    parser.add_argument("--endpoint", metavar="URL", help="run on this remote SPARQL endpoint instead")
    parser.add_argument("--graph-uri", metavar="IRI", default=None,
                        help="with --endpoint: the named graph to query (default: the one sgcn push fills; "
                             "'' for the store's default graph)")
    parser.set_defaults(handler=run_query)
    return parser


def run_query(args: argparse.Namespace) -> int:
    """Run one query and print its answer."""
    from sgcn.graph.sparql.options import DEFAULT_GRAPH_URI
    from sgcn.graph.sparql.query import Target, execute, library, write_result

    if args.list:
        import json

        for name, header in library().items():
            print(f"{name}\n    {header.title}")
            if header.returns:
                print(f"    returns: {header.returns}")
            for param in header.params:
                optional = ", optional" if not param.required else ""
                if param.default is not None:
                    optional += f", default {json.dumps(param.default, ensure_ascii=False)}"
                print(f"    --param {param.name}=...  ({param.kind}{optional}) {param.description}")
        return EXIT_OK
    sources = [x for x in (args.name, args.file, args.text) if x is not None]
    if len(sources) != 1:
        print("sgcn query: give one of NAME, --file FILE.rq or --text SPARQL (or --list)", file=sys.stderr)
        return EXIT_BAD_INPUT
    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            print(f"sgcn query: --param wants NAME=VALUE, not {item!r}", file=sys.stderr)
            return EXIT_BAD_INPUT
        params[name.strip()] = value
    text = args.text
    if args.file is not None:
        from pathlib import Path

        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise SgcnError(f"{args.file}: cannot read the query: {err}") from err
    graph_uri = DEFAULT_GRAPH_URI if args.graph_uri is None else (args.graph_uri or None)
    target = Target.open(graph=args.graph, store=args.store, endpoint=args.endpoint, graph_uri=graph_uri,
                         one_query=True)
    answer = execute(target, name=args.name, text=text, params=params)
    sys.stdout.write(write_result(answer, args.format))
    sys.stdout.flush()
    target.close()  # after the answer: a large graph's on-disk store is built in the background
    return EXIT_OK


# --------------------------------------------------------------------------- evaluate


def add_evaluate_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn evaluate``: score a graph against a hand-made gold file.

    Examples:
        >>> parser = argparse.ArgumentParser(); sub = parser.add_subparsers()
        >>> _ = add_evaluate_parser(sub)
        >>> args = parser.parse_args(["evaluate", "gold.yaml", "--show-misses"])
        >>> args.gold, args.graph, args.show_misses, args.json, args.handler is run_evaluate
        ('gold.yaml', None, True, None, True)
    """
    from sgcn.graph.sparql.options import DEFAULT_STORE, STORES

    parser = subparsers.add_parser(
        "evaluate",
        help="measure how well the graph answers the competency questions against a hand-made gold",
        description=_paragraph(
            "Ask the graph the six competency questions (entities, relations, roles, "
            "events, figures, topics) and score its answers against GOLD, a YAML file "
            "listing by hand what a careful reader finds in the documents the graph was "
            "built from (the gold format: docs/spec/gold-format.md). Prints precision, "
            "recall and F1 per question, how right the matched answers are (types, "
            "preferred labels, role titles, dates, places, units, qualifiers) and the "
            "overall F1 (their mean). A gold file that does not follow the format is "
            "refused with path:line: message (exit 2)."
        ),
        epilog=(
            "examples:\n"
            "  sgcn build --sources my-docs --out my.ttl && sgcn evaluate my-gold.yaml --graph my.ttl\n"
            "  sgcn evaluate tests/data/seed/gold.yaml --show-misses     # on the project's graph\n"
            "  sgcn evaluate gold.yaml --graph my.ttl --json scores.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD", help="the gold file (YAML, docs/spec/gold-format.md)")
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="graph file to evaluate (default: the graph sgcn query reads)")
    parser.add_argument("--show-misses", action="store_true",
                        help="also list, per question, what the graph missed, what it has wrong and "
                             "what it matched but not quite, each with the reason")
    parser.add_argument("--json", metavar="FILE", default=None,
                        help="also write every score, miss and detail to FILE as JSON")
    parser.add_argument("--store", choices=STORES, default=DEFAULT_STORE,
                        help=f"embedded store the questions run on (default: {DEFAULT_STORE})")
    parser.set_defaults(handler=run_evaluate)
    return parser


def run_evaluate(args: argparse.Namespace) -> int:
    """Score the graph against the gold and print the scores (and the misses)."""
    from sgcn.graph.evaluate import evaluate_file
    from sgcn.graph.evaluate.report import heading, misses, table, to_json
    from sgcn.graph.rdf.serialize import write_atomic

    result = evaluate_file(args.gold, args.graph, store=args.store)
    for warning in result.gold.warnings:
        print(f"sgcn evaluate: {args.gold}: {warning}", file=sys.stderr)
    print(heading(result))
    print()
    if args.show_misses:
        shown = misses(result)
        if shown:
            print(shown)
            print()
    print(table(result))
    if args.json:
        write_atomic(args.json, to_json(result).encode("utf-8"))
    return EXIT_OK


# ------------------------------------------------------- viz, analyze, export


def _graph_file(path: str | None) -> Path:
    """The graph file the network commands read: ``path``, or the project's graph.

    They read it with Oxigraph's parser (``sgcn.graph.network.model.triples``), never
    into a store: the network needs one pass over the triples.
    """
    from pathlib import Path

    from sgcn.graph.sparql.query import announce_default_graph

    graph = Path(path) if path else announce_default_graph()
    if not graph.is_file():
        raise SgcnError(f"{graph}: no such graph file (build one with `sgcn build`)")
    return graph


def _add_graph_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="Turtle graph to read (default: graph/sgcn.ttl in the working folder, "
                             "else the graph shipped with sgcn)")


def add_viz_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn viz``: the interactive network as one offline HTML page."""
    from sgcn.loaders.vocabulary import ENTITY_TYPES, RELATIONS

    parser = subparsers.add_parser(
        "viz",
        help="write the interactive network of entities and relations as one HTML page",
        description=_paragraph(
            "Write a self-contained HTML page (vis-network inlined, works offline from "
            "file://) drawing entities as nodes (colour and shape by type, size by "
            "connectedness) and relations as labelled edges, with tooltips holding "
            "aliases, roles, evidence quotes and sources, a search box and type and "
            "relation filters. Large networks get a precomputed layout."
        ),
        epilog=(
            "examples:\n"
            "  sgcn viz --out network.html\n"
            "  sgcn viz --focus \"Luke Goh\" --depth 2 --out goh.html\n"
            "  sgcn viz --types Person Organization Event --relations co_chaired participated_in\n"
            "  sgcn viz --since 2019 --until 2020"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_graph_option(parser)
    parser.add_argument("--out", metavar="FILE.html", default="network.html",
                        help="page to write (default: network.html in the working folder)")
    parser.add_argument("--focus", metavar="ENTITY", help="draw only the ego network of this entity (any of its names)")
    parser.add_argument("--depth", type=int, default=1, metavar="N",
                        help="with --focus: how many relations away to go (default: 1)")
    parser.add_argument("--types", nargs="+", choices=ENTITY_TYPES, metavar="TYPE",
                        help=f"entity types to keep ({', '.join(ENTITY_TYPES)})")
    parser.add_argument("--relations", nargs="+", choices=RELATIONS, metavar="RELATION",
                        help=f"relations to keep ({', '.join(RELATIONS)})")
    parser.add_argument("--since", type=int, metavar="YEAR", help="keep what sources of YEAR or later say")
    parser.add_argument("--until", type=int, metavar="YEAR", help="keep what sources of YEAR or earlier say")
    parser.add_argument("--title", default=None, help="page title (default: describes the selection)")
    parser.add_argument("--server", metavar="URL", default=None,
                        help="the `sgcn serve` whose document pages each quote links to "
                             "(default: http://127.0.0.1:8000; '' for no links)")
    parser.set_defaults(handler=run_viz)
    return parser


def run_viz(args: argparse.Namespace) -> int:
    """Select the part of the network asked for and write its page."""
    import logging

    from sgcn.graph.network import require

    require("networkx", "igraph")  # the network extra: say so before reading anything
    from sgcn.graph.network.model import find_entity, to_networkx
    from sgcn.graph.network.viz import DEFAULT_SERVER, render, select, server_base, write_page

    server = server_base(DEFAULT_SERVER if args.server is None else args.server)
    started = time.perf_counter()
    whole = to_networkx(_graph_file(args.graph))
    read = time.perf_counter()
    log = logging.getLogger(__name__)
    log.info("read the network in %.2f s", read - started)
    net = select(
        whole,
        focus=args.focus,
        depth=args.depth,
        types=args.types,
        relations=args.relations,
        since=args.since,
        until=args.until,
    )
    title = args.title or ("sgcn network" + (f" around {args.focus}" if args.focus else ""))
    focus = find_entity(net, args.focus) if args.focus else None
    page = render(net, title=title, server=server, focus=focus)
    rendered = time.perf_counter()
    path = write_page(page, args.out)
    log.info("made the page in %.2f s, wrote it in %.2f s", rendered - read, time.perf_counter() - rendered)
    print(f"wrote {path} ({net.number_of_nodes()} entities, {net.number_of_edges()} relations)")
    return EXIT_OK


def add_analyze_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn analyze``: centrality, bridges, communities, paths."""
    parser = subparsers.add_parser(
        "analyze",
        help="most central people and organizations, Singapore-China bridges, communities, paths",
        description=_paragraph(
            "Convert the graph to a network and print the most central people and "
            "organizations (betweenness and degree centrality), the entities that "
            "bridge Singapore-side and China-side organizations, and the communities "
            "(Louvain). With --path A B, print instead the shortest chain of relations "
            "between two entities with the evidence for each step."
        ),
        epilog=(
            "examples:\n"
            "  sgcn analyze --top 5\n"
            "  sgcn analyze --path \"Luke Goh\" \"Smart China Expo\"\n"
            "  sgcn analyze --format json > analysis.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_graph_option(parser)
    parser.add_argument("--top", type=int, default=10, metavar="N", help="rows per ranking (default: 10)")
    parser.add_argument("--path", nargs=2, metavar=("A", "B"), help="shortest chain of relations from A to B")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(handler=run_analyze)
    return parser


def run_analyze(args: argparse.Namespace) -> int:
    """Print the analysis report, or one evidenced path."""
    import json

    from sgcn.graph.network import require

    require("networkx")  # the network extra
    from sgcn.graph.network.analyze import format_path, format_report, path, report
    from sgcn.graph.network.model import to_networkx

    net = to_networkx(_graph_file(args.graph))
    data = path(net, *args.path) if args.path else report(net, top=args.top)
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(format_path(data) if args.path else format_report(data))
    return EXIT_OK


def add_export_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn export``: the graph in another tool's format."""
    from sgcn.graph.network.options import EXPORT_FORMATS as FORMATS

    parser = subparsers.add_parser(
        "export",
        help="export the graph (Turtle, N-Triples, JSON-LD, GraphML, GEXF, Cytoscape.js, CSV)",
        description=_paragraph(
            "Write the whole RDF graph as turtle, ntriples (sorted) or jsonld (with the "
            "published context ontology/context.jsonld), or its network of entities and "
            "relations as graphml or gexf (Gephi, Cytoscape, yEd), cytoscape "
            "(Cytoscape.js JSON), csv-nodes or csv-edges. The same graph always gives "
            "the same bytes."
        ),
        epilog=(
            "examples:\n"
            "  sgcn export --format gexf --out sgcn.gexf\n"
            "  sgcn export --format jsonld > sgcn.jsonld\n"
            "  sgcn export --format csv-nodes --out nodes.csv && sgcn export --format csv-edges --out edges.csv"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_graph_option(parser)
    parser.add_argument("--format", required=True, choices=list(FORMATS), metavar="FMT",
                        help=f"one of: {', '.join(FORMATS)}")
    parser.add_argument("--out", metavar="FILE", default=None, help="file to write (default: standard output)")
    parser.set_defaults(handler=run_export)
    return parser


def run_export(args: argparse.Namespace) -> int:
    """Export the graph to a file (atomically) or to standard output."""
    from sgcn.graph.cli.progress import Stages
    from sgcn.graph.network.export import export
    from sgcn.graph.rdf.serialize import write_atomic

    stages = Stages()  # a spinner per stage on a terminal: a large graph takes a while
    try:
        graph = _graph_file(args.graph)
        stages(f"reading {graph.name} and exporting it as {args.format}", None, unit="step")
        data = export(graph, args.format)
        if args.out:
            stages(f"writing {args.out}", None, unit="step")
            write_atomic(args.out, data)
    finally:
        stages.close()
    if not args.out:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:
            stream.write(data)
            stream.flush()
        else:  # a text-only stdout (captured in tests)
            sys.stdout.write(data.decode("utf-8"))
    return EXIT_OK


# ------------------------------------------------------------------ serve, push


def add_serve_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn serve``: a read-only SPARQL endpoint and entity pages."""
    from sgcn.graph.sparql.options import DEFAULT_STORE, STORES

    parser = subparsers.add_parser(
        "serve",
        help="serve the graph: a read-only SPARQL 1.1 endpoint, entity pages and a query page",
        description=_paragraph(
            "Serve the graph over HTTP, on 127.0.0.1 unless --host says otherwise: the SPARQL 1.1 Protocol at /sparql "
            "(GET and POST; JSON, XML, CSV, TSV, Turtle, JSON-LD by content negotiation), "
            "every entity IRI at /id/<type>/<slug> (HTML, Turtle or JSON-LD), and a query "
            "page listing the query library at /. Updates are refused. A query that runs "
            "longer than --timeout or takes more than --max-memory is stopped, an answer over "
            "--max-results is refused; the server keeps serving. Only --long-queries queries "
            "may run longer than a second at once, so quick ones always find a worker. Each "
            "client may have --max-client-queries requests in progress, of which --client-running "
            "run at once; request lines, headers "
            "and bodies have size limits. Served by waitress. No query reaches the network: SERVICE (federated "
            "query) is refused and the query workers cannot open a socket, unless "
            "--allow-service. Needs the serve extra: pip install 'sgcn[serve]'."
        ),
        epilog="examples:\n  sgcn serve\n  sgcn serve --port 8080 --timeout 5 --max-results 5000 --graph /tmp/g.ttl\n"
               "  sgcn serve --host 0.0.0.0 --workers 6 --long-queries 2 --max-memory 1024",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="graph file to serve (default: the project's graph/sgcn.ttl)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, loopback only; 0.0.0.0 for every interface)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--store", choices=STORES, default=DEFAULT_STORE,
                        help=f"embedded store the queries run on (default: {DEFAULT_STORE})")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="stop a query after this many seconds (default: 10)")
    parser.add_argument("--max-results", type=int, default=10000, metavar="N",
                        help="refuse answers of more than N rows or triples (default: 10000)")
    parser.add_argument("--workers", type=int, default=4, metavar="N",
                        help="queries that can run at once, each in a process holding the graph (default: 4)")
    parser.add_argument("--long-queries", type=int, default=None, metavar="N",
                        help="how many of them may run longer than a second; a query still running after a "
                             "second when N already are is stopped (503), so the other workers stay free for "
                             "quick queries (default: 2, at most --workers minus one)")
    parser.add_argument("--max-memory", type=int, default=512, metavar="MB",
                        help="memory a query may take beyond the graph its worker holds; a query past it is "
                             "stopped (503) and its worker replaced (default: 512; 0: no limit)")
    parser.add_argument("--max-client-queries", type=int, default=8, metavar="N",
                        help="requests one client address may have in progress at once; more are refused "
                             "with 429 (default: 8; 0: no bound)")
    parser.add_argument("--client-running", type=int, default=None, metavar="N",
                        help="queries one client address may run at once; its others wait while other "
                             "clients' queries go first, so one client never holds every worker "
                             "(default: --long-queries, and fewer than --workers)")
    parser.add_argument("--allow-service", action="store_true",
                        help="let queries use SERVICE (federated query), so that the server sends HTTP "
                             "requests to any host a query names, loopback included; off by default: "
                             "SERVICE is refused (403) and the query workers cannot open a socket")
    parser.set_defaults(handler=run_serve)
    return parser


def run_serve(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from sgcn.graph.sparql.query import announce_default_graph
    from sgcn.graph.web.server import serve

    if (args.timeout <= 0 or args.max_results < 0 or args.workers < 1 or args.max_memory < 0
            or args.max_client_queries < 0 or (args.long_queries is not None and args.long_queries < 0)
            or (args.client_running is not None and args.client_running < 1)):
        print("sgcn serve: --timeout must be positive, --workers and --client-running >= 1, --max-results, "
              "--max-memory, --long-queries and --max-client-queries >= 0", file=sys.stderr)
        return EXIT_BAD_INPUT
    graph = args.graph or announce_default_graph()
    print(f"sgcn serve: {graph} at http://{args.host}:{args.port}/ (SPARQL endpoint: /sparql)", file=sys.stderr)
    serve(graph, host=args.host, port=args.port, store=args.store, timeout=args.timeout,
          max_results=args.max_results, workers=args.workers, long_queries=args.long_queries,
          memory_mb=args.max_memory or None, per_client=args.max_client_queries, allow_service=args.allow_service,
          client_running=args.client_running)
    return EXIT_OK


def add_docs_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn docs``: the ontology's documentation as one HTML page."""
    parser = subparsers.add_parser(
        "docs",
        help="write the documentation of the ontology and the topic scheme as one HTML page",
        description=_paragraph(
            "Render ontology/sgcn.ttl and ontology/topics.ttl as one self-contained HTML "
            "page: every class and property with its label, definition, domain, range and "
            "the vocabularies it reuses, and every topic concept. It is what sgcn serve "
            "shows at /ontology; the repository keeps it as docs/ontology.html (a test "
            "checks it is current: run this after changing the ontology)."
        ),
        epilog="example:\n  sgcn docs --out docs/ontology.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", default="docs/ontology.html", metavar="FILE.html",
                        help="file to write (default: docs/ontology.html, relative to the working folder)")
    parser.set_defaults(handler=run_docs)
    return parser


def run_docs(args: argparse.Namespace) -> int:
    """Write the ontology documentation atomically."""
    from pathlib import Path

    from sgcn.graph.web.ontodoc import ontology_document
    from sgcn.graph.rdf.serialize import write_atomic

    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"sgcn docs: no folder {out.parent} to write {out.name} into", file=sys.stderr)
        return EXIT_BAD_INPUT
    write_atomic(out, ontology_document().encode("utf-8"))
    print(f"wrote {out}", file=sys.stderr)
    return EXIT_OK


def add_link_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn link wikidata``: propose links from the graph's entities to Wikidata."""
    from sgcn.graph.rdf.options import WIKIDATA_API

    parser = subparsers.add_parser(
        "link",
        help="propose links from the graph's entities to Wikidata, for review (needs the network)",
        description=_paragraph(
            "Look the graph's entities (places, organizations and people by default) up "
            "through Wikidata's public search API and propose a link where exactly one item "
            "has a label or alias equal to one of the entity's names and, for a type "
            "ontology/wikidata-types.yaml knows, is an instance of a class that fits. Each "
            "entity's verdict is printed with the candidates' labels, descriptions and "
            "classes; with --write the proposals are added to the links file as "
            "'reviewed: false'. Only links a person has marked 'reviewed: true' enter the "
            "graph (skos:exactMatch) at the next sgcn build. Entities the file already "
            "links are skipped. Exit 2 when the API cannot be reached."
        ),
        epilog="examples:\n  sgcn link wikidata\n  sgcn link wikidata --types Place --write\n"
               "  sgcn link wikidata --links my-links.yaml --graph /tmp/g.ttl --write",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("target", choices=("wikidata",), help="what to link to (wikidata)")
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="graph whose entities to look up (default: the project's graph/sgcn.ttl)")
    parser.add_argument("--links", metavar="FILE.yaml", default=None,
                        help="the links file to read and, with --write, to add to (default: ontology/wikidata-links.yaml)")
    parser.add_argument("--types", nargs="+", default=["Place", "Organization", "Person"], metavar="TYPE",
                        help="entity types to look up (default: Place Organization Person)")
    parser.add_argument("--api", default=WIKIDATA_API, metavar="URL",
                        help=f"the MediaWiki API to ask (default: {WIKIDATA_API})")
    parser.add_argument("--write", action="store_true", help="add the proposals to the links file for review")
    parser.set_defaults(handler=run_link)
    return parser


def run_link(args: argparse.Namespace) -> int:
    """Propose Wikidata links; print each verdict; with --write add proposals to the file."""
    from rdflib import Graph

    from sgcn.graph.rdf.links import LinkError, WikidataClient, default_links_path, load_links, propose, \
        proposed_links, write_links
    from pathlib import Path

    from sgcn.graph.sparql.query import default_graph_path
    from sgcn.loaders.facts import ENTITY_TYPES

    unknown = sorted(set(args.types) - set(ENTITY_TYPES))
    if unknown:
        print(f"sgcn link: unknown entity type(s) {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    path = Path(args.links) if args.links else default_links_path()
    graph_path = args.graph or default_graph_path()
    try:
        links = load_links(path)
        graph = Graph().parse(graph_path, format="turtle")
        proposals = propose(graph, WikidataClient(args.api), types=args.types, links=links)
    except LinkError as err:
        print(f"sgcn link: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for proposal in proposals:
        print(proposal.line())
    new = proposed_links(proposals)
    print(f"{len(new)} proposed, {len(proposals) - len(new)} not (ambiguous, no match or type not confirmed)",
          file=sys.stderr)
    if args.write and new:
        write_links(path, [*links, *new])
        print(f"added {len(new)} link(s) to {path} as 'reviewed: false': check each, then set 'reviewed: true'",
              file=sys.stderr)
    return EXIT_OK


def add_push_parser(subparsers) -> argparse.ArgumentParser:
    """``sgcn push``: load the graph into a remote triple store."""
    parser = subparsers.add_parser(
        "push",
        help="load the graph into a remote triple store (Graph Store Protocol or SPARQL Update) and verify it",
        description=_paragraph(
            "Replace a named graph of the triple store behind the SPARQL endpoint URL "
            "with the built graph: by one SPARQL 1.1 Graph Store Protocol PUT where the "
            "store offers it (Oxigraph, Fuseki, GraphDB, Virtuoso), else by one SPARQL "
            "Update request; then check that the store holds exactly the triples pushed."
        ),
        epilog=("examples:\n  sgcn push --endpoint http://127.0.0.1:7878/query\n"
                "  sgcn push --endpoint http://localhost:3030/sgcn/sparql --graph-uri https://example.org/g\n"
                "  sgcn push --endpoint URL --store-url http://host/rdf-graph-store"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the store's SPARQL query endpoint")
    parser.add_argument("--graph-uri", metavar="IRI", default=None,
                        help="named graph to replace (default: https://w3id.org/sgcn/graph)")
    parser.add_argument("--graph", metavar="FILE.ttl", default=None,
                        help="graph file to push (default: the project's graph/sgcn.ttl)")
    parser.add_argument("--store-url", metavar="URL", help="the Graph Store Protocol URL, if not next to the endpoint")
    parser.add_argument("--update-url", metavar="URL", help="the SPARQL Update URL, if not next to the endpoint")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                        help="seconds to wait for each request (default: 300)")
    parser.set_defaults(handler=run_push)
    return parser


def run_push(args: argparse.Namespace) -> int:
    """Push the graph and report what the store holds."""
    from sgcn.graph.sparql.options import DEFAULT_GRAPH_URI
    from sgcn.graph.sparql.query import announce_default_graph
    from sgcn.graph.sparql.remote import push
    from sgcn.graph.sparql.store import load_graph

    from sgcn.graph.cli.progress import Stages

    stages = Stages()  # a spinner per stage on a terminal: pushing a large graph takes a while
    try:
        stages("reading the graph", None, unit="step")
        graph = load_graph(args.graph or announce_default_graph(), store="memory")
        stages(f"pushing {len(graph):,} triples to {args.endpoint} and checking them", None, unit="step")
        report = push(graph, args.endpoint, graph_uri=args.graph_uri or DEFAULT_GRAPH_URI,
                      store_url=args.store_url, update_url=args.update_url, timeout=args.timeout)
    finally:
        stages.close()
    print(report.line())
    return EXIT_OK


# --------------------------------------------------------------------------- main

SUBCOMMANDS: list[Callable] = [add_build_parser, add_add_parser, add_query_parser, add_evaluate_parser, add_viz_parser,
                               add_analyze_parser, add_export_parser, add_serve_parser, add_push_parser,
                               add_docs_parser, add_link_parser]
"""Every subcommand's ``add_<name>_parser``; append yours here."""


def build_parser() -> argparse.ArgumentParser:
    """The ``sgcn`` argument parser with every subcommand of :data:`SUBCOMMANDS`.

    Examples:
        >>> build_parser().parse_args(["build"]).sources
        'sources'
    """
    parser = argparse.ArgumentParser(
        prog="sgcn",
        description=_paragraph(
            "sgcn builds an RDF knowledge graph of Singapore-China digital cooperation "
            "from press releases and news pages, every fact with its evidence, and "
            "answers the project's competency questions over it."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail to stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="log only errors to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_parser in SUBCOMMANDS:
        add_parser(subparsers)
    return parser


def _stderr_handler():
    """A logging handler writing to whatever ``sys.stderr`` is at the time (so in-process
    tests capture it), as ``sgcn: message``."""
    import logging

    class StderrHandler(logging.StreamHandler):
        @property
        def stream(self):  # type: ignore[override]
            return sys.stderr

        @stream.setter
        def stream(self, _value) -> None:
            pass

    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("sgcn: %(message)s"))
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sgcn`` command line; returns the exit code.

    Examples:
        >>> main(["--help"])  # doctest: +ELLIPSIS
        usage: sgcn ...
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    import logging

    handler = _stderr_handler()
    logger = logging.getLogger("sgcn")
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.INFO
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(level)
    try:
        return args.handler(args)
    except SgcnError as err:
        print(f"sgcn {args.command}: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as err:  # noqa: BLE001 - a bug: say so, exit 3 (1 means an invalid graph)
        print(f"sgcn {args.command}: internal error (a bug in sgcn, not in your input): "
              f"{type(err).__name__}: {err}", file=sys.stderr)
        if args.verbose:
            import traceback

            traceback.print_exc(file=sys.stderr)
        else:
            print(f"sgcn {args.command}: run it again with --verbose to see the traceback", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)

