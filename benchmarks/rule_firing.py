"""Report how often each relation rule fires on the seed corpus and the genre sets.

For every pattern of ``relation_patterns.yaml`` and every frame of ``frames.yaml``:
on how many sentences of how many documents it reads a pair, over ``sources/`` (the
seed) and ``tests/data/genre/*/docs`` (dev, unseen, fresh, fresh2, fresh3, fresh4, other-hands), rarest rule
first. A rule of the genre fires on several sentences; one that fires on one sentence
was written for that sentence (``tests/loaders/extract/test_rule_firing.py`` holds the
floor of two sentences).

Usage::

    python benchmarks/rule_firing.py            # the table
    python benchmarks/rule_firing.py --rare 3   # only rules firing on fewer than 3 sentences, with them
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sgcn.loaders import read_folder
from sgcn.loaders.extract.firing import rule_firings, table
from sgcn.loaders.extract.mentions import analyze

ROOT = Path(__file__).resolve().parent.parent


def corpora(root: Path = ROOT) -> dict[str, Path]:
    """The folders the report reads: the seed and each genre set's documents."""
    found = {"seed": root / "sources"}
    found.update({p.parent.name: p for p in sorted((root / "tests" / "data" / "genre").glob("*/docs"))})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rare", type=int, default=0, help="show only rules firing on fewer sentences, with them")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    analysed = {name: [analyze(d) for d in read_folder(folder).documents] for name, folder in corpora().items()}
    texts = {(name, a.document.source): a.document.text for name, analyses in analysed.items() for a in analyses}
    fired = rule_firings(analysed)
    if args.rare:
        fired = {k: f for k, f in fired.items() if len(f.sentences) < args.rare}
    print(table(fired))
    if args.rare:
        for name, firing in sorted(fired.items()):
            for corpus, source, start in sorted(firing.sentences):
                text = texts[corpus, source]
                end = text.find("\n", start)
                print(f"{name}: {corpus}/{source}: {text[start:end if end > 0 else None][:200]}")
    print(f"{sum(map(len, analysed.values()))} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
