"""Arbitrary Unicode, huge paragraphs and empty documents never raise, and every quote is its span."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.api import review_text

_LEGAL = st.sampled_from(
    [
        "第一条　",
        "处五百元罚款",
        "依照《某法》第三条",
        "其他行为",
        "停水停电",
        "。",
        "；",
        "\n",
        "本办法自2026年1月1日起施行",
        "有效期十年",
        "暂行",
        "<m>",
        "《",
        "》",
        "\u3000",
        "\x00",
    ]
)


def _check(text: str, fragment: bool | None = None) -> None:
    rv = review_text(text, fragment=fragment)
    for f in rv.findings:
        assert rv.document.text[f.start : f.end] == f.quote
        assert 0 <= f.start < f.end <= len(rv.document.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LEGAL, st.text(max_size=8)), max_size=40).map("".join), st.booleans())
def test_legal_looking_fragments(text, fragment):
    _check(text, fragment)


def test_empty_and_blank_documents():
    for text in ("", " ", "\n\n", "\u3000"):
        assert review_text(text, fragment=False).findings == []


def test_huge_paragraph():
    _check("第一条　" + "违反本办法的，处五百元罚款，" * 20000 + "。")
