"""The screen's frame timer, without Textual's late-tick skip of one interval too many.

Textual paints a screen on a paused interval timer (1/60 s) that an idle screen with dirty
widgets resumes. When a tick comes late (the timer was paused past its time),
`Timer._run` skips ahead with `count = int(elapsed / interval + 1)`: the next tick is one to
two intervals away, not at most one. A frame that follows another within 33 ms (Down and
Enter sent together: the cursor, then the article) waited 17-33 ms for it. FrameTimer is
`Timer._run` with that line as `int(elapsed / interval)`: the next tick is the next one due,
so frames stay at most 60 a second and none waits more than an interval.

tests/test_frame_timer.py compares this copy with Textual's loop (a Textual upgrade that
changes it fails there, to be looked at again) and checks the schedule on a fake clock.

PromptFrames.hold_frames is curses' typeahead for an open: Down and Enter sent together are
one update (the cursor with the article), not a cursor frame whose compositor pass shares
the GIL with the article's read, then the article's (tests/test_frame_hold.py)."""

from __future__ import annotations

from contextlib import ExitStack

from textual import _time
from textual._time import sleep
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import EventTargetGone, Timer


class FrameTimer(Timer):
    async def _run(self) -> None:
        count = 0
        _repeat = self._repeat
        _interval = self._interval
        self._active  # noqa: B018  (Textual: force instantiation in the same thread)
        await self._active.wait()
        start = _time.get_time()

        while _repeat is None or count <= _repeat:
            next_timer = start + ((count + 1) * _interval)
            now = _time.get_time()
            if self._skip and next_timer < now:
                count = int((now - start) / _interval)  # Textual's: + 1, an interval late
                continue
            now = _time.get_time()
            wait_time = max(0, next_timer - now)
            await sleep(wait_time)
            count += 1
            await self._active.wait()
            if self._reset:
                start = _time.get_time()
                count = 0
                self._reset = False
                continue
            try:
                await self._tick(next_timer=next_timer, count=count)
            except EventTargetGone:
                break


class PromptFrames(Screen[None]):
    """A screen whose frames run on a FrameTimer (Screen builds its own timer the same way,
    in its `_update_timer` property, the only place it is made)."""

    _frame_timer: FrameTimer | None = None
    _frames_held: ExitStack | None = None  # Textual's App.batch_update, entered by hold_frames
    _hold_limit: Timer | None = None

    @property
    def _update_timer(self) -> Timer:
        if self._frame_timer is None:
            self._frame_timer = FrameTimer(
                self,
                UPDATE_PERIOD,
                name="screen_update",
                callback=self._on_timer_update,
                pause=True,
            )
            self._frame_timer._start()
            self._timers.add(self._frame_timer)
        return self._frame_timer

    def hold_frames(self, limit: float) -> None:
        """No frame is painted until release_frames, or for `limit` seconds at most (an
        app timer: it runs whatever screen is shown). A hold already on keeps its
        deadline, so keys that keep coming never hold the screen longer than one limit."""
        if self._frames_held is not None:
            return
        self._frames_held = ExitStack()
        self._frames_held.enter_context(self.app.batch_update())
        self._hold_limit = self.app.set_timer(limit, self.release_frames, name="frame_hold")

    def release_frames(self) -> None:
        """Paint whatever the screen was told of while frames were held."""
        held, limit = self._frames_held, self._hold_limit
        self._frames_held = self._hold_limit = None
        if held is None:
            return
        if limit is not None:
            limit.stop()
        held.close()
        self.check_idle()  # the screen's idle resumes its frame timer for the dirty widgets
