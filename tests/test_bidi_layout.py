"""Line breaking, reordering, alignment: expected lines derived by hand (UAX #9 rules named
where they decide), never by running the code."""

from __future__ import annotations

import pytest

from reader.bidi import VisualLine, layout_paragraph, paragraph_direction
from reader.bidi.tables import char_cells
from tests.bidi_support import SEEDS, composed, paragraphs

# Shaped words used below (presentation forms, logical order):
NISBA = "\ufee7\ufeb4\ufe92\ufe94"  # نسبة: ن initial, س medial, ب medial, ة final


def rev(text: str) -> str:
    return text[::-1]


def test_w2_number_after_arabic_is_arabic_number_so_percent_goes_left() -> None:
    # "68" follows AL: W2 makes it AN (level 2); "%" is then not next to an EN (W5) and
    # resolves to R (level 1). Right to left: "%" is left of "68".
    line = layout_paragraph("نسبة 68%", 20)[0]
    assert line.visual == "%68 " + rev(NISBA)


def test_w2_is_resolved_per_paragraph_even_when_the_number_starts_a_line() -> None:
    # "ارتفعت الأسعار" is 6 + 1 + 6 cells (لأ is one); " 68%" does not fit in 14.
    lines = layout_paragraph("ارتفعت الأسعار 68%", 14)
    assert [line.logical for line in lines] == ["ارتفعت الأسعار", "68%"]
    assert lines[1].visual == "%68"  # per-line resolution would give "68%"
    assert lines[1].padded(14) == " " * 11 + "%68"
    assert lines[0].cells == 13


def test_brackets_are_mirrored_in_right_to_left_runs() -> None:
    # logical ( س ل ا م ) at level 1: reversed, each bracket mirrored (L4)
    assert layout_paragraph("(سلام)", 10)[0].visual == "(\ufee1\ufefc\ufeb3)"
    # left to right: untouched
    assert layout_paragraph("(abc) [x]", 10)[0].visual == "(abc) [x]"


def test_rtl_paragraph_line_starting_with_latin_stays_right_to_left() -> None:
    # "قال" = ق initial FED7, ا final FE8E, ل isolated FEDD; Biden is an L run at level 2
    lines = layout_paragraph("قال Biden إن", 5)
    assert [line.logical for line in lines] == ["قال", "Biden", "إن"]
    assert all(line.rtl for line in lines)
    assert lines[1].visual == "Biden"
    assert lines[0].visual == "\ufedd\ufe8e\ufed7"
    one = layout_paragraph("قال Biden إن", 40)[0]
    # إن: إ isolated FE87, ن isolated FEE5 (alef does not join to its left)
    assert one.visual == "\ufee5\ufe87 Biden " + "\ufedd\ufe8e\ufed7"


def test_ltr_paragraph_with_arabic_inside() -> None:
    line = layout_paragraph("The word سلام means peace.", 40)[0]
    assert not line.rtl
    assert line.visual == "The word \ufee1\ufefc\ufeb3 means peace."
    assert line.padded(40) == line.visual  # left-aligned, not padded


def test_rtl_lines_are_right_aligned_and_never_end_with_spaces() -> None:
    line = layout_paragraph("سلام ", 10)[0]  # the trailing space goes to the left end (L1)
    assert line.visual == " \ufee1\ufefc\ufeb3"
    assert line.padded(10) == " " * 6 + " \ufee1\ufefc\ufeb3"
    assert layout_paragraph("hello ", 10)[0].padded(10) == "hello"


def test_a_word_longer_than_the_width_is_broken() -> None:
    lines = layout_paragraph("كلمةطويلةجدا", 5)
    assert [line.logical for line in lines] == ["كلمةط", "ويلةج", "دا"]
    assert [(line.start, line.end) for line in lines] == [(0, 5), (5, 10), (10, 12)]


def test_a_break_never_separates_lam_from_alef() -> None:
    # "سلام" is 3 cells: س, lam-alef, م; at width 2 the break falls after the ligature
    lines = layout_paragraph("سلام", 2)
    assert [line.logical for line in lines] == ["سلا", "م"]


def test_empty_paragraph_and_tiny_widths() -> None:
    assert layout_paragraph("", 10) == (VisualLine("", "", 0, 0, False, 0, (), "app"),)
    assert [line.visual for line in layout_paragraph("ab", 0)] == ["a", "b"]
    # a 2-cell character in a 1-cell width: taken alone rather than looping forever
    assert [line.logical for line in layout_paragraph("😀😀", 1)] == ["😀", "😀"]


def test_logical_lines_joined_with_spaces_give_back_the_paragraph() -> None:
    text = "قال الرئيس الأمريكي جو بايدن إن 68% من الناس (في 2021) يريدون السلام."
    for width in range(7, 40):  # from the widest word on; a broken word has no space
        assert " ".join(line.logical for line in layout_paragraph(text, width)) == text


@pytest.mark.parametrize("width", [1, 2, 3, 7, 12, 20, 33, 80])
def test_no_line_is_wider_than_the_width(width: int) -> None:
    texts = composed() + [p for seed in SEEDS for p in paragraphs(seed)]
    for text in texts:
        for line in layout_paragraph(text, width):
            widest_char = max(map(char_cells, line.visual), default=0)
            assert line.cells <= max(width, widest_char), (text, width, line)
            assert line.cells == sum(map(char_cells, line.visual))
            padded = line.padded(width)
            assert not padded.endswith(" ")
            assert sum(map(char_cells, padded)) <= max(width, widest_char)


def test_hostile_input_never_crashes_and_never_draws_controls() -> None:
    nasty = "\x1b[31mأحمر\x1b[0m\n\t\u202eabc\u202c\ud800 \u2066ب\u2069\u2029\x00" * 3
    for mode in ("app", "terminal"):
        for width in (1, 5, 30):
            for line in layout_paragraph(nasty, width, mode):
                assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line.visual)
                assert "\ud800" not in line.visual


def test_paragraph_direction_from_the_first_strong_character() -> None:
    assert paragraph_direction("اليوم Menu") == "rtl"
    assert paragraph_direction("Menu اليوم") == "ltr"
    assert paragraph_direction("2021 كان عاما") == "rtl"  # digits are not strong
    assert paragraph_direction("123 %") == "ltr"
    assert paragraph_direction("") == "ltr"
    assert paragraph_direction("שלום") == "rtl"
    assert paragraph_direction("\u2066abc\u2069 سلام") == "rtl"  # an isolate is skipped (P2)


def test_forced_direction() -> None:
    line = layout_paragraph("abc سلام", 20, direction="rtl")[0]
    assert line.rtl
    assert line.visual == "\ufee1\ufefc\ufeb3 abc"
    with pytest.raises(ValueError, match="direction"):
        layout_paragraph("x", 10, direction="up")
    with pytest.raises(ValueError, match="mode"):
        layout_paragraph("x", 10, mode="fancy")
