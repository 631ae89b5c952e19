"""One width function for the layout layer and Rich (issue 15): Textual draws our lines with
Rich's widths, so any disagreement misaligns them. Also: what each mode keeps and drops."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from rich.cells import cell_len

from reader.bidi import cell_width, fit_line, layout_paragraph

# The code points the report names, and kinds of them: soft hyphen, Arabic number signs,
# END OF AYAH, spacing vowel signs (Devanagari, Bengali), Hangul filler, a skin tone.
TROUBLE = "\xad\u0600\u0601\u0605\u06dd\u093e\u093f\u09be\u0bbe\u3164\U0001f3fd"


def test_every_drawable_code_point_has_richs_width() -> None:
    wrong = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) not in ("Cn", "Cs", "Cc", "Co")
        and cell_width(chr(cp)) != cell_len(chr(cp))
    ]
    assert wrong == []


PARAGRAPHS = [
    "قال الرئيس \u0600١٢٣ و\u06dd٤ في \u3164 حديث \u093e\u093f طويل عن كذا\xad وكذا 👏\U0001f3fd.",
    "नमस्ते दुनिया कि\u093e\u093e\u093e ह\u093f \u3164\u3164 সবাই\u09be तमिழ்\u0bbe " * 3,
    TROUBLE * 7,
]


@pytest.mark.parametrize("mode", ["app", "terminal"])
@pytest.mark.parametrize("width", [3, 7, 12, 20, 33])
@pytest.mark.parametrize("text", PARAGRAPHS, ids=["arabic", "indic", "trouble"])
def test_lines_fit_as_rich_counts_them(text: str, width: int, mode: str) -> None:
    lines = layout_paragraph(text, width, mode)
    for line in lines:
        assert cell_len(line.visual) == line.cells <= width, line
        padded = line.padded(width)
        assert cell_len(padded) <= width
        if line.rtl and mode == "app" and line.visual.strip(" "):
            assert cell_len(padded) == width  # right-aligned: ends at the last column
    fitted = fit_line(text, width, mode)
    assert cell_len(fitted.visual) == fitted.cells <= width


def test_end_of_ayah_and_the_number_sign_are_kept_in_app_mode() -> None:
    (line,) = layout_paragraph("الآية \u06dd١٢ رقم \u0600٣", 40, "app")
    assert "\u06dd" in line.visual and "\u0600" in line.visual


def test_tags_and_zero_width_characters_are_not_sent_in_terminal_mode() -> None:
    text = "علم\U000e0067\U000e0062 كلمة\u200bكلمة \u2060نص\u202e مقلوب \u200cفارسی\u200d"
    (line,) = layout_paragraph(text, 60, "terminal")
    assert line.visual.lstrip("\u200e\u200f\u061c") == "علم كلمةكلمة نص مقلوب \u200cفارسی\u200d"


def test_a_skin_tone_stays_after_its_emoji_in_a_right_to_left_line() -> None:
    (line,) = layout_paragraph("صفق 👏\U0001f3fd الجمهور", 40, "app")
    assert "👏\U0001f3fd" in line.visual
