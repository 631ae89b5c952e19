"""Word tests shared by the rules: what may be part of a name, what is an adjective.

Each test depends on the word alone (the lexicon is loaded once), so each is a per-word memo
(memo.py): the rules ask about the same words again and again within and across texts. A
test with two readings is two memos (`is_adjective` / `is_strict_adjective`,
`can_start_name` / `can_start_titled_name`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from reader.entities.clitics import readings
from reader.entities.lexicon import lexicon
from reader.entities.memo import Memo
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

_HEADS = EVENT_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | PLACE_HEADS


def _adjective(word: str, loose: bool) -> bool:
    """الأمريكي, الإسرائيلية, المركزي, الدولية, الأولمبية ...: a definite relational adjective
    (a listed one, or, when `loose`, any definite nisba: ال + stem + ي/ية)."""
    if not word.startswith("ال"):
        return False
    lex = lexicon()
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
# Also تفعيل (توقيع, تعيين; not with ي first: تيتيه is a surname) and مفاعلة (مقاطعة, مشاركة)
# of five letters.
_MASDAR = re.compile(r"^(?:است..ا|ا.ت.ا|ات.ا|ان..ا|ا..ا[^ا]|ت[^ي].ي.$|م.ا..ه$)")


def _verbal_noun(word: str) -> bool:
    return word not in lexicon().given and _MASDAR.match(word) is not None


def _function_word(word: str) -> bool:
    """A stop word or verb, also with the future prefix (سيلقي, ستواصل)."""
    return word in STOP or (word[:1] == "س" and word[1:2] in "يتن" and word[1:] in STOP)


def _common(word: str) -> bool:
    """A word of ordinary vocabulary, with or without the article."""
    common = lexicon().common
    if is_function_word(word) or word in common:
        return True
    return word.startswith("ال") and word[2:] in common


def _title(word: str) -> bool:
    """A title, also with a proclitic (لرئيس, والوزير)."""
    return any(form in TITLES for _, form in readings(word))


def _name_start(word: str, titled: bool) -> bool:
    """A first name word: not a function word, an article noun or (untitled) a common word;
    after a title also a given name that is a common word."""
    if is_function_word(word) or is_title(word) or len(word) < 2 or is_verbal_noun(word):
        return False
    lex = lexicon()
    if word in lex.given or word in KUNYA or (titled and word in lex.given_titled):
        return True
    if "ال" + word in lex.nationality:  # أفريقي, مصرية: an adjective, not a name
        return False
    if any(strip and (is_common(form) or form in _HEADS) for strip, form in readings(word)):
        return False  # لحكومة, بمدينة, بتنظيم: a proclitic on a common word or a head
    return not word.startswith("ال") and not is_common(word)


def _indefinite_adjective(word: str) -> bool:
    """صحي, عسكرية, تركية, مستقلة: an adjective without the article (its definite form
    is a listed adjective, or it is a nisba of a common word: صحي of صحة). After a head it
    says the head is a common noun here (مركز صحي, محكمة عسكرية), not a name's head."""
    if word.startswith("ال") or len(word) < 3 or word in lexicon().given:
        return False
    if is_strict_adjective("ال" + word):
        return True
    stem = word[:-2] if word.endswith("يه") else word[:-1] if word.endswith("ي") else ""
    if len(stem) < 2 or stem.endswith("ا"):  # رواية, هداية, كراتشي: no nisba
        return False
    common = lexicon().common
    return stem in common or stem + "ه" in common


# The tests, memoised per word (a dict lookup in C per call; each depends on the word alone).
is_adjective: Callable[[str], bool] = Memo(partial(_adjective, loose=True)).__getitem__
is_strict_adjective: Callable[[str], bool] = Memo(partial(_adjective, loose=False)).__getitem__
is_verbal_noun: Callable[[str], bool] = Memo(_verbal_noun).__getitem__
is_function_word: Callable[[str], bool] = Memo(_function_word).__getitem__
is_common: Callable[[str], bool] = Memo(_common).__getitem__
is_title: Callable[[str], bool] = Memo(_title).__getitem__
can_start_name: Callable[[str], bool] = Memo(partial(_name_start, titled=False)).__getitem__
can_start_titled_name: Callable[[str], bool] = Memo(partial(_name_start, titled=True)).__getitem__
is_indefinite_adjective: Callable[[str], bool] = Memo(_indefinite_adjective).__getitem__


_ILA = frozenset({"الي", "الينا", "اليه", "اليها", "اليهم"})  # إلى and its suffixed forms


def hamza_name(tokens: Tokens, k: int) -> bool:
    """Word k is ألينا, not إلينا (to us) nor an article word: the hamza that the folding
    drops tells them apart."""
    return tokens.norm[k] in _ILA and tokens.text[k][:1] == "أ"
