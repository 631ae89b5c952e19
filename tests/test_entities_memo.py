"""reader.entities.memo: computes each key once, stays bounded, and the cached word tests
answer what the uncached ones do."""

from __future__ import annotations

from reader.entities.clitics import readings, written
from reader.entities.memo import Memo


def test_memo_computes_once_and_clears_when_full() -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = Memo(upper, limit=2)
    assert list(map(memo.__getitem__, ["a", "b", "a"])) == ["A", "B", "A"]
    assert calls == ["a", "b"]
    assert memo["c"] == "C"  # the memo was full: cleared, then c stored
    assert len(memo) == 1
    assert memo["a"] == "A" and calls == ["a", "b", "c", "a"]


def test_written_forms_cover_every_reading() -> None:
    """carry.py filters tokens by `written`: every word with a reading of a form must be in
    that form's written set, or a surname after a proclitic would be missed."""
    words = ["وبايدن", "لبايدن", "فبايدن", "وللأمم", "للامم", "بايدن", "والامم", "فلبايدن"]
    for word in words:
        for _, form in readings(word):
            assert word in written(form)
    assert "كبايدن" not in written("بايدن")


def test_memoised_word_tests_answer_what_their_functions_do() -> None:
    """words.py's tests are per-word memos over plain functions: over every word of the seed
    pages and the tuning sentences, each memo answers what its function computes afresh, and
    the two readings of a two-way test (loose or strict adjective, name start with or
    without a title) stay apart."""
    from pathlib import Path

    from reader.entities import words
    from reader.entities.normalise import normal_form
    from tests.entities_corpus import sentences

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    vocabulary = {normal_form(w) for text in texts + sentences() for w in text.split()}
    vocabulary = {w for w in vocabulary if w}
    pairs = [
        (words.is_adjective, lambda w: words._adjective(w, loose=True)),
        (words.is_strict_adjective, lambda w: words._adjective(w, loose=False)),
        (words.is_verbal_noun, words._verbal_noun),
        (words.is_function_word, words._function_word),
        (words.is_common, words._common),
        (words.is_title, words._title),
        (words.can_start_name, lambda w: words._name_start(w, titled=False)),
        (words.can_start_titled_name, lambda w: words._name_start(w, titled=True)),
    ]
    for memo, function in pairs:
        assert [memo(w) for w in sorted(vocabulary)] == [function(w) for w in sorted(vocabulary)]
        assert any(map(memo, vocabulary)) and not all(map(memo, vocabulary))
    assert words.is_adjective("الاقتصاديه") and not words.is_strict_adjective("الاقتصاديه")
    loose = {w for w in vocabulary if words.is_adjective(w) != words.is_strict_adjective(w)}
    titled = {w for w in vocabulary if words.can_start_name(w) != words.can_start_titled_name(w)}
    assert len(loose) > 20 and len(titled) > 5
