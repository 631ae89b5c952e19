"""The embedding levels and order are Unicode's: every line of BidiCharacterTest.txt (91,707
cases, ~4 s), and from BidiTest.txt every case our shortcut (levels.py's trivial levels)
takes plus every 16th other case. A seeded random comparison of the shortcut against the full
algorithm covers longer strings than Unicode's files do."""

from __future__ import annotations

import random
from itertools import islice

import pytest

from reader.bidi.levels import _dump, _trivial_levels, base_level
from tests.bidi_conformance import CHARACTER_TEST, CLASS_TEST, character_cases, check, class_cases
from tests.bidi_support import require


@pytest.fixture(autouse=True)
def unicode_data() -> None:
    require(CHARACTER_TEST.is_file() and CLASS_TEST.is_file(), "Unicode's bidi test files")


def failures(cases, limit: int = 10) -> list[str]:
    found = ((case, check(case)) for case in cases)
    return [
        f"{case[0]!r} base={case[1]}: {why}"
        for case, why in islice(((c, w) for c, w in found if w), limit)
    ]


def test_every_line_of_bidi_character_test() -> None:
    cases = list(character_cases())
    assert len(cases) > 90_000
    assert failures(cases) == []


def takes_shortcut(case) -> bool:
    text, base = case[0], case[1]
    return _trivial_levels(text, base_level(text) if base is None else base) is not None


def test_bidi_test_cases_the_shortcut_takes_and_a_sample_of_the_rest() -> None:
    shortcut, other = [], []
    for case in class_cases():
        if takes_shortcut(case):
            shortcut.append(case)
        else:
            other.append(case)
    assert len(shortcut) > 30_000  # LTR, RTL without numbers, RTL with numbers
    assert failures(shortcut) == []
    assert failures(other[::16]) == []


# Characters of every class a shortcut accepts, several per class, numbers included.
NEUTRAL = (
    "0123456789" "۰۱۲۳۴۵۶۷۸۹" "+-" "%$#°" ",.:/" "\u0300\u0301" "\u00ad\u200b\u200c\u200d"
    "  " "!\"'()[]{}«»“”…–—?;"
)  # fmt: skip
POOLS = {
    0: "abcdefxyzABCÉéßñ" + NEUTRAL,  # left to right: no R, AL, AN
    1: "ابتثلامنهويءآأإةىپچژگکی" "אבגד" "٠١٢٣٤٥٦٧٨٩" "٪،٫٬؟؛" "\u064b\u064e\u0650\u0651\u0652"
    "\u0600\u0601" + NEUTRAL,  # right to left: no L
}  # fmt: skip


@pytest.mark.parametrize(("direction", "pool"), [(None, 1), (0, 0), (1, 1)])
def test_shortcut_equals_the_full_algorithm_on_random_text(
    direction: int | None, pool: int
) -> None:
    rng = random.Random(20260423 + pool + (direction or 7))
    taken = 0
    for _ in range(5000):
        text = "".join(rng.choices(POOLS[pool], k=rng.randint(1, 40)))
        base = base_level(text) if direction is None else direction
        fast = _trivial_levels(text, base)
        if fast is None:
            continue
        taken += 1
        assert [ord(c) for c in fast] == [ord(c) for c in _dump(text, base)[1]], repr(text)
    assert taken > 2000
