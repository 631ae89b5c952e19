"""Lines straight from `render_line` where the widget's styles add nothing to them.

Textual passes every line a widget renders through its `StylesCache`: it reads the border,
outline, padding, tint, opacity and hatch styles again for each line and builds the line a
second `Strip` (a Strip makes seven caches when built), then a third for its colour filter.
The ticker, the sidebar and the article pane have none of those styles (reader.tcss: panes
are told apart by background), so for them the line from `render_line` is what the cache
would give back: this builds it once and keeps it in the same cache (its lines and dirty
lines, which `refresh` marks). Any style that would change a line sends the frame through
Textual's own path. py-spy: the styles cache was a quarter of an open's frame at 100x30.

While a frame's lines render, the widget's style (a walk up the DOM that blends every
ancestor's background), its width and its component styles are found once, not per line."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

Frame = tuple[Style, int, dict[str, Style]]  # style, content width, component styles


class PlainLines(Widget):
    _frame: Frame | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = (self.rich_style, self.scrollable_content_region.width, {})
        try:
            return self._render_lines(crop)
        finally:
            self._frame = None

    def line_style(self) -> Style:
        return self._frame[0] if self._frame else self.rich_style

    def line_width(self) -> int:
        return self._frame[1] if self._frame else self.scrollable_content_region.width

    def component_style(self, name: str) -> Style:
        """`get_component_rich_style(name)`, once a frame (KeyError for an unknown name)."""
        styles = self._frame[2] if self._frame else {}
        if (style := styles.get(name)) is None:
            style = styles[name] = self.get_component_rich_style(name)
        return style

    def _render_lines(self, crop: Region) -> list[Strip]:
        size = self.region.size
        if not self._plain() or self.content_region.size != size:
            return super().render_lines(crop)
        cache, width = self._styles_cache, size.width
        if width != cache._width:
            cache.clear()
            cache._width = width
        base_background, background = self.background_colors
        inner = cache.get_inner_outer(base_background, background)[0].rich_style
        filters = self.get_line_filters()
        lines, dirty, strips = cache._cache, cache._dirty_lines, list[Strip]()
        for y in crop.line_range:
            strip = lines.get(y)
            if strip is None or y in dirty:
                strip = lines[y] = self.render_line(y).adjust_cell_length(width, inner)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        dirty.difference_update(crop.line_range)
        if crop.column_span != (0, width):
            strips = [strip.crop(*crop.column_span) for strip in strips]
        return strips

    def _plain(self) -> bool:
        """No style that changes a rendered line: no border, padding, outline, tint, hatch,
        opacity, and no links styled on hover."""
        styles = self.styles
        hover = self.hover_style
        return not (
            any(styles.gutter)
            or any(edge for edge, _ in styles.outline)
            or styles.tint.a
            or self.opacity != 1
            or styles.text_opacity != 1
            or styles.has_rule("hatch")
            or (self.auto_links and hover._link_id and hover._meta and "@click" in hover.meta)
        )
