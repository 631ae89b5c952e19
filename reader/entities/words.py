"""Word tests shared by the rules: what may be part of a name, what is an adjective.

Each test depends on the word alone (the lexicon is loaded once), so each is cached per
distinct word: the rules ask about the same words again and again within and across texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    EVENT_HEADS,
    KUNYA,
    NAME_ADJECTIVES,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
    TITLES,
)

_CACHED = lru_cache(maxsize=1 << 16)
_HEADS = EVENT_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | PLACE_HEADS


@_CACHED
def is_adjective(word: str, lex: Lexicon, loose: bool = True) -> bool:
    """الأمريكي, الإسرائيلية, المركزي, الدولية, الأولمبية ...: a definite relational adjective
    (a listed one, or any definite nisba: ال + stem + ي/ية)."""
    if not word.startswith("ال"):
        return False
    if word in lex.nationality or word in NAME_ADJECTIVES:
        return True
    if not loose:
        return False
    nisba = len(word) >= 6 and word.endswith(("ي", "يه")) and not word.endswith(("اي", "ايه"))
    return nisba and word not in STOP and word not in TITLES and word not in lex.given


_FEMININE_ELATIVES = frozenset({"الكبري", "العليا", "الاولي", "الوسطي", "الدنيا", "القصوي"})


# Plural heads of things take a feminine adjective: الخطوط الجوية التركية.
_PLURAL_HEADS = frozenset({"الخطوط"})


def agrees(head: str, adjective: str) -> bool:
    """Gender agreement: a feminine head (ending ه) or a plural of things takes a feminine
    adjective."""
    feminine = adjective.endswith(("ه", "ات")) or adjective in _FEMININE_ELATIVES
    return (head.endswith("ه") or head in _PLURAL_HEADS) == feminine


# Verbal nouns (إبعاد, اجتماع, انسحاب, استعداده): they follow names, they are not names.
# Also تفعيل (توقيع, تعيين) and مفاعلة (مقاطعة, مشاركة) of five letters.
_MASDAR = re.compile(r"^(?:است..ا|ا.ت.ا|ات.ا|ان..ا|ا..ا[^ا]|ت..ي.$|م.ا..ه$)")


@_CACHED
def is_verbal_noun(word: str, lex: Lexicon) -> bool:
    return word not in lex.given and _MASDAR.match(word) is not None


@_CACHED
def is_function_word(word: str) -> bool:
    """A stop word or verb, also with the future prefix (سيلقي, ستواصل)."""
    return word in STOP or (word[:1] == "س" and word[1:2] in "يتن" and word[1:] in STOP)


@_CACHED
def is_common(word: str, lex: Lexicon) -> bool:
    """A word of ordinary vocabulary, with or without the article."""
    if is_function_word(word) or word in lex.common:
        return True
    return word.startswith("ال") and word[2:] in lex.common


@_CACHED
def is_title(word: str) -> bool:
    """A title, also with a proclitic (لرئيس, والوزير)."""
    return any(form in TITLES for _, form in readings(word))


@_CACHED
def can_start_name(word: str, lex: Lexicon, titled: bool) -> bool:
    """A first name word: not a function word, an article noun or (untitled) a common word."""
    if is_function_word(word) or is_title(word) or len(word) < 2 or is_verbal_noun(word, lex):
        return False
    if word in lex.given or word in KUNYA or (titled and word in lex.given_titled):
        return True
    if "ال" + word in lex.nationality:  # أفريقي, مصرية: an adjective, not a name
        return False
    if any(strip and (is_common(form, lex) or form in _HEADS) for strip, form in readings(word)):
        return False  # لحكومة, بمدينة, بتنظيم: a proclitic on a common word or a head
    return not word.startswith("ال") and not is_common(word, lex)


_ILA = frozenset({"الي", "الينا", "اليه", "اليها", "اليهم"})  # إلى and its suffixed forms


def hamza_name(tokens: Tokens, k: int) -> bool:
    """Word k is ألينا, not إلينا (to us) nor an article word: the hamza that the folding
    drops tells them apart."""
    return tokens.norm[k] in _ILA and tokens.text[k][:1] == "أ"
