"""Character tables for the bidi layer, built from `unicodedata` on first use (about 50 ms),
not at import, so commands that never lay out text do not pay for them.

The hot paths test whole strings with compiled regexes (C speed) instead of looking at
characters one by one in Python. The regex classes cover the Basic Multilingual Plane; every
character above U+FFFF sends a paragraph down the exact but slower paths.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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
    kind: str  # kind[cp]: "m" mark (Mn, Me), "z" format (Cf), "w" wide (2 cells), "n" else
    rtl_blockers: re.Pattern[str]  # what makes an RTL paragraph's levels non-trivial
    ltr_blockers: re.Pattern[str]  # what makes an LTR paragraph's levels non-trivial
    numbers: re.Pattern[str]  # EN, AN
    boundary_neutrals: re.Pattern[str]  # BN
    strong: re.Pattern[str]  # group 1: R or AL; else L
    isolates_or_astral: re.Pattern[str]
    trailing_ws: re.Pattern[str]  # L1
    mark: re.Pattern[str]
    marks_before_base: re.Pattern[str]
    not_narrow: re.Pattern[str]
    drop_format: dict[int, None]
    drop_format_and_harakat: dict[int, None]


@cache
def tables() -> Tables:
    chars = list(map(chr, range(BMP)))
    # str.translate(classes) maps a BMP string to its class string (characters above the BMP
    # stay as they are: the IndexError counts as "unmapped").
    classes = "".join([CLASS_CODE[c] for c in map(unicodedata.bidirectional, chars)])
    mark_or_format, wide = {"Mn": "m", "Me": "m", "Cf": "z"}, {"W": "w", "F": "w"}
    cats = map(unicodedata.category, chars)
    widths = map(unicodedata.east_asian_width, chars)
    kind = "".join(
        [mark_or_format.get(c) or wide.get(w, "n") for c, w in zip(cats, widths, strict=True)]
    )
    hard = _ranges(classes, "XIDPGU") + ASTRAL  # explicit, separators, unassigned, astral
    marks = _ranges(kind, "m")
    formats = [m.start() for m in re.finditer("z", kind)] + [
        cp  # format characters above the BMP: tags (emoji flags), Egyptian, musical...
        for cp in (*range(0x11000, 0x14000), *range(0x1BC00, 0x1D200), *range(0xE0000, 0xE0100))
        if unicodedata.category(chr(cp)) == "Cf"
    ]
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
        not_narrow=re.compile(f"[{_ranges(kind, 'mzw')}{ASTRAL}]"),
        drop_format=dict.fromkeys(formats),
        drop_format_and_harakat=dict.fromkeys(formats + harakat),
    )


@lru_cache(maxsize=4096)
def char_cells(ch: str) -> int:
    """Cells of one code point: 0 for marks and format characters, 2 for wide ones, else 1."""
    cp = ord(ch)
    if cp < BMP:
        kind = tables().kind[cp]
        return 0 if kind in "mz" else 2 if kind == "w" else 1
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def bidi_class(ch: str) -> str:
    """The class letter (CLASS_CODE) of any code point."""
    cp = ord(ch)
    return tables().classes[cp] if cp < BMP else CLASS_CODE[unicodedata.bidirectional(ch)]
