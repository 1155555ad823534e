"""What a SCORM 1.2 LMS is told: status, score and saved progress, as CMI values; and whose
saved progress wins when the LMS's and this device's meet.

The shell's adapter (``web/app/static/lms.mjs``) only finds the LMS and passes these values on;
what they mean is decided here. The saved progress itself is written by ``codec``.
"""

from __future__ import annotations

import dataclasses

from ...base.errors import SavedStateError
from ...base.model import Quiz
from ...run.play import Play, play_of
from ...run.scoring import result
from ...run.session import Session
from .codec import decode, encode

# Reflection texts are the most sensitive thing the app holds (they can show political
# opinions): they stay on the device and are not sent to the LMS. The LMS hears that a
# reflection was answered and which key points were ticked, never what was written.
SEND_TEXTS = False

STATUS, EXIT, SUSPEND = "cmi.core.lesson_status", "cmi.core.exit", "cmi.suspend_data"
RAW, MIN, MAX = "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max"


def cmi_values(quiz: Quiz, play: Play | None) -> dict[str, str]:
    """The values to set for ``quiz`` as it stands. Example, half-way through::

    {"cmi.core.lesson_status": "incomplete", "cmi.core.exit": "suspend",
     "cmi.suspend_data": "1|lillevik|i|5|0-1,1-0|"}
    """
    if play is None:
        return {STATUS: "incomplete", EXIT: "suspend", SUSPEND: ""}
    state = play.state
    values = {SUSPEND: encode(quiz, play.session, texts=SEND_TEXTS)}
    if not (state.finished or state.is_retry):
        return {**values, STATUS: "incomplete", EXIT: "suspend"}
    outcome = result(quiz, state)
    # A pass mark of 0 means the quiz has none: done is done.
    status = "completed" if quiz.pass_mark == 0 else ("passed" if outcome.passed else "failed")
    score = {RAW: str(round(outcome.percent)), MIN: "0", MAX: "100"}
    # A retry round under way: the result so far stands, and the LMS keeps the progress.
    leave = "" if state.finished else "suspend"
    return {**values, **score, STATUS: status, EXIT: leave}


def resume(quiz: Quiz | None, local: Play | None, data: str) -> Play | None:
    """The session to go on with, from the LMS's saved progress, or ``None`` to keep this
    device's. The LMS wins (the councillor may come from another device) unless this device
    holds the same progress or more (its texts are whole; the LMS missed the last commits) or
    the LMS's copy is damaged; the first commit then brings the LMS up to date."""
    if quiz is None or not data:
        return None
    try:
        remote = decode(quiz, data)
    except SavedStateError:
        return None
    if local is not None and covers(quiz, local.session, data):
        return None
    return play_of(quiz, remote)


def readable(quiz: Quiz, data: str) -> bool:
    """Whether the LMS's saved progress can be read for ``quiz`` (the codec is bounded)."""
    try:
        decode(quiz, data)
    except SavedStateError:
        return False
    return True


def covers(quiz: Quiz, local: Session, data: str) -> bool:
    """Whether ``local`` is the progress the LMS holds, or that progress and more: its history,
    or one of its beginnings, writes exactly ``data``."""
    history = local.history
    return any(
        encode(quiz, dataclasses.replace(local, history=history[:n]), texts=SEND_TEXTS) == data
        for n in range(len(history), -1, -1)
    )
