"""GNU FriBidi as the independent reference for the layout tests: the repository's own
wrapper around the `fribidi` CLI (Debian package libfribidi-bin; tested with 1.0.8), so a
bare clone runs the reference too. Adapted from the project's shared fribidi_oracle.py.

oracle_lines(): one `fribidi --nobreak --nopad --basedir --vtol --levels` call per paragraph
gives the shaped and mirrored visual string, the visual-to-logical map and the embedding
levels (resolved once per paragraph, as UAX #9 requires); the shaped logical string is
rebuilt from them, wrapped greedily at U+0020 in logical order (cells counted as the CLI
counts them: marks and BN take none), and each line is reordered (L1, L2, marks kept after
their base), stripped of fillers and controls and, if RTL, right-aligned. `fribidi --width`
itself reorders first and then chops, mid-word: not a wrapping reference.

normalize() folds what legitimately differs between two correct layouts (presentation forms
vs letters, ligature sets, dropped harakat, format characters).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata

_ZERO_CATS = ("Mn", "Me", "Cf")
# U+FEFF lam-alef filler and bidi controls: fribidi keeps them in its visual output (no --clean)
_CONTROLS = re.compile("[\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _cells(ch: str) -> int:
    if unicodedata.category(ch) in _ZERO_CATS:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def fribidi_paragraph(par: str, base: str = "auto") -> tuple[str, list[int], list[int], bool]:
    """Return (visual, vtol, levels, base_is_rtl) for one paragraph from the fribidi CLI."""
    cmd = ["fribidi", "--nobreak", "--nopad", "--basedir", "--vtol", "--levels"]
    if base == "rtl":
        cmd.append("--rtl")
    elif base == "ltr":
        cmd.append("--ltr")
    out = (
        subprocess.run(cmd, input=(par + "\n").encode("utf-8"), capture_output=True, check=True)
        .stdout.decode("utf-8")
        .split("\n")
    )
    visual = out[0]
    rtl = out[1].strip().endswith("R")
    vtol = [int(x) for x in out[2].split()]
    levels = [int(x) for x in out[3].split()]
    assert len(visual) == len(vtol) == len(levels) == len(par), "fribidi changed the length"
    return visual, vtol, levels, rtl


def _wrap(chars: list[str], width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start, n = 0, len(chars)
    while start < n:
        used, i, last_space = 0, start, -1
        while i < n:
            if chars[i] == " ":
                last_space = i
            w = _cells(chars[i])
            if used + w > width:
                break
            used += w
            i += 1
        if i >= n:
            lines.append((start, n))
            break
        if chars[i] == " ":
            lines.append((start, i))
            start = i + 1
        elif last_space > start:
            lines.append((start, last_space))
            start = last_space + 1
        else:
            lines.append((start, i))
            start = i
    return lines


def _reorder(chars: list[str], levels: list[int], base_level: int) -> str:
    lv = list(levels)
    j = len(chars) - 1
    while j >= 0 and unicodedata.bidirectional(chars[j]) in (
        "WS",
        "BN",
        "FSI",
        "LRI",
        "RLI",
        "PDI",
    ):
        lv[j] = base_level
        j -= 1
    clusters: list[list[int]] = []
    for i, ch in enumerate(chars):
        if clusters and _cells(ch) == 0:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    clv = [lv[c[0]] for c in clusters]
    order = list(range(len(clusters)))
    if clv:
        lowest_odd = min((x for x in clv if x % 2), default=max(clv) + 1)
        for level in range(max(clv), lowest_odd - 1, -1):
            k = 0
            while k < len(order):
                if clv[order[k]] >= level:
                    e = k
                    while e < len(order) and clv[order[e]] >= level:
                        e += 1
                    order[k:e] = reversed(order[k:e])
                    k = e
                else:
                    k += 1
    return "".join(chars[i] for ci in order for i in clusters[ci])


def oracle_lines(par: str, width: int, base: str = "auto", pad: bool = True) -> list[str]:
    if not par:
        return [""]
    visual, vtol, levels, rtl = fribidi_paragraph(par, base)
    logical = [""] * len(par)
    for vi, li in enumerate(vtol):
        logical[li] = visual[vi]
    base_level = 1 if rtl else 0
    out = []
    for s, e in _wrap(logical, width):
        line = _CONTROLS.sub("", _reorder(logical[s:e], levels[s:e], base_level))
        if rtl and pad:
            line = " " * max(0, width - sum(_cells(c) for c in line)) + line
        out.append(line)
    return out


def normalize(line: str, drop_marks: bool = True) -> str:
    """Fold a VISUAL line so that legitimate shaping differences compare equal.

    - drop format chars (Cf: U+FEFF ligature filler, ZWJ/ZWNJ, LRM/RLM/ALM, isolates, BOM)
    - optionally drop combining marks (Mn/Me: harakat) - our terminal config deletes them
    - expand multi-letter presentation-form ligatures (lam-alef, U+FDF2 ALLAH, ...) into
      their NFKC letters in *visual* (reversed) order, since they only occur in RTL runs
    - fold every remaining presentation form to its base letter with NFKC
    - strip trailing spaces (left padding is kept: it encodes right-alignment)
    """
    out = []
    for ch in line:
        cat = unicodedata.category(ch)
        if cat == "Cf" or (drop_marks and cat in ("Mn", "Me")):
            continue
        cp = ord(ch)
        if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
            dec = unicodedata.normalize("NFKC", ch)
            if drop_marks:
                dec = "".join(c for c in dec if unicodedata.category(c) not in ("Mn", "Me"))
            letters = list(dec)
            if len(letters) > 1 and any(
                unicodedata.bidirectional(c) in ("AL", "R") for c in letters
            ):
                letters.reverse()
            out.extend(letters)
        else:
            out.append(ch)
    return "".join(out).rstrip(" ")
