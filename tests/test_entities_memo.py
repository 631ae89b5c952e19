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
