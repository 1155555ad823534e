"""The seminar's pure state: steps, the show of cards, the timer, keys, the summary."""

from __future__ import annotations

import pytest

from quiz_engine import Content
from quiz_engine.app.seminar import state as st
from quiz_engine.app.seminar import timer as tm
from quiz_engine.app.seminar.records import (
    seminar_from_json,
    seminar_to_json,
    sheet_from_json,
    sheet_to_json,
)
from quiz_engine.app.seminar.table import Sheet, answered, choose, hand_in, set_table


def test_the_steps_are_the_story_each_question_asked_then_revealed_then_the_summary(
    example: Content,
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    kinds = [(s.kind, s.question) for s in st.steps(quiz)]
    assert kinds[0] == ("story", "")
    assert kinds[1:3] == [("ask", "invitasjon"), ("reveal", "invitasjon")]
    assert kinds[-1] == ("summary", "")
    assert len(kinds) == 2 + 2 * len(st.path(quiz))


def test_paging_moves_one_step_and_stops_at_both_ends(example: Content) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.Seminar(quiz.id)
    assert st.back(quiz, s).step == 0
    for _ in range(50):
        s = st.key(quiz, s, "PageDown")
    assert s.step == len(st.steps(quiz)) - 1
    assert st.key(quiz, s, "PageUp").step == s.step - 1


def test_blank_screen_comes_back_on_any_key_without_moving(example: Content) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.key(quiz, st.Seminar(quiz.id, step=3), "b")
    assert s.blank and s.step == 3
    assert st.key(quiz, s, "PageDown") == st.Seminar(quiz.id, step=3)
    assert st.key(quiz, st.Seminar(quiz.id), ".").blank  # "." blanks like B
    assert st.key(quiz, s, "Escape").blank is False
    hidden = st.show_controls(st.Seminar(quiz.id), False)
    assert st.key(quiz, hidden, "Escape").controls
    assert st.key(quiz, hidden, "x") == hidden  # other keys do nothing


def test_cards_are_counted_by_hand_never_below_zero_and_only_known_cards(
    example: Content,
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.Seminar(quiz.id)
    for _ in range(3):
        s = st.count(quiz, s, "lys", "green", +1)
    s = st.count(quiz, s, "lys", "red", -1)
    s = st.count(quiz, s, "lys", "purple", +1)
    s = st.count(quiz, s, "refleksjon", "red", +1)
    s = st.count(quiz, s, "nosuch", "red", +1)
    assert st.tally(quiz, s, "lys") == {"red": 0, "yellow": 0, "green": 3}
    assert st.tally(quiz, s, "refleksjon") == {}
    assert "refleksjon" not in s.counts and "nosuch" not in s.counts


def test_tables_add_to_the_tally_and_a_table_handing_in_again_replaces_itself(
    example: Content,
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.count(quiz, st.Seminar(quiz.id), "lys", "red", +1)
    s = st.hand_in(s, 1, {"lys": ("green",), "habil": ("part", "sosken")})
    s = st.hand_in(s, 2, {"lys": ("green",)})
    s = st.hand_in(s, 2, {"lys": ("yellow",)})
    assert st.tally(quiz, s, "lys") == {"red": 1, "yellow": 1, "green": 1}
    assert st.tally(quiz, s, "habil") == {"part": 1, "sosken": 1, "fetter": 0}
    assert sorted(s.tables) == [1, 2]


def test_the_summary_marks_where_the_room_disagreed_with_the_assessment(
    example: Content,
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.Seminar(quiz.id)
    for card in ("green", "green", "red"):
        s = st.count(quiz, s, "lys", card, +1)
    s = st.count(quiz, s, "invitasjon", "nei", +1)
    rows = {row.question.id: row for row in st.summary(quiz, s)}
    assert set(rows) == {"invitasjon", "habil", "lys"}  # a reflection has no cards
    assert rows["lys"].verdict == ("red",) and rows["lys"].disagrees
    assert rows["lys"].total == 3 and rows["lys"].agreeing == 1
    assert not rows["invitasjon"].disagrees
    assert not rows["habil"].disagrees and rows["habil"].total == 0  # nothing counted


def test_the_timer_counts_down_from_the_time_given_pauses_and_never_goes_on_alone() -> None:
    t = tm.set_length(180)
    assert not t.running and t.shown_seconds(10_000) == 180
    t = tm.start(t, 1_000)
    assert t.shown_seconds(1_000 + 65_500) == 115  # 114.5 s left shows as 1:55
    t = tm.pause(t, 61_000)
    assert not t.running and t.elapsed(999_999) == 60_000  # paused: the clock moves, it doesn't
    t = tm.start(t, 100_000)
    assert t.remaining(100_000 + 120_000) == 0 and t.is_up(220_000)
    assert tm.start(tm.pause(t, 300_000), 300_001).since is None  # time up: no restart
    assert tm.reset(t) == tm.Timer(180)
    assert tm.clock(185) == "03:05" and tm.clock(3725) == "1:02:05"


def test_a_round_counts_up_and_lengths_are_clamped() -> None:
    t = tm.start(tm.set_length(0), 0)
    assert t.counts_up and t.shown_seconds(61_000) == 61 and not t.is_up(10**9)
    assert tm.set_length(10**6).seconds == tm.MAX_SECONDS
    assert tm.set_length(-5).seconds == 0
    assert tm.start(tm.Timer(60), 5_000).elapsed(4_000) == 0  # a clock going back: no time


def test_timer_moves_in_the_seminar_and_presets_follow_the_seeds(example: Content) -> None:
    assert dict(tm.PRESETS) == {"alone": 180, "round": 0, "group": 900}
    s = st.timer_move(st.Seminar("eksempel"), "set", 0, 900)
    s = st.timer_move(s, "start", 1_000)
    assert s.timer.running and s.step == 0
    assert st.timer_move(s, "nonsense", 2_000) == s


@pytest.mark.parametrize("field", ["step", "counts", "tables", "timer", "controls"])
def test_a_seminar_round_trips_through_its_saved_json(example: Content, field: str) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    s = st.count(quiz, st.Seminar(quiz.id, step=4, controls=False), "lys", "red", +1)
    s = st.hand_in(s, 7, {"habil": ("part", "sosken")})
    s = st.timer_move(st.timer_move(s, "set", 0, 300), "start", 12_345)
    back = seminar_from_json(seminar_to_json(s))
    assert back is not None and getattr(back, field) == getattr(s, field)


@pytest.mark.parametrize(
    "raw",
    ["", "[]", "{}", '{"format": 2}', '{"format":1,"quiz":"x","step":-1}', "not json"],
)
def test_damaged_saved_seminars_are_refused_not_half_read(raw: str) -> None:
    assert seminar_from_json(raw) is None
    assert sheet_from_json(raw) is None


def test_a_tables_sheet_picks_one_card_or_several_for_a_multiple(example: Content) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    sheet = set_table(Sheet(quiz.id), 3)
    assert set_table(sheet, 0).table == 3 and set_table(sheet, 100).table == 3
    sheet = choose(quiz, sheet, "lys", "red")
    sheet = choose(quiz, sheet, "lys", "green")
    sheet = choose(quiz, sheet, "habil", "part")
    sheet = choose(quiz, sheet, "habil", "fetter")
    sheet = choose(quiz, sheet, "habil", "part")  # taken back
    sheet = choose(quiz, sheet, "refleksjon", "red")
    assert sheet.answers == {"lys": ("green",), "habil": ("fetter",)}
    assert answered(quiz, sheet) == 2
    assert hand_in(sheet, True).handing_in and not hand_in(Sheet(quiz.id), True).handing_in
    assert sheet_from_json(sheet_to_json(hand_in(sheet, True))) == hand_in(sheet, True)
