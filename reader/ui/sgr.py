"""SGR: what a style sets on the terminal, and the shortest change from one set to another
(the attributes and colours that differ, or a reset and the new set if that is shorter)."""

from __future__ import annotations

from functools import lru_cache

from rich.color import ColorSystem
from rich.style import Style

# (attribute, SGR on, SGR off); an off code clears each attribute that shares it
ATTRIBUTES = (
    ("bold", "1", "22"), ("dim", "2", "22"), ("italic", "3", "23"), ("underline", "4", "24"),
    ("blink", "5", "25"), ("blink2", "6", "25"), ("reverse", "7", "27"), ("conceal", "8", "28"),
    ("strike", "9", "29"), ("underline2", "21", "24"), ("frame", "51", "54"),
    ("encircle", "52", "54"), ("overline", "53", "55"),
)  # fmt: skip
SGR = tuple[frozenset[int], tuple[str, ...], tuple[str, ...]]  # attributes, fg, bg codes
DEFAULT: SGR = (frozenset(), (), ())
UNSHARABLE = ("reverse", "underline", "underline2", "overline", "strike", "blink", "conceal")


@lru_cache(maxsize=4096)
def sgr_of(style: Style, system: ColorSystem) -> SGR:
    on = frozenset(i for i, (name, _, _) in enumerate(ATTRIBUTES) if getattr(style, name))
    fg = style.color.downgrade(system).get_ansi_codes() if style.color else ()
    bg = style.bgcolor.downgrade(system).get_ansi_codes(False) if style.bgcolor else ()
    return on, tuple(fg), tuple(bg)


@lru_cache(maxsize=4096)
def change(old: SGR, new: SGR) -> str:
    """The shortest SGR that takes the terminal from `old` to `new`."""
    if old == new:
        return ""
    if new == DEFAULT:
        return "\x1b[0m"
    full = [ATTRIBUTES[i][1] for i in sorted(new[0])] + [*new[1], *new[2]]
    offs = {ATTRIBUTES[i][2] for i in old[0] - new[0]}
    cleared = {i for i, (_, _, off) in enumerate(ATTRIBUTES) if off in offs}
    codes = sorted(offs) + [ATTRIBUTES[i][1] for i in sorted(new[0] - (old[0] - cleared))]
    if new[1] != old[1]:
        codes += new[1] or ("39",)
    if new[2] != old[2]:
        codes += new[2] or ("49",)
    diff, reset = ";".join(codes), ";".join(["0", *full])
    return f"\x1b[{diff if len(diff) <= len(reset) else reset}m"


def erasable(style: Style | None) -> bool:
    """An erased cell has the background and nothing else: no reversed colours, no lines."""
    return style is None or not (any(getattr(style, name) for name in UNSHARABLE) or style.link)
