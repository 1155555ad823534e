"""Colour contrast as WCAG 2.x defines it (relative luminance, contrast ratio)."""

from __future__ import annotations

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA_TEXT = 4.5  # WCAG 2.x success criterion 1.4.3, normal-size text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21: ``contrast("#000000", "#ffffff") == 21``."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shown(ratio: float) -> str:
    """``4.49`` -> ``4.4:1``: rounded down, so a failing ratio never reads as the limit."""
    return f"{int(ratio * 10) / 10}:1"
