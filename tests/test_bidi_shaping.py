"""Arabic shaping, with expected code points written by hand from the Unicode charts
(Arabic Presentation Forms-B, U+FE70..U+FEFF)."""

from __future__ import annotations

from reader.bidi import cell_width, layout_paragraph
from reader.bidi.shaping import FILLER, shape


def visual(text: str, width: int = 80, **options: object) -> str:
    lines = layout_paragraph(text, width, "app", **options)  # type: ignore[arg-type]
    assert len(lines) == 1
    return lines[0].visual


def test_letters_take_their_joining_forms() -> None:
    # س initial FEB3; ل medial + ا final = lam-alef final FEFC; م after alef: isolated FEE1.
    # Drawn right to left: م, lam-alef, س.
    assert visual("سلام") == "\ufee1\ufefc\ufeb3"
    # ا isolated FE8D, ل initial FEDF, ل medial FEE0, ه final FEEA: never U+FDF2.
    assert visual("الله") == "\ufeea\ufee0\ufedf\ufe8d"


def test_presentation_forms_only_and_no_multi_cell_ligature_ever() -> None:
    text = "حزب الله ورام الله وعبدالله ولا إله إلا الله، صلى الله عليه وسلم، الله أكبر"
    out = visual(text, 200)
    assert "\ufdf2" not in out
    assert all(0xFE70 <= ord(ch) <= 0xFEFC or ch in " ،" for ch in out)


def test_the_four_lam_alef_ligatures_are_one_cell_each() -> None:
    # لا FEFB, لأ FEF7, لإ FEF9, لآ FEF5 (isolated: the lam starts the word)
    assert visual("لا") == "\ufefb"
    assert visual("لأ") == "\ufef7"
    assert visual("لإ") == "\ufef9"
    assert visual("لآ") == "\ufef5"
    # "لا إله": lam-alef, space, إ isolated FE87, ل initial FEDF, ه final FEEA = 5 cells
    line = layout_paragraph("لا إله", 80)[0]
    assert line.visual == "\ufeea\ufedf\ufe87 \ufefb"
    assert line.cells == 5


def test_shaping_is_one_to_one_with_a_filler_for_the_swallowed_alef() -> None:
    shaped = shape("سلام عليكم")
    assert len(shaped) == len("سلام عليكم")
    assert shaped[:4] == "\ufeb3\ufefc" + FILLER + "\ufee1"


def test_zwj_never_crashes_and_joins() -> None:
    # LTR paragraph: "a", then the RTL run; ZWJ makes the lam join to its right: FEFC.
    assert visual("a\u200dلا") == "a\ufefc"
    # ب before ZWJ takes its initial form FE91; the ZWJ itself is never drawn.
    assert visual("ب\u200d") == "\ufe91"
    assert visual("\u200d\u200d") == ""


def test_harakat_are_removed_by_default_and_kept_after_their_letter_on_request() -> None:
    # ب initial FE91, س medial FEB4, م final FEE2; kasra U+0650, sukun U+0652
    assert visual("بِسْمِ") == "\ufee2\ufeb4\ufe91"
    kept = layout_paragraph("بِسْمِ", 80, keep_harakat=True)[0]
    assert kept.visual == "\ufee2\u0650\ufeb4\u0652\ufe91\u0650"
    assert kept.cells == 3


def test_persian_and_urdu_letters_are_shaped() -> None:
    # "پی": پ initial FB58, ی final FBFD
    assert visual("پی") == "\ufbfd\ufb58"
    # گ isolated FB92
    assert visual("گ") == "\ufb92"


def test_cell_width() -> None:
    assert cell_width("") == 0
    assert cell_width("abc") == 3
    assert cell_width("لا") == 2  # logical text: shaping makes it one cell, not cell_width
    assert cell_width("\ufefb") == 1
    assert cell_width("\u064e\u200d\u200f") == 0
    assert cell_width("😀") == 2
    assert cell_width("中文") == 4
