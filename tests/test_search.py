from reader.library.search import search, spans
from reader.models import Article, Headline
from reader.text.folding import fold


def test_fold_ignores_harakat_tatweel_hamza_ta_marbuta_alef_maqsura() -> None:
    assert fold("إِسْرَائِيلُ") == fold("اسرائيل")
    assert fold("الـــقـدس") == fold("القدس")
    assert fold("المتحدة") == fold("المتحده")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("أمريكا  Biden") == "امريكا biden"


def test_search_titles_headlines_and_bodies() -> None:
    article = Article("a1", "عنوان", ("قال إنَّ الأُمَمَ المتحدة",), "s")
    line = Headline("h1", "10:00", "الطقس في غزّة", "s")
    assert search("الامم المتحده", [line], [article]) == {"a1"}
    assert search("غزة", [line], [article]) == {"h1"}
    assert search("   ", [line], [article]) == set()


def test_match_spans_point_at_the_original_characters() -> None:
    text = "أكد بايدن دعمه للإسرائيليين"
    assert [text[s:e] for s, e in spans("اسرائيليين", text)] == ["إسرائيليين"]
    assert [text[s:e] for s, e in spans("بايدن", text)] == ["بايدن"]
