"""Non-text contrast (WCAG 2.1 1.4.11), measured in the page: the focus ring of every control a
keyboard reaches holds 3:1 against what is behind it, on every screen state (the header in the
app's colour included), and the borders of the answer options and text fields hold 3:1 against
both sides. The example kommune's colour is checked the same way (test_kommune_edition.py)."""

from __future__ import annotations

from typing import Any

from quiz_engine import Response, answer, start
from quiz_engine.content.kommune import contrast
from quiz_engine.run.saved_format import session_to_json
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import content, open_app, settled

CONTENT = content()
NEEDED = 3.0

# What is focused, its ring and what lies behind it. The ring of a choice is drawn on its label
# (the input itself is hidden or small); colours are composited over the backgrounds below them.
FOCUSED_JS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const ring = el.closest('label.choice') ?? el;
  const rgba = (text) => (text.match(/rgba?\\([^)]*\\)/g) ?? []).map((c) =>
    c.replace(/rgba?\\(|\\)/g, '').split(/[ ,\\/]+/).filter(Boolean).map(Number));
  const layers = [];
  for (let node = ring.parentElement; node; node = node.parentElement) {
    const [colour] = rgba(getComputedStyle(node).backgroundColor);
    if (colour && (colour[3] ?? 1) > 0) {
      layers.push(colour);
      if ((colour[3] ?? 1) >= 1) break;
    }
  }
  layers.push([255, 255, 255, 1]);
  let behind = layers.pop();
  while (layers.length) {
    const top = layers.pop(); const a = top[3] ?? 1;
    behind = behind.map((v, i) => i < 3 ? Math.round(top[i] * a + v * (1 - a)) : 1);
  }
  const style = getComputedStyle(ring);
  return {
    name: (ring.getAttribute('aria-label') || ring.textContent || ring.tagName).trim().slice(0, 40),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    colours: [...rgba(style.outlineColor), ...rgba(style.boxShadow)].map((c) => c.slice(0, 3)),
    behind: behind.slice(0, 3),
  };
}"""

BORDERS_JS = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const colour = (node) => getComputedStyle(node).backgroundColor;
  let outside = el.parentElement;
  while (outside && colour(outside) === 'rgba(0, 0, 0, 0)') outside = outside.parentElement;
  const inside = colour(el) === 'rgba(0, 0, 0, 0)' ? colour(outside) : colour(el);
  return [getComputedStyle(el).borderTopColor, inside, outside ? colour(outside) : 'rgb(255, 255, 255)'];
})"""


def hex_of(rgb: list[float] | str) -> str:
    if isinstance(rgb, str):
        rgb = [float(v) for v in rgb.strip("rgba() ").replace(",", " ").split()[:3]]
    return "#" + "".join(f"{round(v):02x}" for v in rgb[:3])


def ring_problems(page: Any, screen: str, stops: int = 60) -> list[str]:
    """Tab through up to ``stops`` controls from the top of the page; what falls short."""
    # From the top: the skip link, then everything after it in the order a keyboard takes.
    page.evaluate("document.querySelector('.skip-link').focus()")
    problems, seen = [], 0
    for _ in range(stops):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUSED_JS)
        if found is None:
            break
        seen += 1
        behind = hex_of(found["behind"])
        best = max((contrast(hex_of(c), behind) for c in found["colours"]), default=1.0)
        if found["outlineStyle"] == "none" or found["outlineWidth"] < 2 or best < NEEDED:
            problems.append(f"{screen}: {found['name']!r} ring {best:.2f}:1 on {behind}")
    assert seen >= 6, f"{screen}: Tab reached only {seen} controls"
    return problems


def border_problems(page: Any, screen: str, selector: str) -> list[str]:
    problems = []
    found = page.evaluate(BORDERS_JS, selector)
    assert found, f"{screen}: nothing matches {selector}"
    for border, inside, outside in found:
        for side in (inside, outside):
            ratio = contrast(hex_of(border), hex_of(side))
            if ratio < NEEDED:
                problems.append(f"{screen}: {selector} border {border} on {side}: {ratio:.2f}:1")
    return problems


def test_focus_rings_and_option_borders_hold_three_to_one(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url, viewport={"width": 1024, "height": 768})
    problems = ring_problems(page, "home")
    quiz = CONTENT.quiz("jubileumsmiddag")
    assert quiz is not None
    page.goto(f"{server_url}#/s/{quiz.id}")
    settled(page)
    problems += ring_problems(page, "intro")
    page.get_by_role("button", name="Start", exact=True).click()
    settled(page)
    problems += ring_problems(page, "question (lights)")
    problems += border_problems(page, "question (lights)", "label.choice")

    # A round answered up to a "select all" question and a reflection, from saved progress.
    play = start(quiz, seed=1)
    for question in quiz.questions[:3]:
        if question.key_points:
            break
        pick = tuple(o.id for o in question.options if o.correct)[:1]
        play = answer(quiz, play, question.id, Response(pick))
    key = f"folkevalgt-quiz:v1:session:{quiz.id}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, session_to_json(play.session)])
    page.reload()
    wait_for_interactive(page)
    page.goto(f"{server_url}#/s/{quiz.id}/2")
    settled(page)
    problems += ring_problems(page, "feedback")
    problems += border_problems(page, "feedback", ".marked-option:not([class*=mark-])")
    page.goto(f"{server_url}#/s/{quiz.id}/4")
    settled(page)
    problems += ring_problems(page, "question (options)")
    problems += border_problems(page, "question (options)", "label.choice")

    page.goto(f"{server_url}#/seminar/{quiz.id}")
    settled(page)
    page.keyboard.press("PageDown")
    page.wait_for_function("document.querySelector('.tally') !== null")
    settled(page)
    problems += ring_problems(page, "seminar", stops=40)
    assert problems == []
    assert page.errors == []
    page.context.close()


# WCAG 2.1 1.4.12: the text spacing a reader may set must not hide or cut anything.
SPACING_CSS = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""
CLIPPED_JS = """() => [...document.querySelectorAll('#app *')].filter((el) => {
  const s = getComputedStyle(el);
  const hides = ['hidden', 'clip'].includes(s.overflowY) || ['hidden', 'clip'].includes(s.overflowX);
  return hides && el.textContent.trim() && !el.closest('.visually-hidden, [hidden], details:not([open])')
    && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map((el) => el.className || el.tagName)"""


def test_text_spacing_hides_nothing_on_a_phone(browser: Any, server_url: str) -> None:
    # The reader's own style sheet is injected, which the app's CSP would (rightly) refuse.
    page = open_app(browser, server_url, bypass_csp=True, viewport={"width": 390, "height": 844})
    quiz = CONTENT.quiz("lillevik")
    assert quiz is not None
    play = start(quiz, seed=1)
    first = quiz.questions[0]
    right, wrong = (next(o for o in first.options if o.correct is c) for c in (True, False))
    play = answer(quiz, play, first.id, Response((right.id, wrong.id)))
    key = f"folkevalgt-quiz:v1:session:{quiz.id}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, session_to_json(play.session)])
    page.reload()
    wait_for_interactive(page)
    page.add_style_tag(content=SPACING_CSS)
    for address in ("#/", f"#/s/{quiz.id}", f"#/s/{quiz.id}/1", f"#/s/{quiz.id}/2", "#/om"):
        page.goto(server_url + address)
        settled(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, address
        assert page.evaluate(CLIPPED_JS) == [], address
    page.context.close()
