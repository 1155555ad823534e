"""Draw the app icons (PNG, for home screens): python tools/make_icons.py

A navy tile with the seminar's traffic light: three lamps, red, yellow, green. The PNGs are
committed in web/app/static/icons/; run this only to change them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "web" / "app" / "static" / "icons"
NAVY, HOUSING = (29, 59, 83), (15, 30, 43)
LAMPS = [(198, 40, 40), (242, 183, 5), (46, 125, 50)]


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, scale down: smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGB", (big, big), NAVY)
    pen = ImageDraw.Draw(image)
    # Maskable icons keep their content inside the central 80 % safe zone.
    inner = big * (0.56 if maskable else 0.7)
    width, height = inner * 0.42, inner
    left, top = (big - width) / 2, (big - height) / 2
    pen.rounded_rectangle((left, top, left + width, top + height), radius=width * 0.3, fill=HOUSING)
    radius = width * 0.32
    for n, colour in enumerate(LAMPS):
        cx, cy = big / 2, top + height * (n + 0.5) / 3
        pen.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size, name, maskable in [
        (192, "icon-192.png", False),
        (512, "icon-512.png", False),
        (512, "icon-maskable-512.png", True),
        (180, "apple-touch-icon.png", False),
    ]:
        draw(size, maskable).save(OUT / name, optimize=True)
    print(f"wrote icons to {OUT}")


if __name__ == "__main__":
    main()
