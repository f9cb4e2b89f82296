"""Find any of many literal names in a text, as a regular expression alternation would.

Recognition looks for every name a document or the gazetteer knows in each sentence.
Written as one regular expression (``(?<!B)(?:name|name|...)(?!A)``, longest names
first), that is a pattern of some 300 alternatives, and Python's ``re`` takes about
20 ms to compile it: once per document (and once more per capitalised sentence), a
tenth of a short document's extraction. :class:`Literals` finds the same matches, in
the same order, without compiling anything: names are indexed by their first two
characters, and at each position the longest name there whose surroundings pass the
two tests wins, as the alternation's first matching branch does.

Examples:
    >>> import re
    >>> finder = Literals(["Li Bo", "Li", "Bo Li"], before=re.compile(r"[\\w-]"), after=re.compile(r"[\\w-]"))
    >>> [(m.start(), m.end(), m.group(0)) for m in finder.finditer("Li Bo met Bo Li-X and Li.")]
    [(0, 5, 'Li Bo'), (22, 24, 'Li')]
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator


class Match:
    """A found name: ``start()``, ``end()`` and ``group(0)`` as a ``re.Match`` gives them."""

    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self._text


class Literals:
    """The names ``names`` wherever the character before is no ``before`` and the text after no ``after``.

    The same matches as ``re.finditer`` of ``(?<!BEFORE)(?:n1|n2|...)(?!AFTER)`` with the
    names escaped and sorted longest first: leftmost first, at a position the longest
    name that fits, the search going on after it.

    Args:
        names: the literal names (duplicates are harmless).
        before: a pattern of one character that may not precede a name (the negative
            lookbehind's class, e.g. ``[\\w@.-]``), tested with ``match`` at that character.
        after: a pattern that may not follow a name (the negative lookahead's body, e.g.
            ``[\\w@]|-[A-Z]``), tested with ``match`` at the name's end.

    Examples:
        >>> import re
        >>> f = Literals(["Singapore", "Singapore Pools"], before=re.compile(r"[\\w@.-]"),
        ...              after=re.compile(r"[\\w@]|-[A-Z]"))
        >>> [m.group(0) for m in f.finditer("Singapore Pools, Singapore-China, Singaporean, Singapore-based")]
        ['Singapore Pools', 'Singapore']
    """

    def __init__(self, names: Iterable[str], *, before: re.Pattern, after: re.Pattern) -> None:
        names = set(names)
        self._regex = None
        if "" in names:  # an empty name matches between any two characters: let re find those
            ordered = sorted(names, key=lambda n: (-len(n), n))
            self._regex = re.compile(f"(?<!{before.pattern})(?:" + "|".join(map(re.escape, ordered))
                                     + f")(?!{after.pattern})")
        by_prefix: dict[str, list[str]] = {}
        for name in names:
            by_prefix.setdefault(name[:2], []).append(name)
        for found in by_prefix.values():
            found.sort(key=lambda n: (-len(n), n))
        self._by_prefix = by_prefix
        self._before, self._after = before, after

    def finditer(self, text: str) -> Iterator[Match]:
        """Every match in ``text``, left to right, none overlapping."""
        if self._regex is not None:
            yield from self._regex.finditer(text)
            return
        by_prefix, before, after = self._by_prefix, self._before, self._after
        at, size = 0, len(text)
        while at < size:
            if at and before.match(text, at - 1):
                at += 1
                continue
            # two-character names and longer, then one-character ones: longest first
            found = None
            for key in (text[at:at + 2], text[at]):
                for name in by_prefix.get(key, ()):
                    if text.startswith(name, at) and not after.match(text, at + len(name)):
                        found = name
                        break
                if found is not None or len(key) == 1:
                    break
            if found is not None:
                yield Match(at, found)
                at += len(found)
            else:
                at += 1
