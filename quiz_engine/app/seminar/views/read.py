"""Reading the tables' QR codes on the facilitator's device: camera or a picture, no network.

The shell decodes (the browser's ``BarcodeDetector``, else jsQR) and sends the text; what it
means, and whether it fits this quiz, the engine decides (``quiz_engine/seminar/payload.py``).
"""

from __future__ import annotations

from ....base.markup import Markup, html
from ....base.model import Quiz
from ....run.routing import SEMINAR_RUN, Route, href
from ....views.context import Screen, ViewContext
from ..state import Seminar


def read_status(ctx: ViewContext, quiz: Quiz, seminar: Seminar, message: str = "") -> Markup:
    t = ctx.t
    tables = sorted(seminar.tables)
    reported = (
        t("seminar.tables_list", n=len(tables), tables=", ".join(map(str, tables)))
        if tables
        else t("seminar.tables_n", n=0)
    )
    said = html('<p class="scan-message"><strong>{}</strong></p>', message) if message else ""
    return html('{}<p class="scan-tables">{}</p>', said, reported)


def read_screen(ctx: ViewContext, quiz: Quiz, seminar: Seminar) -> Screen:
    t = ctx.t
    title = t("seminar.read_title")
    body = html(
        '<section class="seminar-read panel narrow"><p class="eyebrow">{quiz}</p>'
        '<h1 tabindex="-1">{title}</h1><p>{lead}</p>'
        '<div id="seminar-read-status" class="scan-status" role="status">{status}</div>'
        '<p class="actions"><button type="button" class="button primary" data-camera="start">'
        "{camera}</button>"
        '<button type="button" class="button secondary" data-camera="stop" hidden>{stop}</button>'
        "</p>"
        '<video class="scan-video" data-camera-view playsinline muted hidden aria-label="{video}">'
        "</video>"
        '<p class="scan-camera-error" data-camera-error hidden>{no_camera}</p>'
        '<p><label class="field-label" for="qr-file">{file}</label>'
        '<input id="qr-file" type="file" accept="image/*" capture="environment" data-qr-file>'
        "</p>"
        '<p class="muted">{privacy}</p>'
        '<p class="actions"><a class="button secondary" href="{back}">{back_label}</a></p>'
        "</section>",
        quiz=ctx.text(quiz.title),
        title=title,
        lead=t("seminar.read_lead"),
        status=read_status(ctx, quiz, seminar),
        camera=t("seminar.camera_start"),
        stop=t("seminar.camera_stop"),
        video=t("seminar.camera_view"),
        no_camera=t("seminar.camera_none"),
        file=t("seminar.read_file"),
        privacy=t("seminar.read_privacy"),
        back=href(Route(SEMINAR_RUN, quiz.id)),
        back_label=t("seminar.back_to_run"),
    )
    return Screen(f"{title}: {ctx.text(quiz.title)}", body)
