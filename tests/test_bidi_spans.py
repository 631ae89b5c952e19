"""Style spans land on the cells that draw their characters, through shaping (lam-alef),
reordering, mirroring and line breaks."""

from __future__ import annotations

from reader.bidi import Span, layout_paragraph
from reader.bidi.layout import prepare
from reader.bidi.shaping import drawn_at
from reader.bidi.tables import MIRROR
from tests.bidi_support import composed

TEXT = "قال (الرئيس) إن"
# logical: ق0 ا1 ل2 _3 (4 ا5 ل6 ر7 ئ8 ي9 س10 )11 _12 إ13 ن14 - one line at level 1, so
# visual position v draws logical index 14 - v (no lam-alef here: "ال" is alef then lam).


def test_a_highlighted_word_is_highlighted_where_it_is_drawn() -> None:
    line = layout_paragraph(TEXT, 40, spans=[Span(5, 11, "entity")])[0]
    assert line.styles == ((4, 10, "entity"),)


def test_a_span_follows_a_mirrored_bracket() -> None:
    line = layout_paragraph(TEXT, 40, spans=[Span(4, 5, "open"), Span(11, 12, "close")])[0]
    assert line.visual[10] == ")"  # the logical "(" at index 4, mirrored, at v = 14 - 4
    assert line.visual[3] == "("
    assert line.styles == ((3, 4, "close"), (10, 11, "open"))


def test_a_span_split_by_a_line_break() -> None:
    # "كلمة" (0-3) / "الرئيس" (5-10) / "هنا": Span(3, 8) is ة, the space, and "الر"
    lines = layout_paragraph("كلمة الرئيس هنا", 6, spans=[Span(3, 8, "match")])
    assert [line.logical for line in lines] == ["كلمة", "الرئيس", "هنا"]
    assert lines[0].styles == ((0, 1, "match"),)  # ة is drawn leftmost on line 1
    assert lines[1].styles == ((3, 6, "match"),)  # indices 7, 6, 5 drawn at 3, 4, 5
    assert lines[2].styles == ()


def test_spans_on_a_lam_alef_style_the_ligature_cell() -> None:
    # سلام is drawn م (0), lam-alef (1), س (2)
    assert layout_paragraph("سلام", 9, spans=[Span(1, 2, "lam")])[0].styles == ((1, 2, "lam"),)
    assert layout_paragraph("سلام", 9, spans=[Span(2, 3, "alef")])[0].styles == ((1, 2, "alef"),)


def test_later_spans_win_where_spans_overlap() -> None:
    line = layout_paragraph("abc def", 20, spans=[Span(0, 7, "a"), Span(4, 5, "b")])[0]
    assert line.styles == ((0, 4, "a"), (4, 5, "b"), (5, 7, "a"))


def test_spans_in_terminal_mode_are_on_logical_positions() -> None:
    line = layout_paragraph("abc def", 20, "terminal", spans=[Span(4, 7, "x")])[0]
    assert line.styles == ((4, 7, "x"),)


def test_every_drawn_cell_carries_the_span_of_its_own_character() -> None:
    """One span per logical character, named by its index: every cell is styled, and shows
    that character (shaped, mirrored if its level is odd; a lam-alef's alef is drawn by the
    ligature), for every composed paragraph at several widths."""
    for text in composed():
        para = prepare(text, "app", None)
        spans = [Span(i, i + 1, str(i)) for i in range(len(text))]
        for width in (9, 23, 80):
            for line in layout_paragraph(text, width, spans=spans):
                styled = []
                for start, end, name in line.styles:
                    assert end == start + 1
                    i = int(name)
                    shaped = para.shaped[drawn_at(para.text, para.shaped, i)]
                    if ord(para.levels[i]) & 1:
                        shaped = MIRROR.get(ord(shaped), shaped)
                    assert line.visual[start] == shaped, (text, i)
                    styled.append(start)
                assert sorted(styled) == list(range(len(line.visual)))
