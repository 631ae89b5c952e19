"""Character tables for the bidi layer, made on first use (not at import, so commands that
never lay out text do not pay for them) from reader/bidi/table_sources.py.

Cell widths are Rich's (`rich.cells`, imported on first use): Textual draws our lines with
Rich's widths, so any other table misaligns them (583 code points disagreed: U+00AD,
U+0600-0605, U+06DD, spacing vowel signs, U+3164...). One width function for both.

The hot paths test whole strings with compiled regexes (C speed) instead of looking at
characters one by one in Python. The regex classes cover the Basic Multilingual Plane; every
character above U+FFFF sends a paragraph down the exact but slower paths.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from bidi.mirror import MIRRORED

from reader.bidi.char_classes import ENGINE, char_class, compiled_form, revive
from reader.bidi.table_sources import ASTRAL as ASTRAL
from reader.bidi.table_sources import BMP as BMP
from reader.bidi.table_sources import CLASS_CODE, EVERY_ASTRAL, kept, sources
from reader.bidi.table_sources import HARAKA as HARAKA
from reader.bidi.table_sources import HARAKAT as HARAKAT

REPLACEMENT = "\ufffd"
# Never sent in terminal mode (app mode drops every format character but PREPENDED_MARKS):
# soft hyphen, Mongolian vowel separator, zero-width space, word joiner and invisible
# operators, bidi embeddings, overrides and isolates (the terminal would obey them), the
# deprecated format characters and the tag block. ZWJ, ZWNJ, LRM, RLM and ALM are kept.
INVISIBLE = re.compile(
    "[\xad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\U000e0000-\U000e007f]"
)
# C0/C1 controls, line/paragraph separators, lone surrogates: never sent to a terminal.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
MIRROR: dict[int, str] = {ord(a): b for a, b in MIRRORED.items()}


@dataclass(frozen=True)
class Tables:
    classes: str  # classes[cp]: class letter of BMP code point cp (for str.translate)
    kind: str  # kind[cp]: "m" mark (Mn, Me, Mc), "z" format (Cf), "n" else
    rtl_blockers: re.Pattern[str]  # what makes an RTL paragraph's levels non-trivial
    ltr_blockers: re.Pattern[str]  # what makes an LTR paragraph's levels non-trivial
    numbers: re.Pattern[str]  # EN, AN
    boundary_neutrals: re.Pattern[str]  # BN
    strong: re.Pattern[str]  # group 1: R or AL; else L
    isolates_or_astral: re.Pattern[str]
    trailing_ws: re.Pattern[str]  # L1
    mark: re.Pattern[str]
    marks_before_base: re.Pattern[str]
    drop_format: dict[int, None]
    drop_format_and_harakat: dict[int, None]


@cache
def tables() -> Tables:
    found = sources()
    forms = found.get("compiled", {})
    compiled = {name: revive(source, forms.get(name)) for name, source in found["patterns"].items()}
    return Tables(
        classes=found["classes"],
        kind=found["kind"],
        rtl_blockers=compiled["rtl_blockers"],
        ltr_blockers=compiled["ltr_blockers"],
        numbers=compiled["numbers"],
        boundary_neutrals=compiled["boundary_neutrals"],
        strong=compiled["strong"],
        isolates_or_astral=compiled["isolates_or_astral"],
        trailing_ws=compiled["trailing_ws"],
        mark=compiled["mark"],
        marks_before_base=compiled["marks_before_base"],
        drop_format=dict.fromkeys(found["formats"]),
        drop_format_and_harakat=dict.fromkeys(found["formats"] + found["harakat"]),
    )


def char_cells(ch: str) -> int:
    """Cells of one code point, as Rich counts them (0 for marks and most format characters,
    2 for wide ones, else 1)."""
    return _rich_cells()(ch)


@cache
def not_single_cell() -> re.Pattern[str]:
    """Matches any character whose width is not 1 in Rich's table (controls, marks, wide)."""
    from rich._unicode_data import load  # the table rich.cells reads, for the same version

    widths = load("auto").widths
    name = f"cell-widths-{hash(tuple(widths)) & (1 << 64) - 1:016x}-{ENGINE}"  # ints: same each run
    found = kept(name, lambda: _width_class(widths), lambda d: isinstance(d.get("source"), str))
    return revive(found["source"], found.get("compiled"))


def _width_class(widths: Sequence[tuple[int, int, int]]) -> dict[str, Any]:
    # A letter per BMP code point, "w" where the width is not 1 (controls included); every
    # character above the BMP takes the exact path.
    letters = bytearray(b"1" * BMP)
    letters[0x00:0x20], letters[0x7F:0xA0] = b"w" * 0x20, b"w" * 0x21  # C0, DEL and C1
    for first, last, cells in widths:
        if cells != 1 and first < BMP:
            last = min(last, BMP - 1)
            letters[first : last + 1] = b"w" * (last - first + 1)
    source = char_class(letters.decode("ascii"), "w", EVERY_ASTRAL)
    return {"source": source, "compiled": compiled_form(source)}


@cache
def _rich_cells() -> Callable[[str], int]:
    from rich.cells import get_character_cell_size

    return get_character_cell_size


def bidi_class(ch: str) -> str:
    """The class letter (CLASS_CODE) of any code point."""
    cp = ord(ch)
    return tables().classes[cp] if cp < BMP else CLASS_CODE[unicodedata.bidirectional(ch)]
