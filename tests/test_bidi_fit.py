"""fit_line: one screen line, cut at the logical end with an ellipsis."""

from __future__ import annotations

from reader.bidi import ELLIPSIS, fit_line
from reader.bidi.tables import char_cells

QAL = "\ufedd\ufe8e\ufed7"  # قال drawn: ل isolated, ا final, ق initial
RAIS = "\ufeb2\ufef4\ufe8b\ufeae\ufedf\ufe8d"  # الرئيس drawn right to left


def test_a_headline_that_fits_is_one_laid_out_line() -> None:
    line = fit_line("سلام", 10)
    assert line.visual == "\ufee1\ufefc\ufeb3"
    assert line.rtl and line.cells == 3
    assert line.padded(10) == "       \ufee1\ufefc\ufeb3"


def test_arabic_is_cut_at_its_logical_end_which_is_on_the_left() -> None:
    # 12 cells: 11 for text and 1 for "…"; "قال الرئيس " is 11, so "إ" does not fit
    line = fit_line("قال الرئيس إن 68% من الناس", 12)
    assert line.visual == ELLIPSIS + RAIS + " " + QAL
    assert line.cells == 11
    assert line.logical == "قال الرئيس"


def test_latin_is_cut_on_the_right() -> None:
    line = fit_line("Hello world", 8)
    assert line.visual == "Hello w…"
    assert not line.rtl


def test_the_cut_never_splits_lam_alef_and_the_last_letter_is_reshaped() -> None:
    # سلامة: س (1 cell), lam-alef (1), م, ة: in 3 cells only "سلا" fits before "…",
    # shaped again on its own: س initial FEB3, lam-alef final FEFC
    assert fit_line("سلامة", 3).visual == ELLIPSIS + "\ufefc\ufeb3"
    # in 2 cells: "س" alone, now isolated (FEB1), never a lam without its alef
    assert fit_line("سلامة", 2).visual == ELLIPSIS + "\ufeb1"
    assert fit_line("سلامة", 1).visual == ELLIPSIS


def test_fit_line_is_never_wider_than_the_width() -> None:
    text = "قال المتحدث باسم Microsoft إن 68% من 👏🏽 الناس (في 2021) يريدون"
    for width in range(1, 70):
        for mode in ("app", "terminal"):
            line = fit_line(text, width, mode)
            assert sum(map(char_cells, line.visual)) == line.cells <= width, (width, mode)


def test_terminal_mode_cuts_the_logical_text() -> None:
    line = fit_line("قال الرئيس إن", 8, "terminal")
    assert line.visual == "قال الر…"
    assert line.mode == "terminal"


def test_newlines_in_a_headline_become_spaces() -> None:
    assert fit_line("a\nb", 10).visual == "a b"
