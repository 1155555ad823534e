"""A whole session asks nothing of any other origin: no CDN, no fonts, no analytics."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tests.browser.driver import WORDS, Run, complete, content, settled
from tests.browser.watched import open_watched

CONTENT = content()


def play(page: Any, url: str, quiz_id: str, lang: str) -> None:
    quiz = CONTENT.quiz(quiz_id)
    assert quiz is not None
    page.goto(f"{url}#/s/{quiz_id}")
    settled(page)
    page.get_by_role("button", name=WORDS[lang]["start"], exact=True).click()
    complete(page, Run(quiz, lang))


def test_every_request_of_a_session_stays_on_the_origin(browser: Any, server_url: str) -> None:
    page = open_watched(browser, server_url)  # boot, recording from the first request
    page.get_by_role("button", name="Nynorsk").click()
    page.wait_for_function("document.documentElement.lang === 'nn'")
    play(page, server_url, "lillevik", "nn")  # a story with branching and a reflection
    page.get_by_role("button", name="Bokmål").click()
    page.wait_for_function("document.documentElement.lang === 'nb'")
    play(page, server_url, "habilitet", "nb")  # a bank that asks for confidence
    page.goto(f"{server_url}#/om")
    settled(page)
    page.goto(f"{server_url}#/s/lillevik/resultat")
    page.get_by_role("heading", level=1, name="Resultatet ditt").wait_for()
    # The offline worker registers after start-up and fetches its precache: wait for it too.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
    assert page.errors == []

    origin = urlsplit(server_url)[:2]
    requests = list(page.requests)
    assert len(requests) >= 10, requests  # the recording worked: page, scripts, Pyodide, ...
    assert any(u.endswith("/app.zip") for u in requests), requests
    assert page.sw_requests, "the service worker's precache fetches were not recorded"
    foreign = sorted(
        {u for u in requests if urlsplit(u)[:2] != origin and not u.startswith(("data:", "blob:"))}
    )
    assert foreign == []
    page.context.close()
