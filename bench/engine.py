"""Engine speed: load and validate 1,000 generated questions; one answer step.

    python bench/engine.py

Goals (issue 2): loading + validating 1,000 questions under 0.5 s on CPython here; one answer
step (answer + replay of the session) under 1 ms. Prints medians, min and max.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz_engine import Response, answer, load_content, replay, start  # noqa: E402

EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"
FILES, PER_FILE = 20, 50


def question(n: int) -> str:
    kinds = ["single", "multiple", "traffic_light"]
    kind = kinds[n % 3]
    head = (
        f'[[questions]]\nid = "q{n}"\nkind = "{kind}"\nsources = ["fvl-6"]\n'
        f'prompt.nb = "Spørsmål {n}?"\nprompt.nn = "Spørsmål {n}?"\n'
        'explanation.nb = "Fordi loven sier det."\nexplanation.nn = "Fordi lova seier det."\n'
    )
    if kind == "traffic_light":
        lights = ""
        for light, credit in (("red", "1.0"), ("yellow", "0.5"), ("green", "0.0")):
            lights += f"[questions.lights.{light}]\ncredit = {credit}\n"
            if credit != "1.0":
                lights += 'feedback.nb = "Nei."\nfeedback.nn = "Nei."\n'
        return head + lights
    options = ""
    for m in range(4):
        right = m == 0 or (kind == "multiple" and m == 1)
        options += (
            f'[[questions.options]]\nid = "o{m}"\ntext.nb = "Svar {m}"\ntext.nn = "Svar {m}"\n'
        )
        options += "correct = true\n" if right else 'feedback.nb = "Feil."\nfeedback.nn = "Feil."\n'
    return head + options


def quiz_file(k: int) -> str:
    top = (
        f'id = "bench-{k}"\nkind = "bank"\norder = {k}\ntopics = ["habilitet"]\n'
        'sources = ["fvl-6"]\nvalid_as_of = 2026-11-23\npass_mark = 70\n'
        'title.nb = "T"\ntitle.nn = "T"\nsummary.nb = "S"\nsummary.nn = "S"\n'
        'intro.nb = "I"\nintro.nn = "I"\n'
        '[[bands]]\nfrom = 0\nto = 100\ntext.nb = "B"\ntext.nn = "B"\n'
    )
    return top + "".join(question(k * PER_FILE + n) for n in range(PER_FILE))


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        begin = time.perf_counter()
        fn()
        out.append(time.perf_counter() - begin)
    return out


def show(name: str, seconds: list[float], unit: float, label: str, goal: float) -> None:
    med = statistics.median(seconds)
    verdict = "OK" if med < goal else "MISSED"
    print(
        f"{name:<42} median {med * unit:8.3f} {label}  min {min(seconds) * unit:8.3f}  "
        f"max {max(seconds) * unit:8.3f}  goal < {goal * unit:g} {label}: {verdict}"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for name in ("topics.toml", "sources.toml"):
            (base / name).write_text((EXAMPLE / name).read_text(encoding="utf-8"), encoding="utf-8")
        for k in range(FILES):
            (base / f"bench-{k}.toml").write_text(quiz_file(k), encoding="utf-8")
        content = load_content([base])
        total = sum(len(q.questions) for q in content.quizzes)
        assert total == FILES * PER_FILE
        print(f"CPython {sys.version.split()[0]}, {total} questions in {FILES} files")
        show("load + validate 1,000 questions", timed(lambda: load_content([base]), 7), 1, "s", 0.5)

    quiz = content.quizzes[0]
    session = start(quiz)
    for n in range(10):  # a session well into the quiz: replay has history to walk
        q = quiz.questions[n]
        choice = "red" if q.kind == "traffic_light" else "o0"
        session = answer(quiz, session, q.id, Response((choice,)))
    current = quiz.questions[10]

    def step() -> None:
        replay(quiz, answer(quiz, session, current.id, Response(("o0",))))

    show("one answer step (answer + replay)", timed(step, 2000), 1000, "ms", 0.001)
    return 0


if __name__ == "__main__":
    sys.exit(main())
