from reader.models import Article
from reader.text.article_text import block_offsets, blocks, meta_line
from reader.views.article_layout import META, TITLE, article_lines


def article(source: str) -> Article:
    return Article(
        "id",
        "عنوان الخبر",
        ("الفقرة الأولى", "الثانية"),
        source,
        "2021-02-18",
        dateline="صدى الاعلام",
    )


def test_meta_line_leaves_out_a_page_file_name_but_keeps_a_feed_name() -> None:
    assert meta_line(article("000_abffabad426bfcef.txt")) == "18 فبراير 2021 · صدى الاعلام"
    assert meta_line(article("الجزيرة")) == "18 فبراير 2021 · صدى الاعلام · الجزيرة"


def test_blocks_offsets_and_lines() -> None:
    a = article("الجزيرة")
    assert blocks(a)[0] == "عنوان الخبر" and blocks(a)[2:] == ["الفقرة الأولى", "الثانية"]
    offsets = block_offsets(a)
    text = "\n".join(blocks(a))
    assert [text[o : o + 3] for o in offsets] == ["عنو", "18 ", "الف", "الث"]
    lines = article_lines(a, 40)
    assert [entry.block for entry in lines] == [TITLE, META, 2, 2, 3, 3]
    assert [entry.line is None for entry in lines] == [False, False, True, False, True, False]


def test_no_meta_line_when_nothing_is_known() -> None:
    bare = Article("id", "عنوان", ("فقرة",), "page.txt")
    assert meta_line(bare) == ""
    assert [entry.block for entry in article_lines(bare, 40)] == [TITLE, 2, 2]
