"""The saved progress an LMS keeps for us: a session as SCORM 1.2 ``cmi.suspend_data``.

``cmi.suspend_data`` is a CMIString4096: at most 4,096
characters. We count them as UTF-16 code units (what JavaScript's ``length`` and the LMS's
checks count, the stricter reading), and every quiz's worst case is tested.

The saved progress is written compactly (format 1)::

    1|<quiz>|<i or d>|<seed>|<events>|<texts>

``events`` is a comma-separated list: ``f`` (finish), ``r`` (retry) or an answer
``<question>-<options>[*<certainty>][+<key points>]['``, where the question is its place in
the file in base 36, options and key points are single base-36 places and ``'`` says the answer
has a text. ``texts`` follow in order as ``<length in base 36>:<text>``.

Only the history that still matters is written: nothing before the last start-over, and of
earlier rounds only the answers that count (as one round, finished, then "retry"), so a
councillor who retries ten times needs no more room than one who retries once. Reflection texts
share what room is left; a text that does not fit is shortened and ends in "…" (the whole text
stays on the device, in the browser's own storage).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ...base.errors import SavedStateError
from ...base.model import Quiz
from ...kinds import Attempt, Response
from ...run.behaviours import DEFERRED, IMMEDIATE
from ...run.fold import replay
from ...run.saved_format import check_session
from ...run.session import Event, Session

SUSPEND_LIMIT = 4096
FORMAT = "1"
ELLIPSIS = "…"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_DIGIT_SET = frozenset(_DIGITS)
_BEHAVIOUR = {IMMEDIATE: "i", DEFERRED: "d"}


def units(text: str) -> int:
    """Length in UTF-16 code units: ``units("å") == 1``, ``units("🙂") == 2``."""
    return len(text.encode("utf-16-le")) // 2


# -- the compact history -----------------------------------------------------------------------


def compact_history(quiz: Quiz, session: Session) -> tuple[Event, ...]:
    """A shorter history that folds to the same answers and result as ``session``'s (only the
    round numbers, which nothing shows, count fewer rounds)."""
    history = session.history
    resets = [n for n, e in enumerate(history) if e.action == "reset"]
    if resets:
        history = history[resets[-1] + 1 :]
    state = replay(quiz, dataclasses.replace(session, history=history))
    retries = [n for n, e in enumerate(history) if e.action == "retry"]
    events: list[Event] = []
    if retries:
        before = replay(quiz, dataclasses.replace(session, history=history[: retries[-1]]))
        events += [*_answers(quiz, before.latest), Event("finish"), Event("retry")]
    events += _answers(quiz, state.answers)
    if state.finished:
        events.append(Event("finish"))
    return tuple(events)


def _answers(quiz: Quiz, attempts: Mapping[str, Attempt]) -> list[Event]:
    return [
        Event("answer", qid, attempts[qid].response, attempts[qid].confidence)
        for qid in sorted(attempts, key=quiz.position)
    ]


# -- writing and reading -----------------------------------------------------------------------


def encode(quiz: Quiz, session: Session, limit: int = SUSPEND_LIMIT, texts: bool = True) -> str:
    """``session`` as suspend data of at most ``limit`` UTF-16 units (texts shortened to fit;
    left out with ``texts=False``: the answer is there, its text is not)."""
    tokens, kept = [], []
    for event in compact_history(quiz, session):
        if event.action != "answer" or event.response is None:
            tokens.append(event.action[0])
            continue
        if not texts:
            event = dataclasses.replace(
                event, response=dataclasses.replace(event.response, text="")
            )
        token, text = _answer_token(quiz, event)
        tokens.append(token)
        if text:
            kept.append(text)
    head = "|".join(
        (FORMAT, quiz.id, _BEHAVIOUR[session.behaviour], _base36(session.seed), ",".join(tokens))
    )
    room = limit - units(head) - 1
    if room < 0:
        raise ValueError(f"the progress of {quiz.id!r} does not fit in {limit} characters")
    return f"{head}|{''.join(f'{_base36(len(t))}:{t}' for t in _fit(kept, room))}"


def _answer_token(quiz: Quiz, event: Event) -> tuple[str, str]:
    question = quiz.question(event.question)
    response = event.response
    assert question is not None and response is not None
    options = [o.id for o in question.options]
    points = [p.id for p in question.key_points]
    token = f"{_base36(quiz.position(question.id))}-"
    token += "".join(_digit(options.index(c)) for c in response.choices)
    if event.confidence is not None:
        token += f"*{event.confidence}"
    if response.ticked:
        token += "+" + "".join(_digit(points.index(p)) for p in response.ticked)
    if response.text:
        token += "'"
    return token, response.text


def _fit(texts: list[str], room: int) -> list[str]:
    """Shorten the longest texts first until all of them, with their length marks, fit."""
    out = list(texts)
    order = sorted(range(len(texts)), key=lambda n: units(texts[n]))
    left = room
    for done, n in enumerate(order):
        share = left // (len(order) - done)
        text = texts[n]
        mark = len(_base36(len(text))) + 1
        if units(text) + mark > share:
            text = _shorten(text, share - mark)
        out[n] = text
        left -= units(text) + len(_base36(len(text))) + 1
    return out


def _shorten(text: str, room: int) -> str:
    if room <= units(ELLIPSIS):
        return ""
    kept, used = [], units(ELLIPSIS)
    for char in text:
        used += units(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ELLIPSIS


def decode(quiz: Quiz, data: str) -> Session:
    """Suspend data back into a session; raise ``SavedStateError`` when it is damaged. Bounded:
    longer than the LMS may hold, numbers that are not base 36 or out of range, and texts that
    do not add up are refused, each in one pass over the data."""
    if not isinstance(data, str) or units(data) > SUSPEND_LIMIT:
        raise SavedStateError("the LMS's saved progress is longer than cmi.suspend_data holds")
    try:
        session = _decode(quiz, data)
    except (ValueError, IndexError, KeyError) as error:
        raise SavedStateError(f"the LMS's saved progress is damaged: {error}") from None
    check_session(quiz, session)
    return session


def _decode(quiz: Quiz, data: str) -> Session:
    version, quiz_id, behaviour, seed, tokens, rest = data.split("|", 5)
    if version != FORMAT or quiz_id != quiz.id:
        raise ValueError(f"not format {FORMAT} of {quiz.id!r}")
    behaviours = {v: k for k, v in _BEHAVIOUR.items()}
    texts = _texts(rest)
    events = []
    for token in tokens.split(",") if tokens else ():
        if token in ("f", "r"):
            events.append(Event("finish" if token == "f" else "retry"))
            continue
        events.append(_answer_event(quiz, token, texts))
    if texts:
        raise ValueError("more texts than answers with text")
    return Session(quiz.id, behaviours[behaviour], _number(seed, 2**53), tuple(events))


def _texts(rest: str) -> list[str]:
    texts, pos = [], 0
    while pos < len(rest):
        colon = rest.index(":", pos)
        length = _number(rest[pos:colon], len(rest) - colon - 1)
        texts.append(rest[colon + 1 : colon + 1 + length])
        pos = colon + 1 + length
    return texts


def _number(text: str, high: int) -> int:
    """A number in our base 36 (lower-case ASCII letters and digits, no sign), at most
    ``high``: ``int(text, 36)`` alone would take "-3", "+3", " 3", "3_0" and Unicode digits."""
    if not text or len(text) > 11 or not set(text) <= _DIGIT_SET:
        raise ValueError(f"not a number: {text[:20]!r}")
    number = int(text, 36)
    if number > high:
        raise ValueError(f"{number} is more than {high}")
    return number


def _answer_event(quiz: Quiz, token: str, texts: list[str]) -> Event:
    has_text = token.endswith("'")
    body = token.removesuffix("'")
    body, _, ticked = body.partition("+")
    body, _, confidence = body.partition("*")
    place, _, chosen = body.partition("-")
    question = quiz.questions[_number(place, len(quiz.questions) - 1)]
    options = [question.options[_number(c, len(question.options) - 1)].id for c in chosen]
    points = [question.key_points[_number(p, len(question.key_points) - 1)].id for p in ticked]
    if has_text and not texts:
        raise ValueError("an answer's text is missing")
    text = texts.pop(0) if has_text else ""
    response = Response(tuple(options), text, tuple(points))
    certainty = _number(confidence, 3) if confidence else None
    return Event("answer", question.id, response, certainty)


def _base36(number: int) -> str:
    if number < 0:
        return "-" + _base36(-number)
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = _DIGITS[digit] + out
        if number == 0:
            return out


def _digit(index: int) -> str:
    if index >= len(_DIGITS):
        raise ValueError("more than 36 options or key points cannot be saved in an LMS")
    return _DIGITS[index]


__all__ = ["compact_history", "decode", "encode", "units"]
