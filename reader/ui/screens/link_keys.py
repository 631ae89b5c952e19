"""The open article's links: o opens one in the browser (over SSH, the status line shows it
as an OSC 8 link the local terminal opens), y copies it (OSC 52), digits before them choose
link N."""

from __future__ import annotations

import os

from reader.library.locations import load_config
from reader.ui.browser import browser_command, launch, osc52, safe_url
from reader.ui.screens.main_state import MainState


class LinkKeys(MainState):
    def action_link_number(self, digit: int) -> None:
        self.link_number = (self.link_number * 10 + digit) % 1000
        self.note = f"link {self.link_number}: o opens, y copies"

    def _chosen_url(self) -> str | None:
        number, self.link_number = self.link_number, 0
        if self.opened is None:
            self.note = "open an article first (Enter)"
            return None
        article = self.opened.article
        if number:
            if number > len(article.links):
                self.note = f"no link [{number}]: this article has {len(article.links)}"
                return None
            url: str | None = article.links[number - 1]
        else:
            url = article.link or (article.links[0] if article.links else None)
        if (checked := safe_url(url)) is None:
            self.note = "this article has no web address"
        return checked

    def action_open_link(self) -> None:
        url = self._chosen_url()
        if url is None:
            return
        command = browser_command(os.environ, load_config())
        if command is None:  # over SSH: the local terminal opens it (an OSC 8 hyperlink)
            self.note, self.shown_link = "", url
            return
        try:
            launch(command, url)
        except (OSError, ValueError) as failure:
            self.note = f"cannot run the browser {command!r}: {failure}"
            return
        self.note = f"opened in {command}: {url}"

    def action_copy_link(self) -> None:
        url = self._chosen_url()
        if url is None:
            return
        driver = self.app._driver
        if driver is not None:
            driver.write(osc52(url))  # OSC 52: the local clipboard, through tmux too
        self.app._clipboard = url
        self.note = f"copied: {url}"
