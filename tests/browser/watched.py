"""Opens the app in a context that records everything the security tests look at.

``open_watched(browser, url, lang, **context_options)`` is ``driver.open_app`` with the
recording attached to the context *before* the first request, so nothing of the boot is missed:

    page.errors      list[str]   console errors and uncaught exceptions
    page.dialogs     list[str]   "TYPE: message" of every alert/confirm/prompt (each dismissed)
    page.requests    list[str]   every URL the context requested (page, fetches, workers)
    page.sw_requests list[str]   those the service worker made (its precache), also in requests
    csp_violations(page)         the securitypolicyviolation events the document saw
"""

from __future__ import annotations

from typing import Any

# securitypolicyviolation events bubble to the document; kept on window for the test to read.
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push({directive: e.violatedDirective, effective: e.effectiveDirective,
                     blocked: e.blockedURI, sample: e.sample, source: e.sourceFile,
                     line: e.lineNumber});
});
"""


def open_watched(
    browser: Any, url: str, lang: str = "nb", wait: bool = True, **context_options: Any
) -> Any:
    """A fresh context and page on ``url``, booted (unless ``wait`` is false), in ``lang``."""
    from tests.browser.conftest import wait_for_interactive

    context = browser.new_context(**context_options)
    context.add_init_script(RECORD_CSP)
    requests: list[str] = []
    sw_requests: list[str] = []

    def on_request(req: Any) -> None:
        requests.append(req.url)
        if req.service_worker is not None:
            sw_requests.append(req.url)

    context.on("request", on_request)
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.requests = requests
    page.sw_requests = sw_requests

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.goto(url)
    if not wait:
        return page
    wait_for_interactive(page)
    if lang == "nn":
        page.get_by_role("button", name="Nynorsk").click()
        page.wait_for_function("document.documentElement.lang === 'nn'")
    return page


def csp_violations(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("window.__csp || []")  # type: ignore[no-any-return]
