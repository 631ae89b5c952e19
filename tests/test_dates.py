from reader.ingest.dates import parse_date, parse_date_line


def test_glued_updated_note() -> None:
    assert parse_date_line("18 فبراير 2021آخر تحديث : منذ أسبوعين") == ("2021-02-18", "منذ أسبوعين")


def test_both_month_sets_and_combined_forms() -> None:
    assert parse_date("3 يونيه 2020") == "2020-06-03"
    assert parse_date("3 ابريل 2020") == "2020-04-03"
    assert parse_date("1 كانون الثاني 2023") == "2023-01-01"
    assert parse_date("9 تشرين الأول 2023") == "2023-10-09"
    assert parse_date("12 كانون الأول 2023") == "2023-12-12"
    assert parse_date("5 شباط/فبراير 2022") == "2022-02-05"
    assert parse_date("5 آب (أغسطس) 2022") == "2022-08-05"
    assert parse_date("الخميس 7 أيار 2015") == "2015-05-07"


def test_arabic_indic_digits() -> None:
    assert parse_date_line("١٥ آذار ٢٠٢٤") == ("2024-03-15", None)


def test_not_a_date_line() -> None:
    assert parse_date_line("18 فبراير 2021 شهد العالم حدثا") is None
    assert parse_date_line("31 فبراير 2021") is None
    assert parse_date("لا تاريخ هنا") is None
