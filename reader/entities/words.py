"""Word tests shared by the rules: what may be part of a name, what is an adjective."""

from __future__ import annotations

from reader.entities.lexicon import Lexicon
from reader.entities.vocab import KUNYA, NAME_ADJECTIVES, STOP, TITLES


def is_adjective(word: str, lex: Lexicon) -> bool:
    """الأمريكي, الإسرائيلية, المركزي, الدولية ...: a definite relational adjective."""
    if not word.startswith("ال"):
        return False
    return word in lex.nationality or word in NAME_ADJECTIVES


def agrees(head: str, adjective: str) -> bool:
    """Gender agreement: a feminine head (ending ه) takes a feminine adjective."""
    return head.endswith("ه") == (adjective.endswith("ه") or adjective.endswith("ات"))


def is_common(word: str, lex: Lexicon) -> bool:
    """A word of ordinary vocabulary, with or without the article."""
    if word in STOP or word in lex.common:
        return True
    return word.startswith("ال") and word[2:] in lex.common


def can_start_name(word: str, lex: Lexicon, titled: bool) -> bool:
    """A first name word: not a function word, an article noun or (untitled) a common word."""
    if word in STOP or word in TITLES or len(word) < 2:
        return False
    if word in lex.given or word in KUNYA or (titled and word in lex.given_titled):
        return True
    return not word.startswith("ال") and not is_common(word, lex)
