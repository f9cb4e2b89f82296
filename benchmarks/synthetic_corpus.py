"""Write a synthetic corpus of distinct press releases in sgcn's five formats.

Each document is made from the templates of ``benchmarks/corpus_templates.yaml``:
people, organisations, places, events, numbers and dates drawn from pools, paragraphs
picked and worded from alternatives, and the result rendered as ``plaintext``,
``markdown``, ``wire``, ``webpage`` or ``html`` in turn. The same seed and count give
the same files, so a corpus of 100 is the first 100 of a corpus of 1,000.

Usage::

    python benchmarks/synthetic_corpus.py 1000 /tmp/corpus-1000      # writes the files
    python benchmarks/synthetic_corpus.py 5 /tmp/c --seed 7

Examples:
    >>> import tempfile
    >>> folder = write_corpus(5, tempfile.mkdtemp())
    >>> sorted(p.suffix for p in folder.iterdir())
    ['.html', '.md', '.txt', '.txt', '.txt']
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import string
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).with_name("corpus_templates.yaml")
FORMATS = ("plaintext", "markdown", "wire", "webpage", "html")
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _templates() -> dict:
    return yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))


class _Slots(dict):
    """Slot values; a value that is itself a template is filled on first use."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"no slot {key!r} in the corpus templates")


def _fill(template: str, slots: dict) -> str:
    text = template
    for _ in range(3):  # a pool entry may hold slots of its own ("{city} Municipal ...")
        if "{" not in text:
            break
        text = string.Formatter().vformat(text, (), slots)
    return text


def _person(rng: random.Random, t: dict) -> tuple[str, str]:
    family, given = rng.choice(t["family_names"]), rng.choice(t["given_names"])
    return f"{given} {family}", family


def _company(rng: random.Random, t: dict, suffixes: str) -> str:
    return f"{rng.choice(t['company_stems'])} {rng.choice(t['company_trades'])} {rng.choice(t[suffixes])}"


def document_slots(index: int, seed: int, t: dict) -> dict:
    """The values of every slot of document ``index``."""
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2015, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 25)
    sectors = rng.sample(t["sectors"], 3)
    currency = rng.choice(t["currencies"])
    sg_person, sg_family = _person(rng, t)
    cn_person, _ = _person(rng, t)
    city, next_city = rng.sample(t["cities"], 2)
    slots = _Slots(
        year=year, month=month, day=day, city=city, next_city=next_city,
        meeting_city=rng.choice([city, "Singapore"]), province=rng.choice(t["provinces"]),
        venue=rng.choice(t["venues"]), sg_agency=rng.choice(t["sg_agencies"]),
        cn_body=rng.choice(t["cn_bodies"]), company_sg=_company(rng, t, "sg_company_suffixes"),
        company_cn=_company(rng, t, "cn_company_suffixes"), series=rng.choice(t["series"]),
        initiative=rng.choice(t["initiatives"]), forum=rng.choice(t["forums"]) + f" {year}",
        sector=sectors[0], sector2=sectors[1], sector3=sectors[2],
        currency_symbol=currency["symbol"], currency_word=currency["word"],
        sg_person=sg_person, sg_family=sg_family, sg_honorific=rng.choice(t["honorifics"]),
        sg_title=rng.choice(t["sg_titles"]), cn_person=cn_person, cn_title=rng.choice(t["cn_titles"]),
        ordinal=rng.choice(_ORDINALS), count=rng.randint(2, 19), count2=rng.randint(20, 90),
        projects=rng.randint(5, 60), value=f"{rng.randint(1, 95)}.{rng.randint(1, 9)}",
        delegates=f"{rng.randint(2, 40) * 100:,}", countries=rng.randint(8, 60), companies=rng.randint(50, 900),
        area=f"{rng.randint(10, 200) * 1000:,}", fund=rng.choice([10, 20, 25, 40, 50, 80, 100, 150]),
        start_year=year - rng.randint(2, 6), start_year2=year + 1, end_year=year + rng.randint(2, 5),
        next_year=year + 1, weekday=rng.choice(t["weekdays"]),
        date_text=f"{day} {t['months'][month - 1]} {year}",
        range_text=f"{day} to {day + rng.randint(1, 3)} {t['months'][month - 1]} {year}",
        quote_sentence=rng.choice(t["quote_sentences"]), quote_phrase=rng.choice(t["quote_phrases"]),
        site=rng.choice(t["publishers_news"]),
    )
    return slots


def document_parts(index: int, seed: int = 0) -> dict:
    """Headline, paragraphs and metadata of document ``index``.

    Examples:
        >>> a, b = document_parts(0), document_parts(1)
        >>> a["paragraphs"] != b["paragraphs"] and len(a["paragraphs"]) >= 5
        True
    """
    t = _templates()
    rng = random.Random(f"{seed}:{index}:choice")
    slots = document_slots(index, seed, t)
    body = rng.sample(t["paragraphs"], rng.randint(9, 13))
    paragraphs = [_fill(rng.choice(t["leads"]), slots)]
    paragraphs += [_fill(rng.choice(options), slots) for options in body]
    paragraphs.append(_fill(rng.choice(t["closings"]), slots))
    return {
        "title": _fill(rng.choice(t["headlines"]), slots),
        "paragraphs": paragraphs,
        "slots": slots,
        "publisher": rng.choice(t["publishers_sg"]),
        "wire_source": _fill(rng.choice(t["wire_sources"]), slots),
        "top": [_fill(line, slots) for line in rng.choice(t["page_furniture_top"])],
        "bottom": [_fill(line, slots) for line in rng.choice(t["page_furniture_bottom"])],
    }


def render(parts: dict, fmt: str) -> tuple[str, str]:
    """The text of a document in format ``fmt`` and its file extension."""
    s, title, paras = parts["slots"], parts["title"], parts["paragraphs"]
    iso = f"{s['year']}-{s['month']:02d}-{s['day']:02d}"
    months = _templates()["months"]
    if fmt == "plaintext":
        body = "\n\n".join(f"{i}. {p}" for i, p in enumerate(paras, 1))
        text = (f"For immediate release\n\n{title.upper()}\n\n{body}\n\n"
                f"{parts['publisher'].split(',')[0].upper()}\n{s['day']} {months[s['month'] - 1].upper()} {s['year']}\n")
        return text, ".txt"
    if fmt == "markdown":
        slug = "-".join(title.lower().split()[:8]).replace("'", "")
        body = "\n\n".join(paras)
        text = (f"---\ntitle: \"{title}\"\ndate: {iso}\npublisher: {parts['publisher']}\n"
                f"permalink: /media-centre/press-releases/{slug}/\n---\n\n# {title}\n\n{body}\n")
        return text, ".md"
    if fmt == "wire":
        dateline = f"{s['city'].upper()}, China, {months[s['month'] - 1][:3]}. {s['day']}, {s['year']} /PRNewswire/ --"
        text = f" date {iso} {dateline} {paras[0]}\n\n" + "\n\n".join(paras[1:]) + f"\n\nSOURCE {parts['wire_source']}\n"
        return text, ".txt"
    if fmt == "webpage":
        published = f"Published: {s['day']} {months[s['month'] - 1]} {s['year']}"
        text = "\n".join(parts["top"]) + f"\n\nTechnology\n\n{title}\n\n{published}\n\n"
        text += "\n\n".join(paras) + "\n\n" + "\n".join(parts["bottom"]) + "\n"
        return text, ".txt"
    if fmt == "html":
        site = html.escape(s["site"])
        head = html.escape(title)
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
        text = (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>{head} | {site}</title>\n<meta property=\"og:title\" content=\"{head}\">\n"
                f"<meta property=\"og:site_name\" content=\"{site}\">\n"
                f"<meta property=\"article:published_time\" content=\"{iso}T09:30:00+08:00\">\n</head>\n<body>\n"
                f"<header><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav></header>\n"
                f"<main>\n<article>\n<h1>{head}</h1>\n{body}\n</article>\n</main>\n"
                f"<footer><p>Copyright {s['year']} {site}. All rights reserved.</p></footer>\n</body>\n</html>\n")
        return text, ".html"
    raise ValueError(f"unknown format {fmt!r}; one of {FORMATS}")


def document(index: int, seed: int = 0) -> tuple[str, str]:
    """File name and text of document ``index`` (formats in turn).

    Examples:
        >>> name, text = document(2)
        >>> name.startswith("00002_") and text.startswith(" date ")
        True
    """
    text, suffix = render(document_parts(index, seed), FORMATS[index % len(FORMATS)])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{index:05d}_{digest}{suffix}", text


def write_corpus(count: int, folder: str | Path, *, seed: int = 0) -> Path:
    """Write documents ``0 .. count-1`` into ``folder`` (created when missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        name, text = document(index, seed)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_corpus(args.count, args.folder, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
