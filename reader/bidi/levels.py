"""Embedding levels of one paragraph (UAX #9 up to rule I2; L1 is per line, in reorder.py).

Levels come from python-bidi 0.6's Rust core (the unicode-bidi crate). Its only way out is
the debug dump of `get_display(text, debug=True)`: a Rust `{:#?}` print of `BidiInfo` whose
`levels` are per UTF-8 byte. Most Arabic news paragraphs need none of that: when a
right-to-left paragraph has no strong left-to-right character and no explicit formatting,
every character is at level 1 except numbers (level 2), and the few W rules that decide what
counts as a number run here on a class string. Both paths are checked against Unicode's
BidiTest.txt and BidiCharacterTest.txt (tests/test_bidi_conformance.py).

Levels are returned as a str with one chr(level) per character: slicing and regex run in C.
"""

from __future__ import annotations

import re

from bidi import get_display

from reader.bidi.tables import tables

_LEVEL = re.compile(r"Level\(\s*(\d+)")
_LEVELS_START, _LEVELS_END = "\n    levels: [", "\n    paragraphs: ["
_PARAGRAPH_LEVEL = re.compile(r"level: Level\(\s*(\d+)")
_UTF8_LEAD = re.compile(rb"[^\x80-\xbf]")
# W1-W6 on a class string (tables.CLASS_CODE letters) of an RTL paragraph with no L, no BN
# and no explicit formatting; only whether a character ends up EN/AN (level 2) matters.
_NSM_RUN = re.compile(r"(^|[^M])(M+)")
_AFTER_AL = re.compile(r"A[^R]*")  # from an AL to the next R: the last strong type is AL
_SEP_BETWEEN_EN = re.compile(r"(?<=E)[SC](?=E)")
_CS_BETWEEN_AN = re.compile(r"(?<=N)C(?=N)")
_ET_NEXT_TO_EN = re.compile(r"T+(?=E)|(?<=E)T+")
_NUMBER_LEVEL = str.maketrans({c: "\x02" if c in "EN" else "\x01" for c in "LRAESTNCMBPGWOXIDU"})


def base_level(text: str) -> int:
    """P2/P3: 1 if the first strong character (outside isolates) is R or AL, else 0."""
    t = tables()
    if not t.isolates_or_astral.search(text):
        found = t.strong.search(text)
        return 1 if found is not None and found.group(1) is not None else 0
    return _dump(text, None)[0]


def resolve_levels(text: str, base: int | None = None) -> tuple[int, str]:
    """(paragraph level, levels) for one paragraph; `base` forces 0 (LTR) or 1 (RTL)."""
    level = base_level(text) if base is None else base
    fast = _trivial_levels(text, level)
    return (level, fast) if fast is not None else _dump(text, level)


def _trivial_levels(text: str, level: int) -> str | None:
    t = tables()
    if level == 0:
        # No R, AL, AN: every EN becomes L (W7) and every neutral L (N1, N2): all level 0.
        return None if t.ltr_blockers.search(text) else "\x00" * len(text)
    if level != 1 or t.rtl_blockers.search(text):
        return None
    if not t.numbers.search(text):
        return "\x01" * len(text)  # only R, AL and neutrals: all resolve to R at level 1
    if t.boundary_neutrals.search(text):
        return None  # BN between a number and its neighbours: let the full algorithm decide
    cls = text.translate(t.classes)
    if "M" in cls:  # W1: NSM takes the type of the character before it (sos is R)
        cls = _NSM_RUN.sub(lambda m: m[1] + (m[1] or "R") * len(m[2]), cls)
    if "A" in cls:  # W2: EN after AL (no R since) becomes AN
        cls = _AFTER_AL.sub(_en_to_an, cls)
    cls = _SEP_BETWEEN_EN.sub("E", cls)  # W4
    cls = _CS_BETWEEN_AN.sub("N", cls)
    if "T" in cls:
        cls = _ET_NEXT_TO_EN.sub(lambda m: "E" * len(m[0]), cls)  # W5
    # W6/W7 and N0-N2 only leave R (no L exists; numbers count as R): EN/AN go to 2 (I2).
    return cls.translate(_NUMBER_LEVEL)


def _en_to_an(m: re.Match[str]) -> str:
    return m[0].replace("E", "N")


def _dump(text: str, level: int | None) -> tuple[int, str]:
    """Levels from the unicode-bidi crate's debug dump, mapped from UTF-8 bytes to characters."""
    if not text:
        return (level or 0), ""
    dump = get_display(text, base_dir=None if level is None else "LR"[level], debug=True)
    start, end = dump.find(_LEVELS_START), dump.find(_LEVELS_END)
    per_byte = _LEVEL.findall(dump, start, end)
    utf8 = text.encode("utf-8")
    paragraph = _PARAGRAPH_LEVEL.search(dump, end)
    if start < 0 or end < 0 or len(per_byte) != len(utf8) or paragraph is None:
        raise RuntimeError("python-bidi's debug dump changed format: pin python-bidi 0.6")
    if len(utf8) == len(text):
        levels = "".join(map(chr, map(int, per_byte)))
    else:
        levels = "".join([chr(int(per_byte[m.start()])) for m in _UTF8_LEAD.finditer(utf8)])
    return int(paragraph[1]), levels
