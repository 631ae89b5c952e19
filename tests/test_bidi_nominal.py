"""Isolated forms sent as their letters (reader/bidi/nominal.py), checked against references
that are not our code: Unicode's ArabicShaping.txt (which letters join which way) and GNU
FriBidi doing what VTE does in explicit mode (shaping each visual run of Arabic itself)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from reader.bidi import layout_paragraph
from reader.bidi.nominal import nominal
from tests.bidi_support import SEEDS, WIDTHS, composed, oracle, paragraphs, require

SHAPING = Path("/usr/share/unicode/ArabicShaping.txt")
ZERO = ("Mn", "Me", "Cf")
# A zero-width non-joiner keeps two letters apart that would join; app mode does not send
# it, so they are drawn side by side, each isolated: a shaping terminal must not join them.
ZWNJ = ["ب\u200cب", "كتاب\u200cها", "ب\u200cا و\u200cب", "نامه\u200cای بی\u200cنظیر"]


def lines() -> list[str]:
    """Every visual line of the seeds and our own paragraphs, laid out at several widths."""
    texts = [p for seed in SEEDS for p in paragraphs(seed) if p] + composed() + ZWNJ
    return [
        line.visual
        for width in WIDTHS[2:6]
        for text in texts
        for line in layout_paragraph(text, width, "app")
    ]


def joining() -> dict[str, str]:
    """Joining type per letter (D, R, L, C, U, T) from Unicode's ArabicShaping.txt."""
    require(SHAPING.exists(), "Unicode's ArabicShaping.txt")
    types = {}
    for row in SHAPING.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            code, _, kind, _ = (field.strip() for field in row.split(";"))
            types[chr(int(code, 16))] = kind
    return types


def same(drawn: str, got: str) -> bool:
    """The same glyphs: a letter is drawn with its nominal glyph, its isolated form (FriBidi
    leaves hamza, which never joins, a letter)."""
    return len(drawn) == len(got) and all(
        d == g or unicodedata.decomposition(d) == f"<isolated> {ord(g):04X}"
        for d, g in zip(drawn, got, strict=True)
    )


def test_only_isolated_forms_change_and_only_to_their_letters() -> None:
    changed = 0
    for line in lines():
        sent = nominal(line)
        assert len(sent) == len(line)
        for was, now in zip(line, sent, strict=True):
            if was != now:
                assert unicodedata.decomposition(was) == f"<isolated> {ord(now):04X}", was
                changed += 1
    assert changed > 1000  # the seeds have thousands of isolated letters


def test_no_two_letters_sent_side_by_side_could_join() -> None:
    """A shaping terminal would join them (Unicode's rules, ArabicShaping.txt): the one on
    the right comes first in reading order and must join forwards, the other backwards."""
    types, pairs = joining(), 0
    for line in lines():
        cells = [
            (was, now)
            for was, now in zip(line, nominal(line), strict=True)
            if unicodedata.category(was) not in ZERO
        ]
        for (was_left, left), (was_right, right) in zip(cells, cells[1:], strict=False):
            if (was_left, was_right) == (left, right):
                continue  # as the layout drew them: its own business (tests/test_bidi_*.py)
            forwards = types.get(right, "U") in ("D", "L", "C")
            backwards = types.get(left, "U") in ("D", "R", "C")
            assert not (forwards and backwards), (line, right, left)
            pairs += unicodedata.bidirectional(left) == unicodedata.bidirectional(right) == "AL"
    assert pairs > 1000  # pairs of letters, at least one of them sent plain, were looked at


def test_a_terminal_that_shapes_draws_what_the_layout_drew() -> None:
    """VTE in explicit mode (CSI 8 l) reads each visual run of Arabic right to left and
    shapes it with FriBidi, presentation forms counting as letters that never join. FriBidi
    itself, given those runs, must give back the layout's own forms, letter for letter."""
    oracle()  # the fribidi CLI is there
    runs: list[tuple[str, str]] = []  # (what the layout drew, what crosses the link)
    for line in lines():
        sent, start = nominal(line), None
        for i, char in enumerate([*line, " "]):
            arabic = unicodedata.bidirectional(char) == "AL"
            if arabic and start is None:
                start = i
            elif not arabic and start is not None:
                runs.append((line[start:i], sent[start:i]))
                start = None
    logical = "\n".join(sent[::-1] for _, sent in runs) + "\n"
    done = subprocess.run(
        ["fribidi", "--nobreak", "--nopad", "--rtl"],
        input=logical.encode(),
        capture_output=True,
        check=True,
    )
    shaped = done.stdout.decode().split("\n")[: len(runs)]
    wrong = [
        (drawn, got) for (drawn, _), got in zip(runs, shaped, strict=True) if not same(drawn, got)
    ]
    assert sum(drawn != sent for drawn, sent in runs) > 500  # letters were really sent
    assert wrong == []


def test_at_the_edge_of_what_is_written_a_letter_that_could_join_stays_a_form() -> None:
    # beyond the text may be a letter that joins: alef (which joins backwards) stays U+FE8D
    # with nothing on its right, becomes U+0627 with a space there
    assert nominal("\ufe8d") == "\ufe8d"
    assert nominal(" \ufe8d ") == " \u0627 "
    # beh (joins both ways) between a space and another isolated beh: only one is sent plain
    assert nominal(" \ufe8f\ufe8f ") in (" \u0628\ufe8f ", " \ufe8f\u0628 ")
    # hamza never joins: a letter even at the edges
    assert nominal("\ufe80") == "\u0621"
