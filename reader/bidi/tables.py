"""Character tables for the bidi layer, built from `unicodedata` on first use (about 50 ms),
not at import, so commands that never lay out text do not pay for them.

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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bidi.mirror import MIRRORED

BMP = 0x10000
ASTRAL = "\U00010000-\U0010ffff"
REPLACEMENT = "\ufffd"
# Harakat (Arabic-script combining marks): removed by default, 0 cells when kept.
HARAKAT = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
)
HARAKA = re.compile(f"[{HARAKAT}]")
# Skin-tone modifiers: drawn with the emoji before them, so they follow it like a mark.
EMOJI_MODIFIERS = "\U0001f3fb-\U0001f3ff"
# Format characters that are drawn (prepended concatenation marks: the Arabic number sign,
# END OF AYAH...): kept when other format characters are dropped at draw time.
PREPENDED_MARKS = frozenset(
    [*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD]
)
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

# One letter per bidi class (UAX #9 table 4); "U" marks unassigned code points.
CLASS_CODE = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "S", "ET": "T", "AN": "N", "CS": "C",
    "NSM": "M", "BN": "B", "B": "P", "S": "G", "WS": "W", "ON": "O",
    "LRE": "X", "RLE": "X", "LRO": "X", "RLO": "X", "PDF": "X",
    "LRI": "I", "RLI": "I", "FSI": "I", "PDI": "D", "": "U",
}  # fmt: skip


def _ranges(text: str, codes: str) -> str:
    """A regex class body matching the BMP code points whose letter in `text` is in `codes`."""
    out = []
    for m in re.finditer(f"[{codes}]+", text):
        first, last = re.escape(chr(m.start())), re.escape(chr(m.end() - 1))
        out.append(first if m.end() - m.start() == 1 else f"{first}-{last}")
    return "".join(out)


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
    chars = list(map(chr, range(BMP)))
    # str.translate(classes) maps a BMP string to its class string (characters above the BMP
    # stay as they are: the IndexError counts as "unmapped").
    classes = "".join([CLASS_CODE[c] for c in map(unicodedata.bidirectional, chars)])
    mark_or_format = {"Mn": "m", "Me": "m", "Mc": "m", "Cf": "z"}
    kind = "".join([mark_or_format.get(c, "n") for c in map(unicodedata.category, chars)])
    hard = _ranges(classes, "XIDPGU") + ASTRAL  # explicit, separators, unassigned, astral
    marks = _ranges(kind, "m") + EMOJI_MODIFIERS
    formats = [m.start() for m in re.finditer("z", kind)] + [
        cp  # format characters above the BMP: tags (emoji flags), Egyptian, musical...
        for cp in (*range(0x11000, 0x14000), *range(0x1BC00, 0x1D200), *range(0xE0000, 0xE0100))
        if unicodedata.category(chr(cp)) == "Cf"
    ]
    formats = [cp for cp in formats if cp not in PREPENDED_MARKS]
    harakat = [cp for cp in range(0x0600, 0x0900) if HARAKA.match(chr(cp))]
    return Tables(
        classes=classes,
        kind=kind,
        rtl_blockers=re.compile(f"[{_ranges(classes, 'L')}{hard}]"),
        ltr_blockers=re.compile(f"[{_ranges(classes, 'RAN')}{hard}]"),
        numbers=re.compile(f"[{_ranges(classes, 'EN')}]"),
        boundary_neutrals=re.compile(f"[{_ranges(classes, 'B')}]"),
        # P2's first strong character; valid when the text has no isolates and no astral.
        strong=re.compile(f"([{_ranges(classes, 'RA')}])|[{_ranges(classes, 'L')}]"),
        isolates_or_astral=re.compile(f"[{_ranges(classes, 'ID')}{ASTRAL}]"),
        # L1: whitespace, isolate formatting (and BN, removed by X9) at the end of a line.
        trailing_ws=re.compile(f"[{_ranges(classes, 'WBIDG')}]+\\Z"),
        mark=re.compile(f"[{marks}]"),
        # A reversed run puts marks before their base letter: swap them back after it.
        marks_before_base=re.compile(f"([{marks}]+)([^{marks}])"),
        drop_format=dict.fromkeys(formats),
        drop_format_and_harakat=dict.fromkeys(formats + harakat),
    )


def char_cells(ch: str) -> int:
    """Cells of one code point, as Rich counts them (0 for marks and most format characters,
    2 for wide ones, else 1)."""
    return _rich_cells()(ch)


@cache
def not_single_cell() -> re.Pattern[str]:
    """Matches any character whose width is not 1 in Rich's table (controls, marks, wide)."""
    from rich._unicode_data import load  # the table rich.cells reads, for the same version

    # BMP ranges only (a class of BMP ranges compiles to a bitmap); every character above
    # the BMP takes the exact path.
    ranges = [(a, min(b, BMP - 1)) for a, b, cells in load("auto").widths if cells != 1 and a < BMP]
    body = "".join(
        re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges
    )
    return re.compile(f"[\x00-\x1f\x7f-\x9f{body}{ASTRAL}]")


@cache
def _rich_cells() -> Callable[[str], int]:
    from rich.cells import get_character_cell_size

    return get_character_cell_size


def bidi_class(ch: str) -> str:
    """The class letter (CLASS_CODE) of any code point."""
    cp = ord(ch)
    return tables().classes[cp] if cp < BMP else CLASS_CODE[unicodedata.bidirectional(ch)]
