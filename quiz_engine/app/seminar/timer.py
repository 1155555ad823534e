"""The discussion timer: plain values, the time always given from outside.

It counts down from ``seconds`` (or up, for "a round round the table", when ``seconds`` is 0),
can be paused and reset, and never does anything by itself: when the time is up it says so,
and the facilitator decides what happens next.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# The seeds' rhythm: 3 minutes alone, a round round the table (no fixed length), 15 minutes
# in the group.
PRESETS = (("alone", 180), ("round", 0), ("group", 900))
MAX_SECONDS = 120 * 60


@dataclass(frozen=True)
class Timer:
    seconds: int = 180  # 0: counts up
    spent_ms: int = 0  # run time before the current run
    since: int | None = None  # the clock (ms) when the current run began; None: stopped

    @property
    def running(self) -> bool:
        return self.since is not None

    @property
    def counts_up(self) -> bool:
        return self.seconds == 0

    def elapsed(self, now: int) -> int:
        """Milliseconds run so far; a clock that went backwards counts as no time."""
        current = max(0, now - self.since) if self.since is not None else 0
        return self.spent_ms + current

    def remaining(self, now: int) -> int:
        """Milliseconds left (0 once the time is up); for a count-up timer, 0."""
        return 0 if self.counts_up else max(0, self.seconds * 1000 - self.elapsed(now))

    def is_up(self, now: int) -> bool:
        return not self.counts_up and self.elapsed(now) >= self.seconds * 1000

    def shown_seconds(self, now: int) -> int:
        """What the display shows: seconds left (rounded up), or seconds run when counting up."""
        if self.counts_up:
            return self.elapsed(now) // 1000
        return -(-self.remaining(now) // 1000)


def start(timer: Timer, now: int) -> Timer:
    if timer.running or timer.is_up(now):
        return timer
    return replace(timer, since=now)


def pause(timer: Timer, now: int) -> Timer:
    if not timer.running:
        return timer
    return Timer(timer.seconds, timer.elapsed(now), None)


def reset(timer: Timer) -> Timer:
    return Timer(timer.seconds)


def set_length(seconds: int) -> Timer:
    """A new, stopped timer of ``seconds`` (clamped to 0..2 hours; 0 counts up)."""
    return Timer(max(0, min(MAX_SECONDS, seconds)))


def clock(seconds: int) -> str:
    """``clock(185) == "03:05"``; an hour or more as ``1:02:05``."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
