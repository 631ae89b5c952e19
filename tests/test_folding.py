"""The fast character folding is the folding table, character for character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.folding import _DROP, _FOLD, FOLD_TABLE, fold, fold_chars

alphabet = st.sampled_from([*_FOLD, *_FOLD.values(), *_DROP, "a", "B", " ", "\t", "ß", "ا", "م"])


@given(st.text(alphabet, max_size=40))
def test_fold_chars_is_the_table(text: str) -> None:
    assert fold_chars(text) == text.translate(FOLD_TABLE)


def test_fold_examples() -> None:
    assert fold("  أحمد   إلى\u064e مدرسةٌ ") == "احمد الي مدرسه"
    assert fold("Straße  ک") == "strasse ك"
