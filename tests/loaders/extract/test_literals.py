"""Literals finds what the regular expression alternation it replaces finds, match for match."""

import random
import re

import pytest

from sgcn.loaders.extract.literals import Literals

SURROUNDINGS = [(r"[\w@.-]", r"[\w@]|-[A-Z]"), (r"[\w-]", r"[\w-]")]


def _alternation(names, before, after):
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(rf"(?<!{before})(?:" + "|".join(map(re.escape, ordered)) + rf")(?!{after})")


@pytest.mark.parametrize("before, after", SURROUNDINGS)
def test_same_matches_as_the_alternation(before, after):
    rng = random.Random(7)
    alphabet = "ab.-@ _AB1é\n"
    found = 0
    for trial in range(3000):
        # an empty name now and then: it matches between characters, as in re
        shortest = 0 if trial % 100 == 0 else 1
        names = {"".join(rng.choice(alphabet) for _ in range(rng.randint(shortest, 4))) for _ in range(rng.randint(1, 8))}
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        want = [(m.start(), m.end(), m.group(0)) for m in _alternation(names, before, after).finditer(text)]
        finder = Literals(names, before=re.compile(before), after=re.compile(after))
        assert [(m.start(), m.end(), m.group(0)) for m in finder.finditer(text)] == want, (names, text)
        found += len(want)
    assert found > 300  # the texts do hold names


def test_gazetteer_names_in_a_sentence():
    from sgcn.loaders.extract import gazetteer

    names = gazetteer.names()
    text = ("The Ministry of Trade and Industry (MTI) of Singapore and Chongqing met at the "
            "Singapore-China (Chongqing) Demonstration Initiative, singapore-based firms aside.")
    before, after = SURROUNDINGS[0]
    want = [(m.start(), m.group(0)) for m in _alternation(names, before, after).finditer(text)]
    got = [(m.start(), m.group(0)) for m in Literals(names, before=re.compile(before), after=re.compile(after)).finditer(text)]
    assert got == want and len(want) >= 3
