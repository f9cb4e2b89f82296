"""The one place names are normalised: for keys, and folded for comparison.

Every rule that files a name under a key or compares two names goes through these
two functions, so that a quote mark, a double space or a capital never makes two
entities of one name.

Examples:
    >>> normalize("Chongqing Municipal People’s  Government")
    "chongqing municipal people's government"
    >>> fold("Chongqing Municipal People’s  Government")
    'chongqing municipal peoples government'
"""

from __future__ import annotations

import functools
import re

from sgcn.loaders.document import without_invisible

# Both are pure and asked about the same few names again and again (every rule comparing
# two entities folds their names: 240,000 times in a 170,000-character document).
_REMEMBERED = 1 << 16


@functools.lru_cache(maxsize=_REMEMBERED)
def normalize(name: str) -> str:
    """A name as keys and lookups hold it: lower case, one kind of apostrophe, single spaces,
    no invisible format characters (a zero-width space inside a name makes no second entity).

    Examples:
        >>> normalize("  Ministry of  Trade ‘and’ Industry "), normalize("Luke Go\u200bh")
        ("ministry of trade 'and' industry", 'luke goh')
    """
    name = without_invisible(name).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", name).strip().lower()


@functools.lru_cache(maxsize=_REMEMBERED)
def fold(name: str) -> str:
    """A name folded further for comparison: apostrophes and punctuation dropped, letters and digits kept.

    Examples:
        >>> fold("Singapore-China (Shenzhen) Smart City Initiative")
        'singapore china shenzhen smart city initiative'
    """
    return " ".join(re.findall(r"[a-z0-9]+", normalize(name).replace("'", "")))
