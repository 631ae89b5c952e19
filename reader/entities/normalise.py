"""The matching normalisation of docs/entities.md: one spelling per name, offsets kept apart.

`normalise` folds hamza carriers, alif maqsura, taa marbuta, Persian look-alikes and the
ميرك/مريك spelling, and drops harakat, tatweel and invisible format characters. It works per
character (except ميرك), so tokens can map a normalised position back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.memo import Memo
from reader.text.folding import DROPPED, fold_chars  # the one folding table (search uses it too)

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form names are matched in: folded, lower-cased, single-spaced, ميرك → مريك."""
    folded = fold_chars(text).lower().replace("ميرك", "مريك")
    return _SPACES.sub(" ", folded).strip()


def is_dropped(char: str) -> bool:
    """True for the marks `normalise` removes (harakat, tatweel, format characters)."""
    return char in DROPPED


# `normalise`, memoised: words and names repeat across an article and across articles.
normal_form: Callable[[str], str] = Memo(normalise).__getitem__
