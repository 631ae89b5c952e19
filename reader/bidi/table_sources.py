"""What the bidi tables are made of, as plain data: a letter per BMP code point for its bidi
class and for its kind (mark, format, other), the format characters and harakat to drop,
and the sources of the regexes (reader/bidi/tables.py compiles them).

Building them visits the 65,536 BMP code points twice through `unicodedata` (about 60 ms),
so the app keeps them between runs in a file in the user's cache directory (`keep_in`),
named for what they depend on: Python's Unicode version and this file's text. Reading it back
takes about 1 ms. The file is derived data: a missing, unreadable or foreign file is built
again, and one that cannot be written is not kept."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict

from reader.bidi.char_classes import BMP as BMP
from reader.bidi.char_classes import ENGINE, Form, char_class, compiled_form, negated

ASTRAL = "\U00010000-\U0010ffff"
EVERY_ASTRAL = ((BMP, 0x10FFFF),)
# Skin-tone modifiers: drawn with the emoji before them, so they follow it like a mark.
EMOJI_MODIFIERS = ((0x1F3FB, 0x1F3FF),)
# Harakat (Arabic-script combining marks): removed by default, 0 cells when kept.
HARAKAT = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
)
HARAKA = re.compile(f"[{HARAKAT}]")
# Format characters that are drawn (prepended concatenation marks: the Arabic number sign,
# END OF AYAH...): kept when other format characters are dropped at draw time.
PREPENDED_MARKS = frozenset(
    [*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD]
)
# One letter per bidi class (UAX #9 table 4); "U" marks unassigned code points.
CLASS_CODE = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "S", "ET": "T", "AN": "N", "CS": "C",
    "NSM": "M", "BN": "B", "B": "P", "S": "G", "WS": "W", "ON": "O",
    "LRE": "X", "RLE": "X", "LRO": "X", "RLO": "X", "PDF": "X",
    "LRI": "I", "RLI": "I", "FSI": "I", "PDI": "D", "": "U",
}  # fmt: skip
# Each general category's letter in `kind`.
KIND = {
    "Mn": "m", "Me": "m", "Mc": "m", "Cf": "z",
    "Lu": "n", "Ll": "n", "Lt": "n", "Lm": "n", "Lo": "n", "Nd": "n", "Nl": "n", "No": "n",
    "Pc": "n", "Pd": "n", "Ps": "n", "Pe": "n", "Pi": "n", "Pf": "n", "Po": "n", "Sm": "n",
    "Sc": "n", "Sk": "n", "So": "n", "Zs": "n", "Zl": "n", "Zp": "n", "Cc": "n", "Cs": "n",
    "Co": "n", "Cn": "n",
}  # fmt: skip
HARD = "XIDPGU"  # explicit, separators, unassigned (and every astral code point)


class Sources(TypedDict):
    classes: str  # classes[cp]: class letter of BMP code point cp (for str.translate)
    kind: str  # kind[cp]: "m" mark (Mn, Me, Mc), "z" format (Cf), "n" else
    formats: list[int]  # format characters dropped at draw time
    harakat: list[int]
    patterns: dict[str, str]  # Tables field -> regex source
    compiled: dict[str, Form | None]  # Tables field -> its compiled form (char_classes.py)


_folder: Path | None = None


def keep_in(folder: Path) -> None:
    """Keep the sources in `folder` between runs (the app's cache directory)."""
    global _folder
    _folder = folder


def sources() -> Sources:
    found: Sources = kept(  # (our own file, by its name)
        f"bidi-tables-{_version()}", build, lambda d: len(d.get("classes", "")) == BMP
    )
    return found


def kept(name: str, make: Callable[[], Any], valid: Callable[[dict[str, Any]], bool]) -> Any:
    """The dict `make()` gives, read from `name`.json in the folder when it is there and
    `valid`, else made (and written there for the next run)."""
    path = _folder / f"{name}.json" if _folder is not None else None
    if path is not None:
        try:
            found = json.loads(path.read_bytes())
            if isinstance(found, dict) and valid(found):
                return found
        except (OSError, ValueError):
            pass
    made = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as out:
                out.write(json.dumps(made).encode())  # ASCII: classes hold lone surrogates
            os.replace(out.name, path)
        except OSError:
            pass
    return made


def _version() -> str:
    """Python's Unicode version, its regex engine and a checksum of this file (the code
    that builds them)."""
    crc = zlib.crc32(Path(__file__).read_bytes())
    py = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return f"{unicodedata.unidata_version}-{py}-{ENGINE}-{crc:08x}"


def build() -> Sources:
    chars = list(map(chr, range(BMP)))
    # Built by `map` over dicts' __getitem__: no Python code per code point.
    classes = "".join(map(CLASS_CODE.__getitem__, map(unicodedata.bidirectional, chars)))
    kind = "".join(map(KIND.__getitem__, map(unicodedata.category, chars)))
    formats = [m.start() for m in re.finditer("z", kind)] + [
        cp  # format characters above the BMP: tags (emoji flags), Egyptian, musical...
        for cp in (*range(0x11000, 0x14000), *range(0x1BC00, 0x1D200), *range(0xE0000, 0xE0100))
        if unicodedata.category(chr(cp)) == "Cf"
    ]
    marks = char_class(kind, "m", EMOJI_MODIFIERS)
    patterns = {
        "rtl_blockers": char_class(classes, "L" + HARD, EVERY_ASTRAL),
        "ltr_blockers": char_class(classes, "RAN" + HARD, EVERY_ASTRAL),
        "numbers": char_class(classes, "EN"),
        "boundary_neutrals": char_class(classes, "B"),
        # P2's first strong character; valid when the text has no isolates and no astral.
        "strong": f"({char_class(classes, 'RA')})|{char_class(classes, 'L')}",
        "isolates_or_astral": char_class(classes, "ID", EVERY_ASTRAL),
        # L1: whitespace, isolate formatting (and BN, removed by X9) at the end of a line.
        "trailing_ws": char_class(classes, "WBIDG") + "+\\Z",
        "mark": marks,
        # A reversed run puts marks before their base letter: swap them back after it.
        "marks_before_base": f"({marks}+)({negated(marks)})",
    }
    return Sources(
        classes=classes,
        kind=kind,
        formats=[cp for cp in formats if cp not in PREPENDED_MARKS],
        harakat=[cp for cp in range(0x0600, 0x0900) if HARAKA.match(chr(cp))],
        patterns=patterns,
        compiled={name: compiled_form(source) for name, source in patterns.items()},
    )
