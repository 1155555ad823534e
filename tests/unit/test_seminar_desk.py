"""The seminar driven message by message, as the page drives it: keys, clicks, ticks, scans."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from quiz_engine import Catalogue, Content, load_content
from quiz_engine.app import App, compose
from quiz_engine.app.effects import Output
from quiz_engine.app.seminar import state as st
from quiz_engine.app.seminar.payload import encode
from quiz_engine.app.seminar.records import seminar_from_json

ROOT = Path(__file__).resolve().parents[2]
RUN = "#/seminar/eksempel"
REAL = load_content([ROOT / "scenarios"])


def send(app: App, **message: object) -> Output:
    out = app.dispatch(json.loads(json.dumps(message)))
    return Output(**json.loads(out.to_json()))


def text_of(page: str | None) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page or "")).split())


def test_the_whole_flow_by_keys_with_tally_timer_and_reveal(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = compose(example, catalogues, {}, True, now=0)
    first = app.boot(RUN)
    assert first.rendered == RUN and "data-seminar-keys" in (first.page or "")
    out = send(app, type="seminar-key", address=RUN, key="PageDown", now=1_000)
    assert out.focus == "#main h1" and out.announce == "Steg 2 av 10"
    assert 'data-question="invitasjon"' in (out.page or "")
    saved = seminar_from_json(out.writes["seminar:eksempel"] or "")
    assert saved is not None and saved.step == 1

    for _ in range(2):
        out = send(
            app,
            type="click",
            address=RUN,
            action="seminar-count",
            data={"question": "invitasjon", "card": "ja", "delta": "1"},
            now=2_000,
        )
    assert (
        out.focus
        == '[data-action="seminar-count"][data-card="ja"][data-delta="1"][data-question="invitasjon"]'
    )
    assert "A: ett kort mer (nå 0)" in (out.page or "") and "B: ett kort mer (nå 2)" in (
        out.page or ""
    )

    out = send(
        app, type="click", address=RUN, action="seminar-timer", data={"move": "start"}, now=10_000
    )
    assert out.focus == "#timer-toggle" and "data-ticking" in (out.page or "")
    tick = send(app, type="seminar-tick", address=RUN, now=70_000)
    assert "02:00" in tick.parts["seminar-timer-box"] and tick.page is None
    out = send(
        app, type="click", address=RUN, action="seminar-timer", data={"move": "pause"}, now=80_000
    )
    assert "data-ticking" not in (out.page or "") and "01:50" in (out.page or "")
    assert (
        send(app, type="seminar-tick", address=RUN, now=500_000)
        .parts["seminar-timer-box"]
        .count("01:50")
    )

    out = send(app, type="seminar-key", address=RUN, key="PageDown", now=81_000)
    # The reveal moves nothing on the screen: focus stays with the step buttons (which never
    # scroll the page), the assessment is a band under the question and is said aloud.
    assert out.focus == '[data-action="seminar-step"][data-to="next"]'
    assert 'data-to="next" data-scroll="none"' in (out.page or "")
    assert 'class="verdict-band verdict-option"' in (out.page or "")
    assert out.announce == "Steg 3 av 10. Vurderingen: A."
    assert "✓ Vurderingen" in (out.page or "")
    for _ in range(7):  # to the last step: the summary
        out = send(app, type="seminar-key", address=RUN, key="PageDown", now=82_000)
    # The room held up "ja" twice where the assessment is "nei".
    assert out.announce == "Steg 10 av 10" and "Salen var uenig" in text_of(out.page)
    assert send(app, type="seminar-key", address=RUN, key="PageDown").page is None  # the end


def test_time_up_stops_the_timer_says_so_once_and_the_step_stays(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    app = compose(example, catalogues, {}, True, now=0)
    app.boot(RUN)
    send(app, type="seminar-key", address=RUN, key="PageDown", now=0)
    send(
        app,
        type="click",
        address=RUN,
        action="seminar-timer",
        data={"move": "set", "seconds": "180"},
        now=0,
    )
    send(app, type="click", address=RUN, action="seminar-timer", data={"move": "start"}, now=0)
    before = send(app, type="seminar-tick", address=RUN, now=179_000)
    assert before.announce == "" and "data-ticking" in before.parts["seminar-timer-box"]
    up = send(app, type="seminar-tick", address=RUN, now=180_400)
    assert up.announce == "Tiden er ute" and "data-ticking" not in up.parts["seminar-timer-box"]
    assert "Start på nytt" in up.parts["seminar-timer-buttons"]
    assert not app.seminar.seminar(quiz).timer.running and app.seminar.seminar(quiz).step == 1
    saved = seminar_from_json(up.writes["seminar:eksempel"] or "")
    assert saved is not None and not saved.timer.running
    assert send(app, type="seminar-tick", address=RUN, now=200_000).announce == ""
    again = send(
        app,
        type="click",
        address=RUN,
        action="seminar-timer",
        data={"move": "restart"},
        now=300_000,
    )
    assert "03:00" in (again.page or "") and "data-ticking" in (again.page or "")
    assert again.focus == "#timer-toggle"


def test_a_custom_length_is_checked(example: Content, catalogues: dict[str, Catalogue]) -> None:
    app = compose(example, catalogues, {}, True, now=0)
    app.boot(RUN)
    bad = send(app, type="seminar-form", address=RUN, form={"form": "timer", "minutes": "lots"})
    assert (
        bad.announce == "Skriv et antall minutter mellom 1 og 120."
        and bad.focus == "#timer-minutes"
    )
    good = send(app, type="seminar-form", address=RUN, form={"form": "timer", "minutes": "7,5"})
    assert "07:30" in (good.page or "") and good.focus == "#timer-toggle"


def test_blank_and_hidden_controls(example: Content, catalogues: dict[str, Catalogue]) -> None:
    app = compose(example, catalogues, {}, True, now=0)
    app.boot(RUN)
    blank = send(app, type="seminar-key", address=RUN, key="b")
    assert 'class="seminar-blank"' in (blank.page or "") and "Spørsmål" not in text_of(blank.page)
    back = send(app, type="seminar-key", address=RUN, key="Escape")
    assert 'class="seminar-blank"' not in (back.page or "")
    hidden = send(
        app, type="click", address=RUN, action="seminar-controls", data={"shown": "false"}
    )
    assert "controls-hidden" in (hidden.page or "") and 'data-action="seminar-count"' not in (
        hidden.page or ""
    )
    assert hidden.focus == "#show-controls"
    assert send(app, type="seminar-key", address=RUN, key="x").page is None  # nothing to do


def test_tables_hand_in_by_qr_and_the_facilitator_sees_how_many(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    table = compose(example, catalogues, {}, True)
    table.boot(f"{RUN}/bord")
    send(table, type="seminar-form", address=f"{RUN}/bord", form={"form": "table", "table": "5"})
    send(
        table,
        type="click",
        address=f"{RUN}/bord",
        action="table-choose",
        data={"question": "lys", "card": "green"},
    )
    code = send(
        table, type="click", address=f"{RUN}/bord", action="table-hand-in", data={"shown": "true"}
    )
    payload = html.unescape(re.search(r'data-qr="([^"]+)"', code.page or "").group(1))  # type: ignore[union-attr]
    assert payload == encode(quiz, 5, {"lys": ("green",)})

    desk = compose(example, catalogues, {}, True)
    desk.boot(f"{RUN}/les")
    added = send(desk, type="seminar-scan", address=f"{RUN}/les", text=payload)
    assert "Bord 5 er lagt til (1 svar)." in added.parts["seminar-read-status"]
    assert "1 bord har levert: 5" in added.parts["seminar-read-status"]
    again = send(desk, type="seminar-scan", address=f"{RUN}/les", text=payload)
    assert "leverte på nytt" in again.parts["seminar-read-status"]
    other = send(desk, type="seminar-scan", address=f"{RUN}/les", text="FQ1;lillevik;2;A")
    assert "en annen sak" in other.parts["seminar-read-status"]
    none = send(desk, type="seminar-scan", address=f"{RUN}/les", text=None)
    assert "Fant ingen QR-kode" in none.parts["seminar-read-status"]
    saved = seminar_from_json(none.writes["seminar:eksempel"] or "")
    assert saved is not None and st.tally(quiz, saved, "lys")["green"] == 1

    reloaded = compose(
        example, catalogues, {"seminar:eksempel": none.writes["seminar:eksempel"] or ""}
    )
    assert "1 bord har levert" in text_of(reloaded.boot(RUN).page)


def test_the_summary_is_kept_and_a_new_round_sets_the_old_aside(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = compose(example, catalogues, {}, True)
    app.boot(RUN)
    out = send(
        app,
        type="click",
        address=RUN,
        action="seminar-count",
        data={"question": "lys", "card": "red", "delta": "1"},
        now=5,
    )
    records = {k: v for k, v in out.writes.items() if v is not None}
    again = compose(example, catalogues, records)
    summary = again.boot(f"{RUN}/oppsummering")
    assert "Skriv ut" in (summary.page or "") and "Salen var enig med vurderingen" in text_of(
        summary.page
    )
    new = send(
        again, type="click", address=f"{RUN}/oppsummering", action="seminar-new", data={}, now=99
    )
    assert new.writes["aside:seminar:eksempel:99"] == records["seminar:eksempel"]
    assert seminar_from_json(new.writes["seminar:eksempel"] or "") == st.Seminar("eksempel")


def test_the_language_switch_works_on_seminar_screens(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = compose(example, catalogues, {}, True)
    app.boot(RUN)
    out = send(app, type="click", address=RUN, action="lang", data={"lang": "nn"})
    assert out.lang == "nn" and "Korta i salen" not in (out.page or "")  # the story step
    assert "Førre" not in (out.page or "") and "Til første spørsmål" in (out.page or "")
    out = send(app, type="seminar-key", address=RUN, key="PageDown")
    assert "Korta i salen" in (out.page or "")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_nothing_of_the_verdict_is_in_the_page_before_the_reveal(
    catalogues: dict[str, Catalogue], lang: str
) -> None:
    """Every question of the real content: the asked step's HTML holds no explanation, no
    option feedback, no source and no mark of the right card; the revealed step holds them."""
    app = compose(REAL, catalogues, {"lang": lang}, True)
    t = catalogues[lang]
    checked = 0
    for quiz in REAL.quizzes:
        address = f"#/seminar/{quiz.id}"
        app.boot(address)
        for n, step in enumerate(st.steps(quiz)):
            if step.kind not in (st.ASK, st.REVEAL):
                continue
            page = (
                send(
                    app, type="click", address=address, action="seminar-step", data={"to": str(n)}
                ).page
                or ""
            )
            question = quiz.question(step.question)
            assert question is not None
            words = text_of(page)
            secrets = [" ".join(question.explanation.get(lang).split())[:60]]
            secrets += [
                " ".join(o.feedback.get(lang).split())[:60] for o in question.options if o.feedback
            ]
            secrets += [
                " ".join(s.title.get(lang).split())
                for s in map(REAL.source, question.sources)
                if s is not None
            ]
            secrets += [
                " ".join(o.consequence.get(lang).split())[:60]
                for o in question.options
                if o.consequence
            ]
            secrets += [t("seminar.verdict"), t("feedback.why"), t("feedback.sources")]
            if step.kind == st.ASK:
                found = [s for s in secrets if s in words]
                assert not found, (quiz.id, question.id, found)
                assert "is-verdict" not in page and "correct" not in page and "credit" not in page
                checked += 1
            else:
                assert secrets[0] in words, (quiz.id, question.id)
    assert checked == sum(len(st.path(q)) for q in REAL.quizzes) > 150


def test_a_damaged_saved_seminar_is_set_aside_and_the_seminar_starts_clean(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    records = {"seminar:eksempel": '{"format": 1, "quiz": 3}', "seminar-table:eksempel": "{"}
    app = compose(example, catalogues, records, True, now=42)
    first = app.boot(RUN)
    assert first.writes["aside:seminar:eksempel:42"] == records["seminar:eksempel"]
    assert first.writes["aside:seminar-table:eksempel:42"] == "{"
    assert first.writes["seminar:eksempel"] is None and "Steg 1 av 10" in text_of(first.page)


def test_a_branching_reveal_tells_what_happens_next_on_the_assessed_path(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    question = quiz.question("invitasjon")
    assert question is not None and question.kind == "branching"
    best = next(o for o in question.options if o.correct)
    assert best.consequence is not None
    app = compose(example, catalogues, {})
    app.boot(RUN)
    asked = send(app, type="click", address=RUN, action="seminar-step", data={"to": "1"})
    story = " ".join(best.consequence.nb.split())[:40]
    assert story not in text_of(asked.page)
    revealed = send(app, type="click", address=RUN, action="seminar-step", data={"to": "2"})
    assert "Hva skjer videre" in text_of(revealed.page) and story in text_of(revealed.page)
