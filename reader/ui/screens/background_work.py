"""The work the screen starts by itself once the first rows are shown: the sweep of a killed
writer's files, the refresh timer and the sync; R refreshes at once. Its progress and any
worker's failure go to the status line."""

from __future__ import annotations

from textual import on, work
from textual.worker import Worker, WorkerState, get_current_worker

from reader.ui.messages import Announce, Progress, StoreChanged
from reader.ui.screens.main_state import MainState


class BackgroundWork(MainState):
    def action_refresh_feeds(self) -> None:
        """R: refresh every feed and sync, in the background; progress in the status line."""
        self.run_refresh(only_due=False)

    def _after_first_screen(self) -> None:
        self.sweep()
        self._start_timer()

    @work(thread=True, exit_on_error=False, group="state")
    def sweep(self) -> None:
        """A killed writer's temporary files, removed if the database can be written."""
        self.store.sweep()

    def _start_timer(self) -> None:
        """The refresh timer ([refresh] in the config); a sync at once when [sync] is set."""
        from reader.library.locations import ConfigError, load_config
        from reader.sync.schedule import refresh_config  # not cycle: it imports the fetch

        try:
            config = load_config()
            tick, syncs = refresh_config(config).tick, "sync" in config
        except ConfigError as error:
            self.note = f"error: {error}"
            return
        if tick is not None:
            self.set_interval(tick, self._timed_refresh)
        if syncs:
            self.run_refresh(only_due=True)

    def _timed_refresh(self) -> None:
        if not any(w.group == "feeds" and w.is_running for w in self.workers):
            self.run_refresh(only_due=True)

    @work(thread=True, exit_on_error=False, group="feeds")
    def run_refresh(self, only_due: bool) -> None:
        from reader.sync.cycle import refresh_cycle

        worker = get_current_worker()
        self.post_message(Progress("Feeds: refreshing…"))

        def report(text: str) -> None:
            self.post_message(Progress(text))

        result = refresh_cycle(
            self.store,
            report,
            lambda: worker.is_cancelled,
            only_due=only_due,
        )
        if result.terminal:  # the bell and/or OSC 9 / 777, sanitised in reader.sync.notify
            self.post_message(Announce(result.terminal))  # the app writes it to the terminal
        self.post_message(StoreChanged(result.note))

    @on(Progress)
    def progress(self, message: Progress) -> None:
        self.note = message.text

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed (a damaged store file, say) is reported, never silent."""
        if event.state == WorkerState.ERROR:
            self.note = f"error: {event.worker.error}"
