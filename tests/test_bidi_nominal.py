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


def joinable_pairs(line: str, sent: str, types: dict[str, str]) -> tuple[list[str], int]:
    """Letters side by side in `sent` (as the layout drew them: `line`) that a shaping
    terminal would join (Unicode's rules, ArabicShaping.txt: the one on the right comes first
    in reading order and must join forwards, the other backwards); and how many pairs of
    Arabic letters, at least one of them sent plain, were looked at."""
    cells = [
        (was, now)
        for was, now in zip(line, sent, strict=True)
        if unicodedata.category(was) not in ZERO
    ]
    wrong, pairs = [], 0
    for (was_left, left), (was_right, right) in zip(cells, cells[1:], strict=False):
        if (was_left, was_right) == (left, right):
            continue  # as the layout drew them: its own business (tests/test_bidi_*.py)
        forwards = types.get(right, "U") in ("D", "L", "C")
        backwards = types.get(left, "U") in ("D", "R", "C")
        if forwards and backwards:
            wrong.append(right + left)
        pairs += unicodedata.bidirectional(left) == unicodedata.bidirectional(right) == "AL"
    return wrong, pairs


def test_no_two_letters_sent_side_by_side_could_join() -> None:
    types, pairs = joining(), 0
    for line in lines():
        wrong, looked = joinable_pairs(line, nominal(line), types)
        assert wrong == [], line
        pairs += looked
    assert pairs > 1000  # pairs of letters, at least one of them sent plain, were looked at


def pieces_sent_later() -> list[tuple[str, str]]:
    """Pieces of lines sent again with the cells the terminal shows beside them given (as
    the writer sends the cells of a line that changed), beside neighbours sent in an earlier
    update that may have gone out as letters whatever this one decides (each isolated form
    there taken as its letter, the worst case): (the layout's cells, what the terminal was
    sent), for the piece and the neighbour on each side."""
    out = []
    for line in (f" {line} " for line in lines()):  # with blanks beside it, as in a pane
        cuts = [i for i in range(1, len(line)) if unicodedata.category(line[i]) not in ZERO]
        pieces = list(zip(cuts[::5], cuts[2::5], strict=False))
        # and each letter drawn alone beside another one drawn alone (kept apart by a ZWNJ
        # that is not sent): a letter sent plain before may join one sent plain now
        alone = [i for i in cuts if isolated(line[i - 1]) and isolated(line[i])]
        pieces += [(a - 1, a) for a in alone] + [(a, a + 1) for a in alone]
        for a, b in pieces:
            start = max([i for i in cuts if i < a] or [0])
            end = min([i for i in cuts if i >= b] or [len(line) - 1]) + 1
            piece = nominal(line[a:b], line[:a], line[b:])
            out.append((line[start:end], plain(line[start:a]) + piece + plain(line[b:end])))
    return out


def isolated(char: str) -> bool:
    """An isolated form of one letter (a ligature's is several letters: never sent apart)."""
    kind, *letters = unicodedata.decomposition(char).split() or [""]
    return kind == "<isolated>" and len(letters) == 1


def plain(text: str) -> str:
    """Every isolated form as its letter."""
    return "".join(
        chr(int(unicodedata.decomposition(c).split()[1], 16)) if isolated(c) else c for c in text
    )


def test_a_piece_sent_beside_cells_sent_before_never_joins_them() -> None:
    """A letter at the piece's edge is sent plain only if it could not join its neighbour
    either way, whatever the neighbour went out as."""
    types, pairs, plain_at_edges = joining(), 0, 0
    for line, sent in pieces_sent_later():
        wrong, looked = joinable_pairs(line, sent, types)
        assert wrong == [], line
        pairs += looked
    for line in lines()[:400]:
        for a in range(1, len(line) - 1):
            alone, beside = nominal(line[a:]), nominal(line[a:], line[:a])
            plain_at_edges += alone[0] != beside[0]
    assert pairs > 1000 and plain_at_edges > 20  # the neighbours did let letters go plain


def vte_differs(screens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], int]:
    """VTE in explicit mode (CSI 8 l) reads each visual run of Arabic right to left and
    shapes it with FriBidi, presentation forms counting as letters that never join. The runs
    of (layout's line, what was sent) where FriBidi, given what was sent, does not give back
    the layout's own forms; and how many runs had letters sent plain."""
    oracle()  # the fribidi CLI is there
    runs: list[tuple[str, str]] = []  # (what the layout drew, what crosses the link)
    for line, sent in screens:
        start = None
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
    return wrong, sum(drawn != sent for drawn, sent in runs)


def test_a_terminal_that_shapes_draws_what_the_layout_drew() -> None:
    wrong, plain = vte_differs([(line, nominal(line)) for line in lines()])
    assert plain > 500 and wrong == []  # letters were really sent


def test_a_terminal_that_shapes_draws_a_line_whose_pieces_went_at_different_times() -> None:
    wrong, plain = vte_differs(pieces_sent_later())
    assert plain > 500 and wrong == []


def test_at_the_edge_of_what_is_written_a_letter_that_could_join_stays_a_form() -> None:
    # beyond the text may be a letter that joins: alef (which joins backwards) stays U+FE8D
    # with nothing on its right, becomes U+0627 with a space there
    assert nominal("\ufe8d") == "\ufe8d"
    assert nominal(" \ufe8d ") == " \u0627 "
    # beh (joins both ways) between a space and another isolated beh: only one is sent plain
    assert nominal(" \ufe8f\ufe8f ") in (" \u0628\ufe8f ", " \ufe8f\u0628 ")
    # hamza never joins: a letter even at the edges
    assert nominal("\ufe80") == "\u0621"
    # what the terminal shows beside it decides: a space on the right lets alef go plain, a
    # beh there (which may have been sent plain) does not; on its left, beh is no matter
    assert nominal("\ufe8d", right=" ") == "\u0627"
    assert nominal("\ufe8d", left="\ufe8f", right=" ") == "\u0627"
    assert nominal("\ufe8d", left=" ", right="\ufe8f") == "\ufe8d"
    assert nominal("\ufe8f", left="\ufe8f", right=" ") == "\ufe8f"  # beh may have gone plain
