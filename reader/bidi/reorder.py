"""One line from logical to visual order: UAX #9 L1 (line-end whitespace to the paragraph
level), L2 (reverse runs from the highest level down to the lowest odd one), L3 (combining
marks stay after their base letter) and L4 (mirrored brackets in right-to-left runs).

Lines are handled as runs of equal level, so the characters are moved by str slicing and
translate (C speed). `visual_indices` gives the same order as logical indices, for styles.
"""

from __future__ import annotations

import re
from functools import cache

from reader.bidi.tables import ASTRAL, BMP, MIRROR, UNSAFE, bidi_class, tables

_RUNS = re.compile(r"(.)\1*", re.S)
# L1 on a class string: S and B, whitespace/isolates (and X9-removed BN, embeddings) before
# them or at the end of the line.
_L1 = re.compile(r"[WBIDX]*[GP]|[WBIDX]+\Z")
_ASTRAL = re.compile(f"[{ASTRAL}]")

Run = tuple[int, int, int]  # start, end (in the line), level


def class_string(text: str) -> str:
    """One tables.CLASS_CODE letter per character."""
    if _ASTRAL.search(text):
        return "".join(map(bidi_class, text))
    return text.translate(tables().classes)


def apply_l1(text: str, levels: str, base: int) -> str:
    """L1 for one line: `levels` of the line's characters, with reset ones set to `base`."""
    last = ord(text[-1]) if text else 0
    if last < BMP and tables().classes[last] not in "WBIDX" and not UNSAFE.search(text):
        return levels  # no whitespace at the end, no segment or paragraph separator (all in UNSAFE)
    out, at, base_ch = [], 0, chr(base)
    for m in _L1.finditer(class_string(text)):
        out.append(levels[at : m.start()] + base_ch * (m.end() - m.start()))
        at = m.end()
    return "".join(out) + levels[at:] if out else levels


def visual_runs(levels: str) -> list[Run]:
    """L2: the line's runs of equal level, in visual order (left to right)."""
    runs = [(m.start(), m.end(), ord(m[1])) for m in _RUNS.finditer(levels)]
    if len(runs) < 2:
        return runs
    highest = max(run[2] for run in runs)
    lowest_odd = min((run[2] for run in runs if run[2] & 1), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i][2] < level:
                i += 1
                continue
            j = i
            while j < len(runs) and runs[j][2] >= level:
                j += 1
            runs[i:j] = runs[i:j][::-1]
            i = j
    return runs


@cache
def _tables_for(keep_harakat: bool) -> tuple[dict[int, str | None], dict[int, str | None]]:
    t = tables()
    drop: dict[int, str | None] = dict(t.drop_format if keep_harakat else t.drop_format_and_harakat)
    return drop, {**MIRROR, **drop}


def visual_text(text: str, runs: list[Run], keep_harakat: bool) -> str:
    """The line's cells left to right: format characters (and harakat) dropped, RTL runs
    reversed with their brackets mirrored and their marks put back after the base letter."""
    even, odd = _tables_for(keep_harakat)
    fix = tables().marks_before_base
    pieces = []
    for start, end, level in runs:
        if level & 1:
            piece = text[start:end].translate(odd)[::-1]
            pieces.append(fix.sub(_swap, piece) if tables().mark.search(piece) else piece)
        else:
            pieces.append(text[start:end].translate(even))
    return "".join(pieces)


def _swap(m: re.Match[str]) -> str:
    return m[2] + m[1][::-1]


def visual_indices(text: str, runs: list[Run], keep_harakat: bool) -> list[int]:
    """The same order as `visual_text`, as indices into `text` (slower; used for styles)."""
    even, _ = _tables_for(keep_harakat)
    out: list[int] = []
    for start, end, level in runs:
        kept = [i for i in range(start, end) if ord(text[i]) not in even]
        if not level & 1:
            out.extend(kept)
            continue
        clusters: list[list[int]] = []  # a base and its marks; a mark with no base alone
        for i in kept:
            if _is_mark(text[i]) and clusters and not _is_mark(text[clusters[-1][0]]):
                clusters[-1].append(i)
            else:
                clusters.append([i])
        out.extend(i for cluster in reversed(clusters) for i in cluster)
    return out


def _is_mark(ch: str) -> bool:
    cp = ord(ch)
    return tables().kind[cp] == "m" if cp < BMP else 0x1F3FB <= cp <= 0x1F3FF
