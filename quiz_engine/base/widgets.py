"""Form parts the kinds of question draw their answers with: a fieldset and a choice."""

from __future__ import annotations

from .markup import Markup, attrs, html


def fieldset(legend: str, cls: str, inner: Markup) -> Markup:
    return html('<fieldset class="{}"><legend>{}</legend>{}</fieldset>', cls, legend, inner)


def choice(
    name: str,
    value: str,
    label: str,
    input_type: str,
    checked: bool,
    editable: bool,
    hint: str = "",
    light: bool = False,
) -> Markup:
    """One large labelled radio button or checkbox; ``light`` draws a traffic light's lamp."""
    return html(
        '<label class="choice{cls}"><input type="{kind}" name="{name}"{attrs}>'
        '<span class="choice-text">{lamp}<span>{label}{hint}</span></span></label>',
        cls=f" light light-{value}" if light else "",
        kind=input_type,
        name=name,
        attrs=attrs(value=value, checked=checked, disabled=not editable),
        lamp=html('<span class="lamp" aria-hidden="true"></span>') if light else "",
        label=label,
        hint=html(' <span class="light-hint">{}</span>', hint) if hint else "",
    )
