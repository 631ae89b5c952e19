"""Readers for Unicode's bidi conformance files (Debian package unicode-data) and the check
that reader.bidi's levels and order agree with them. Used by test_bidi_conformance.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.bidi.levels import resolve_levels
from reader.bidi.reorder import apply_l1, visual_runs

UNICODE_DATA = Path("/usr/share/unicode")
CHARACTER_TEST = UNICODE_DATA / "BidiCharacterTest.txt"
CLASS_TEST = UNICODE_DATA / "BidiTest.txt"
# One character for each bidi class, for BidiTest.txt (which lists classes, not characters).
SAMPLE = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "%", "AN": "\u0661",
    "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029", "S": "\t", "WS": " ",
    "ON": "!", "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d",
    "RLO": "\u202e", "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}  # fmt: skip

Case = tuple[str, int | None, int | None, list[str], list[int] | None]  # text, base, level...


def character_cases() -> Iterator[Case]:
    """(text, forced base or None, paragraph level, levels, order) per BidiCharacterTest line."""
    for line in CHARACTER_TEST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cps, direction, level, levels, order = line.split(";")
        text = "".join(chr(int(cp, 16)) for cp in cps.split())
        base = None if direction == "2" else int(direction)
        yield text, base, int(level), levels.split(), [int(i) for i in order.split()]


def class_cases() -> Iterator[Case]:
    """(text, forced base or None, None, levels, order) per BidiTest.txt data line and
    paragraph direction in its bitset."""
    levels: list[str] = []
    order: list[int] = []
    for line in CLASS_TEST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("@Levels:"):
            levels = line.split(":")[1].split()
        elif line.startswith("@Reorder:"):
            order = [int(i) for i in line.split(":")[1].split()]
        elif not line.startswith("@"):
            classes, bitset = line.split(";")
            text = "".join(SAMPLE[name] for name in classes.split())
            for bit, base in ((1, None), (2, 0), (4, 1)):
                if int(bitset, 16) & bit:
                    yield text, base, None, levels, order


def check(case: Case) -> str | None:
    """None if reader.bidi resolves the case as Unicode says, else what differs."""
    text, base, want_level, want_levels, want_order = case
    level, levels = resolve_levels(text, base)
    levels = apply_l1(text, levels, level)
    got = [str(ord(c)) for c in levels]
    if want_level is not None and level != want_level:
        return f"paragraph level {level} != {want_level}"
    if any(w != "x" and w != g for w, g in zip(want_levels, got, strict=True)):
        return f"levels {got} != {want_levels}"
    if want_order is not None:
        order = [
            i
            for start, end, lvl in visual_runs(levels)
            for i in (range(end - 1, start - 1, -1) if lvl & 1 else range(start, end))
            if want_levels[i] != "x"
        ]
        if order != want_order:
            return f"order {order} != {want_order}"
    return None
