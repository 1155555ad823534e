"""Property: whatever bytes an editor saves, the loader answers with ContentError problems only."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_engine import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests/data/valid/example"
LINES = (EXAMPLE / "example.toml").read_text(encoding="utf-8").splitlines()
CATALOGUES = [EXAMPLE / "topics.toml", EXAMPLE / "sources.toml"]


def load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_content([*CATALOGUES, path])
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.message and problem.file.endswith("fuzz.toml")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        n = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "dup", "swap", "edit", "value", "move"]))
        if how == "drop":
            del lines[n]
        elif how == "dup":
            lines.insert(n, lines[n])
        elif how == "swap":
            m = draw(st.integers(0, len(lines) - 1))
            lines[n], lines[m] = lines[m], lines[n]
        elif how == "edit":
            pos = draw(st.integers(0, max(0, len(lines[n]))))
            lines[n] = lines[n][:pos] + draw(st.text(max_size=5)) + lines[n][pos:]
        elif how == "value" and "=" in lines[n]:
            key = lines[n].split("=")[0]
            value = draw(
                st.sampled_from(
                    [
                        '""',
                        "1",
                        "-3",
                        "1.5",
                        "true",
                        "[]",
                        "{}",
                        '["x"]',
                        "2026-11-23",
                        '"end"',
                        '"habil"',
                        "nan",
                    ]
                )
            )
            lines[n] = f"{key}= {value}"
        elif how == "move":
            lines.append(lines.pop(n))
        if not lines:
            lines = ["x = 1"]
    return "\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_content_gives_only_content_errors(text: str) -> None:
    load_text(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_random_text_gives_only_content_errors(text: str) -> None:
    load_text(text)


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "kind",
                        "questions",
                        "options",
                        "title",
                        "nb",
                        "nn",
                        "lights",
                        "red",
                        "credit",
                        "bands",
                        "from",
                        "to",
                        "text",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_random_toml_structures_give_only_content_errors(value: object) -> None:
    import json

    if isinstance(value, dict):
        # JSON objects of these shapes are mostly valid TOML inline tables when written as TOML;
        # use a simple writer for the top level.
        lines = [
            f"{k} = {json.dumps(v)}"
            for k, v in value.items()
            if v is not None and not isinstance(v, (dict, list))
        ]
        load_text("\n".join(lines))
