"""The page parser against the seeds. Expected values are written by hand from reading the
seed files, not produced by the parser."""

from __future__ import annotations

from reader.ingest.page import parse_bytes, parse_text
from tests.conftest import SEED_000, SEED_004

# Seed 004's ticker, read off the file by eye: (time, first words of the headline).
SEED_004_TICKER = [
    ("13:49", "بلينكن يهاتف لبيد"),
    ("09:47", "7 أسرى في سجون"),
    ("13:46", "حالة الطقس:"),
    ("09:45", "أسعار صرف العملات"),
    ("02:43", "المقاومة تسقط طائرة"),
    ("13:41", "أبو مجاهد:"),
    ("01:37", "حماس: غارات الاحتلال"),
    ("00:31", "الطائرات الإسرائيلية تشن"),
    ("12:59", "تصعيد خطير"),
    ("12:55", "الأردن يتخلى"),
    ("12:53", "13 يوما عاشها"),
    ("12:51", "الخارجية :"),
    ("12:45", "رسائل لمسؤولين"),
    ("12:44", "حماس: انتفاضة"),
    ("12:42", "147 مستوطنًا يقتحمون"),
]


def seed(path):  # noqa: ANN001, ANN201 - tiny helper
    return parse_bytes(path.read_bytes())


def test_ticker_lines_split_time_from_headline_even_when_it_starts_with_digits() -> None:
    page = seed(SEED_004)
    assert len(page.ticker) == 15
    for (time, headline), (want_time, want_start) in zip(page.ticker, SEED_004_TICKER, strict=True):
        assert time == want_time
        assert headline.startswith(want_start), headline
    assert page.ticker[1][1] == "7 أسرى في سجون الاحتلال يعلقون إضرابهم عن الطعام وثلاثة يواصلون"
    assert page.ticker[14][1] == "147 مستوطنًا يقتحمون الأقصى ويؤدون طقوسًا تلمودية"


def test_time_must_be_a_real_clock_time() -> None:
    page = parse_text("عنوان\n24:00 ليس وقتا\n12:60 ولا هذا\n23:59آخر خبر")
    assert page.ticker == [("23:59", "آخر خبر")]
    assert page.paragraphs == ["24:00 ليس وقتا", "12:60 ولا هذا"]


def test_menu_line_is_dropped_and_title_found_after_the_ticker() -> None:
    page = seed(SEED_004)
    assert page.title == 'بلينكن يهاتف لبيد ويدعو لـ"تحسين العلاقات الإسرائيلية الفلسطينية"'
    assert all("Menu" not in p for p in page.paragraphs)
    assert page.published is None and page.dateline is None


def test_seed_000_title_date_updated_note_and_repeated_title() -> None:
    page = seed(SEED_000)
    assert page.title == (
        "الرئيس الأمريكي جو بايدن يجري أول اتصال هاتفي منذ تنصيبه مع بنيامين نتنياهو"
    )
    assert page.published == "2021-02-18"
    assert page.updated == "منذ أسبوعين"
    assert page.title not in page.paragraphs  # the repeat under the date line is kept once


def test_dateline_is_kept_apart_from_the_body() -> None:
    page = seed(SEED_000)
    assert page.dateline == "صدى الاعلام"
    assert page.paragraphs[0].startswith("لاول مرة منذ تنصيبه قبل حوالي الشهر")


def test_paragraphs_in_order_and_boilerplate_dropped() -> None:
    page = seed(SEED_000)
    assert len(page.paragraphs) == 9
    assert page.paragraphs[1].startswith("واكدت مصادر ان الرئيس بايدن")
    assert page.paragraphs[-1].startswith("هذا وقال سفير إسرائيل")
    assert page.paragraphs[-1].endswith("القائم بين الدولتين.")
    assert not any("رابط مختصر" in p for p in page.paragraphs)
    page = seed(SEED_004)
    assert len(page.paragraphs) == 7
    assert page.paragraphs[0].startswith("أجرى وزير الخارجية الأميركي، أنتوني بلينكن")
    assert page.paragraphs[-1].startswith("واللافت في هذه المكالمة")


def test_crlf_bom_controls_escapes_and_overrides_are_cleaned() -> None:
    raw = (
        "\ufeffعنوان \x1b[31mأحمر\x1b[0m\r\nفقرة\x00 فيها\x07 \u202eخطر\u202c"
        " \u2067x\u2069 \x1b]0;title\x07ok\r\n"
    ).encode()
    page = parse_bytes(raw)
    assert page.title == "عنوان أحمر"
    assert page.paragraphs == ["فقرة فيها خطر x ok"]
    assert page.problems == []


def test_invalid_utf8_is_replaced_and_reported() -> None:
    page = parse_bytes("عنوان\nفقرة ".encode() + b"\xff\xfe" + " تامة".encode())
    assert page.paragraphs == ["فقرة \ufffd\ufffd تامة"]
    assert any("invalid UTF-8" in problem for problem in page.problems)


def test_empty_and_binary_files_are_reported_not_raised() -> None:
    assert parse_bytes(b"").problems == ["empty page: no title, paragraphs or headlines"]
    binary = bytes(range(256)) * 4
    page = parse_bytes(binary)
    assert page.title is None and page.problems == ["binary file: not text"]


def test_enormous_line_is_split_not_lost() -> None:
    words = ["كلمة"] * 100_000  # 500,000 characters on one line
    page = parse_text("عنوان\n" + " ".join(words))
    assert all(len(p) <= 20_000 for p in page.paragraphs)
    assert sum(p.count("كلمة") for p in page.paragraphs) == 100_000
    assert page.problems
