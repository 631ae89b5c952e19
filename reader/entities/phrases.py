"""The phrases that finish an organisation's or facility's name after its head:
agreeing adjectives (الوطني, الجوية), و-conjuncts (والاجتماعي والبيئي, ومكافحة الفساد) and
ل-genitives (للأرصاد الجوية, لإدارة السجون). Used by `heads.py`."""

from __future__ import annotations

from reader.entities.lexicon import Lexicon
from reader.entities.spans import Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    DEFINITE_ORG_HEADS,
    GENERIC_DEFINITE_HEADS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
)
from reader.entities.words import (
    agrees,
    is_adjective,
    is_common,
    is_function_word,
    is_strict_adjective,
    is_title,
    is_verbal_noun,
)

ALL_HEADS = DEFINITE_ORG_HEADS | GENERIC_DEFINITE_HEADS
NAME_STARTS = ALL_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | PLACE_HEADS  # not conjuncts


def conjoined(
    tokens: Tokens, k: int, lex: Lexicon, listed: dict[int, Span], adjectival: bool = False
) -> int:
    """والرياضة والشباب, والاجتماعي والبيئي: و + article words that go on a name; only
    adjectives when `adjectival` (الجمعية الوطنية والدعوة: the name ends before و)."""
    count = 0
    while k < tokens.size and tokens.joined[k] and count < 3 and k not in listed:
        word = tokens.norm[k]
        rest = word[1:]
        nxt = tokens.norm[k + 1] if k + 1 < tokens.size and tokens.joined[k + 1] else ""
        noun = is_common(rest) and not is_title(rest) and rest not in NAME_STARTS
        if word[:1] == "و" and not word.startswith("وال") and nxt.startswith("ال") and noun:
            k, count = adjectives(tokens, k + 2, lex), count + 1  # ومكافحة الفساد
            continue
        if not word.startswith("وال") or len(rest) < 5 or rest in ALL_HEADS or is_title(rest):
            break
        if rest in lex.nationality or rest in STOP or (adjectival and not is_adjective(rest)):
            break
        k, count = adjectives(tokens, k + 1, lex), count + 1
    return k


def adjectives(
    tokens: Tokens,
    k: int,
    lex: Lexicon,
    head: str = "",
    national: bool = True,
    loose: bool = True,
) -> int:
    """Skip up to three agreeing adjectives from k (nationality ones only if `national`)."""
    count, adjective = 0, is_adjective if loose else is_strict_adjective
    while k < tokens.size and tokens.joined[k] and count < 3:
        word = tokens.norm[k]
        if not adjective(word) or (head and not agrees(head, word)):
            break
        if not national and word in lex.nationality:
            break
        k, count = k + 1, count + 1
    return k


def genitive(
    tokens: Tokens, k: int, lex: Lexicon, listed: dict[int, Span], proper: bool = False
) -> int:
    """للأرصاد الجوية, لكرة القدم, لإدارة السجون, للعلوم والتكنولوجيا: ل-phrases (two at
    most) finishing an organisation's name. After a `proper` name, ل + a verbal noun is a
    purpose (شركة هيونداي لإنتاج السيارات)."""
    for _ in range(2):
        if k >= tokens.size or not tokens.joined[k]:
            return k
        word = tokens.norm[k]
        nxt = tokens.norm[k + 1] if k + 1 < tokens.size and tokens.joined[k + 1] else ""
        if word.startswith("لل") and len(word) >= 5 and not is_title(word):
            k += 1
            if nxt.startswith("ال") and not is_adjective(nxt) and k not in listed:
                k += 1
        elif word[:1] == "ل" and len(word) >= 4 and nxt.startswith("ال") and not is_title(word):
            if is_function_word(word) or word[1:] in STOP:
                return k
            if proper and is_verbal_noun(word[1:]):
                return k
            k += 2  # لإدارة السجون, لحقوق الإنسان
        else:
            return k
        k = conjoined(tokens, adjectives(tokens, k, lex), lex, listed)
    return k


MINISTERS = frozenset({"وزير", "وزيره", "الوزير", "الوزيره", "نايب"})


def definite_end(
    tokens: Tokens, i: int, head: str, lex: Lexicon, listed: dict[int, Span]
) -> int | None:
    """الجيش الإسرائيلي, المكتب الوطني للإحصاء: the end of a definite head's name, or None.
    A generic head (المكتب, الشركة) needs more than one nationality adjective."""
    if i > 0 and tokens.norm[i - 1] in MINISTERS and tokens.joined[i]:
        return None  # وزير الخارجية الأمريكي is a title
    end = adjectives(tokens, i + 1, lex, head=head)
    end = conjoined(tokens, end, lex, listed, adjectival=end > i + 1)
    named = end > i + 1
    full = genitive(tokens, end, lex, listed)
    if head in GENERIC_DEFINITE_HEADS:
        national_only = all(tokens.norm[k] in lex.nationality for k in range(i + 1, end))
        if full == end and (not named or national_only):
            return None
    elif not named:
        return None
    return full
