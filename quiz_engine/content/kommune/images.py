"""Checks for a kommune's coat of arms: a PNG by its signature, an SVG by a real XML parser.

An SVG on our origin is a document: opened on its own it would run a script. So the coat of
arms may hold no script, no event handler, nothing from another file or address and no
DOCTYPE (entities could pull in other files); Inkscape's and Illustrator's extra namespaces
are fine.
"""

from __future__ import annotations

import re
from xml.parsers import expat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MAX_BYTES = 500_000
REFUSED_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
HREFS = {"href", "http://www.w3.org/1999/xlink href"}
EXTERNAL = re.compile(r"url\(\s*(?![\s'\"]*#)|@import|javascript:", re.I)


class UnsafeImage(ValueError):
    """What is wrong with the image, in words an editor can act on."""


def check_png(data: bytes) -> None:
    if not data.startswith(PNG_SIGNATURE):
        raise UnsafeImage("is not a PNG image (it does not start with the PNG signature)")


def check_svg(data: bytes) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = 0

    def refuse(what: str) -> None:
        raise UnsafeImage(f"has {what} (line {parser.CurrentLineNumber})")

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        namespace, _, local = name.rpartition(" ")
        if depth == 0 and (namespace, local) != (SVG_NS, "svg"):
            refuse(f"<{local}> as its first element, not an SVG <svg>")
        depth += 1
        if local in REFUSED_ELEMENTS or namespace == XHTML_NS:
            refuse(f"a <{local}> element")
        for attribute, value in attributes.items():
            local_attr = attribute.rpartition(" ")[2]
            if local_attr.lower().startswith("on"):
                refuse(f'an event handler ({local_attr}="…")')
            if attribute in HREFS and not value.strip().startswith("#"):
                refuse(f'a link to another file or address ({local_attr}="{value[:40]}")')
            if EXTERNAL.search(value):
                refuse(f'a reference to another file or address in {local_attr}="…"')
            if local in {"set", "animate"} and value.rpartition(":")[2] == "href":
                refuse(f"an <{local}> that changes a link")

    def text(data: str) -> None:
        if EXTERNAL.search(data):
            refuse("a style that loads another file or address")

    def doctype(*_: object) -> None:
        refuse("a DOCTYPE (entities can pull in other files)")

    def instruction(target: str, _data: str) -> None:
        refuse(f"a processing instruction <?{target} …?>")

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise UnsafeImage(
            f"is not a valid SVG file ({expat.ErrorString(error.code)}, line {error.lineno})"
        ) from None
    if depth == 0:
        raise UnsafeImage("is not a valid SVG file (it has no <svg> element)")


def check_image(name: str, data: bytes) -> None:
    """Raise ``UnsafeImage`` unless ``data`` is a safe SVG or a PNG (by ``name``'s suffix)."""
    if len(data) > MAX_BYTES:
        raise UnsafeImage(f"is {len(data) // 1000} KB; keep it under {MAX_BYTES // 1000} KB")
    if name.lower().endswith(".png"):
        check_png(data)
    else:
        check_svg(data)
