"""The lines that name a document's people outside its sentences: media contacts and bylines.

Media contacts: the people a release names at its foot, their posts and their bodies.

A release closes with its contacts, as lines of their own under a heading ("For media
queries, please contact:", "Media contact:", "Contact:") or on the heading's line:

- a name, its title and the body on lines of their own ("Hana Teo" / "Assistant
  Director" / "Corporate Communications Division" / "Ministry of X" / "Tel: ..."); the
  title may carry its field after a comma ("Manager, Communications and Marketing");
- one line a contact: "Name, Body, email" or "Name, Title, Body, +65 ...".

Several contacts may follow one heading, each opening with its name. Outside such a
block only the first form is read, and only when a title line follows the name line.
A byline names the story's authors (:func:`byline_authors`): "By A[ and B], TITLE | date".
This module reads the text alone (spans of lines and fields); which field is a body is
decided by the recognised mentions (:mod:`sgcn.loaders.extract.roles`).

Examples:
    >>> text = "Ends.\\n\\nMedia contacts:\\nAnn Lee, Senior Manager, Acme Bank, +65 6000 0000\\nBo Tan, Acme Bank\\n"
    >>> [(text[slice(*c.name)], c.title and text[slice(*c.title)], [text[slice(*f)] for f in c.fields])
    ...  for c in contact_blocks(text)]
    [('Ann Lee', 'Senior Manager', ['Acme Bank']), ('Bo Tan', None, ['Acme Bank'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sgcn.loaders.extract import lexicon

# a contact heading: a media one ends with a colon or its line ("MEDIA CONTACTS"), a bare "Contact" with a colon
_HEADING = re.compile(
    r"^[^\S\n]*(?:(?:for\s+(?:media|press)\s+(?:queries|enquiries|inquiries)|(?:media|press)\s+(?:contacts?|enquiries|queries)"
    r"|for\s+(?:more|further)\s+(?:information|details))\b[^:\n]{0,40}(?::|[^\S\n]*$)|contacts?[^\S\n]*:)[^\S\n]*",
    re.IGNORECASE | re.MULTILINE,
)
# a line or field giving a way to reach the contact, not a post or a body
_DETAIL = re.compile(r"^(?:(?:tel|telephone|phone|mobile|hp|fax|email|e-mail|did|website)\b|\+?\(?\d)|@|www\.|https?:",
                     re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?$")


@dataclass(frozen=True)
class Contact:
    """One contact of a block, as offsets into the text.

    Attributes:
        name: the person's name.
        title: their title (with the field after its comma), or ``None``.
        fields: the other lines or fields naming no way to reach them, in order: the
            division and body ("Corporate Communications Division", "Acme Bank").
        span: from the name to the end of the last of them: the contact as written.
    """

    name: tuple[int, int]
    title: tuple[int, int] | None
    fields: tuple[tuple[int, int], ...]
    span: tuple[int, int]


def contact_blocks(text: str) -> list[Contact]:
    """The contacts of a text: under a contact heading in any form, elsewhere a name line over a title line.

    Examples:
        >>> text = "For media queries, please contact:\\nAnn Lee\\nManager, Communications\\nAcme Bank\\nTel: 6000\\n"
        >>> [(text[slice(*c.name)], text[slice(*c.title)], [text[slice(*f)] for f in c.fields])
        ...  for c in contact_blocks(text)]
        [('Ann Lee', 'Manager, Communications', ['Acme Bank'])]
        >>> contact_blocks("Contact: Acme Bank, +65 6000 0000\\n")
        []
    """
    found: list[Contact] = []
    headed: set[int] = set()  # where the name lines under a heading start
    for heading in _HEADING.finditer(text):
        for contact in _block(text, heading.end()):
            found.append(contact)
            headed.add(contact.name[0])
    lines = _lines(text, 0)
    for k, this in enumerate(lines):
        if this is not None and this[0] not in headed and _named_over_title(text, lines, k):
            found.append(_contact(text, [this, *_group(lines, k + 1)]))
    return sorted(found, key=lambda c: c.span)


def _lines(text: str, start: int) -> list[tuple[int, int] | None]:
    """The spans of the lines from ``start`` without the white space at their ends; ``None`` for a
    run of empty lines."""
    spans: list[tuple[int, int] | None] = []
    at = start
    for line in text[start:].split("\n"):
        stripped = line.strip()
        if stripped:
            a = at + len(line) - len(line.lstrip())
            spans.append((a, a + len(stripped)))
        elif spans and spans[-1] is not None:
            spans.append(None)
        at += len(line) + 1
    return spans


def _group(lines: list[tuple[int, int] | None], at: int) -> list[tuple[int, int]]:
    """The lines from ``lines[at]`` to the next empty line."""
    group = []
    for span in lines[at:]:
        if span is None:
            break
        group.append(span)
    return group


def _block(text: str, start: int) -> list[Contact]:
    """The contacts after a heading ending at ``start``: groups of lines, or one line each, each opening with a name."""
    contacts: list[Contact] = []
    lines = _lines(text, start)
    k = 0
    while k < len(lines):
        span = lines[k]
        if span is None:
            k += 1
            if contacts and k < len(lines) and lines[k] is not None and not _opens_contact(text, lines[k]):
                break  # the block ends with the first group not opening with a name
            continue
        line = text[span[0]:span[1]]
        if _one_line_contact(text, span):
            contacts.append(_one_line(text, span))
            k += 1
            continue
        if not _is_name(line):
            break
        group = [span]
        while k + 1 < len(lines) and lines[k + 1] is not None and not _one_line_contact(text, lines[k + 1]) \
                and not _named_over_title(text, lines, k + 1):
            k += 1
            group.append(lines[k])
        contacts.append(_contact(text, group))
        k += 1
    return contacts


def _named_over_title(text: str, lines: list[tuple[int, int] | None], k: int) -> bool:
    """Whether ``lines[k]`` is a name over a title line: the next contact, with no empty line before it."""
    title = lines[k + 1] if k + 1 < len(lines) else None
    return (title is not None and _is_name(text[lines[k][0]:lines[k][1]])
            and bool(_title_length(text[title[0]:title[1]])))


def _opens_contact(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0]:span[1]]
    return _is_name(line) or _one_line_contact(text, span)


def _one_line_contact(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0]:span[1]]
    return "," in line and _is_name(line.split(",")[0].strip()) and not _title_length(line)


def _one_line(text: str, span: tuple[int, int]) -> Contact:
    """A contact on one line: "Name, Title, Body, email", the title optional."""
    fields = []
    at = span[0]
    for part in text[span[0]:span[1]].split(","):
        a = at + len(part) - len(part.lstrip())
        if part.strip():
            fields.append((a, a + len(part.strip())))
        at += len(part) + 1
    return _contact(text, fields)


def _contact(text: str, spans: list[tuple[int, int]]) -> Contact:
    """The contact of a name, then a title if the next line or field is one, then bodies up to a way to reach them."""
    name, rest = spans[0], spans[1:]
    title = None
    if rest and _title_length(text[rest[0][0]:rest[0][1]]):
        title, rest = rest[0], rest[1:]
    fields = []
    for span in rest:
        if _DETAIL.search(text[span[0]:span[1]]):
            break
        fields.append(span)
    last = (fields or [title or name])[-1]
    return Contact(name, title, tuple(fields), (name[0], last[1]))


def _title_length(line: str) -> int:
    """How many words of ``line`` are a title when it is wholly one: a title, its portfolio, and
    its field after a comma or in brackets ("Manager, Communications", "Head of Media Relations",
    "Assistant Director (Corporate Affairs)"); else 0.

    Examples:
        >>> _title_length("Assistant Director (Corporate Affairs)"), _title_length("Director (see below) of Acme")
        (4, 0)
    """
    words = line.replace(",", " , ").split()
    length = lexicon.title_length(words, 0)
    if not length:
        return 0
    length += lexicon.portfolio_length(words, length)
    rest = words[length:]
    if not rest or rest[0] == ",":
        return len(words)  # the whole line: the title and its field
    if rest[0].startswith("(") and rest[-1].endswith(")") and not any(")" in w for w in rest[:-1]):
        return len(words)  # the field in brackets closing the line
    return 0


_BYLINE_NAMES = re.compile(r"^(?:by|written by)\s+(?P<names>[^,|·•(\n]+?)\s*(?:[,|·•(]|\s-\s|\s+in\s+[A-Z]|$)", re.I)
_NAME_PARTICLES = {"bin", "binti", "bte", "de", "van", "von", "al", "da", "di", "le"}


def byline_authors(line: str) -> list[tuple[int, int]]:
    """The spans of the authors' names a byline gives: "By A[ and B], TITLE | date".

    A name is two to six words, capitalised but for particles ("binti", "van"), no title
    nor honorific among them; a desk or a staff names nobody ("By a staff correspondent",
    "By our trade desk", "By Dispatch staff", "By Staff Reporter").

    Examples:
        >>> line = "By Nurul Aini binti Hassan and Chloe Ang-Tan, Correspondents | 9 June"
        >>> [line[a:b] for a, b in byline_authors(line)]
        ['Nurul Aini binti Hassan', 'Chloe Ang-Tan']
        >>> byline_authors("By our trade desk"), byline_authors("By Staff Reporter | 9 June")
        ([], [])
    """
    match = _BYLINE_NAMES.match(line)
    if match is None:
        return []
    found = []
    at = match.start("names")
    for part in re.split(r"(\s+(?:and|&)\s+)", match.group("names")):
        words = part.split()
        if words and lexicon.is_honorific(words[0]):
            words = words[1:]
        capitals = [w for w in words if w not in _NAME_PARTICLES]
        if (2 <= len(words) <= 6 and len(capitals) >= 2 and all(_NAME_WORD.match(w) for w in capitals)
                and not any(lexicon.title_length(words, k) or lexicon.is_honorific(w) for k, w in enumerate(words))):
            end = at + len(part)
            found.append((end - len(" ".join(words)) if part.endswith(" ".join(words)) else at, end))
        at += len(part)
    return found


def is_body_field(field: str) -> bool:
    """Whether a field of a contact after its name and title may name a body: capitalised words,
    "of", "and", "&", "the" and "for" between them, no title and no digit.

    Examples:
        >>> is_body_field("Quayline Robotics"), is_body_field("Ministry of Trade and Industry")
        (True, True)
        >>> is_body_field("Level 3 Harbour Tower"), is_body_field("Senior Manager"), is_body_field("the press office")
        (False, False, False)
    """
    words = field.split()
    return (0 < len(words) <= 10 and words[0][:1].isupper() and not lexicon.title_length(words, 0)
            and all(w[:1].isupper() and not any(c.isdigit() for c in w) or w in ("of", "and", "&", "the", "for")
                    for w in words))


def _is_name(line: str) -> bool:
    """Whether a line (or a field) is shaped as a person's name: two to four capitalised words, an honorific before.

    Examples:
        >>> _is_name("Hana Teo"), _is_name("Ms Hana Teo"), _is_name("Corporate Communications Division")
        (True, True, False)
        >>> _is_name("MINISTRY OF TRADE"), _is_name("Tel: 6000 0000"), _is_name("Assistant Director")
        (False, False, False)
    """
    words = line.split()
    if words and lexicon.is_honorific(words[0]):
        words = words[1:]
    return (2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)
            and not lexicon.name_head(words)[0] and not lexicon.title_length(words, 0)
            and not any(lexicon.head_type(w) or lexicon.is_title_modifier(w) for w in words)
            and not lexicon.is_industry_noun(words[-1]) and not lexicon.is_company_ending(words[-1]))


__all__ = ["Contact", "byline_authors", "contact_blocks", "is_body_field"]
