"""The about screen's privacy statement, per mode: standalone, embedded in another page, in an
LMS, and in a kommune's edition; with the button that deletes the app's data on the device.

What leaves the device is listed with ``data-sent`` marks (``SENT``): the browser tests compare
them with the real traffic of each mode (requests, messages to the embedding page, the SCORM
calls), so the statement cannot say less than what is sent.
"""

from __future__ import annotations

from ..base.markup import Markup, html, join
from .context import ViewContext

# What leaves the device, per mode, as the tests see it: an LMS's CMI elements (a row's number
# written ``n``: ``cmi.interactions.n.result``); the embedding page's messages (the frame's
# height); nothing at all standalone.
LMS_SENT = (
    ("cmi.core.lesson_status", "about.sent_lms_status"),
    ("cmi.core.score.raw cmi.core.score.min cmi.core.score.max", "about.sent_lms_score"),
    ("cmi.core.session_time", "about.sent_lms_time"),
    ("cmi.core.exit", "about.sent_lms_exit"),
    ("cmi.suspend_data", "about.sent_lms_progress"),
    (
        "cmi.interactions.n.id cmi.interactions.n.type cmi.interactions.n.weighting"
        " cmi.interactions.n.correct_responses.n.pattern cmi.interactions.n.student_response"
        " cmi.interactions.n.result cmi.interactions.n.latency",
        "about.sent_lms_answers",
    ),
)
EMBED_SENT = (("height", "about.sent_embed_height"),)
SENT = {
    "standalone": (),
    "embed": tuple(e for marks, _ in EMBED_SENT for e in marks.split()),
    "lms": tuple(e for marks, _ in LMS_SENT for e in marks.split()),
}


def mode(ctx: ViewContext) -> str:
    return "lms" if ctx.lms else "embed" if ctx.framed else "standalone"


def privacy_section(ctx: ViewContext) -> Markup:
    t = ctx.t
    edition = ctx.edition
    shown = mode(ctx)
    controller = [
        t("about.controller_lms")
        if ctx.lms
        else t("about.controller_kommune", kommune=edition.name)
        if not edition.neutral
        else t("about.controller_none")
    ]
    ombud = edition.contacts.get("personvern")
    if ombud is not None:
        controller.append(t("about.ombud", contact=ombud.summary()))
    if shown == "lms":
        sent = html(
            "<p>{}</p>{}<p>{}</p>",
            t("about.sent_lms"),
            _list(ctx, LMS_SENT),
            t("about.lms_learner"),
        )
    elif shown == "embed":
        sent = html("<p>{}</p>{}", t("about.sent_embed"), _list(ctx, EMBED_SENT))
    else:
        sent = html('<p data-sent="">{}</p>', t("about.sent_none"))
    kept = [t("about.kept"), t("about.storage_lms" if ctx.lms else "about.storage")]
    if ctx.lms:
        kept.insert(1, t("about.kept_lms"))
    return html(
        '<section class="privacy" aria-labelledby="privacy-heading" data-mode="{mode}">'
        '<h2 id="privacy-heading">{title}</h2>{controller}'
        "<h3>{sent_h}</h3>{sent}<h3>{kept_h}</h3>{kept}"
        '<h3 id="forget-heading">{forget_h}</h3>{forget}</section>',
        mode=shown,
        title=t("about.privacy_title"),
        controller=_paragraphs(controller),
        sent_h=t("about.sent_title"),
        sent=sent,
        kept_h=t("about.kept_title"),
        kept=_paragraphs(kept),
        forget_h=t("about.delete_title"),
        forget=forget_part(ctx),
    )


def forget_part(ctx: ViewContext) -> Markup:
    """The button that deletes the app's data on this device, and its confirmation."""
    t = ctx.t
    lead = [t("about.delete_lead")]
    if ctx.lms:
        lead.append(t("about.delete_lms"))
    if not ctx.forgetting:
        return html(
            '{}<p><button type="button" class="button secondary" id="forget" '
            'data-action="forget">{}</button></p>',
            _paragraphs(lead),
            t("about.delete"),
        )
    return html(
        '{lead}<div class="confirm" role="group" aria-labelledby="forget-ask">'
        '<p id="forget-ask"><strong>{ask}</strong></p><p>'
        '<button type="button" class="button primary" id="forget-yes" data-action="forget-yes">'
        "{yes}</button> "
        '<button type="button" class="button secondary" id="forget-no" data-action="forget-no">'
        "{no}</button></p></div>",
        lead=_paragraphs(lead),
        ask=t("about.delete_confirm"),
        yes=t("about.delete_yes"),
        no=t("about.delete_no"),
    )


def _list(ctx: ViewContext, items: tuple[tuple[str, str], ...]) -> Markup:
    return html(
        '<ul class="sent">{}</ul>',
        join(html('<li data-sent="{}">{}</li>', marks, ctx.t(key)) for marks, key in items),
    )


def _paragraphs(texts: list[str]) -> Markup:
    return join(html("<p>{}</p>", text) for text in texts)
