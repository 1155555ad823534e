"""Tables hand in by QR with no network: generated QR images (no camera) go through the
facilitator's decode path into the tally; the table tablet's own code is read back; offline."""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz_engine.app.seminar import state as st
from quiz_engine.app.seminar.payload import encode
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import content, open_app
from tests.browser.seminar_driver import WORDS, at_step, settled, shoot, tab_to
from tests.browser.test_accessibility import violations
from tools.serve import start_server

CONTENT = content()
QUIZ = CONTENT.quiz("dispensasjon")
READ = "#/seminar/dispensasjon/les"


def qr_image(payload: str, path: Path, photo: bool = False) -> Path:
    """A QR code made by segno (not the app's own encoder); ``photo``: small, turned and
    blurred on a grey background, as a tablet held up to a camera might look."""
    import segno
    from PIL import Image, ImageFilter

    segno.make(payload, error="m", micro=False).save(str(path), scale=8, border=4)
    if photo:
        code = Image.open(path).convert("L").rotate(9, expand=True, fillcolor=255)
        code = code.resize((code.width * 2 // 3, code.height * 2 // 3))
        scene = Image.new("L", (1600, 1200), 150)
        scene.paste(code, (420, 300))
        scene.filter(ImageFilter.GaussianBlur(1.2)).save(path.with_suffix(".jpg"), quality=80)
        return path.with_suffix(".jpg")
    return path


def answers_of(table: int) -> dict[str, tuple[str, ...]]:
    """Table 1 agrees with the assessment everywhere; table 2 says green to the first."""
    assert QUIZ is not None
    out = {}
    for question_id in st.path(QUIZ):
        question = QUIZ.question(question_id)
        assert question is not None
        if st.cards(question):
            out[question_id] = st.verdict(question)
    first = st.path(QUIZ)[0]
    if table == 2:
        out[first] = ("green",)
    return out


def status(page: Any) -> Any:
    return page.locator("#seminar-read-status")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_generated_qr_images_of_tables_land_in_the_tally(
    browser: Any, server_url: str, tmp_path: Path, lang: str
) -> None:
    assert QUIZ is not None
    w = WORDS[lang]
    page = open_app(browser, server_url, lang, bypass_csp=True)
    page.goto(server_url + READ)
    settled(page)
    assert violations(page) == []
    shoot(page, f"{lang}-read")
    answered = len(answers_of(1))
    for table, photo in ((1, False), (2, True)):
        image = qr_image(encode(QUIZ, table, answers_of(table)), tmp_path / f"t{table}.png", photo)
        page.set_input_files("#qr-file", str(image))
        status(page).get_by_text(w["added"].format(table=table, n=answered)).wait_for()
    assert w["reported"].format(n=2) + ": 1, 2" in status(page).inner_text()
    print("decoded by", page.evaluate("document.body.dataset.qrDecoder"))

    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (800, 600), 200).save(blank)
    page.set_input_files("#qr-file", str(blank))
    status(page).get_by_text(w["none"]).wait_for()
    page.set_input_files("#qr-file", str(qr_image("https://example.org/", tmp_path / "x.png")))
    status(page).get_by_text(w["not_ours"]).wait_for()
    assert violations(page) == []

    # On the projector: the first question's cards hold both tables (red 1, green 1).
    page.goto(f"{server_url}#/seminar/{QUIZ.id}")
    at_step(page, lang, 1, len(st.steps(QUIZ)))
    page.keyboard.press("PageDown")
    at_step(page, lang, 2, len(st.steps(QUIZ)))
    assert page.locator(".tally-red .tally-count").inner_text() == "1 kort"
    assert page.locator(".tally-green .tally-count").inner_text() == "1 kort"
    assert w["reported"].format(n=2) in page.locator(".seminar-tools").inner_text()
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_table_tablets_code_is_read_by_the_facilitators_device(
    browser: Any, server_url: str, tmp_path: Path, lang: str
) -> None:
    """Two devices (two browser contexts): the table chooses by keyboard and shows its code;
    a picture of that code, read on the facilitator's device, lands in its tally."""
    assert QUIZ is not None
    w = WORDS[lang]
    table = open_app(browser, server_url, lang, bypass_csp=True)
    table.goto(f"{server_url}#/seminar/{QUIZ.id}/bord")
    settled(table)
    assert violations(table) == []
    shoot(table, f"{lang}-table-number")
    tab_to(table, table.get_by_label(w["table_number"]))
    table.keyboard.type("7")
    table.keyboard.press("Enter")
    table.get_by_role("heading", level=1, name="Bord 7").wait_for()
    # Nothing chosen yet: no empty code, but a message saying what is missing, read out.
    tab_to(table, table.get_by_role("button", name=w["show_code"]))
    table.keyboard.press("Enter")
    table.get_by_role("alert").filter(has_text=w["nothing"]).wait_for()
    assert table.locator("canvas.qr").count() == 0
    assert table.get_by_role("button", name=w["show_code"]).evaluate(
        "el => el === document.activeElement"
    )
    # The reflection at the end is listed too, as talked about at the table.
    total = len(st.path(QUIZ))
    last = table.get_by_role("heading", level=2, name=f"{total} av {total}", exact=False)
    assert last.is_visible() and w["talk"] in table.locator(".table-talk").inner_text()
    assert violations(table) == []
    first = table.get_by_role("button", name=w["green"]).first
    tab_to(table, first)
    table.keyboard.press("Enter")
    table.locator('.table-card[aria-pressed="true"]').first.wait_for()
    assert table.locator('.table-card[aria-pressed="true"]').count() == 1
    assert violations(table) == []
    shoot(table, f"{lang}-table-sheet")
    source = table.content()
    question = QUIZ.question(st.path(QUIZ)[0])
    assert question is not None
    assert " ".join(question.explanation.get(lang).split())[:50] not in source
    tab_to(table, table.get_by_role("button", name=w["show_code"]))
    table.keyboard.press("Enter")
    code = table.locator("canvas.qr[data-drawn]")
    code.wait_for()
    assert violations(table) == []
    shoot(table, f"{lang}-table-code")
    data = code.evaluate("c => c.toDataURL('image/png')")
    picture = tmp_path / "table-7.png"
    picture.write_bytes(base64.b64decode(data.split(",", 1)[1]))
    table.context.close()

    desk = open_app(browser, server_url, lang)
    desk.goto(server_url + READ)
    settled(desk)
    desk.set_input_files("#qr-file", str(picture))
    status(desk).get_by_text(w["added"].format(table=7, n=1)).wait_for()
    desk.goto(f"{server_url}#/seminar/{QUIZ.id}/oppsummering")
    settled(desk)
    first_row = desk.locator(".seminar-summary tbody tr").first
    assert w["disagrees"] in first_row.inner_text()
    assert desk.errors == []
    desk.context.close()


def test_the_browsers_own_barcode_detector_is_used_where_there_is_one(
    browser: Any, server_url: str, tmp_path: Path
) -> None:
    assert QUIZ is not None
    payload = encode(QUIZ, 4, answers_of(1))
    context = browser.new_context()
    # A stand-in for the platform's detector (Chromium on Linux has none): it says what a real
    # one would read, so this checks the shell prefers it and sends on what it read.
    context.add_init_script(
        f"""window.BarcodeDetector = class {{
              static async getSupportedFormats() {{ return ["qr_code"]; }}
              async detect() {{ return [{{ rawValue: {payload!r} }}]; }}
            }};"""
    )
    page = context.new_page()
    page.goto(server_url + READ)
    wait_for_interactive(page)
    settled(page)
    page.set_input_files("#qr-file", str(qr_image("anything", tmp_path / "a.png")))
    status(page).get_by_text("Bord 4 er lagt til").wait_for()
    assert page.evaluate("document.body.dataset.qrDecoder") == "BarcodeDetector"
    assert "vendor/jsQR.js" not in " ".join(
        r for r in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    )
    context.close()


@pytest.fixture
def site(tmp_path: Path, dist_dir: Path) -> Iterator[tuple[str, Any]]:
    live = tmp_path / "site"
    shutil.copytree(dist_dir, live)
    server, url = start_server(live)
    yield url, server
    server.shutdown()
    server.server_close()


def test_the_seminar_and_its_qr_hand_off_work_offline(
    browser: Any, site: tuple[str, Any], tmp_path: Path
) -> None:
    assert QUIZ is not None
    url, server = site
    page = open_app(browser, url)
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
    server.shutdown()  # no network from here on
    server.server_close()
    page.context.set_offline(True)
    page.reload()
    wait_for_interactive(page)
    page.goto(f"{url}#/seminar/{QUIZ.id}/bord")
    settled(page)
    page.get_by_label("Bordnummer").fill("3")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="Bord 3").wait_for()
    page.get_by_role("button", name="Grønt lys", exact=True).first.click()  # a code is not empty
    page.locator("[aria-pressed=true]").first.wait_for()
    page.get_by_role("button", name="Vis QR-koden til kurslederen").click()
    page.locator("canvas.qr[data-drawn]").wait_for()  # qrcode-generator from the device
    page.goto(url + READ)
    settled(page)
    image = qr_image(encode(QUIZ, 5, answers_of(2)), tmp_path / "t5.png")
    page.set_input_files("#qr-file", str(image))  # jsQR from the device
    status(page).get_by_text("Bord 5 er lagt til").wait_for()
    page.goto(f"{url}#/seminar/{QUIZ.id}")
    at_step(page, "nb", 1, len(st.steps(QUIZ)))
    page.keyboard.press("PageDown")
    at_step(page, "nb", 2, len(st.steps(QUIZ)))
    assert page.locator(".tally-green .tally-count").inner_text() == "1 kort"
    assert page.errors == []
    page.context.close()


def y4m_of(image_path: Path, target: Path, width: int = 640, height: int = 480) -> Path:
    """A few frames of raw video (YUV4MPEG2, 4:2:0) showing the picture: Chromium's fake camera."""
    from PIL import Image

    frame = Image.new("L", (width, height), 255)
    code = Image.open(image_path).convert("L")
    code.thumbnail((height - 40, height - 40))
    frame.paste(code, ((width - code.width) // 2, (height - code.height) // 2))
    luma = frame.tobytes()
    chroma = bytes([128]) * (width // 2 * height // 2)
    with target.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(5):
            out.write(b"FRAME\n" + luma + chroma + chroma)
    return target


def test_the_camera_reads_a_tables_code(browser: Any, server_url: str, tmp_path: Path) -> None:
    """The camera path, with Chromium's fake camera showing a generated QR code."""
    from tools.find_browser import chromium_args, chromium_executable

    assert QUIZ is not None
    picture = qr_image(encode(QUIZ, 6, answers_of(1)), tmp_path / "t6.png")
    video = y4m_of(picture, tmp_path / "camera.y4m")
    camera_browser = browser.browser_type.launch(
        executable_path=chromium_executable(),
        args=[
            *chromium_args(),
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        page = open_app(camera_browser, server_url)
        page.context.grant_permissions(["camera"])
        page.goto(server_url + READ)
        settled(page)
        tab_to(page, page.get_by_role("button", name="Start kameraet"))
        page.keyboard.press("Enter")
        status(page).get_by_text("Bord 6 er lagt til").wait_for(timeout=20_000)
        stop = page.get_by_role("button", name="Stopp kameraet")
        assert stop.evaluate("el => el === document.activeElement")
        page.keyboard.press("Enter")
        page.get_by_role("button", name="Start kameraet").wait_for()
        assert page.locator("video[data-camera-view]").is_hidden()
        assert page.errors == []
    finally:
        camera_browser.close()
