"""Arabic joining forms for a terminal, one character in, one character out.

arabic-reshaper is run with ligatures off and harakat kept, which makes its output 1:1 with
its input (checked, and the word is left unshaped if it ever is not). On top of that:
- ZWJ (which the reshaper drops, and which crashes it when ligatures are on) is shaped as a
  tatweel, the other join-causing character, and put back afterwards;
- the four lam-alef ligatures (U+FEF5..U+FEFC, one cell each in DejaVu Sans Mono) are folded
  here: the lam becomes the ligature and the alef becomes U+FEFF, a zero-width filler that is
  never drawn (as GNU FriBidi does). No other ligature is ever made: U+FDF2 (ALLAH) and
  friends are drawn several cells wide by fallback fonts.
The shaped paragraph therefore has the same length as the logical one, so levels, line
offsets and style spans apply to it unchanged.

Shaping is per word (U+0020 never joins), through a memo: news repeats its words.
"""

from __future__ import annotations

import re
import sys
from typing import Any

# arabic_reshaper imports fontTools when it is installed, for a feature we never use
# (`config_for_true_type_font`): its 60 modules were 2% of the first screen's instructions.
# Its import is made to fail here, once; fontTools stays importable for everyone else.
_hidden = "fontTools.ttLib" not in sys.modules
if _hidden:
    sys.modules["fontTools.ttLib"] = None  # type: ignore[assignment]
try:
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.letters import LETTERS_ARABIC
finally:
    if _hidden:
        del sys.modules["fontTools.ttLib"]

from reader.bidi.tables import HARAKA, HARAKAT  # noqa: E402

ZWJ, TATWEEL, FILLER = "\u200d", "\u0640", "\ufeff"
_SETTINGS = {
    "delete_harakat": False,  # 1:1 output; harakat are dropped (or kept) at draw time
    "support_ligatures": False,  # lam-alef only, folded below; never U+FDF2 (ALLAH)
    "delete_tatweel": False,
    "support_zwj": True,
    "shift_harakat_position": False,
    "use_unshaped_instead_of_isolated": False,
}
_PROBE = "لا إله إلا الله، بِسْمِ اللَّه (پژوهش گاه) ـلأـ 12 abc لآ"


class _Settings:
    """The reshaper's configuration with the booleans read once: reshape() asks for six of
    them through configparser on every call, which costs more than shaping a short word."""

    def __init__(self, section: Any) -> None:
        self._section = section
        self._flags = {key: section.getboolean(key) for key in _SETTINGS}

    def getboolean(self, key: str, *args: Any, **kwargs: Any) -> Any:
        if key in self._flags:
            return self._flags[key]
        return self._section.getboolean(key, *args, **kwargs)

    def get(self, key: str, *args: Any, **kwargs: Any) -> Any:
        return self._section.get(key, *args, **kwargs)


def _make_reshaper() -> ArabicReshaper:
    reshaper = ArabicReshaper(configuration=dict(_SETTINGS))
    plain = reshaper.reshape(_PROBE)
    section = reshaper.configuration
    reshaper.configuration = _Settings(section)
    if reshaper.reshape(_PROBE) != plain:  # a reshaper that reads its settings differently
        reshaper.configuration = section
    return reshaper


_RESHAPER = _make_reshaper()
_JOINING = re.compile("[" + "".join(sorted(set(LETTERS_ARABIC) - {ZWJ})) + "]")
# lam (initial or medial form), harakat, alef (final form: it always joins the lam)
_LAM_ALEF = re.compile(f"([\ufedf\ufee0])([{HARAKAT}]*)([\ufe82\ufe84\ufe88\ufe8e])")
_LIGATURE = {
    ("\ufedf", "\ufe82"): "\ufef5", ("\ufee0", "\ufe82"): "\ufef6",  # lam + alef madda
    ("\ufedf", "\ufe84"): "\ufef7", ("\ufee0", "\ufe84"): "\ufef8",  # lam + hamza above
    ("\ufedf", "\ufe88"): "\ufef9", ("\ufee0", "\ufe88"): "\ufefa",  # lam + hamza below
    ("\ufedf", "\ufe8e"): "\ufefb", ("\ufee0", "\ufe8e"): "\ufefc",  # lam + alef
}  # fmt: skip
_MEMO: dict[str, str] = {}
_MEMO_LIMIT = 50_000


def _fold(m: re.Match[str]) -> str:
    return _LIGATURE[m[1], m[3]] + m[2] + FILLER


def _reshape(text: str) -> str:
    """arabic-reshaper, 1:1 (ZWJ shaped as tatweel); "" if it fails or changes the length."""
    try:
        out = _RESHAPER.reshape(text.replace(ZWJ, TATWEEL) if ZWJ in text else text)
    except Exception:  # noqa: BLE001 - a reshaper bug must not take the reader down
        return ""
    if len(out) != len(text):
        return ""
    if ZWJ in text:
        out = "".join(ZWJ if ch == ZWJ else o for ch, o in zip(text, out, strict=True))
    return _LAM_ALEF.sub(_fold, out)


def shape(text: str) -> str:
    """Presentation forms for a paragraph; same length as `text`."""
    if not _JOINING.search(text):
        return text
    words = text.split(" ")
    new = [w for w in dict.fromkeys(words) if w not in _MEMO and _JOINING.search(w)]
    if new:
        # One reshaper call for all the new words (its per-call set-up costs more than a
        # short word): U+0020 never joins, so the words shape exactly as they would alone.
        if len(_MEMO) + len(new) > _MEMO_LIMIT:
            _MEMO.clear()
        batch = _reshape(" ".join(new)).split(" ")
        if len(batch) != len(new):
            batch = [_reshape(w) for w in new]
        for word, shaped in zip(new, batch, strict=True):
            _MEMO[word] = shaped or word
    get = _MEMO.get
    return " ".join([get(w, w) for w in words])


def drawn_at(text: str, shaped: str, i: int) -> int:
    """The index whose cell draws logical character i: a lam-alef's alef is drawn by its lam
    (the ligature), the rest by themselves."""
    if shaped[i] != FILLER or text[i] == FILLER:
        return i
    while i > 0 and (shaped[i] == FILLER or HARAKA.match(shaped[i])):
        i -= 1
    return i


def clear_memo() -> None:
    _MEMO.clear()
